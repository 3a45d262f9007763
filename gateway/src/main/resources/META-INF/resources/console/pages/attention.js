// 本周待办: the keeper's open findings and the checks due or overdue, together, most urgent first,
// each with how long it has waited and one tap to the page that clears it.
import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

/** Where each finding or due check is cleared, and what the button says. */
const ACTIONS = {
  EXTINGUISHER_INSPECTION_OVERDUE: ['equipment', 'act.check'], EXTINGUISHER_EXPIRED: ['equipment', 'act.scrapExt'],
  BATTERY_LOW: ['equipment', 'act.charge'], CHARGE_CHECK_OVERDUE: ['equipment', 'act.charge'],
  EQUIPMENT_FAULTY: ['equipment', 'act.repair'], POST_USE_CHECK_MISSING: ['equipment', 'act.check'],
  ISSUED_NOT_RETURNED: ['stock', 'act.return'], EXPIRED_STOCK: ['move', 'act.scrap', { mode: 'scraps' }],
  BELOW_STANDARD: ['move', 'act.receive', { mode: 'receipts' }], PERSONAL_KIT: ['move', 'act.receive', { mode: 'receipts' }],
  LEDGER_MISMATCH: ['stocktake', 'act.recount'], STOCKTAKE_OVERDUE: ['stocktake', 'act.stocktake'],
  ITEM_UNLABELED: ['catalogue', 'act.label'], MIXED_STORAGE: ['stock', 'act.transfer'],
  FACILITY_RISK: ['facility', 'act.facility'], ADJUSTMENT_UNAPPROVED: [null, 'act.waitCounty'],
  'extinguisher.monthlyCheck': ['equipment', 'act.check'], 'extinguisher.annualInspection': ['equipment', 'act.check'],
  'extinguisher.service': ['equipment', 'act.check'], 'extinguisher.scrap': ['equipment', 'act.scrapExt'],
  'equipment.chargeReading': ['equipment', 'act.charge'], 'equipment.repair': ['equipment', 'act.repair'],
  'equipment.postUseCheck': ['equipment', 'act.check'], 'loan.dueBack': ['stock', 'act.return'],
  'lot.expiry': ['move', 'act.scrap', { mode: 'scraps' }], stocktake: ['stocktake', 'act.stocktake']
};
const RANK = { HIGH: 3, MEDIUM: 2, LOW: 1 };

export default {
  name: 'attention', component: 'attentionPage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('attention.title')"></h2>
    <p x-show="loaded" class="muted" data-testid="attention-summary" x-text="t('attention.summary', entries.filter(e => e.finding).length, entries.filter(e => !e.finding && e.days > 0).length, entries.filter(e => !e.finding && e.days <= 0).length)"></p>
    <ul class="list-cards" data-testid="attention">
      <template x-for="e in entries" :key="e.key">
        <li :class="e.finding || e.days > 0 ? 'urgent' : 'soon'" :data-rule="e.rule" :data-subject="e.subjectId">
          <div class="row">
            <strong x-text="e.title"></strong>
            <span class="tag" :class="e.finding ? (e.severity.toUpperCase() === 'HIGH' ? 'bad' : 'warn') : (e.days > 0 ? 'warn' : '')" x-text="e.when"></span>
          </div>
          <p x-text="e.text"></p>
          <div class="row">
            <small class="muted" x-text="e.finding ? t('attention.finding') + ' · ' + t('severity.' + e.severity.toLowerCase()) : t('due') + ' ' + date(e.dueOn)"></small>
            <a class="button" x-show="e.page" :href="e.href" data-testid="attention-action" x-text="e.action"></a>
            <small x-show="!e.page" class="muted" x-text="e.action"></small>
          </div>
        </li>
      </template>
    </ul>
    <p x-show="loaded && !entries.length" data-testid="attention-none" x-text="t('attention.none')"></p>`,
  data: page(() => ({
    ...warehouseState(),
    entries: [], loaded: false,
    init() { this.reload(true); },
    async reload(lists) {
      try {
        await this.loadWarehouse(lists);
        const [due, findings] = await Promise.all([
          api.get('/api/warehouse/attention?days=7&warehouseId=' + this.warehouseId), this.loadFindings()]);
        this.stale = this.stale || due.stale;
        this.entries = this.merge(findings, due.data);
        this.loaded = true;
      } catch (e) { this.fail(e); }
    },
    /** Findings and due checks as one list: findings and overdue checks first (gravest, then longest waiting), then what falls due. */
    merge(findings, due) {
      const now = Date.now();
      const entries = findings.map(d => {
        const days = Math.max(0, Math.floor((now - new Date(d.detectedAt).getTime()) / 86400000));
        return this.entry({ key: d.key, finding: true, rule: d.rule, severity: d.severity, subjectId: d.subject.id,
          title: this.rule(d.rule), text: this.named(this.app.lang === 'zh' ? d.summary.zh : d.summary.en),
          days, when: days > 0 ? this.t('attention.openFor', days) : this.t('attention.openToday') });
      });
      // a check that a finding already reports about the same record is shown once, as the finding
      for (const a of due) {
        if (findings.some(d => String(d.subject.id).includes(a.subjectId) && ACTIONS[d.rule] && ACTIONS[a.kind]
          && ACTIONS[d.rule][0] === ACTIONS[a.kind][0])) continue;
        entries.push(this.entry({ key: a.kind + a.subjectId, finding: false, rule: a.kind, severity: 'MEDIUM', subjectId: a.subjectId,
          title: this.app.lang === 'zh' ? a.zh : a.en, text: a.label, days: a.daysOverdue, dueOn: a.dueOn,
          when: a.daysOverdue > 0 ? this.t('attention.overdue', a.daysOverdue) : a.daysOverdue === 0 ? this.t('attention.dueToday') : this.t('attention.dueIn', -a.daysOverdue) }));
      }
      const urgent = e => e.finding || e.days > 0;
      return entries.sort((a, b) => Number(urgent(b)) - Number(urgent(a)) || RANK[b.severity.toUpperCase()] - RANK[a.severity.toUpperCase()] || b.days - a.days);
    },
    entry(e) {
      const [page, label, query] = ACTIONS[e.rule] || [null, 'act.none'];
      e.page = page;
      e.action = this.t(label);
      e.href = page ? '#/' + page + '?' + new URLSearchParams(Object.assign({ focus: e.subjectId }, query || {})) : null;
      return e;
    }
  }))
};
