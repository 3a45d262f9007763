// 值班安排: who is on duty now and who has not checked in, a period's roster as a week with its
// coverage gaps, replacing a member on a shift, and spot checks raised here with the answers
// arriving as they come.
import api from '../api.js';
import { page } from '../store.js';

const DAY = 86400000;
const ZONE = 'Asia/Shanghai';
/** The Beijing day (yyyy-mm-dd) of a moment. */
const dayKey = at => new Date(at).toLocaleDateString('sv-SE', { timeZone: ZONE });
/** Beijing midnight of a yyyy-mm-dd day, as a moment. */
const midnight = day => new Date(day + 'T00:00:00+08:00').getTime();

export default {
  name: 'roster', component: 'rosterPage', roles: ['duty_officer', 'county_office', 'admin'], tab: true,
  template: `
    <label x-show="app.scopes().length > 1"><span x-text="t('division')"></span>
      <select x-model="scope" @change="reload()" data-testid="roster-division">
        <template x-for="d in app.scopes()" :key="d.code"><option :value="d.code" x-text="d.name" :selected="d.code === scope"></option></template>
      </select></label>
    <h2 x-text="t('roster.now')"></h2>
    <p x-show="stale" class="muted" x-text="t('stale') + ' ' + time(stale)"></p>
    <ul class="list-cards" data-testid="on-duty">
      <template x-for="s in now.onDuty" :key="s.id">
        <li :class="s.checkedInAt ? '' : 'urgent'">
          <div class="row"><strong x-text="s.memberName"></strong><span class="tag" x-text="s.roleLabel"></span></div>
          <div class="row"><small x-text="division(s.division) + ' · ' + time(s.startsAt) + ' — ' + time(s.endsAt)"></small>
            <span class="tag" :class="s.checkedInAt ? 'ok' : 'bad'" x-text="s.checkedInAt ? t('roster.inAt', time(s.checkedInAt)) : t('roster.notIn')"></span></div>
        </li>
      </template>
      <li x-show="!now.onDuty.length" class="urgent" x-text="t('roster.nobody')"></li>
    </ul>
    <div class="row">
      <button data-testid="raise-spot-check" @click="raise()" :aria-busy="busy" :disabled="!now.onDuty.length" x-text="t('roster.raise')"></button>
    </div>
    <h3 x-text="t('roster.checks')"></h3>
    <ul class="list-cards" data-testid="spot-check-answers">
      <template x-for="c in checks.slice(0, 10)" :key="c.id">
        <li :data-state="c.state" :class="c.state === 'ACKNOWLEDGED' ? '' : c.state === 'WAITING' ? 'soon' : 'urgent'">
          <div class="row"><strong x-text="c.officer"></strong><span class="tag" :class="c.state === 'ACKNOWLEDGED' ? 'ok' : c.state === 'WAITING' ? 'warn' : 'bad'" x-text="t('spot.' + c.state)"></span></div>
          <small class="muted" x-text="t('roster.checkLine', time(c.sentAt), c.sentBy === 'system' ? t('spot.system') : c.sentBy, c.acknowledgedAt ? time(c.acknowledgedAt) : time(c.respondBy))"></small>
        </li>
      </template>
      <li x-show="!checks.length" x-text="t('roster.noChecks')"></li>
    </ul>
    <h2 x-text="t('roster.week')"></h2>
    <div class="grid">
      <label><span x-text="t('roster.period')"></span>
        <select x-model="periodId" @change="loadPeriod()" data-testid="period">
          <template x-for="p in periods" :key="p.id"><option :value="p.id" x-text="p.name + '（' + division(p.division) + '）'" :selected="p.id === periodId"></option></template>
        </select></label>
      <div class="row">
        <button class="outline" @click="shiftWeek(-7)" :aria-label="t('roster.prevWeek')">‹</button>
        <strong x-text="date(days[0]) + ' — ' + date(days[6])"></strong>
        <button class="outline" @click="shiftWeek(7)" :aria-label="t('roster.nextWeek')">›</button>
      </div>
    </div>
    <p x-show="period && period.gaps.length" class="warning" data-testid="gap-summary" x-text="period ? t('roster.gaps', period.gaps.length) : ''"></p>
    <p x-show="!periods.length" x-text="t('roster.noPeriods')"></p>
    <div class="week" data-testid="week" x-show="period" :data-period="period ? period.id : ''">
      <template x-for="d in days" :key="d">
        <div class="day" :data-day="d">
          <h4 x-text="weekday(d)"></h4>
          <template x-for="g in gapsOn(d)" :key="g.from">
            <div class="gap" data-testid="gap" x-text="t('roster.gap', clock(g.from, d), clock(g.to, d), g.leaders, g.staff)"></div>
          </template>
          <template x-for="s in shiftsOn(d)" :key="s.id">
            <div class="shift" :class="s.role === 'LEADER' ? 'leader' : ''">
              <div x-text="clock(s.startsAt, d) + '—' + clock(s.endsAt, d) + ' ' + s.memberName"></div>
              <small x-text="s.roleLabel + (s.changeReason ? ' · ' + t('roster.replaced') : '')"></small>
              <div class="actions">
                <template x-if="s.endsAt > new Date().toISOString() && !s.checkedInAt">
                  <span>
                    <button class="outline small" @click="startOverride(s)" x-text="t('roster.override')"></button>
                    <button class="outline small" data-testid="swap" @click="startSwap(s)" x-text="t('roster.swap')"></button>
                  </span>
                </template>
                <button class="outline small" data-testid="shift-history" @click="showHistory(s)" x-text="t('roster.history')"></button>
              </div>
            </div>
          </template>
        </div>
      </template>
    </div>
    <template x-if="overriding">
      <form class="box" id="override-form" @submit.prevent="override()" data-testid="override-form">
        <h3 x-text="t('roster.overrideOf', overriding.memberName, time(overriding.startsAt))"></h3>
        <label><span x-text="t('roster.member')"></span>
          <select x-model="overrideForm.memberId" required>
            <option value="" x-text="t('choose')"></option>
            <template x-for="m in members.filter(m => m.id !== overriding.memberId)" :key="m.id"><option :value="m.id" x-text="m.name + '（' + division(m.division) + '）'"></option></template>
          </select></label>
        <label><span x-text="t('reason')"></span><input x-model="overrideForm.reason" required maxlength="500"></label>
        <p class="error" x-show="error" role="alert" x-text="error"></p>
        <div class="grid"><button type="submit" x-text="t('save')"></button><button type="button" class="secondary" @click="overriding = null" x-text="t('cancel')"></button></div>
      </form>
    </template>
    <template x-if="swapping">
      <form class="box" id="swap-form" @submit.prevent="swap()" data-testid="swap-form">
        <h3 x-text="t('roster.swapOf', swapping.memberName, time(swapping.startsAt))"></h3>
        <label><span x-text="t('roster.swapWith')"></span>
          <select x-model="swapForm.otherId" name="otherShift" required>
            <option value="" x-text="t('choose')"></option>
            <template x-for="o in swappable()" :key="o.id"><option :value="o.id" x-text="o.memberName + ' · ' + time(o.startsAt) + ' — ' + time(o.endsAt)"></option></template>
          </select></label>
        <label><span x-text="t('reason')"></span><input name="swapReason" x-model="swapForm.reason" required maxlength="500"></label>
        <p class="error" x-show="error" role="alert" x-text="error"></p>
        <div class="grid"><button type="submit" x-text="t('save')"></button><button type="button" class="secondary" @click="swapping = null" x-text="t('cancel')"></button></div>
      </form>
    </template>
    <template x-if="history">
      <section class="box" id="shift-history" data-testid="shift-history-box">
        <h3 x-text="t('roster.historyOf', history.shift.memberName, time(history.shift.startsAt))"></h3>
        <ol><template x-for="(e, i) in history.entries" :key="i"><li x-text="entryText(e)"></li></template></ol>
        <p x-show="!history.entries.length" x-text="t('roster.historyNone')"></p>
        <button type="button" class="secondary" @click="history = null" x-text="t('roster.historyClose')"></button>
      </section>
    </template>`,
  data: page(() => ({
    scope: '', now: { onDuty: [], notCheckedIn: [] }, checks: [], periods: [], periodId: '', period: null, shifts: [],
    days: [], members: [], overriding: null, overrideForm: { memberId: '', reason: '' }, history: null, swapping: null, swapForm: { otherId: '', reason: '' }, error: '', busy: false, stale: null, timer: null,
    init() {
      const own = this.app.session.user.division;
      this.scope = this.app.route.query.division || (own.length === 6 ? (this.app.scopes()[1] || this.app.scopes()[0] || { code: own }).code : own);
      this.setWeek(Date.now());
      this.reload();
      // answers arrive while the page is open
      this.timer = setInterval(() => this.loadChecks(), 5000);
    },
    destroy() { clearInterval(this.timer); },
    /** The divisions this user may look at: their own and, for a county, its townships. */
    async reload() {
      try {
        const [now, periods] = await Promise.all([api.get('/api/duty/now?division=' + this.scope), api.get('/api/duty/periods?division=' + this.scope)]);
        this.now = now.data; this.stale = now.stale;
        this.periods = periods.data.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
        const current = this.periods.find(p => p.startsAt <= new Date().toISOString() && p.endsAt > new Date().toISOString()) || this.periods[0];
        this.periodId = current ? current.id : '';
        await Promise.all([this.loadChecks(), this.loadPeriod(), this.loadMembers()]);
      } catch (e) { this.fail(e); }
    },
    async loadChecks() {
      try { this.checks = (await api.get('/api/duty/spot-checks?division=' + this.scope)).data; } catch (e) { /* next tick */ }
    },
    async loadMembers() {
      try {
        const teams = (await api.get('/api/duty/teams?division=' + this.scope)).data;
        const details = await Promise.all(teams.map(t => api.get('/api/duty/teams/' + t.id)));
        this.members = details.flatMap(d => d.data.members).filter(m => m.status === 'ACTIVE');
      } catch (e) { this.members = []; }
    },
    async loadPeriod() {
      const id = this.periodId;
      if (!id) { this.period = null; this.shifts = []; return; }
      // another period chosen: its week is not shown with the last one's gaps and shifts while it loads
      if (!this.period || this.period.id !== id) { this.period = null; this.shifts = []; }
      // a shift's history shown from before the roster changed would be out of date
      this.history = null;
      const [period, shifts] = await Promise.all([api.get('/api/duty/periods/' + id), api.get('/api/duty/periods/' + id + '/shifts')]);
      if (this.periodId !== id) return; // chosen again meanwhile: the later answer decides
      this.period = period.data; this.shifts = shifts.data;
      const now = Date.now();
      const start = new Date(this.period.startsAt).getTime(), end = new Date(this.period.endsAt).getTime();
      if (midnight(this.days[6]) + DAY <= start || midnight(this.days[0]) >= end) this.setWeek(now >= start && now < end ? now : start);
    },
    setWeek(at) { const first = midnight(dayKey(at)); this.days = [...Array(7).keys()].map(i => dayKey(first + i * DAY + 12 * 3600000)); },
    shiftWeek(by) { this.setWeek(midnight(this.days[0]) + by * DAY + 12 * 3600000); },
    weekday(d) { return new Date(midnight(d)).toLocaleDateString(this.app.locale(), { timeZone: ZONE, month: 'numeric', day: 'numeric', weekday: 'short' }); },
    overlaps(from, to, d) { const a = midnight(d); return new Date(from).getTime() < a + DAY && new Date(to).getTime() > a; },
    shiftsOn(d) { return this.shifts.filter(s => this.overlaps(s.startsAt, s.endsAt, d)).sort((a, b) => a.startsAt.localeCompare(b.startsAt)); },
    gapsOn(d) { return this.period ? this.period.gaps.filter(g => this.overlaps(g.from, g.to, d)) : []; },
    /** The time of day in Beijing, or the day's edge when the moment lies on another day. */
    clock(at, d) {
      const t = new Date(at).getTime(), a = midnight(d);
      if (t <= a) return '00:00';
      if (t >= a + DAY) return '24:00';
      return new Date(t).toLocaleTimeString('zh-CN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
    },
    async raise() {
      this.busy = true;
      try {
        const sent = await api.call('POST', '/api/duty/spot-checks', { division: this.scope });
        this.say(this.t('roster.raised', sent.length));
        await this.loadChecks();
      } catch (e) { this.fail(e); } finally { this.busy = false; }
    },
    startOverride(s) {
      this.overriding = s; this.swapping = null; this.history = null; this.error = ''; this.overrideForm = { memberId: '', reason: '' };
      this.$nextTick(() => document.getElementById('override-form')?.scrollIntoView({ block: 'start' }));
    },
    /** The shifts of the period that can trade places with the one being swapped: not begun, someone else's. */
    swappable() {
      const now = new Date().toISOString();
      return this.shifts.filter(o => o.id !== this.swapping.id && o.memberId !== this.swapping.memberId && o.startsAt > now && !o.checkedInAt)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
    /** Who rostered the shift and every change since, oldest first, in words. */
    async showHistory(s) {
      this.overriding = null; this.swapping = null;
      try {
        const entries = (await api.get('/api/duty/periods/shifts/' + s.id + '/audit')).data;
        this.history = { shift: s, entries };
        this.$nextTick(() => document.getElementById('shift-history')?.scrollIntoView({ block: 'start' }));
      } catch (e) { this.fail(e); }
    },
    entryText(e) {
      const after = e.after || {}, before = e.before || {};
      if (e.action === 'reassigned') {
        return this.t('roster.audit.reassigned', this.time(e.at), e.actorName || e.actor, before.member || this.t('roster.audit.someone'), after.member, after.reason || '');
      }
      return this.t('roster.audit.rostered', this.time(e.at), e.actorName || e.actor, after.member,
        this.t('roster.source.' + (after.source === 'ROTATION' ? 'ROTATION' : 'MANUAL')));
    },
    startSwap(s) {
      this.swapping = s; this.overriding = null; this.history = null; this.error = ''; this.swapForm = { otherId: '', reason: '' };
      this.$nextTick(() => document.getElementById('swap-form')?.scrollIntoView({ block: 'start' }));
    },
    async swap() {
      try {
        const other = this.swappable().find(o => o.id === this.swapForm.otherId);
        await api.call('POST', '/api/duty/periods/shifts/' + this.swapping.id + '/swap',
          { otherShiftId: this.swapForm.otherId, reason: this.swapForm.reason,
            version: this.swapping.version, otherVersion: other ? other.version : 0 });
        this.say(this.t('roster.swapped')); this.swapping = null;
        await this.loadPeriod();
      } catch (e) { this.error = e instanceof api.Refused ? api.describe(e) : this.t('error.network'); }
    },
    async override() {
      try {
        await api.call('POST', '/api/duty/periods/shifts/' + this.overriding.id + '/override',
          { memberId: this.overrideForm.memberId, reason: this.overrideForm.reason, version: this.overriding.version });
        this.say(this.t('roster.overridden')); this.overriding = null;
        await this.reload();
      } catch (e) { this.error = e instanceof api.Refused ? api.describe(e) : this.t('error.network'); }
    }
  }))
};
