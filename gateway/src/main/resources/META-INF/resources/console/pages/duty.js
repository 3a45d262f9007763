// 我的值班: the officer's shifts of the next 14 days, check-in and check-out with the state in
// Beijing time, spot checks that arrive without a reload and are answered with one tap, and a
// calendar subscription his phone reads without signing in.
import api from '../api.js';
import { page } from '../store.js';

export default {
  name: 'duty', component: 'dutyPage', roles: ['duty_officer'], tab: true,
  template: `
    <template x-if="waiting.length">
      <section class="spot-live" data-testid="spot-check-live" role="alert">
        <h2 x-text="t('duty.spotNow')"></h2>
        <template x-for="g in groups()" :key="g[0].id">
          <div class="row">
            <p x-text="t('duty.spotFrom', g[0].sentBy === 'system' ? t('spot.system') : g[0].sentBy, time(g[0].sentAt), time(g[0].respondBy))"></p>
            <button data-testid="answer" @click="answer(g)" :aria-busy="busy" x-text="t('duty.answer')"></button>
          </div>
        </template>
      </section>
    </template>
    <p x-show="notMember" class="warning" data-testid="not-member" x-text="t('duty.notMember')"></p>
    <template x-if="!notMember">
      <div>
        <h2 x-text="t('duty.now')"></h2>
        <article data-testid="duty-state">
          <template x-for="c in (currents.length ? currents : [null])" :key="c ? c.id : 'none'">
            <p data-testid="duty-state-line" x-text="stateText(c)"></p>
          </template>
          <div class="grid">
            <button @click="checkIn()" data-testid="check-in" :disabled="currents.length > 0 && currents.every(c => c.checkedInAt)" x-text="t('duty.checkIn')"></button>
            <button class="secondary" @click="checkOut()" data-testid="check-out" :disabled="!currents.some(c => c.checkedInAt && !c.checkedOutAt)" x-text="t('duty.checkOut')"></button>
          </div>
        </article>
        <h2 x-text="t('duty.next14')"></h2>
        <ul class="list-cards" data-testid="shifts">
          <template x-for="s in shifts" :key="s.id">
            <li :data-checked-in="s.checkedInAt ? 'yes' : 'no'">
              <div class="row"><strong x-text="span(s)"></strong><span class="tag" x-text="s.roleLabel"></span></div>
              <small class="muted" x-text="s.checkedInAt ? t('duty.inAt', time(s.checkedInAt)) + (s.late ? ' ' + t('duty.late') : '') : (s.startsAt <= new Date().toISOString() ? t('duty.notIn') : t('duty.ahead'))"></small>
            </li>
          </template>
          <li x-show="!shifts.length" x-text="t('duty.noShifts')"></li>
        </ul>
        <h2 x-text="t('duty.spotChecks')"></h2>
        <p class="muted" data-testid="spot-checks" x-text="waiting.length ? t('duty.spotWaiting', waiting.length) : t('duty.noSpotChecks')"></p>
        <small class="muted" x-text="live ? t('duty.live') : t('duty.connecting')"></small>
        <h2 x-text="t('duty.calendar')"></h2>
        <article data-testid="calendar">
          <p x-text="calendar.enabled ? t('duty.calendarOn', time(calendar.createdAt), calendar.lastReadAt ? time(calendar.lastReadAt) : t('duty.calendarNeverRead')) : t('duty.calendarOff')"></p>
          <template x-if="calendarUrl">
            <div class="secret" data-testid="calendar-url">
              <p x-text="t('duty.calendarOnce')"></p>
              <p class="secret-url" x-text="calendarUrl"></p>
              <a class="button" :href="webcal" x-text="t('duty.subscribe')"></a>
            </div>
          </template>
          <div class="grid">
            <button class="outline" data-testid="calendar-new" @click="newCalendar()" x-text="calendar.enabled ? t('duty.calendarRenew') : t('duty.calendarCreate')"></button>
            <button class="outline secondary" data-testid="calendar-revoke" x-show="calendar.enabled" @click="revokeCalendar()" x-text="t('duty.calendarRevoke')"></button>
          </div>
        </article>
      </div>
    </template>`,
  data: page(() => ({
    shifts: [], waiting: [], currents: [], calendar: { enabled: false }, calendarUrl: '', live: false, notMember: false,
    busy: false, abort: null,
    init() {
      this.abort = new AbortController();
      this.load().then(() => {
        if (this.notMember || this.abort.signal.aborted) return;
        api.stream('/api/duty/me/spot-checks/stream', { signal: this.abort.signal, onLive: live => { this.live = live; },
          onEvent: e => { if (e.event === 'spot-check') this.loadSpotChecks(); } });
      });
    },
    destroy() { this.abort.abort(); },
    get webcal() { return this.calendarUrl.replace(/^https?:/, 'webcal:'); },
    async load() {
      try {
        const shifts = await api.get('/api/duty/me/shifts?days=14&limit=100');
        this.shifts = shifts.data;
        const now = new Date().toISOString();
        // (a roster may put him on a township and a village shift at once: each is checked in; check-in
        // opens 30 minutes before a shift starts)
        const soon = new Date(Date.now() + 30 * 60000).toISOString();
        this.currents = this.shifts.filter(s => s.startsAt <= soon && s.endsAt > now);
        await Promise.all([this.loadSpotChecks(), this.loadCalendar()]);
      } catch (e) {
        if (e instanceof api.Refused && e.status === 404) this.notMember = true; else this.fail(e);
      }
    },
    async loadSpotChecks() {
      try { this.waiting = (await api.get('/api/duty/me/spot-checks')).data.filter(c => !c.acknowledgedAt); } catch (e) { this.fail(e); }
    },
    async loadCalendar() { try { this.calendar = (await api.get('/api/duty/me/calendar')).data; } catch (e) { /* shown as off */ } },
    span(s) {
      const from = this.time(s.startsAt), to = this.time(s.endsAt);
      const sameDay = this.dayOf(s.startsAt) === this.dayOf(s.endsAt);
      return from + ' — ' + (sameDay ? new Date(s.endsAt).toLocaleTimeString(this.app.locale(), { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) : to);
    },
    stateText(c) {
      if (!c) return this.shifts.length ? this.t('duty.nextShift', this.span(this.shifts[0])) : this.t('duty.noShifts');
      if (c.checkedOutAt) return this.t('duty.stateOut', this.span(c), this.time(c.checkedOutAt));
      if (c.checkedInAt) return this.t('duty.stateIn', this.span(c), this.time(c.checkedInAt) + (c.late ? ' ' + this.t('duty.late') : ''));
      return this.t('duty.stateDue', this.span(c));
    },
    async checkIn() {
      try { await api.call('POST', '/api/duty/me/check-in', {}); this.say(this.t('duty.checkedInOk')); await this.load(); } catch (e) { this.fail(e); }
    },
    async checkOut() {
      try { await api.call('POST', '/api/duty/me/check-out'); this.say(this.t('duty.checkedOutOk')); await this.load(); } catch (e) { this.fail(e); }
    },
    /** One spot check reaches him once per shift he is on: the checks sent together are answered together. */
    groups() {
      const groups = {};
      for (const c of this.waiting) (groups[c.sentBy + '|' + c.sentAt.slice(0, 16)] ||= []).push(c);
      return Object.values(groups);
    },
    async answer(group) {
      this.busy = true;
      try {
        for (const c of group) await api.call('POST', '/api/duty/spot-checks/' + c.id + '/acknowledgement');
        this.say(this.t('duty.answeredOk'));
      } catch (e) { this.fail(e); } finally { this.busy = false; await this.loadSpotChecks(); }
    },
    async newCalendar() {
      try {
        const made = await api.call('POST', '/api/duty/me/calendar');
        this.calendarUrl = location.origin + made.path;
        this.calendar = made.state;
      } catch (e) { this.fail(e); }
    },
    async revokeCalendar() {
      try { await api.call('DELETE', '/api/duty/me/calendar'); this.calendarUrl = ''; await this.loadCalendar(); this.say(this.t('duty.calendarRevoked')); } catch (e) { this.fail(e); }
    }
  }))
};
