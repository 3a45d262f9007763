import api from '../api.js';
import { page } from '../store.js';

export default {
  name: 'approvals', component: 'approvalsPage', roles: ['county_office', 'admin'], tab: true,
  template: `
    <h2 x-text="t('approvals.title')"></h2>
    <p class="muted" x-text="t('approvals.help')"></p>
    <table class="striped cards" data-testid="approvals">
      <thead><tr><th x-text="t('warehouse')"></th><th x-text="t('township')"></th><th x-text="t('approvals.submitted')"></th><th x-text="t('approvals.differences')"></th><th><span class="visually-hidden" x-text="t('details')"></span></th></tr></thead>
      <tbody><template x-for="s in list" :key="s.id">
        <tr :data-id="s.id"><td><strong x-text="s.warehouseName"></strong></td><td :data-label="t('township')" x-text="division(s.division)"></td>
          <td :data-label="t('approvals.submitted')" x-text="(s.submittedBy || '') + ' · ' + time(s.submittedAt)"></td><td :data-label="t('approvals.differences')" x-text="s.differences"></td>
          <td><button class="outline small" data-testid="open-approval" @click="open(s)" x-text="t('approvals.review')"></button></td></tr>
      </template>
      <tr x-show="!list.length"><td colspan="5" x-text="t('approvals.none')"></td></tr></tbody>
    </table>
    <template x-if="current">
      <article data-testid="approval">
        <h3 x-text="t('approvals.of', current.warehouseName, time(current.submittedAt))"></h3>
        <table class="cards" data-testid="approval-lines">
          <thead><tr><th x-text="t('item')"></th><th x-text="t('lot')"></th><th x-text="t('stocktake.counted')"></th><th x-text="t('stocktake.ledger')"></th><th x-text="t('stocktake.difference')"></th></tr></thead>
          <tbody><template x-for="(l, index) in differing()" :key="index">
            <tr class="overdue"><td><strong x-text="l.itemName"></strong></td><td :data-label="t('lot')" x-text="l.lot || '—'"></td><td :data-label="t('stocktake.counted')" x-text="num(l.counted)"></td><td :data-label="t('stocktake.ledger')" x-text="num(l.ledger)"></td>
              <td :data-label="t('stocktake.difference')" x-text="(Number(l.difference) > 0 ? '+' : '') + num(l.difference)"></td></tr>
          </template>
          <tr x-show="!differing().length"><td colspan="5" x-text="t('approvals.noDifferences', (current.lines || []).length)"></td></tr></tbody>
        </table>
        <form @submit.prevent>
          <label><span x-text="t('approvals.reason')"></span>
            <textarea name="reason" x-model="reason" required maxlength="500" rows="2" :placeholder="t('approvals.reasonHint')"
              :aria-invalid="error ? 'true' : null" aria-describedby="reason-error"></textarea>
            <small id="reason-error" class="error" x-show="error" x-text="error"></small></label>
          <div class="grid">
            <button type="button" data-testid="approve" @click="decide('reconciliation')" x-text="t('approvals.approve')"></button>
            <button type="button" class="secondary" data-testid="send-back" @click="decide('sent-back')" x-text="t('approvals.sendBack')"></button>
          </div>
        </form>
      </article>
    </template>`,
  data: page(() => ({
    list: [], current: null, reason: '', error: '',
    init() { this.load(); },
    async load() {
      try { this.list = await api.call('GET', '/api/warehouse/stocktakes?status=SUBMITTED'); } catch (e) { this.fail(e); }
    },
    async open(s) {
      try { this.current = await api.call('GET', '/api/warehouse/stocktakes/' + s.id); this.reason = ''; this.error = ''; } catch (e) { this.fail(e); }
    },
    differing() { return ((this.current && this.current.lines) || []).filter(l => l.difference != null && Number(l.difference) !== 0); },
    async decide(what) {
      if (!this.reason.trim()) { this.error = this.t('approvals.reasonRequired'); return; }
      try {
        await api.call('POST', '/api/warehouse/stocktakes/' + this.current.id + '/' + what, { reason: this.reason.trim() }, api.uuid());
        this.say(this.t(what === 'reconciliation' ? 'approvals.approved' : 'approvals.sentBackOk', this.current.warehouseName));
        this.current = null; this.reason = ''; this.error = '';
        await this.load();
      } catch (e) { this.fail(e); }
    }
  }))
};
