// 器材检查: extinguishers with their due dates and the monthly check (passed or failed, with the
// defect), battery-powered equipment with its last charge; overdue, expired and low rows stand out.
import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

const CHECKS = ['sealIntact', 'gaugeInRange', 'undamaged', 'accessible'];
const LOW = 80;

export default {
  name: 'equipment', component: 'equipmentPage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('extinguishers')"></h2>
    <table class="cards" data-testid="extinguishers">
      <thead><tr><th x-text="t('label')"></th><th x-text="t('ext.monthly')"></th><th x-text="t('ext.annual')"></th><th x-text="t('status')"></th><th><span class="visually-hidden" x-text="t('ext.check')"></span></th></tr></thead>
      <tbody><template x-for="e in extinguishers" :key="e.id">
        <tr :id="'row-' + e.id" :class="extClass(e)" :data-id="e.id">
          <td><strong x-text="e.label"></strong> <small x-text="e.agentLabel"></small></td>
          <td :data-label="t('ext.monthly')" x-text="e.schedule ? date(e.schedule.monthlyCheckDue) : '—'"></td>
          <td :data-label="t('ext.annual')" x-text="e.schedule ? date(e.schedule.annualInspectionDue) : '—'"></td>
          <td :data-label="t('status')"><span class="tag" :class="extClass(e) ? 'bad' : 'ok'" x-text="extState(e)"></span></td>
          <td><button class="outline" data-testid="monthly-check" @click="startCheck(e)" x-text="t('ext.check')"></button></td></tr>
      </template></tbody>
    </table>
    <template x-if="checking">
      <form class="box" id="check-form" @submit.prevent="submitCheck()" data-testid="check-form">
        <h3 x-text="t('ext.checkOf', checking.label)"></h3>
        <p class="muted" x-text="t('ext.checkHint')"></p>
        <div class="checks">
          <template x-for="c in CHECKS" :key="c">
            <label><input type="checkbox" :name="c" x-model="check[c]"><span x-text="t('ext.' + c)"></span></label>
          </template>
        </div>
        <label><span x-text="t('ext.defect')"></span>
          <textarea name="notes" rows="2" x-model="check.notes" :required="CHECKS.some(c => !check[c])" :placeholder="t('ext.defectHint')"></textarea></label>
        <p x-show="CHECKS.some(c => !check[c])" class="warning" data-testid="check-fails" x-text="t('ext.willFail')"></p>
        <div class="grid"><button type="submit" x-text="t('save')"></button><button type="button" class="secondary" @click="checking = null" x-text="t('cancel')"></button></div>
      </form>
    </template>
    <h2 x-text="t('batteries')"></h2>
    <table class="cards" data-testid="equipment">
      <thead><tr><th x-text="t('label')"></th><th x-text="t('charge.last')"></th><th x-text="t('time')"></th><th x-text="t('charge.percent')"></th></tr></thead>
      <tbody><template x-for="q in equipment.filter(q => q.batteryPowered)" :key="q.id">
        <tr :id="'row-' + q.id" :class="low(q) ? 'low' : ''" :data-id="q.id">
          <td><strong x-text="q.label"></strong> <small x-text="q.kindLabel"></small></td>
          <td :data-label="t('charge.last')"><span class="tag" :class="low(q) ? 'bad' : 'ok'" x-text="q.latest && q.latest.lastPercent != null ? q.latest.lastPercent + ' %' : t('charge.never')"></span></td>
          <td :data-label="t('time')" x-text="q.latest && q.latest.lastReadingAt ? time(q.latest.lastReadingAt) : '—'"></td>
          <td><form class="inline" @submit.prevent="chargeReading(q, $event.target.percent.value); $event.target.reset()">
            <input name="percent" class="count" type="number" min="0" max="100" required :placeholder="t('charge.percent')" :aria-label="t('charge.percent') + ' ' + q.label">
            <button class="outline" type="submit" x-text="t('save')"></button></form></td></tr>
      </template></tbody>
    </table>`,
  data: page(() => ({
    ...warehouseState(),
    CHECKS, extinguishers: [], equipment: [], checking: null, check: {},
    init() {
      this.reload(true).then(() => this.focus());
      this.onFlushed = () => this.reload(false);
      window.addEventListener('beiqin:flushed', this.onFlushed);
    },
    destroy() { window.removeEventListener('beiqin:flushed', this.onFlushed); },
    async reload(lists) {
      try {
        await this.loadWarehouse(lists);
        const [ext, eq] = await Promise.all([api.get('/api/warehouse/warehouses/' + this.warehouseId + '/extinguishers'),
          api.get('/api/warehouse/warehouses/' + this.warehouseId + '/equipment'), this.loadFindings()]);
        this.extinguishers = ext.data; this.equipment = eq.data;
      } catch (e) { this.fail(e); }
    },
    /** Arriving from 本周待办: the row of the record to act on, in view. */
    focus() {
      const id = this.app.route.query.focus;
      if (!id) return;
      this.$nextTick(() => {
        const row = document.getElementById('row-' + id);
        if (row) { row.scrollIntoView({ block: 'center' }); row.classList.add('focused'); }
        const ext = this.extinguishers.find(e => e.id === id);
        if (ext) this.startCheck(ext);
      });
    },
    extClass(e) {
      const today = this.app.today();
      const s = e.schedule;
      if (e.lastCheckPassed === false || this.findingOn(e.id)) return 'expired';
      if (s && [s.monthlyCheckDue, s.annualInspectionDue, s.serviceDue].some(d => d && d < today)) return 'expired';
      return '';
    },
    extState(e) {
      const f = this.findingOn(e.id);
      if (f) return this.rule(f.rule);
      if (e.lastCheckPassed === false) return this.t('ext.failed');
      return e.statusLabel || this.t('ext.ok');
    },
    low(q) { return this.findingOn(q.id, 'BATTERY_LOW', 'CHARGE_CHECK_OVERDUE') || (q.latest && q.latest.lastPercent != null && q.latest.lastPercent < LOW); },
    startCheck(e) {
      this.checking = e;
      this.check = { sealIntact: true, gaugeInRange: true, undamaged: true, accessible: true, notes: '' };
      this.$nextTick(() => document.getElementById('check-form')?.scrollIntoView({ block: 'start' }));
    },
    submitCheck() {
      const e = this.checking;
      const failed = CHECKS.filter(c => !this.check[c]);
      const body = { onDate: this.app.today() };
      for (const c of CHECKS) body[c] = Boolean(this.check[c]);
      if (this.check.notes) body.notes = this.check.notes;
      this.record((failed.length ? this.t('ext.checkFailed') : this.t('ext.checkOk')) + ' ' + e.label
        + (failed.length ? '：' + failed.map(c => this.t('ext.' + c + '.no')).join('、') : ''),
      'POST', '/api/warehouse/extinguishers/' + e.id + '/monthly-checks', body);
      this.checking = null;
    },
    chargeReading(q, percent) {
      this.record(this.t('charge.percent') + ' ' + q.label + ' ' + percent + ' %', 'POST', '/api/warehouse/equipment/' + q.id + '/charge-readings',
        { percent: Number(percent), at: new Date().toISOString() });
    }
  }))
};
