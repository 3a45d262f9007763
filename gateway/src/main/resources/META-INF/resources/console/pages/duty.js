import api from '../api.js';
import { page } from '../store.js';

export default {
  name: 'duty', component: 'dutyPage', roles: ['duty_officer'], tab: true,
  template: `
    <h2 x-text="t('duty.shifts')"></h2>
    <div class="grid">
      <button @click="checkIn()" data-testid="check-in" x-text="t('duty.checkIn')"></button>
      <button class="secondary" @click="checkOut()" data-testid="check-out" x-text="t('duty.checkOut')"></button>
    </div>
    <div class="overflow-auto"><table data-testid="shifts">
      <thead><tr><th x-text="t('duty.from')"></th><th x-text="t('duty.to')"></th><th x-text="t('duty.role')"></th><th x-text="t('duty.checkedIn')"></th></tr></thead>
      <tbody><template x-for="s in shifts" :key="s.id">
        <tr><td x-text="time(s.startsAt)"></td><td x-text="time(s.endsAt)"></td><td x-text="s.roleLabel"></td>
          <td :data-checked-in="s.checkedInAt ? 'yes' : 'no'" x-text="s.checkedInAt ? time(s.checkedInAt) + (s.late ? ' ' + t('duty.late') : '') : '—'"></td></tr>
      </template></tbody>
    </table></div>
    <h2 x-text="t('duty.spotChecks')"></h2>
    <ul data-testid="spot-checks">
      <template x-for="c in spotChecks" :key="c.id">
        <li><span x-text="time(c.sentAt) + ' · ' + c.sentBy"></span>
          <button class="small" x-show="!c.acknowledgedAt" @click="answerSpotCheck(c)" x-text="t('duty.answer')"></button>
          <small x-show="c.acknowledgedAt" x-text="t('duty.answered')"></small></li>
      </template>
      <li x-show="!spotChecks.length" x-text="t('duty.noSpotChecks')"></li>
    </ul>`,
  data: page(() => ({
    shifts: [], spotChecks: [],
    init() { this.load().catch(e => this.fail(e)); },
    async load() {
      this.shifts = (await api.get('/api/duty/me/shifts')).data;
      this.spotChecks = (await api.get('/api/duty/me/spot-checks')).data;
    },
    async checkIn() {
      try { await api.call('POST', '/api/duty/me/check-in', {}); this.say(this.t('duty.checkedInOk')); await this.load(); } catch (e) { this.fail(e); }
    },
    async checkOut() {
      try { await api.call('POST', '/api/duty/me/check-out'); this.say(this.t('duty.checkedOutOk')); await this.load(); } catch (e) { this.fail(e); }
    },
    async answerSpotCheck(c) {
      try { await api.call('POST', '/api/duty/spot-checks/' + c.id + '/acknowledgement'); this.say(this.t('duty.answeredOk')); await this.load(); } catch (e) { this.fail(e); }
    }
  }))
};
