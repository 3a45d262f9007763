import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

export default {
  name: 'equipment', component: 'equipmentPage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('extinguishers')"></h2>
    <div class="overflow-auto"><table data-testid="extinguishers">
      <thead><tr><th x-text="t('label')"></th><th x-text="t('ext.monthly')"></th><th x-text="t('ext.annual')"></th><th x-text="t('status')"></th><th><span class="visually-hidden" x-text="t('ext.checkOk')"></span></th></tr></thead>
      <tbody><template x-for="e in extinguishers" :key="e.id">
        <tr><td x-text="e.label + ' · ' + e.agentLabel"></td><td x-text="e.schedule ? date(e.schedule.monthlyCheckDue) : '—'"></td>
          <td x-text="e.schedule ? date(e.schedule.annualInspectionDue) : '—'"></td><td x-text="(e.statusLabel || e.status) + (e.lastCheckPassed === false ? ' ✗' : '')"></td>
          <td><button class="outline small" @click="monthlyCheck(e)" x-text="t('ext.checkOk')"></button></td></tr>
      </template></tbody>
    </table></div>
    <h2 x-text="t('batteries')"></h2>
    <div class="overflow-auto"><table data-testid="equipment">
      <thead><tr><th x-text="t('label')"></th><th x-text="t('charge.last')"></th><th x-text="t('time')"></th><th x-text="t('charge.percent')"></th></tr></thead>
      <tbody><template x-for="q in equipment.filter(q => q.batteryPowered)" :key="q.id">
        <tr><td x-text="q.kindLabel + ' · ' + q.label"></td>
          <td x-text="q.latest && q.latest.lastPercent != null ? q.latest.lastPercent + ' %' : '—'"></td>
          <td x-text="q.latest && q.latest.lastReadingAt ? time(q.latest.lastReadingAt) : '—'"></td>
          <td><form class="inline" @submit.prevent="chargeReading(q, $event.target.percent.value); $event.target.reset()">
            <input name="percent" type="number" min="0" max="100" required :placeholder="t('charge.percent')" :aria-label="t('charge.percent') + ' ' + q.label">
            <button class="outline small" type="submit" x-text="t('save')"></button></form></td></tr>
      </template></tbody>
    </table></div>`,
  data: page(() => ({
    ...warehouseState(),
    extinguishers: [], equipment: [],
    init() {
      this.reload(true);
      this.onFlushed = () => this.reload(false);
      window.addEventListener('beiqin:flushed', this.onFlushed);
    },
    destroy() { window.removeEventListener('beiqin:flushed', this.onFlushed); },
    async reload(lists) {
      try {
        await this.loadWarehouse(lists);
        this.extinguishers = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/extinguishers')).data;
        this.equipment = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/equipment')).data;
      } catch (e) { this.fail(e); }
    },
    monthlyCheck(e) {
      this.record(this.t('ext.checkOk') + ' ' + e.label, 'POST', '/api/warehouse/extinguishers/' + e.id + '/monthly-checks',
        { onDate: this.app.today(), sealIntact: true, gaugeInRange: true, undamaged: true, accessible: true });
    },
    chargeReading(q, percent) {
      this.record(this.t('charge.percent') + ' ' + q.label + ' ' + percent + ' %', 'POST', '/api/warehouse/equipment/' + q.id + '/charge-readings',
        { percent: Number(percent), at: new Date().toISOString() });
    }
  }))
};
