import { app, page } from '../store.js';
import api from '../api.js';
import { download } from './ledger.js';

/** The first and last day of a named period, in Beijing days. */
function period(name, today) {
  const [y, m] = today.split('-').map(Number);
  const pad = n => String(n).padStart(2, '0');
  if (name === 'month') return { from: `${y}-${pad(m)}-01`, to: today };
  if (name === 'quarter') return { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today };
  if (name === 'last-year') return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
  return { from: `${y}-01-01`, to: today };
}

export default {
  name: 'stats', component: 'statsPage', roles: ['county_office', 'admin'], tab: true,
  template: `
    <h2 x-text="t('stats.title')"></h2>
    <form class="filters" @submit.prevent="load()" @change="changed($event)">
      <div class="grid">
        <label><span x-text="t('stats.period')"></span><select name="period" x-model="f.period">
          <template x-for="p in ['year', 'quarter', 'month', 'last-year', 'custom']" :key="p"><option :value="p" x-text="t('stats.period.' + p)"></option></template>
        </select></label>
        <label><span x-text="t('stats.from')"></span><input name="from" type="date" x-model="f.from" :disabled="f.period !== 'custom'"></label>
        <label><span x-text="t('stats.to')"></span><input name="to" type="date" x-model="f.to" :disabled="f.period !== 'custom'"></label>
        <label><span x-text="t('township')"></span><select name="division" x-model="f.division">
          <option value="" x-text="t('stats.wholeCounty')"></option>
          <template x-for="d in app.townships()" :key="d.code"><option :value="d.code" x-text="d.name"></option></template>
        </select></label>
      </div>
    </form>
    <template x-if="report">
      <div>
        <p data-testid="stats-total" x-text="t('stats.summary', report.divisionName, date(report.from), date(report.to), report.total.items, report.total.completed, rate(report.total.itemCompletionRate), report.total.measures, report.total.measuresDone, rate(report.total.measureCompletionRate))"></p>
        <details open><summary x-text="t('stats.howTitle')"></summary>
          <p class="muted" x-text="t('stats.how')"></p></details>
        <div class="charts">
          <figure data-testid="chart-groups">
            <figcaption x-text="f.division ? t('stats.byVillage') : t('stats.byTownship')"></figcaption>
            <table class="bars">
              <thead><tr><th x-text="f.division ? t('division') : t('township')"></th><th x-text="t('stats.itemRate')"></th><th x-text="t('stats.measureRate')"></th></tr></thead>
              <tbody><template x-for="g in report.groups" :key="g.key">
                <tr><th scope="row" x-text="g.label"></th>
                  <td><div class="bar" :style="'--w:' + Number(g.itemCompletionRate || 0) + '%'"><span x-text="rate(g.itemCompletionRate) + '（' + g.completed + '/' + g.items + '）'"></span></div></td>
                  <td><div class="bar alt" :style="'--w:' + Number(g.measureCompletionRate || 0) + '%'"><span x-text="rate(g.measureCompletionRate) + '（' + g.measuresDone + '/' + g.measures + '）'"></span></div></td></tr>
              </template>
              <tr x-show="!report.groups.length"><td colspan="3" x-text="t('stats.none')"></td></tr></tbody>
            </table>
          </figure>
          <figure data-testid="chart-rules">
            <figcaption x-text="t('stats.byRule')"></figcaption>
            <table class="bars">
              <thead><tr><th x-text="t('rule')"></th><th x-text="t('stats.open')"></th></tr></thead>
              <tbody><template x-for="g in rules" :key="g.key">
                <tr><th scope="row" x-text="g.label"></th>
                  <td><div class="bar warn" :style="'--w:' + (maxOpen ? open(g) * 100 / maxOpen : 0) + '%'"><span x-text="t('stats.openOf', open(g), g.items)"></span></div></td></tr>
              </template>
              <tr x-show="!rules.length"><td colspan="2" x-text="t('stats.none')"></td></tr></tbody>
            </table>
          </figure>
        </div>
      </div>
    </template>
    <div class="toolbar">
      <button class="secondary" @click="notice('html')" data-testid="notice-html" x-text="t('notice.html')"></button>
      <button class="secondary" @click="notice('markdown')" data-testid="notice-markdown" x-text="t('notice.markdown')"></button>
      <button class="secondary" @click="workbook()" data-testid="notice-xlsx" x-text="t('notice.xlsx')"></button>
    </div>`,
  data: page(() => ({
    f: Object.assign({ period: 'year', division: '' }, period('year', app.today())),
    report: null, rules: [], maxOpen: 0,
    init() { this.load(); },
    changed(event) {
      if (event.target.name === 'period' && this.f.period !== 'custom') Object.assign(this.f, period(this.f.period, app.today()));
      this.load();
    },
    scope() { return this.f.division || app.session.user.division; },
    query(extra) { return new URLSearchParams(Object.assign({ division: this.scope(), from: this.f.from, to: this.f.to }, extra)); },
    rate(value) { return value == null ? '—' : this.num(value) + ' %'; },
    open(g) { return g.notCompleted + g.basicallyCompleted + g.longTerm; },
    async load() {
      try {
        const [groups, rules] = await Promise.all([
          api.call('GET', '/api/rectification/statistics?' + this.query({ groupBy: this.f.division ? 'division' : 'township' })),
          api.call('GET', '/api/rectification/statistics?' + this.query({ groupBy: 'rule' }))]);
        this.report = groups;
        this.rules = rules.groups.filter(g => g.items > 0);
        this.maxOpen = Math.max(0, ...this.rules.map(g => this.open(g)));
      } catch (e) { this.fail(e); }
    },
    name(what, ext) { return this.division(this.scope()) + what + '-' + this.f.from + '至' + this.f.to + ext; },
    notice(format) {
      download('/api/rectification/notice?' + this.query({ format }), format === 'html' ? 'text/html' : 'text/markdown',
        this.name('整改情况通报', format === 'html' ? '.html' : '.md')).catch(e => this.fail(e));
    },
    workbook() {
      download('/api/rectification/items/export?' + this.query(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        this.name('整改台账', '.xlsx')).catch(e => this.fail(e));
    }
  }))
};
