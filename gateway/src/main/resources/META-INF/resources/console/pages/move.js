import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

const EMPTY = { balance: '', itemId: '', quantity: '', lot: '', expiresOn: '', recipientName: '', recipientPhone: '', dueBack: '', reason: '' };

export default {
  name: 'move', component: 'movePage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('move.title')"></h2>
    <form @submit.prevent="submitMovement()" data-testid="movement-form">
      <fieldset role="group">
        <template x-for="kind in ['receipts', 'issues', 'scraps']" :key="kind">
          <button type="button" :class="move.kind === kind ? '' : 'outline'" :data-kind="kind" :aria-pressed="move.kind === kind"
                  @click="move.kind = kind" x-text="t('move.' + kind)"></button>
        </template>
      </fieldset>
      <template x-if="move.kind === 'receipts'">
        <label><span x-text="t('item')"></span>
          <select name="itemId" x-model="move.itemId" required>
            <option value="" x-text="t('choose')"></option>
            <template x-for="i in items" :key="i.id"><option :value="i.id" x-text="i.name + (i.specification ? ' ' + i.specification : '')"></option></template>
          </select></label>
      </template>
      <template x-if="move.kind !== 'receipts'">
        <label><span x-text="t('move.from')"></span>
          <select name="balance" x-model="move.balance" required>
            <option value="" x-text="t('choose')"></option>
            <template x-for="(b, index) in stock" :key="index"><option :value="index" x-text="b.itemName + ' · ' + b.zoneName + (b.lot ? ' · ' + b.lot : '') + '（' + num(b.quantity) + '）'"></option></template>
          </select></label>
      </template>
      <label><span x-text="t('quantity')"></span><input name="quantity" type="number" min="0.001" step="any" x-model="move.quantity" required></label>
      <template x-if="move.kind === 'receipts'">
        <div class="grid">
          <label><span x-text="t('lot')"></span><input name="lot" x-model="move.lot"></label>
          <label><span x-text="t('expiresOn')"></span><input name="expiresOn" type="date" x-model="move.expiresOn"></label>
        </div>
      </template>
      <template x-if="move.kind === 'issues'">
        <div class="grid">
          <label><span x-text="t('recipient')"></span><input name="recipientName" x-model="move.recipientName" required></label>
          <label><span x-text="t('phone')"></span><input name="recipientPhone" type="tel" x-model="move.recipientPhone"></label>
          <label><span x-text="t('dueBack')"></span><input name="dueBack" type="date" x-model="move.dueBack"></label>
        </div>
      </template>
      <label><span x-text="t('reason')"></span><input name="reason" x-model="move.reason" :required="move.kind === 'scraps'"></label>
      <button type="submit" x-text="t('save')"></button>
    </form>`,
  data: page(() => ({
    ...warehouseState(),
    move: Object.assign({ kind: 'issues' }, EMPTY),
    init() {
      // arriving from 本周待办: the kind of entry and the item (and lot) the finding is about
      const { mode, focus } = this.app.route.query;
      if (['receipts', 'issues', 'scraps'].includes(mode)) this.move.kind = mode;
      this.reload(true).then(() => {
        const [, itemId, lot] = String(focus || '').split(':');
        if (!itemId) return;
        if (this.move.kind === 'receipts' && this.items.some(i => i.id === itemId)) this.move.itemId = itemId;
        const index = this.stock.findIndex(b => b.itemId === itemId && (!lot || b.lot === lot));
        if (this.move.kind !== 'receipts' && index >= 0) this.move.balance = String(index);
      });
      this.onFlushed = () => this.reload(false);
      window.addEventListener('beiqin:flushed', this.onFlushed);
    },
    destroy() { window.removeEventListener('beiqin:flushed', this.onFlushed); },
    reload(lists) { return this.loadWarehouse(lists).catch(e => this.fail(e)); },
    submitMovement() {
      const m = this.move;
      const body = { quantity: Number(m.quantity), occurredAt: new Date().toISOString() };
      let name;
      if (m.kind === 'receipts') {
        body.itemId = m.itemId; name = this.itemName(m.itemId);
        if (m.lot) body.lot = m.lot;
        if (m.expiresOn) body.expiresOn = m.expiresOn;
      } else {
        const from = this.stock[Number(m.balance)];
        body.itemId = from.itemId; body.zoneId = from.zoneId; name = from.itemName;
        // the line chosen, also when it has no lot: '' is the unbatched stock, left out the service
        // would have to guess between it and a batch of the same item in the same zone
        body.lot = from.lot || '';
      }
      if (m.kind === 'issues') {
        body.recipientName = m.recipientName;
        if (m.recipientPhone) body.recipientPhone = m.recipientPhone;
        if (m.dueBack) body.dueBack = m.dueBack;
      }
      if (m.reason) body.reason = m.reason;
      this.record(this.t('move.' + m.kind) + ' ' + name + ' ×' + body.quantity,
        'POST', '/api/warehouse/warehouses/' + this.warehouseId + '/' + m.kind, body);
      this.move = Object.assign({ kind: m.kind }, EMPTY);
    }
  }))
};
