import api from '../api.js';
import { app, page } from '../store.js';

const PLAN = ['responsibleDepartment', 'responsibleLeader', 'responsiblePerson', 'target', 'deadline'];

export default {
  name: 'item', component: 'itemPage', roles: ['county_office', 'admin'], tab: false,
  template: `
    <a href="#/ledger" x-text="'← ' + t('tab.ledger')"></a>
    <template x-if="!detail && !missing"><p aria-busy="true" x-text="t('loading')"></p></template>
    <template x-if="missing"><p class="error" x-text="missing"></p></template>
    <template x-if="detail">
      <div data-testid="item">
        <h2 x-text="detail.item.summary"></h2>
        <p class="facts">
          <mark :class="'sev sev-' + detail.item.severity" x-text="t('severity.' + detail.item.severity)"></mark>
          <span x-text="detail.item.ruleTitle"></span> ·
          <span x-text="division(detail.item.division)"></span> ·
          <strong data-testid="item-status" x-text="detail.item.statusLabel"></strong> ·
          <span x-text="t('deadline') + ' ' + date(detail.item.deadline)"></span>
          <span class="error" x-show="detail.item.overdue" x-text="' · ' + t('ledger.overdue')"></span>
        </p>
        <p class="warning" data-testid="source-open" x-show="detail.item.findingOpen && detail.item.status !== 'COMPLETED'"
           x-text="t('item.sourceOpen', time(detail.item.detectedAt))"></p>
        <p class="muted" x-show="!detail.item.findingOpen" x-text="t('item.sourceClear')"></p>
        <dl class="source">
          <dt x-text="t('item.subject')"></dt>
          <dd data-testid="item-source"><span x-text="app.subject(detail.item.subject.type) + '：' + (detail.item.subject.label || '—')"></span>
            <template x-if="source">
              <div class="box" data-testid="source-record">
                <p><strong x-text="source.title"></strong></p>
                <ul><template x-for="(fact, index) in source.facts" :key="index"><li x-text="fact"></li></template></ul>
              </div>
            </template></dd>
          <dt x-text="t('item.found')"></dt><dd x-text="time(detail.item.firstDetectedAt) + (detail.item.recurrences ? ' · ' + t('item.recurrences', detail.item.recurrences) : '')"></dd>
          <template x-if="detail.verification">
            <div><dt x-text="t('item.verified')"></dt><dd data-testid="verification" x-text="detail.verification.name + ' · ' + time(detail.verification.at) + '：' + detail.verification.evidence"></dd></div>
          </template>
        </dl>

        <template x-if="detail.lines && detail.lines.length">
          <article data-testid="lines">
            <h3 x-text="t('item.lines', detail.lines.filter(l => !l.findingOpen).length, detail.evidence.lines || detail.lines.length)"></h3>
            <table class="cards">
              <thead><tr><th x-text="t('item.lineWhat')"></th><th x-text="t('item.lineFinding')"></th><th x-text="t('status')"></th></tr></thead>
              <tbody><template x-for="l in detail.lines" :key="l.key">
                <tr :class="l.findingOpen ? '' : 'muted'" data-testid="line">
                  <td :data-label="t('item.lineWhat')" x-text="l.subject.label || '—'"></td>
                  <td :data-label="t('item.lineFinding')" x-text="l.summary"></td>
                  <td :data-label="t('status')"><strong x-show="l.findingOpen" class="error" x-text="t('item.lineOpen')"></strong>
                    <span x-show="!l.findingOpen" x-text="t('item.lineResolved', time(l.resolvedAt)) + (l.resolvedBy ? '：' + l.resolvedBy : '')"></span></td>
                </tr></template></tbody>
            </table>
            <p class="muted" x-show="(detail.evidence.lines || 0) > detail.lines.length" x-text="t('item.linesMore', detail.lines.length, detail.evidence.lines)"></p>
          </article>
        </template>

        <article>
          <h3 x-text="t('item.plan')"></h3>
          <p class="warning" role="alert" data-testid="stale" x-show="stale">
            <span x-text="t('item.stale')"></span> <button type="button" class="small" @click="reload()" x-text="t('item.reload')"></button></p>
          <form data-testid="plan-form" @submit.prevent="savePlan()">
            <div class="grid">
              <label><span x-text="t('item.department')"></span><input name="responsibleDepartment" x-model="plan.responsibleDepartment" maxlength="200" :disabled="!canPlan()"></label>
              <label><span x-text="t('item.leader')"></span><input name="responsibleLeader" x-model="plan.responsibleLeader" maxlength="100" :disabled="!canPlan()"></label>
              <label><span x-text="t('item.person')"></span><input name="responsiblePerson" x-model="plan.responsiblePerson" maxlength="100" :disabled="!canPlan()"></label>
            </div>
            <div class="grid">
              <label><span x-text="t('item.target')"></span><input name="target" x-model="plan.target" maxlength="1000" :disabled="!canPlan()"></label>
              <label><span x-text="t('deadline')"></span><input name="deadline" type="date" x-model="plan.deadline" required :disabled="!canPlan()"
                :aria-invalid="errors.deadline ? 'true' : null" aria-describedby="deadline-error">
                <small id="deadline-error" class="error" x-show="errors.deadline" x-text="errors.deadline"></small></label>
            </div>
            <button type="submit" x-show="canPlan()" data-testid="save-plan" x-text="t('item.savePlan')"></button>
          </form>
        </article>

        <article>
          <h3 x-text="t('measures') + '（' + t('item.measuresDone', detail.measures.filter(m => m.status === 'DONE').length, detail.measures.length) + '）'"></h3>
          <ol data-testid="measures" class="measures">
            <template x-for="m in detail.measures" :key="m.id">
              <li :class="m.overdue ? 'overdue' : ''" data-testid="measure">
                <p><strong x-text="m.description"></strong><br>
                  <small x-text="m.owner + ' · ' + t('item.measureBy', date(m.deadline)) + ' · ' + t('measure.' + m.status) + (m.overdue ? ' · ' + t('ledger.overdue') : '')"></small>
                  <small x-show="m.evidence" x-text="' · ' + t('item.evidence') + '：' + m.evidence"></small></p>
                <form class="inline-form" @submit.prevent="progress(m, $event.target)">
                  <select name="status" :aria-label="t('item.progressOf', m.position)">
                    <template x-for="s in ['PLANNED', 'IN_PROGRESS', 'DONE']" :key="s"><option :value="s" :selected="s === m.status" x-text="t('measure.' + s)"></option></template>
                  </select>
                  <input name="evidence" :placeholder="t('item.evidenceHint')" :aria-label="t('item.evidence')" maxlength="4000">
                  <button type="submit" class="small" x-text="t('item.updateMeasure')"></button>
                </form>
              </li>
            </template>
          </ol>
          <p x-show="!detail.measures.length" class="muted" x-text="t('item.noMeasures')"></p>
          <form class="box" data-testid="measure-form" x-show="canPlan()" @submit.prevent="addMeasure()">
            <h4 x-text="t('item.addMeasure')"></h4>
            <label><span x-text="t('item.measure')"></span><input name="description" x-model="measure.description" required maxlength="2000"></label>
            <div class="grid">
              <label><span x-text="t('item.owner')"></span><input name="owner" x-model="measure.owner" required maxlength="100"></label>
              <label><span x-text="t('deadline')"></span><input name="measureDeadline" type="date" x-model="measure.deadline" required :min="app.today()"></label>
            </div>
            <button type="submit" x-text="t('item.addMeasure')"></button>
          </form>
        </article>

        <article>
          <h3 x-text="t('item.attachments')"></h3>
          <ul data-testid="attachments">
            <template x-for="a in detail.attachments" :key="a.id">
              <li data-testid="attachment"><a href="#" @click.prevent="view(a)" x-text="a.fileName"></a>
                <small x-text="' · ' + size(a.size) + ' · ' + (a.uploadedBy || '') + ' · ' + time(a.uploadedAt)"></small></li>
            </template>
            <li x-show="!detail.attachments.length" class="muted" x-text="t('item.noAttachments')"></li>
          </ul>
          <template x-if="preview"><figure><img :src="preview.url" :alt="preview.name" class="preview"><figcaption x-text="preview.name"></figcaption></figure></template>
          <form class="inline-form" data-testid="evidence-form" @submit.prevent="attach($event.target)">
            <input type="file" name="file" accept="image/jpeg,image/png,image/webp,application/pdf" :aria-label="t('item.chooseFile')"
              :aria-invalid="errors.file ? 'true' : null" aria-describedby="file-error">
            <button type="submit" class="secondary small" x-text="t('item.attach')"></button>
          </form>
          <small id="file-error" class="error" x-show="errors.file" x-text="errors.file"></small>
          <small class="muted" x-text="t('item.attachRule')"></small>
        </article>

        <article x-show="canPlan()">
          <h3 x-text="t('item.statusTitle')"></h3>
          <form data-testid="signoff-form" x-show="detail.item.status !== 'COMPLETED' && app.county()" @submit.prevent="signOff()">
            <label><span x-text="t('item.signOffEvidence')"></span>
              <textarea name="evidence" x-model="signoff.evidence" required maxlength="4000" rows="2"></textarea></label>
            <label x-show="detail.item.findingOpen"><input type="checkbox" name="confirm" x-model="signoff.confirm">
              <span x-text="t('item.confirmOpen')"></span></label>
            <button type="submit" data-testid="sign-off" :disabled="detail.item.findingOpen && !signoff.confirm" x-text="t('item.signOff')"></button>
          </form>
          <form class="inline-form" data-testid="status-form" @submit.prevent="changeStatus()">
            <select name="status" x-model="statusForm.status" :aria-label="t('status')">
              <template x-for="s in ['NOT_COMPLETED', 'BASICALLY_COMPLETED', 'LONG_TERM']" :key="s"><option :value="s" :selected="s === statusForm.status" x-text="t('item.status.' + s)"></option></template>
            </select>
            <input name="note" x-model="statusForm.note" :placeholder="t('item.statusNote')" :aria-label="t('item.statusNote')" maxlength="4000">
            <button type="submit" class="secondary small" x-text="t('item.changeStatus')"></button>
          </form>
        </article>

        <article>
          <h3 x-text="t('history')"></h3>
          <ul data-testid="history" class="history">
            <template x-for="(h, index) in detail.history" :key="index">
              <li><small x-text="time(h.at)"></small> <span x-text="h.text"></span></li>
            </template>
          </ul>
        </article>
      </div>
    </template>`,
  data: page(() => ({
    detail: null, missing: '', stale: false, errors: {}, preview: null, source: null,
    plan: {}, measure: { description: '', owner: '', deadline: '' }, signoff: { evidence: '', confirm: false },
    statusForm: { status: 'NOT_COMPLETED', note: '' },
    init() { this.reload(); },
    destroy() { if (this.preview) URL.revokeObjectURL(this.preview.url); },
    async reload() {
      try {
        this.show(await api.call('GET', '/api/rectification/items/' + encodeURIComponent(app.route.id)));
      } catch (e) {
        if (e instanceof api.Refused && e.status === 404) this.missing = this.t('item.missing'); else this.fail(e);
      }
    },
    show(detail) {
      const first = !this.detail;
      this.detail = detail; this.stale = false; this.errors = {};
      if (first) this.loadSource();
      this.plan = Object.fromEntries(PLAN.map(k => [k, (k in detail ? detail[k] : detail.item[k]) || '']));
      this.statusForm.status = detail.item.status === 'COMPLETED' ? 'NOT_COMPLETED' : detail.item.status;
    },
    canPlan() { return app.county() && app.has('county_office', 'admin'); },
    /**
     * The record that raised the finding, read from its own service: the stock card, the
     * extinguisher, the drill or the warehouse, told in a few facts.
     */
    async loadSource() {
      const subject = this.detail.item.subject;
      const t = (k, ...a) => this.t(k, ...a);
      try {
        if (subject.type === 'stock') {
          const [warehouse, , item] = subject.id.split(':');
          const card = await api.call('GET', '/api/warehouse/warehouses/' + warehouse + '/stock-card/' + item);
          this.source = { title: t('source.card', card.itemName, this.num(card.balance), card.unit || ''),
            facts: card.movements.slice(-5).reverse().map(m => this.time(m.occurredAt) + ' · ' + m.typeLabel + ' '
              + (Number(m.delta) > 0 ? '+' : '') + this.num(m.delta) + ' → ' + this.num(m.balanceAfter) + (m.actor ? ' · ' + m.actor : '')) };
        } else if (subject.type === 'extinguisher') {
          const e = await api.call('GET', '/api/warehouse/extinguishers/' + subject.id);
          this.source = { title: e.label + ' · ' + e.agentLabel + (e.capacity ? ' ' + e.capacity : ''), facts: [
            t('source.location', e.location || '—'), t('source.made', this.date(e.manufacturedOn)),
            t('ext.monthly') + '：' + (e.schedule ? this.date(e.schedule.monthlyCheckDue) : '—'),
            t('ext.annual') + '：' + (e.schedule ? this.date(e.schedule.annualInspectionDue) : '—')] };
        } else if (subject.type === 'drill') {
          const d = await api.call('GET', '/api/drills/' + subject.id);
          this.source = { title: d.title, facts: [t('source.drillOn', this.date(d.scheduledOn), d.place || '—'), d.statusLabel,
            d.evaluation ? t('source.evaluated', this.date(d.evaluation.evaluatedOn)) : t('source.notEvaluated')] };
        } else if (subject.type === 'stocktake') {
          const s = await api.call('GET', '/api/warehouse/stocktakes/' + subject.id);
          this.source = { title: t('source.stocktake', s.warehouseName || '—', s.lines.length), facts: [
            s.submittedAt ? t('source.submitted', this.time(s.submittedAt), s.submittedBy || '—') : t('stocktake.status.' + s.status),
            t('stocktake.status.' + s.status), t('source.differences', s.differences ?? '—')] };
        } else if (subject.type === 'warehouse') {
          const w = await api.call('GET', '/api/warehouse/warehouses/' + subject.id);
          this.source = { title: w.name, facts: [t('source.address', w.address || '—'), t('source.floor', w.floor ?? '—')] };
        }
      } catch (e) {
        this.source = { title: t('source.unreadable'), facts: [] };
      }
    },
    refused(e) {
      if (e instanceof api.Refused && e.status === 409) { this.stale = true; return; }
      if (e instanceof api.Refused && e.status === 422) { this.errors = api.fieldErrors(e); }
      this.fail(e);
    },
    async savePlan() {
      const body = Object.assign({ version: this.detail.item.version }, this.plan);
      for (const k of PLAN) if (body[k] === '') body[k] = null;
      try { this.show(await api.call('PUT', '/api/rectification/items/' + this.detail.item.id + '/plan', body)); this.say(this.t('item.planSaved')); }
      catch (e) { this.refused(e); }
    },
    async addMeasure() {
      try {
        await api.call('POST', '/api/rectification/items/' + this.detail.item.id + '/measures', this.measure, api.uuid());
        this.measure = { description: '', owner: '', deadline: '' };
        this.say(this.t('item.measureAdded'));
        await this.reload();
      } catch (e) { this.refused(e); }
    },
    async progress(m, form) {
      const body = { status: form.status.value, version: m.version };
      if (form.evidence.value.trim()) body.evidence = form.evidence.value.trim();
      try {
        await api.call('PUT', '/api/rectification/items/' + this.detail.item.id + '/measures/' + m.id, body);
        this.say(this.t('item.measureSaved'));
        await this.reload();
      } catch (e) { this.refused(e); }
    },
    async signOff() {
      if (this.detail.item.findingOpen && !this.signoff.confirm) return;
      try {
        this.show(await api.call('POST', '/api/rectification/items/' + this.detail.item.id + '/status',
          { status: 'COMPLETED', evidence: this.signoff.evidence, version: this.detail.item.version }, api.uuid()));
        this.signoff = { evidence: '', confirm: false };
        this.say(this.t('item.signedOff'));
      } catch (e) { this.refused(e); }
    },
    size(bytes) { return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB'; },
    async attach(form) {
      const file = form.file.files[0];
      this.errors = {};
      if (!file) { this.errors = { file: this.t('item.chooseFile') }; return; }
      if (!['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].includes(file.type)) { this.errors = { file: this.t('item.fileType') }; return; }
      if (file.size > 5 * 1048576) { this.errors = { file: this.t('item.fileSize') }; return; }
      try {
        await api.upload('/api/rectification/items/' + this.detail.item.id + '/evidence', file);
        form.reset();
        this.say(this.t('item.attached', file.name));
        await this.reload();
      } catch (e) {
        if (e instanceof api.Refused) this.errors = { file: api.describe(e) }; else this.fail(e);
      }
    },
    async view(a) {
      try {
        const blob = await api.call('GET', '/api/rectification/items/' + this.detail.item.id + '/evidence/' + a.id, null, null, a.contentType);
        const url = URL.createObjectURL(blob);
        if (a.contentType.startsWith('image/')) {
          if (this.preview) URL.revokeObjectURL(this.preview.url);
          this.preview = { url, name: a.fileName };
        } else {
          const link = document.createElement('a');
          link.href = url; link.download = a.fileName; document.body.appendChild(link); link.click(); link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10000);
        }
      } catch (e) { this.fail(e); }
    },
    async changeStatus() {
      const body = { status: this.statusForm.status, version: this.detail.item.version };
      if (this.statusForm.note.trim()) body.evidence = this.statusForm.note.trim();
      try {
        this.show(await api.call('POST', '/api/rectification/items/' + this.detail.item.id + '/status', body, api.uuid()));
        this.statusForm.note = '';
        this.say(this.t('item.statusSaved'));
      } catch (e) { this.refused(e); }
    }
  }))
};
