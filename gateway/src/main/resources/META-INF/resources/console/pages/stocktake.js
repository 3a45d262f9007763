import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

export default {
  name: 'stocktake', component: 'stocktakePage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('stocktake.title')"></h2>
    <template x-if="!stocktake">
      <div>
        <p x-show="last" data-testid="stocktake-last" x-text="last ? t('stocktake.last', time(last.reconciledAt || last.submittedAt || last.openedAt), t('stocktake.status.' + last.status)) : ''"></p>
        <button @click="openStocktake()" data-testid="open-stocktake" x-text="t('stocktake.open')"></button>
      </div>
    </template>
    <template x-if="stocktake">
      <div>
        <p data-testid="stocktake-status"><strong x-text="t('stocktake.status.' + stocktake.status)"></strong> · <span x-text="time(stocktake.openedAt)"></span></p>
        <p class="notice" x-show="stocktake.sentBack && stocktake.status === 'OPEN'" data-testid="sent-back"
           x-text="stocktake.sentBack ? t('stocktake.sentBack', stocktake.sentBack.by, time(stocktake.sentBack.at), stocktake.sentBack.reason) : ''"></p>
        <table class="cards" data-testid="stocktake-lines">
          <thead><tr><th x-text="t('item')"></th><th x-text="t('zone')"></th><th x-text="t('lot')"></th><th x-text="t('stocktake.counted')"></th>
            <th x-show="stocktake.status !== 'OPEN'" x-text="t('stocktake.ledger')"></th><th x-show="stocktake.status !== 'OPEN'" x-text="t('stocktake.difference')"></th></tr></thead>
          <tbody><template x-for="(line, index) in countLines" :key="index">
            <tr :class="stocktake.status !== 'OPEN' && line.difference && Number(line.difference) !== 0 ? 'overdue' : ''">
              <td><strong x-text="line.itemName"></strong></td><td :data-label="t('zone')" x-text="line.zoneName"></td><td :data-label="t('lot')" x-text="line.lot || '—'"></td>
              <td :data-label="t('stocktake.counted')"><input class="count" type="number" inputmode="decimal" min="0" step="any" x-model="line.counted" :disabled="stocktake.status !== 'OPEN'" :aria-label="t('stocktake.counted') + ' ' + line.itemName"></td>
              <td :data-label="t('stocktake.ledger')" x-show="stocktake.status !== 'OPEN'" x-text="num(line.ledger)"></td><td :data-label="t('stocktake.difference')" x-show="stocktake.status !== 'OPEN'" x-text="num(line.difference)"></td>
            </tr>
          </template></tbody>
        </table>
        <div class="grid" x-show="stocktake.status === 'OPEN'">
          <button class="secondary" @click="saveCounts()" x-text="t('stocktake.save')"></button>
          <button @click="submitStocktake()" data-testid="submit-stocktake" x-text="t('stocktake.submit')"></button>
        </div>
        <p class="notice" x-show="stocktake.status === 'SUBMITTED'" data-testid="stocktake-waiting"
           x-text="t('stocktake.waiting', time(stocktake.submittedAt), countLines.filter(l => l.difference && Number(l.difference) !== 0).length)"></p>
      </div>
    </template>
    <h3 x-text="t('stocktake.recent')"></h3>
    <table class="cards" data-testid="stocktake-history">
      <thead><tr><th x-text="t('stocktake.opened')"></th><th x-text="t('status')"></th><th x-text="t('stocktake.outcome')"></th></tr></thead>
      <tbody><template x-for="s in recent" :key="s.id">
        <tr :data-id="s.id"><td x-text="time(s.openedAt)"></td><td :data-label="t('status')" x-text="t('stocktake.status.' + s.status)"></td>
          <td class="wrap" :data-label="t('stocktake.outcome')" x-text="s.status === 'RECONCILED' ? t('stocktake.reconciledBy', s.reconciledBy, time(s.reconciledAt))
            : s.sentBack ? t('stocktake.sentBackShort', s.sentBack.by, s.sentBack.reason) : '—'"></td></tr>
      </template>
      <tr x-show="!recent.length"><td colspan="3" x-text="t('stocktake.none')"></td></tr></tbody>
    </table>`,
  data: page(() => ({
    ...warehouseState(),
    stocktake: null, countLines: [], last: null, recent: [],
    init() { this.reload(true); },
    async reload(lists) {
      try {
        await this.loadWarehouse(lists);
        const all = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stocktakes')).data;
        const current = all.find(s => s.status === 'OPEN') || all.find(s => s.status === 'SUBMITTED') || null;
        this.last = all.find(s => s.status === 'RECONCILED') || null;
        this.recent = all.slice(0, 8);
        this.showStocktake(current ? (await api.get('/api/warehouse/stocktakes/' + current.id)).data : null);
      } catch (e) { this.fail(e); }
    },
    showStocktake(stocktake) {
      this.stocktake = stocktake;
      if (!stocktake) { this.countLines = []; return; }
      const zoneName = id => (this.stock.find(b => b.zoneId === id) || {}).zoneName || '';
      const counted = stocktake.lines || [];
      const key = l => l.itemId + '|' + l.zoneId + '|' + (l.lot || '');
      const lines = this.stock.map(b => {
        const done = counted.find(l => key(l) === key(b));
        return { itemId: b.itemId, zoneId: b.zoneId, lot: b.lot, itemName: b.itemName, zoneName: b.zoneName,
          counted: done ? Number(done.counted) : '', ledger: done ? done.ledger : null, difference: done ? done.difference : null };
      });
      counted.filter(l => !lines.some(x => key(x) === key(l))).forEach(l => lines.push(
        { itemId: l.itemId, zoneId: l.zoneId, lot: l.lot, itemName: l.itemName, zoneName: zoneName(l.zoneId),
          counted: Number(l.counted), ledger: l.ledger, difference: l.difference }));
      this.countLines = lines;
    },
    async openStocktake() {
      try { this.showStocktake(await api.call('POST', '/api/warehouse/warehouses/' + this.warehouseId + '/stocktakes', {}, api.uuid())); } catch (e) { this.fail(e); }
    },
    async saveCounts() {
      const lines = this.countLines.filter(l => l.counted !== '' && l.counted != null)
        .map(l => ({ itemId: l.itemId, zoneId: l.zoneId, lot: l.lot || undefined, counted: Number(l.counted) }));
      if (!lines.length) return false;
      try {
        this.showStocktake(await api.call('PUT', '/api/warehouse/stocktakes/' + this.stocktake.id + '/lines', { lines }));
        this.say(this.t('stocktake.saved'));
        return true;
      } catch (e) { this.fail(e); return false; }
    },
    async submitStocktake() {
      if (!(await this.saveCounts())) return;
      try { this.showStocktake(await api.call('POST', '/api/warehouse/stocktakes/' + this.stocktake.id + '/submit', null, api.uuid())); } catch (e) { this.fail(e); }
    }
  }))
};
