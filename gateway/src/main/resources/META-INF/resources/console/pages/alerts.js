import api from '../api.js';
import { app, page } from '../store.js';

/** A short tone for a high-severity alert, made on the spot (no sound file to fetch). */
function beep() {
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880; gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start(); tone.stop(audio.currentTime + 0.4);
  } catch (e) { /* no sound on this device */ }
}

export default {
  name: 'alerts', component: 'alertsPage', roles: ['county_office', 'admin'], tab: true,
  template: `
    <h2><span x-text="t('alerts.title')"></span> <small :data-live="live ? 'yes' : 'no'" data-testid="live" x-text="live ? t('alerts.live') : t('alerts.connecting')"></small></h2>
    <form class="filters" @submit.prevent="load()" @change="load()">
      <div class="grid">
        <label><span x-text="t('township')"></span><select name="division" x-model="filters.division">
          <option value="" x-text="t('all')"></option>
          <template x-for="d in app.townships()" :key="d.code"><option :value="d.code" x-text="d.name"></option></template>
        </select></label>
        <label><span x-text="t('severity')"></span><select name="severity" x-model="filters.severity">
          <option value="" x-text="t('all')"></option>
          <template x-for="s in ['high', 'medium', 'low']" :key="s"><option :value="s" x-text="t('severity.' + s)"></option></template>
        </select></label>
      </div>
      <label><input type="checkbox" name="unread" x-model="filters.unread"> <span x-text="t('alerts.unreadOnly')"></span></label>
      <label><input type="checkbox" name="sound" x-model="sound" @change.stop="saveSound()"> <span x-text="t('alerts.sound')"></span></label>
    </form>
    <div class="toolbar">
      <label><input type="checkbox" data-testid="select-all" :checked="selected.length && selected.length === unread().length" @change="selectAll($event.target.checked)"> <span x-text="t('alerts.selectAll')"></span></label>
      <button class="small" data-testid="acknowledge-selected" :disabled="!selected.length" @click="acknowledge(selected)" x-text="t('alerts.acknowledgeSelected', selected.length)"></button>
      <span class="muted" data-testid="alerts-total" x-text="t('alerts.total', total)"></span>
    </div>
    <ul data-testid="alerts" class="alerts">
      <template x-for="a in alerts" :key="a.id">
        <li :class="'sev-' + a.severity + (a.acknowledged ? ' read' : '')" data-testid="alert" :data-id="a.id">
          <label class="inline-check" x-show="!a.acknowledged"><input type="checkbox" :value="a.id" :checked="selected.includes(a.id)" @change="toggle(a.id)" :aria-label="t('alerts.select') + ' ' + a.title"></label>
          <strong x-text="t('severity.' + a.severity)"></strong>
          <span x-text="named(a.title)"></span> <small x-text="division(a.division) + ' · ' + time(a.createdAt)"></small>
          <a :href="'#/item/' + a.itemId" x-show="a.itemId" x-text="t('details')"></a>
          <button class="outline small" x-show="!a.acknowledged" data-testid="acknowledge" @click="acknowledge([a.id])" x-text="t('alerts.acknowledge')"></button>
          <small class="muted" x-show="a.acknowledged" x-text="a.acknowledged ? t('alerts.acknowledgedBy', a.acknowledged.by, time(a.acknowledged.at)) : ''"></small>
        </li>
      </template>
      <li x-show="!alerts.length" x-text="t('alerts.none')"></li>
    </ul>`,
  data: page(() => ({
    alerts: [], total: 0, live: false, selected: [], abort: null,
    filters: { division: '', severity: '', unread: false },
    sound: localStorage.getItem('beiqin.sound') === 'on',
    init() {
      // made before anything waits, so that leaving the page at any moment stops the feed
      this.abort = new AbortController();
      this.load().then(() => { if (!this.abort.signal.aborted) this.stream(); });
    },
    destroy() { this.abort.abort(); },
    saveSound() { localStorage.setItem('beiqin.sound', this.sound ? 'on' : 'off'); if (this.sound) beep(); },
    query() {
      const q = new URLSearchParams({ size: '50', unread: String(this.filters.unread) });
      if (this.filters.division) q.set('division', this.filters.division);
      if (this.filters.severity) q.set('severity', this.filters.severity);
      return q;
    },
    async load() {
      try {
        const page = (await api.get('/api/rectification/alerts?' + this.query())).data;
        this.alerts = page.items; this.total = page.total;
        this.selected = this.selected.filter(id => this.unread().some(a => a.id === id));
      } catch (e) { this.fail(e); }
    },
    unread() { return this.alerts.filter(a => !a.acknowledged); },
    toggle(id) { this.selected = this.selected.includes(id) ? this.selected.filter(x => x !== id) : this.selected.concat(id); },
    selectAll(on) { this.selected = on ? this.unread().map(a => a.id) : []; },
    matches(alert) {
      return (!this.filters.division || alert.division.startsWith(this.filters.division))
        && (!this.filters.severity || alert.severity === this.filters.severity);
    },
    async acknowledge(ids) {
      try {
        const done = await api.call('POST', '/api/rectification/alerts/acknowledgement', { ids });
        for (const a of done) {
          const i = this.alerts.findIndex(x => x.id === a.id);
          if (i >= 0) this.alerts[i] = a;
        }
        this.selected = this.selected.filter(id => !ids.includes(id));
        if (this.filters.unread) await this.load();
        this.say(this.t('alerts.acknowledged', done.length));
        app.loadUnread();
      } catch (e) { this.fail(e); }
    },
    // the live feed, resumed from the newest alert this page has seen
    async stream() {
      let last = null;
      try { last = String((await api.call('GET', '/api/rectification/alerts?unread=false&size=1')).items[0]?.id ?? '') || null; } catch (e) { /* from now on */ }
      await api.stream('/api/rectification/alerts/stream', { signal: this.abort.signal, lastId: last,
        onLive: live => { this.live = live; },
        onEvent: e => { if (e.event === 'alert') this.arrived(JSON.parse(e.data)); } });
    },
    arrived(alert) {
      app.unread += alert.acknowledged ? 0 : 1;
      if (this.sound && alert.severity === 'high') beep();
      if (!this.matches(alert) || this.alerts.some(a => a.id === alert.id)) return;
      this.alerts.unshift(alert);
      this.total += 1;
    }
  }))
};
