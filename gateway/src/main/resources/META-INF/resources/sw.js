// The console's service worker: it keeps the console itself (pages, styles, scripts) so that the
// console opens without a network, and nothing else. Data is not cached here: each read's last
// copy is kept by the console per signed-in user and forgotten at sign-out (console/api.js), so a
// phone handed to another keeper shows nothing of the first one's.
const SHELL = 'beiqin-shell-v1';
const PAGES = ['attention', 'stock', 'move', 'stocktake', 'equipment', 'facility', 'catalogue', 'duty', 'roster', 'drills', 'users',
  'divisions', 'alerts', 'ledger', 'item', 'approvals', 'stats', 'index', 'warehouse'];
const ASSETS = ['/', '/manifest.json', '/console/app.css', '/console/main.js', '/console/api.js', '/console/store.js', '/console/i18n.js',
  '/console/icon.svg', '/webjars/picocss__pico/2.1.1/css/pico.min.css', '/_static/alpinejs/3.15.4/dist/module.esm.min.js',
  ...PAGES.map(p => '/console/pages/' + p + '.js')];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== SHELL).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** The network first (a new version shows at once); the kept copy when the network is down. */
self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/q/')) return;
  const key = request.mode === 'navigate' ? '/' : url.pathname;
  event.respondWith(fetch(request).then(response => {
    if (response.ok && (request.mode === 'navigate' ? url.pathname === '/' : ASSETS.includes(url.pathname))) {
      const copy = response.clone();
      caches.open(SHELL).then(cache => cache.put(key, copy));
    }
    return response;
  }).catch(() => caches.match(key).then(hit => hit || Response.error())));
});
