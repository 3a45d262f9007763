import api from '../api.js';
import { app, page } from '../store.js';

const SIZE = 20;
const STATUSES = ['NOT_COMPLETED', 'BASICALLY_COMPLETED', 'COMPLETED', 'LONG_TERM'];

export default {
  name: 'ledger', component: 'ledgerPage', roles: ['county_office', 'admin'], tab: true,
  template: `
    <h2 x-text="t('ledger.title')"></h2>
    <details class="filters-box" :open="wide">
    <summary x-text="t('ledger.filters')"></summary>
    <form class="filters" @submit.prevent="search(0)" data-testid="ledger-filters">
      <div class="grid">
        <label><span x-text="t('township')"></span><select name="division" x-model="f.division">
          <option value="" x-text="t('all')"></option>
          <template x-for="d in app.townships()" :key="d.code"><option :value="d.code" x-text="d.name"></option></template>
        </select></label>
        <label><span x-text="t('status')"></span><select name="status" x-model="f.status">
          <option value="" x-text="t('all')"></option>
          <template x-for="s in STATUSES" :key="s"><option :value="s" x-text="t('item.status.' + s)"></option></template>
        </select></label>
        <label><span x-text="t('severity')"></span><select name="severity" x-model="f.severity">
          <option value="" x-text="t('all')"></option>
          <template x-for="s in ['high', 'medium', 'low']" :key="s"><option :value="s" x-text="t('severity.' + s)"></option></template>
        </select></label>
      </div>
      <div class="grid">
        <label><span x-text="t('rule')"></span><select name="rule" x-model="f.rule">
          <option value="" x-text="t('all')"></option>
          <template x-for="r in app.rules" :key="r.code"><option :value="r.code" x-text="r.title"></option></template>
        </select></label>
        <label><span x-text="t('deadline')"></span><select name="due" x-model="f.due">
          <option value="" x-text="t('all')"></option>
          <option value="overdue" x-text="t('ledger.overdue')"></option>
          <option value="week" x-text="t('ledger.dueWeek')"></option>
        </select></label>
        <label><span x-text="t('search')"></span><input name="q" type="search" x-model="f.q"></label>
      </div>
      <div class="toolbar">
        <button type="submit" x-text="t('filter')"></button>
        <button type="button" class="secondary outline" @click="reset()" x-text="t('ledger.reset')"></button>
        <button type="button" class="secondary" data-testid="ledger-export" @click="exportView()" x-text="t('ledger.export')"></button>
      </div>
    </form>
    </details>
    <p data-testid="ledger-total" x-text="t('ledger.count', total)"></p>
    <table class="striped ledger cards" data-testid="ledger">
      <thead><tr>
        <th x-text="t('rule')"></th><th x-text="t('finding')"></th>
        <th><a href="#" data-sort="division" @click.prevent="sortBy('division')" x-text="t('township') + arrow('division')"></a></th>
        <th x-text="t('status')"></th>
        <th><a href="#" data-sort="deadline" @click.prevent="sortBy('deadline')" x-text="t('deadline') + arrow('deadline')"></a></th>
        <th><a href="#" data-sort="detected" @click.prevent="sortBy('detected')" x-text="t('ledger.found') + arrow('detected')"></a></th>
        <th x-text="t('measures')"></th></tr></thead>
      <tbody><template x-for="i in items" :key="i.id">
        <tr :class="i.overdue ? 'overdue' : ''">
          <td class="wrap" x-text="i.ruleTitle"></td>
          <td class="wrap"><a :href="'#/item/' + i.id" x-text="i.summary"></a></td>
          <td :data-label="t('township')" x-text="division(i.division)"></td>
          <td :data-label="t('status')" x-text="i.statusLabel + (i.overdue ? ' · ' + t('ledger.overdue') : '')"></td>
          <td :data-label="t('deadline')" x-text="date(i.deadline)"></td>
          <td :data-label="t('ledger.found')" x-text="dayOf(i.firstDetectedAt)"></td>
          <td :data-label="t('measures')" x-text="i.measuresDone + '/' + i.measures"></td></tr>
      </template>
      <tr x-show="!items.length"><td colspan="7" x-text="t('ledger.none')"></td></tr></tbody>
    </table>
    <nav class="pager" :aria-label="t('ledger.pages')" x-show="pages() > 1">
      <button class="outline small" data-testid="previous" :disabled="pageNo === 0" @click="search(pageNo - 1)" x-text="t('ledger.previous')"></button>
      <span x-text="t('ledger.page', pageNo + 1, pages())"></span>
      <button class="outline small" data-testid="next" :disabled="pageNo + 1 >= pages()" @click="search(pageNo + 1)" x-text="t('ledger.next')"></button>
    </nav>`,
  data: page(() => ({
    STATUSES,
    f: { division: '', status: '', severity: '', rule: '', due: '', q: '' },
    sort: 'detected', dir: 'desc', items: [], total: 0, pageNo: 0, wide: window.innerWidth > 576,
    init() {
      const q = app.route.query;
      for (const key of Object.keys(this.f)) if (q[key]) this.f[key] = q[key];
      if (q.sort) this.sort = q.sort;
      if (q.dir) this.dir = q.dir;
      this.search(Number(q.page || 0));
    },
    params() {
      const q = new URLSearchParams();
      const f = this.f;
      if (f.division) q.set('division', f.division);
      if (f.status) q.set('status', f.status);
      if (f.severity) q.set('severity', f.severity);
      if (f.rule) q.set('rule', f.rule);
      if (f.due === 'overdue') q.set('overdue', 'true');
      if (f.due === 'week') q.set('dueWithin', '7');
      if (f.q.trim()) q.set('q', f.q.trim());
      q.set('sort', this.sort); q.set('dir', this.dir);
      return q;
    },
    async search(pageNo) {
      this.pageNo = Math.max(0, pageNo);
      const q = this.params();
      q.set('page', String(this.pageNo)); q.set('size', String(SIZE));
      // the filter stays in the address, so going back to the ledger finds it as it was
      const shown = new URLSearchParams(Object.entries(this.f).filter(([, v]) => v));
      if (this.sort !== 'detected' || this.dir !== 'desc') { shown.set('sort', this.sort); shown.set('dir', this.dir); }
      if (this.pageNo) shown.set('page', String(this.pageNo));
      history.replaceState(null, '', '#/ledger' + ([...shown].length ? '?' + shown : ''));
      try {
        const found = (await api.get('/api/rectification/items?' + q)).data;
        this.items = found.items; this.total = found.total;
      } catch (e) { this.fail(e); }
    },
    pages() { return Math.max(1, Math.ceil(this.total / SIZE)); },
    sortBy(field) {
      this.dir = this.sort === field && this.dir === 'asc' ? 'desc' : this.sort === field ? 'asc' : (field === 'deadline' ? 'asc' : 'desc');
      this.sort = field;
      this.search(0);
    },
    arrow(field) { return this.sort === field ? (this.dir === 'asc' ? ' ↑' : ' ↓') : ''; },
    reset() { this.f = { division: '', status: '', severity: '', rule: '', due: '', q: '' }; this.sort = 'detected'; this.dir = 'desc'; this.search(0); },
    async exportView() {
      const q = this.params();
      if (!q.has('division')) q.set('division', app.session.user.division);
      try {
        await download('/api/rectification/items/export?' + q, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          this.t('ledger.exportName', this.division(q.get('division'))) + '.xlsx');
      } catch (e) { this.fail(e); }
    }
  }))
};

/** Saves what the gateway answers as a file, under a name people can read. */
export async function download(path, accept, filename) {
  const blob = await api.call('GET', path, null, null, accept);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
