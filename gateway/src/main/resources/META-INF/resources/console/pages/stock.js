import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

export default {
  name: 'stock', component: 'stockPage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('stock.title')"></h2>
    <table class="cards" data-testid="stock">
      <thead><tr><th x-text="t('item')"></th><th x-text="t('zone')"></th><th x-text="t('lot')"></th><th x-text="t('quantity')"></th></tr></thead>
      <tbody><template x-for="b in stock" :key="b.itemId + b.zoneId + (b.lot || '')">
        <tr :class="flag(b).level" :data-flag="flag(b).key || null"><td><a href="#" @click.prevent="openCard(b.itemId)" x-text="b.itemName"></a>
            <span class="tag" :class="flag(b).level === 'soon' ? 'warn' : 'bad'" x-show="flag(b).key" x-text="flag(b).key ? t('stock.flag.' + flag(b).key) : ''"></span></td>
          <td :data-label="t('zone')" x-text="b.zoneName"></td>
          <td :data-label="t('lot')" x-text="b.lot ? b.lot + (b.expiresOn ? ' · ' + t('expiresOn') + ' ' + date(b.expiresOn) : '') : '—'"></td>
          <td :data-label="t('quantity')" :data-item="b.itemName" x-text="num(b.quantity) + ' ' + (b.unit || '')"></td></tr>
      </template>
      <tr data-empty x-show="!stock.length"><td colspan="4" x-text="t('stock.none')"></td></tr></tbody>
    </table>
    <template x-if="card">
      <article data-testid="stock-card" id="stock-card">
        <h3 x-text="t('card.title') + '：' + card.itemName + '（' + t('balance') + ' ' + num(card.balance) + ' ' + (card.unit || '') + '）'"></h3>
        <div class="overflow-auto"><table>
          <thead><tr><th x-text="t('time')"></th><th x-text="t('movement')"></th><th x-text="t('change')"></th><th x-text="t('balance')"></th><th x-text="t('actor')"></th></tr></thead>
          <tbody><template x-for="m in card.movements" :key="m.id">
            <tr><td x-text="time(m.occurredAt)"></td><td x-text="m.typeLabel + (m.recipientName ? ' · ' + m.recipientName : '')"></td>
              <td x-text="num(m.delta)"></td><td x-text="num(m.balanceAfter)"></td><td x-text="m.actor"></td></tr>
          </template></tbody>
        </table></div>
      </article>
    </template>
    <h2 x-text="t('loans.title')"></h2>
    <div><table class="cards" data-testid="loans">
      <thead><tr><th x-text="t('item')"></th><th x-text="t('recipient')"></th><th x-text="t('outstanding')"></th><th x-text="t('dueBack')"></th><th><span class="visually-hidden" x-text="t('return')"></span></th></tr></thead>
      <tbody><template x-for="l in loans" :key="l.issue.id">
        <tr :class="l.overdue ? 'overdue expired' : ''"><td><strong x-text="itemName(l.issue.itemId)"></strong></td><td :data-label="t('recipient')" x-text="l.issue.recipientName || '—'"></td>
          <td :data-label="t('outstanding')" x-text="num(l.outstanding)"></td><td :data-label="t('dueBack')" x-text="date(l.issue.dueBack)"></td>
          <td><button class="outline" data-testid="return" @click="startReturn(l)" x-text="t('return')"></button></td></tr>
      </template>
      <tr data-empty x-show="!loans.length"><td colspan="5" x-text="t('loans.none')"></td></tr></tbody>
    </table></div>
    <template x-if="returning">
      <form class="box" @submit.prevent="submitReturn()" data-testid="return-form">
        <h3 x-text="t('return') + '：' + itemName(returning.issue.itemId) + ' · ' + (returning.issue.recipientName || '')"></h3>
        <label><span x-text="t('quantity')"></span><input name="quantity" type="number" min="0.001" step="any" x-model="returnForm.quantity" required></label>
        <label><span x-text="t('reason')"></span><input name="reason" x-model="returnForm.reason"></label>
        <div class="grid"><button type="submit" x-text="t('save')"></button><button type="button" class="secondary" @click="returning = null" x-text="t('cancel')"></button></div>
      </form>
    </template>`,
  data: page(() => ({
    ...warehouseState(),
    card: null, returning: null, returnForm: { quantity: '', reason: '' },
    init() {
      this.reload(true);
      this.onFlushed = () => this.reload(false);
      window.addEventListener('beiqin:flushed', this.onFlushed);
    },
    destroy() { window.removeEventListener('beiqin:flushed', this.onFlushed); },
    reload(lists) { this.card = null; return this.loadWarehouse(lists).then(() => this.loadFindings()).catch(e => this.fail(e)); },
    /** Why a row stands out: expired, expiring within 30 days, or below the warehouse's standard. */
    flag(b) {
      const today = this.app.today();
      if (b.expiresOn && b.expiresOn < today) return { key: 'expired', level: 'expired' };
      if (this.findingOn(this.warehouseId + ':' + b.itemId, 'BELOW_STANDARD', 'PERSONAL_KIT')) return { key: 'below', level: 'low' };
      if (b.expiresOn) {
        const soon = new Date(Date.now() + 30 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        if (b.expiresOn <= soon) return { key: 'soon', level: 'soon' };
      }
      return { key: null, level: '' };
    },
    async openCard(itemId) {
      try {
        this.card = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stock-card/' + itemId)).data;
        // the card opens where the finger is looking, not below the fold
        this.$nextTick(() => document.getElementById('stock-card')?.scrollIntoView({ block: 'start' }));
      } catch (e) { this.fail(e); }
    },
    startReturn(loan) {
      this.returning = loan; this.returnForm = { quantity: Number(loan.outstanding), reason: '' };
      this.$nextTick(() => document.querySelector('[data-testid=return-form]')?.scrollIntoView({ block: 'start' }));
    },
    submitReturn() {
      const loan = this.returning;
      const body = { issueId: loan.issue.id, quantity: Number(this.returnForm.quantity), occurredAt: new Date().toISOString() };
      if (this.returnForm.reason) body.reason = this.returnForm.reason;
      this.record(this.t('return') + ' ' + this.itemName(loan.issue.itemId) + ' ×' + body.quantity,
        'POST', '/api/warehouse/warehouses/' + this.warehouseId + '/returns', body);
      this.returning = null;
    }
  }))
};
