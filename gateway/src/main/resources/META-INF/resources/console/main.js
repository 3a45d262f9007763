// The console's shell: sign-in, the menu of the user's pages, the device's queue, and the router
// that mounts one page (one module, one Alpine component) at a time into <main>.
import Alpine from '/_static/alpinejs/3.15.4/dist/module.esm.min.js';
import api from './api.js';
import { app } from './store.js';
import PAGES from './pages/index.js';

const byName = Object.fromEntries(PAGES.map(p => [p.name, p]));

/** The pages of the user's roles, in menu order, each once. */
function tabs() {
  const names = [];
  for (const page of PAGES) if (page.tab && page.roles.some(r => app.roles().includes(r)) && !names.includes(page.name)) names.push(page.name);
  const first = app.roles()[0];
  // the user's main role leads the menu: an administrator starts at the users, a keeper at the stock
  return names.sort((a, b) => Number(!byName[a].roles.includes(first)) - Number(!byName[b].roles.includes(first)));
}

function parse(hash) {
  const [path, query] = hash.replace(/^#\/?/, '').split('?');
  const [name, id] = path.split('/');
  return { name: name || null, id: id ? decodeURIComponent(id) : null, query: Object.fromEntries(new URLSearchParams(query || '')) };
}

function mount() {
  const el = document.getElementById('page');
  if (!el) return;
  if (el.firstElementChild) Alpine.destroyTree(el.firstElementChild);
  let route = parse(location.hash);
  const allowed = app.session ? tabs() : [];
  const page = byName[route.name];
  if (!app.session) {
    Alpine.mutateDom(() => { el.innerHTML = ''; });
    return;
  }
  if (!page || !page.roles.some(r => app.roles().includes(r))) {
    if (allowed.length) { app.go(allowed[0]); }
    return;
  }
  app.route = route;
  Alpine.mutateDom(() => {
    el.innerHTML = '<section x-data="' + page.component + '" data-page="' + page.name + '">' + page.template + '</section>';
  });
  Alpine.initTree(el.firstElementChild);
  document.title = app.t('tab.' + page.name) + ' · ' + app.t('app.name');
  el.firstElementChild.focus?.();
}

Alpine.store('app', app);
for (const page of PAGES) Alpine.data(page.component, page.data);

Alpine.data('shell', () => ({
  loginForm: { username: '', password: '' },
  loginError: '',
  busy: false,
  queue: [],
  leaving: false,
  leaveError: '',

  init() {
    api.language = app.lang;
    document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
    api.onSessionEnded = () => { app.session = null; app.say(app.t('error.session')); mount(); };
    this.syncQueue();
    window.addEventListener('online', () => { app.online = true; this.flush(); });
    window.addEventListener('offline', () => { app.online = false; });
    window.addEventListener('hashchange', () => mount());
    window.addEventListener('beiqin:queue', () => this.syncQueue());
    window.addEventListener('beiqin:record', e => this.record(e.detail));
    setInterval(() => this.flush(), 15000);
    setInterval(() => app.loadUnread(), 30000);
    if (app.session) this.start();
  },
  get app() { return app; },
  t(key, ...args) { return app.t(key, ...args); },
  tabs,

  toggleLanguage() {
    app.lang = app.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('beiqin.lang', app.lang);
    api.language = app.lang;
    document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
    if (app.session) app.loadNames().then(() => mount());
  },
  async login() {
    this.busy = true; this.loginError = '';
    try {
      app.session = await api.login(this.loginForm.username.trim(), this.loginForm.password);
      this.loginForm.password = '';
      this.start();
    } catch (e) {
      this.loginError = e instanceof api.Refused ? api.describe(e) : app.t('login.network');
    } finally { this.busy = false; }
  },
  /** Signing out asks first when entries of this user wait on the device. */
  logout() {
    this.syncQueue();
    if (this.queue.length) { this.leaveError = ''; this.leaving = true; return; }
    return this.signOut();
  },
  async leave(choice) {
    if (choice === 'send') {
      this.busy = true;
      await this.flush();
      this.busy = false;
      if (this.queue.length) { this.leaveError = this.t('logout.sendFailed'); return; }
    }
    if (choice === 'discard') for (const entry of api.mine()) api.discard(entry);
    this.leaving = false;
    await this.signOut();
  },
  async signOut() {
    const el = document.getElementById('page');
    if (el && el.firstElementChild) Alpine.destroyTree(el.firstElementChild);
    await api.logout();
    // nothing of this user's stays on screen for the next one: their queue, their last message
    app.session = null; app.message = ''; clearTimeout(app.messageTimer); this.queue = [];
    app.divisions = {}; app.rules = []; app.unread = 0;
    history.replaceState(null, '', '#/');
    mount();
  },
  async start() {
    this.syncQueue();
    await app.loadNames();
    app.loadUnread();
    mount();
    this.flush();
  },

  // ---- the device's queue of entries waiting for the network
  syncQueue() { this.queue = api.mine().map(e => Object.assign({}, e)); },
  record({ label, method, path, body }) {
    api.enqueue(label, method, path, body);
    this.syncQueue();
    if (!navigator.onLine) { app.say(app.t('queue.saved')); return; }
    this.flush();
  },
  async flush() {
    if (!navigator.onLine) return;
    await api.flush(entry => app.say(app.t('queue.sent') + entry.label));
    this.syncQueue();
    if (api.mine().some(e => e.state === 'pending')) app.say(app.t('queue.saved'));
    window.dispatchEvent(new CustomEvent('beiqin:flushed'));
  },
  discard(entry) { const real = api.mine().find(e => e.id === entry.id); if (real) api.discard(real); this.syncQueue(); }
}));

window.Alpine = Alpine;
Alpine.start();

// the console opens without a network once it has been opened with one (sw.js keeps the console, not data)
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => { /* plain web page then */ });
