// What the keeper's pages share: the chosen warehouse, its stock, items and open loans, read with
// the device's offline copy, and entries recorded through the device's queue.
import api from '../api.js';

export function warehouseState() {
  return {
    warehouses: [], findings: [], warehouseId: localStorage.getItem('beiqin.warehouse') || '', stock: [], items: [], loans: [], stale: null,

    async loadWarehouse(withLists) {
      if (withLists || !this.warehouses.length) {
        const list = await api.get('/api/warehouse/warehouses');
        this.warehouses = list.data;
        if (!this.warehouses.some(w => w.id === this.warehouseId)) this.warehouseId = this.warehouses.length ? this.warehouses[0].id : '';
        localStorage.setItem('beiqin.warehouse', this.warehouseId);
        this.items = (await api.get('/api/warehouse/items')).data;
      }
      if (!this.warehouseId) return;
      localStorage.setItem('beiqin.warehouse', this.warehouseId);
      const stock = await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stock');
      const loans = await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/loans');
      this.stock = stock.data; this.loans = loans.data; this.stale = stock.stale || loans.stale;
    },
    /** The open findings about this warehouse (and the catalogue's items), read with the offline copy. */
    async loadFindings() {
      const warehouse = this.warehouses.find(w => w.id === this.warehouseId);
      const all = (await api.get('/api/warehouse/discrepancies')).data;
      this.findings = all.filter(d => d.subject.type === 'item' || (warehouse && (String(d.subject.id).includes(warehouse.id)
        || String(d.subject.label || '').startsWith(warehouse.name + ' '))));
      return this.findings;
    },
    /** The open finding of one of these rules about a subject whose id contains {@code id}, if any. */
    findingOn(id, ...rules) {
      return (this.findings || []).find(d => String(d.subject.id).includes(id) && (!rules.length || rules.includes(d.rule)));
    },
    itemName(id) {
      const found = this.items.find(i => i.id === id) || this.stock.find(b => b.itemId === id);
      return found ? (found.name || found.itemName) : '—';
    },
    /** Keeps the entry on this device and sends it when it can: nothing typed is lost offline. */
    record(label, method, path, body) {
      window.dispatchEvent(new CustomEvent('beiqin:record', { detail: { label, method, path, body } }));
    }
  };
}

export const WAREHOUSE_PICKER = `
  <label><span x-text="t('warehouse')"></span>
    <select x-model="warehouseId" @change="reload()" data-testid="warehouse">
      <template x-for="w in warehouses" :key="w.id"><option :value="w.id" x-text="w.name" :selected="w.id === warehouseId"></option></template>
    </select></label>
  <p x-show="stale" class="muted" x-text="t('stale') + ' ' + time(stale)"></p>`;
