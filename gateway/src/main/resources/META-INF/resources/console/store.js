// What every page shares, once: the session, the language and its words, the division names and
// rule titles, formatting of numbers and Beijing times, the message line and the route.
import Alpine from '/_static/alpinejs/3.15.4/dist/module.esm.min.js';
import api from './api.js';
import TEXT from './i18n.js';

const ZONE = 'Asia/Shanghai';

export const app = Alpine.reactive({
  lang: localStorage.getItem('beiqin.lang') || 'zh',
  session: api.session,
  online: navigator.onLine,
  message: '',
  route: { name: null, id: null, query: {} },
  divisions: {},      // code → { code, name, parent, level }
  unnamed: [],        // codes in use that the registry does not name
  rules: [],          // [{ code, title, severity }]
  unread: 0,

  t(key, ...args) {
    let text = (TEXT[this.lang] && TEXT[this.lang][key]) || TEXT.zh[key] || key;
    args.forEach((a, i) => { text = text.replace('{' + i + '}', () => String(a)); });
    return text;
  },
  locale() { return this.lang === 'zh' ? 'zh-CN' : 'en-GB'; },
  num(value) { return value == null || value === '' ? '—' : Number(value).toLocaleString(this.locale()); },
  /** A moment in Beijing time, as people write it: 2026/12/1 14:05. */
  time(iso) {
    if (!iso) return '—';
    return new Date(iso).toLocaleString(this.locale(), { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' });
  },
  /** A calendar day (2026-12-05) as people write it: 2026年12月5日 / 5 Dec 2026. */
  date(day) {
    if (!day) return '—';
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(this.locale(), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  },
  /** The Beijing day of a moment: 2026年12月1日. */
  dayOf(iso) {
    if (!iso) return '—';
    return new Date(iso).toLocaleDateString(this.locale(), { timeZone: ZONE, year: 'numeric', month: 'short', day: 'numeric' });
  },
  /** Today in Beijing as yyyy-mm-dd, the form date inputs take. */
  today() { return new Date().toLocaleDateString('sv-SE', { timeZone: ZONE }); },
  /** A division's name; a code the registry lacks is shown as such, marked, for the administrator to fix. */
  division(code) {
    if (!code) return '—';
    const d = this.divisions[code];
    return d ? d.name : this.t('division.unregistered', code);
  },
  /** A text with the division codes it carries ("410182102 自…") told by their names ("乔楼镇 自…"). */
  named(text) {
    return text ? String(text).replace(/(?<!\d)(\d{6}(?:\d{3}){0,2})(?!\d)/g, code => this.divisions[code] ? this.divisions[code].name : code) : text;
  },
  /** "荥阳市 › 乔楼镇 › 沈洼村": a division with its parents, for pickers and details. */
  divisionPath(code) {
    const names = [];
    for (let c = code; c && c.length >= 6; c = c.length > 6 ? c.slice(0, -3) : null) names.unshift(this.division(c));
    return names.join(' › ');
  },
  /** What kind of record a finding is about (仓库, 班次…), in words. */
  subject(type) { const key = 'subject.' + type; const text = this.t(key); return text === key ? this.t('subject.other') : text; },
  rule(code) { const r = this.rules.find(x => x.code === code); return r ? r.title : code; },
  /** The townships (and the county) a county user can pick from, in code order. */
  townships() { return Object.values(this.divisions).filter(d => d.level === 1).sort((a, b) => a.code.localeCompare(b.code)); },
  /** The divisions a user may look at in the field pages: their own and the level below (a county's townships, a township's villages). */
  scopes() {
    const own = this.session.user.division;
    const list = [{ code: own, name: this.division(own) }];
    for (const d of this.tree()) if (d.code.startsWith(own) && d.code.length === own.length + 3) list.push({ code: d.code, name: d.name });
    return list;
  },
  tree() { return Object.values(this.divisions).sort((a, b) => a.code.localeCompare(b.code)); },

  roles() { return this.session ? this.session.user.roles : []; },
  has(...roles) { return roles.some(r => this.roles().includes(r)); },
  county() { return this.session ? this.session.user.division.length === 6 : false; },

  say(text) {
    this.message = text;
    clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => { this.message = ''; }, 8000);
  },
  fail(e) {
    if (e instanceof api.NetworkDown) this.say(this.t('error.network'));
    else if (e instanceof api.Refused) this.say(api.describe(e));
    else this.say(String(e && e.message || e));
  },
  go(name, id, query) {
    let hash = '#/' + name + (id ? '/' + encodeURIComponent(id) : '');
    const q = new URLSearchParams(Object.entries(query || {}).filter(([, v]) => v !== '' && v != null && v !== false));
    if ([...q].length) hash += '?' + q;
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
  },

  /** The names screens show: the registry of the user's county and the rule titles, in the current language. */
  async loadNames() {
    try {
      const [registry, rules] = await Promise.all([api.get('/api/rectification/divisions'), api.get('/api/rectification/rules')]);
      this.divisions = Object.fromEntries(registry.data.divisions.map(d => [d.code, d]));
      this.unnamed = registry.data.unnamed;
      this.rules = rules.data;
    } catch (e) { /* names fall back to marked codes until the next load */ }
  },
  async loadUnread() {
    if (!this.has('county_office', 'admin') || !this.session) return;
    try {
      const page = await api.call('GET', '/api/rectification/alerts?unread=true&size=1');
      this.unread = page ? page.total : this.unread;
    } catch (e) { /* the count waits for the next poll */ }
  }
});

/** What each page's component mixes in: the shared helpers, bound to the store. */
export const helpers = {
  get app() { return app; },
  t(key, ...args) { return app.t(key, ...args); },
  num(v) { return app.num(v); },
  time(iso) { return app.time(iso); },
  date(day) { return app.date(day); },
  dayOf(iso) { return app.dayOf(iso); },
  division(code) { return app.division(code); },
  /** What kind of record a finding is about (仓库, 班次…), in words. */
  subject(type) { const key = 'subject.' + type; const text = this.t(key); return text === key ? this.t('subject.other') : text; },
  rule(code) { return app.rule(code); },
  named(text) { return app.named(text); },
  fail(e) { app.fail(e); },
  say(text) { app.say(text); }
};

/** A page's component: its own state and methods over the shared helpers (getters kept as getters). */
export function page(definition) {
  return () => {
    const data = definition();
    for (const key of Object.keys(helpers)) {
      if (!(key in data)) Object.defineProperty(data, key, Object.getOwnPropertyDescriptor(helpers, key));
    }
    return data;
  };
}
