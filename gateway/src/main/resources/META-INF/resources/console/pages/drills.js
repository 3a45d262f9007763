// 应急演练: drills by township with their state; a plan (objectives, units with contacts, people
// with their tasks) drafted and approved; the conduct recorded; the evaluation objective by
// objective (P/S/M/U) with improvement actions; open actions; which townships have done the 三断 drill.
import api from '../api.js';
import { page } from '../store.js';

const KINDS = ['TABLETOP', 'FUNCTIONAL', 'FULL_SCALE'];
const HAZARDS = ['FLOOD', 'FIRE', 'GEOLOGICAL', 'HAZMAT', 'EARTHQUAKE', 'OTHER'];
const RATINGS = ['P', 'S', 'M', 'U'];
/** A Beijing wall-clock time typed in a datetime-local box, as an instant. */
const instant = local => local ? new Date(local + (local.length === 16 ? ':00' : '') + '+08:00').toISOString() : null;
/** Now on a Beijing wall clock, to the second, as a datetime-local box takes it. */
const nowLocal = () => new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).replace(' ', 'T');
/** The rows a form sends (blank ones left out), each with the row it came from. */
const kept = (rows, filled) => rows.map((row, at) => ({ row, at })).filter(x => filled(x.row));
/** A refusal's field paths (units[0].contact) turned back to the form's rows (units[2].contact). */
const toRows = (errors, lists) => Object.fromEntries(Object.entries(errors).map(([field, message]) => {
  const m = /^(\w+)\[(\d+)\](.*)$/.exec(field);
  return [m && lists[m[1]] && lists[m[1]][Number(m[2])] ? m[1] + '[' + lists[m[1]][Number(m[2])].at + ']' + m[3] : field, message];
}));
const blankPlan = () => ({ title: '', organisingUnit: '', kind: 'FUNCTIONAL', hazard: 'FLOOD', announced: true, networkOutage: false,
  powerOutage: false, roadCut: false, objectives: [''], scheduledOn: '', place: '', units: [{ name: '', contact: '', phone: '' }],
  participants: [{ name: '', unit: '', role: '' }] });

export default {
  name: 'drills', component: 'drillsPage', roles: ['keeper', 'duty_officer', 'county_office', 'admin'], tab: true,
  template: `
    <template x-if="!app.route.id">
      <div>
        <label x-show="app.scopes().length > 1"><span x-text="t('division')"></span>
          <select x-model="scope" @change="reload()" data-testid="drill-division">
            <template x-for="d in app.scopes()" :key="d.code"><option :value="d.code" x-text="d.name" :selected="d.code === scope"></option></template>
          </select></label>
        <h2 x-show="three.length" x-text="t('drills.three')"></h2>
        <p x-show="three.length" class="muted" x-text="t('drills.threeHint')"></p>
        <ul class="list-cards" data-testid="three-outages">
          <template x-for="r in three" :key="r.township">
            <li :class="r.drilled ? '' : 'urgent'" :data-township="r.township">
              <div class="row"><strong x-text="division(r.township)"></strong>
                <span class="tag" :class="r.drilled ? 'ok' : 'bad'" x-text="r.drilled ? t('drills.threeDone', date(r.lastDrilled)) : t('drills.threeMissing')"></span></div>
            </li>
          </template>
        </ul>
        <template x-if="openActions.length">
          <section>
            <h2 x-text="t('drills.openActionsTitle')"></h2>
            <ul class="list-cards" data-testid="open-actions">
              <template x-for="a in openActions" :key="a.id">
                <li :class="a.deadline < app.today() ? 'urgent' : 'soon'">
                  <div class="row"><strong x-text="a.description"></strong>
                    <span class="tag" :class="a.deadline < app.today() ? 'bad' : 'warn'" x-text="a.deadline < app.today() ? t('drills.actionOverdue') : t('drills.actionOpen')"></span></div>
                  <div class="row"><small class="muted" x-text="t('drills.actionLine', a.owner, date(a.deadline)) + ' · ' + a.drillTitle"></small>
                    <a :href="'#/drills/' + a.drillId" x-text="t('details')"></a></div>
                </li>
              </template>
            </ul>
            <p class="muted" x-show="openActionsTotal > openActions.length" data-testid="open-actions-more"
              x-text="t('drills.openActionsMore', openActionsTotal, openActions.length)"></p>
          </section>
        </template>
        <h2 x-text="t('drills.list')"></h2>
        <button data-testid="new-drill" x-show="!plan" @click="startPlan()" x-text="t('drills.new')"></button>
        <template x-if="plan">
          <form class="box" id="plan-form" @submit.prevent="savePlan()" data-testid="plan-form" novalidate>
            <h3 x-text="t('drills.new')"></h3>
            <label><span x-text="t('drills.title')"></span><input name="title" x-model="plan.title" required maxlength="200"></label>
            <small class="field-error" x-show="errors.title" x-text="errors.title"></small>
            <label><span x-text="t('drills.organiser')"></span><input name="organisingUnit" x-model="plan.organisingUnit" required maxlength="200"></label>
            <small class="field-error" x-show="errors.organisingUnit" x-text="errors.organisingUnit"></small>
            <div class="grid">
              <label><span x-text="t('drills.kind')"></span><select name="kind" x-model="plan.kind"><template x-for="k in KINDS" :key="k"><option :value="k" x-text="t('drillKind.' + k)" :selected="k === plan.kind"></option></template></select></label>
              <label><span x-text="t('drills.hazard')"></span><select name="hazard" x-model="plan.hazard"><template x-for="h in HAZARDS" :key="h"><option :value="h" x-text="t('hazard.' + h)" :selected="h === plan.hazard"></option></template></select></label>
            </div>
            <div class="grid">
              <label><span x-text="t('drills.scheduledOn')"></span><input name="scheduledOn" type="date" x-model="plan.scheduledOn" required></label>
              <label><span x-text="t('drills.place')"></span><input name="place" x-model="plan.place" required maxlength="200"></label>
            </div>
            <small class="field-error" x-show="errors.scheduledOn || errors.place" x-text="errors.scheduledOn || errors.place"></small>
            <fieldset class="checks"><legend x-text="t('drills.scenario')"></legend>
              <label><input type="checkbox" name="announced" x-model="plan.announced"><span x-text="t('drills.announced')"></span></label>
              <label><input type="checkbox" name="networkOutage" x-model="plan.networkOutage"><span x-text="t('drills.networkOutage')"></span></label>
              <label><input type="checkbox" name="powerOutage" x-model="plan.powerOutage"><span x-text="t('drills.powerOutage')"></span></label>
              <label><input type="checkbox" name="roadCut" x-model="plan.roadCut"><span x-text="t('drills.roadCut')"></span></label>
            </fieldset>
            <h4 x-text="t('drills.objectives')"></h4>
            <template x-for="(o, i) in plan.objectives" :key="i">
              <div><label><span x-text="t('drills.objectiveN', i + 1)"></span><input :name="'objective' + i" x-model="plan.objectives[i]" required maxlength="500"></label>
                <small class="field-error" x-show="errors['objectives[' + i + ']']" x-text="errors['objectives[' + i + ']']"></small></div>
            </template>
            <button type="button" class="outline" @click="plan.objectives.push('')" x-text="t('drills.addObjective')"></button>
            <h4 x-text="t('drills.units')"></h4>
            <template x-for="(u, i) in plan.units" :key="i">
              <div class="box">
                <label><span x-text="t('drills.unitName')"></span><input :name="'unit' + i" x-model="u.name" required maxlength="200"></label>
                <div class="grid">
                  <label><span x-text="t('drills.contact')"></span><input :name="'contact' + i" x-model="u.contact" maxlength="100"></label>
                  <label><span x-text="t('phone')"></span><input :name="'phone' + i" type="tel" x-model="u.phone" maxlength="40"></label>
                </div>
                <small class="field-error" x-show="errors['units[' + i + '].contact'] || errors['units[' + i + '].phone'] || errors['units[' + i + '].name']" x-text="errors['units[' + i + '].contact'] || errors['units[' + i + '].phone'] || errors['units[' + i + '].name']"></small>
              </div>
            </template>
            <button type="button" class="outline" @click="plan.units.push({ name: '', contact: '', phone: '' })" x-text="t('drills.addUnit')"></button>
            <h4 x-text="t('drills.people')"></h4>
            <template x-for="(p, i) in plan.participants" :key="i">
              <div class="box">
                <div class="grid">
                  <label><span x-text="t('drills.personName')"></span><input :name="'person' + i" x-model="p.name" maxlength="100"></label>
                  <label><span x-text="t('drills.personUnit')"></span><input :name="'personUnit' + i" x-model="p.unit" maxlength="200"></label>
                </div>
                <label><span x-text="t('drills.task')"></span><input :name="'task' + i" x-model="p.role" maxlength="500"></label>
                <small class="field-error" x-show="errors['participants[' + i + '].role'] || errors['participants[' + i + '].name']" x-text="errors['participants[' + i + '].role'] || errors['participants[' + i + '].name']"></small>
              </div>
            </template>
            <button type="button" class="outline" @click="plan.participants.push({ name: '', unit: '', role: '' })" x-text="t('drills.addPerson')"></button>
            <p class="error" x-show="errors._" role="alert" x-text="errors._"></p>
            <div class="grid"><button type="submit" :aria-busy="busy" data-testid="save-plan" x-text="t('drills.saveDraft')"></button>
              <button type="button" class="secondary" @click="plan = null" x-text="t('cancel')"></button></div>
          </form>
        </template>
        <ul class="list-cards" data-testid="drills">
          <template x-for="d in drills" :key="d.id">
            <li :class="d.overdueActions || (d.status === 'CONDUCTED' && !d.evaluated) ? 'urgent' : ''" :data-title="d.title">
              <div class="row"><a :href="'#/drills/' + d.id" x-text="d.title"></a><span class="tag" x-text="d.statusLabel"></span></div>
              <small class="muted" x-text="division(d.division) + ' · ' + date(d.scheduledOn) + (d.openActions ? ' · ' + t('drills.openActions', d.openActions, d.overdueActions) : '')"></small>
            </li>
          </template>
          <li x-show="!drills.length" x-text="t('drills.none')"></li>
        </ul>
      </div>
    </template>
    <template x-if="app.route.id && drill">
      <div data-testid="drill">
        <a href="#/drills" x-text="'‹ ' + t('drills.list')"></a>
        <h2 x-text="drill.title"></h2>
        <p><span class="tag" data-testid="drill-status" x-text="drill.statusLabel"></span>
          <span x-text="' ' + division(drill.division) + ' · ' + date(drill.scheduledOn) + ' · ' + drill.place"></span></p>
        <p class="muted" x-text="t('drillKind.' + drill.kind) + ' · ' + t('hazard.' + drill.hazard) + (drill.scenario.threeOutages ? ' · ' + t('drills.isThree') : '')"></p>
        <h3 x-text="t('drills.objectives')"></h3>
        <ol><template x-for="(o, i) in drill.objectives" :key="i"><li x-text="o"></li></template></ol>
        <h3 x-text="t('drills.units')"></h3>
        <ul><template x-for="(u, i) in drill.units" :key="i"><li x-text="u.name + (u.contact ? ' · ' + u.contact : '') + (u.phone ? ' ' + u.phone : '')"></li></template></ul>
        <div class="error" x-show="errors._" role="alert" data-testid="drill-error">
          <p x-text="errors._"></p>
          <ul><template x-for="[field, message] in Object.entries(errors).filter(([f]) => f !== '_')" :key="field">
            <li x-text="where(field) + message"></li></template></ul>
        </div>
        <div class="actions" x-show="drill.status === 'DRAFT' || drill.status === 'APPROVED'">
          <button x-show="drill.status === 'DRAFT'" data-testid="approve" @click="approve()" x-text="t('drills.approve')"></button>
        </div>
        <template x-if="drill.status === 'APPROVED'">
          <form class="box" @submit.prevent="conduct()" data-testid="conduct-form">
            <h3 x-text="t('drills.conduct')"></h3>
            <div class="grid">
              <label><span x-text="t('drills.start')"></span><input name="actualStart" type="datetime-local" step="1" x-model="conductForm.start" required></label>
              <label><span x-text="t('drills.end')"></span><input name="actualEnd" type="datetime-local" step="1" x-model="conductForm.end" required></label>
            </div>
            <small class="field-error" x-show="errors.actualEnd || errors.actualStart" x-text="errors.actualEnd || errors.actualStart"></small>
            <label><span x-text="t('drills.tookPart')"></span><textarea name="tookPart" rows="3" x-model="conductForm.tookPart" :placeholder="t('drills.tookPartHint')"></textarea></label>
            <label><span x-text="t('drills.deviations')"></span><textarea name="deviations" rows="2" x-model="conductForm.deviations"></textarea></label>
            <button type="submit" data-testid="save-conduct" x-text="t('drills.saveConduct')"></button>
          </form>
        </template>
        <template x-if="drill.conduct">
          <p x-text="t('drills.conducted', time(drill.conduct.actualStart), time(drill.conduct.actualEnd), drill.conduct.tookPart.length)"></p>
        </template>
        <template x-if="drill.status === 'CONDUCTED'">
          <form class="box" @submit.prevent="evaluate()" data-testid="evaluation-form">
            <h3 x-text="t('drills.evaluate')"></h3>
            <label><span x-text="t('drills.evaluatedOn')"></span><input name="evaluatedOn" type="date" x-model="evaluation.evaluatedOn" required></label>
            <small class="field-error" x-show="errors.evaluatedOn" x-text="errors.evaluatedOn"></small>
            <template x-for="(o, i) in drill.objectives" :key="i">
              <fieldset :data-objective="i + 1">
                <legend x-text="(i + 1) + '. ' + o"></legend>
                <div class="rating">
                  <template x-for="r in RATINGS" :key="r">
                    <label :title="t('ratingLong.' + r)"><input type="radio" :name="'rating' + i" :value="r" x-model="evaluation.ratings[i].rating"><span x-text="r + ' ' + t('rating.' + r)"></span></label>
                  </template>
                </div>
                <input :name="'ratingNotes' + i" x-model="evaluation.ratings[i].notes" :placeholder="t('drills.ratingNotes')" :aria-label="t('drills.ratingNotes')">
                <small class="field-error" x-show="errors['ratings[' + i + '].objective']" x-text="errors['ratings[' + i + '].objective']"></small>
              </fieldset>
            </template>
            <small class="field-error" x-show="errors.ratings" x-text="errors.ratings"></small>
            <label><span x-text="t('drills.strengths')"></span><textarea name="strengths" rows="2" x-model="evaluation.strengths"></textarea></label>
            <label><span x-text="t('drills.improve')"></span><textarea name="areasForImprovement" rows="2" x-model="evaluation.areasForImprovement"></textarea></label>
            <h4 x-text="t('drills.actions')"></h4>
            <template x-for="(a, i) in evaluation.actions" :key="i">
              <div class="box">
                <label><span x-text="t('drills.actionWhat')"></span><input :name="'action' + i" x-model="a.description" required maxlength="2000"></label>
                <div class="grid">
                  <label><span x-text="t('drills.actionOwner')"></span><input :name="'owner' + i" x-model="a.owner" required maxlength="100"></label>
                  <label><span x-text="t('deadline')"></span><input :name="'deadline' + i" type="date" x-model="a.deadline" required></label>
                </div>
                <small class="field-error" x-show="errors['actions[' + i + '].deadline'] || errors['actions[' + i + '].owner'] || errors['actions[' + i + '].description']" x-text="errors['actions[' + i + '].deadline'] || errors['actions[' + i + '].owner'] || errors['actions[' + i + '].description']"></small>
              </div>
            </template>
            <button type="button" class="outline" data-testid="add-action" @click="evaluation.actions.push({ description: '', owner: '', deadline: '' })" x-text="t('drills.addAction')"></button>
            <button type="submit" data-testid="save-evaluation" :aria-busy="busy" x-text="t('drills.saveEvaluation')"></button>
          </form>
        </template>
        <template x-if="drill.evaluation">
          <section data-testid="evaluation">
            <h3 x-text="t('drills.evaluation', date(drill.evaluation.evaluatedOn))"></h3>
            <ul><template x-for="r in drill.evaluation.ratings" :key="r.objective">
              <li x-text="drill.objectives[r.objective - 1] + '：' + r.rating + ' ' + t('rating.' + r.rating) + (r.notes ? '（' + r.notes + '）' : '')"></li></template></ul>
          </section>
        </template>
        <template x-if="drill.actions.length">
          <section>
            <h3 x-text="t('drills.actions')"></h3>
            <ul class="list-cards" data-testid="actions">
              <template x-for="a in drill.actions" :key="a.id">
                <li :class="a.status === 'OPEN' && a.deadline < app.today() ? 'urgent' : ''">
                  <div class="row"><strong x-text="a.description"></strong><span class="tag" :class="a.status === 'DONE' ? 'ok' : a.deadline < app.today() ? 'bad' : 'warn'" x-text="a.status === 'DONE' ? t('drills.actionDone') : t('drills.actionOpen')"></span></div>
                  <div><small class="muted" x-text="t('drills.actionLine', a.owner, date(a.deadline))"></small></div>
                  <template x-for="(c, ci) in a.deadlineChanges || []" :key="ci">
                    <div><small class="muted" data-testid="deadline-change" x-text="t('drills.deadlineMoved', date(c.from), date(c.to), c.changedBy, time(c.changedAt), c.reason)"></small></div>
                  </template>
                  <button type="button" class="small outline" data-testid="move-deadline" x-show="a.status === 'OPEN' && mayMoveDeadline(a) && !(moving && moving.id === a.id)"
                    @click="moving = { id: a.id, deadline: '', reason: '', version: a.version }; errors = {}" x-text="t('drills.moveDeadline')"></button>
                  <template x-if="moving && moving.id === a.id">
                    <form class="inline-form" data-testid="deadline-form" @submit.prevent="moveDeadline(a)">
                      <label><span x-text="t('drills.newDeadline')"></span><input type="date" name="deadline" x-model="moving.deadline" :min="app.today()" required
                        :aria-invalid="errors.deadline ? 'true' : null"></label>
                      <label><span x-text="t('drills.deadlineReason')"></span><input name="reason" x-model="moving.reason" required maxlength="1000" :placeholder="t('drills.deadlineReasonHint')"
                        :aria-invalid="errors.reason ? 'true' : null"></label>
                      <small class="field-error" role="alert" x-show="errors.deadline || errors.reason || errors._" x-text="[errors.deadline, errors.reason, errors._].filter(Boolean).join('；')"></small>
                      <div class="row"><button type="submit" :disabled="busy" x-text="t('drills.saveDeadline')"></button>
                        <button type="button" class="outline" @click="moving = null" x-text="t('cancel')"></button></div>
                    </form>
                  </template>
                </li>
              </template>
            </ul>
          </section>
        </template>
      </div>
    </template>`,
  data: page(() => ({
    KINDS, HAZARDS, RATINGS, scope: '', drills: [], three: [], openActions: [], openActionsTotal: 0, plan: null, drill: null, errors: {}, busy: false, key: null,
    moving: null,
    conductForm: { start: '', end: '', tookPart: '', deviations: '' }, evaluation: null,
    init() {
      const own = this.app.session.user.division;
      this.scope = this.app.route.query.division || own;
      if (this.app.route.id) this.open(this.app.route.id); else this.reload();
    },
    async reload() {
      try {
        // the 三断 coverage is a township's matter: a village user sees the drills, not the townships' table
        // with the improvement actions still open in the division, soonest deadline first (the service
        // lists the first 100 and says how many there are)
        const [drills, three, open] = await Promise.all([api.get('/api/drills?division=' + this.scope),
          this.scope.length <= 9 ? api.get('/api/drills/three-outages?division=' + this.scope) : Promise.resolve({ data: [] }),
          api.get('/api/drills/actions?division=' + this.scope).catch(e => ({ failed: e }))]);
        this.drills = drills.data; this.three = three.data;
        // the drills stay on screen when only the actions could not be read
        if (open.failed) { this.openActions = []; this.openActionsTotal = 0; this.fail(open.failed); return; }
        this.openActions = open.data.actions; this.openActionsTotal = open.data.total;
      } catch (e) { this.fail(e); }
    },
    /** The refusal's reasons by field path (units[1].contact), kept next to each input. */
    refusal(e) {
      if (!(e instanceof api.Refused)) return { _: e instanceof api.NetworkDown ? this.t('drills.offline') : String(e) };
      const errors = {};
      for (const f of (e.problem && e.problem.errors) || []) errors[f.field] = errors[f.field] ? errors[f.field] + '；' + f.message : f.message;
      if (!Object.keys(errors).length) errors._ = api.describe(e);
      else errors._ = e.problem.title || '';
      return errors;
    },
    /** Which part of the drill a refusal's field is about, in words: "参演单位“镇卫生院”：". */
    where(field) {
      const m = /^(units|participants|ratings|actions|objectives)\[(\d+)\]/.exec(field);
      if (!m || !this.drill) return '';
      const i = Number(m[2]);
      const name = m[1] === 'units' ? (this.drill.units[i] || {}).name : m[1] === 'participants' ? (this.drill.participants[i] || {}).name
        : m[1] === 'objectives' ? this.drill.objectives[i] : String(i + 1);
      return this.t('drills.part.' + m[1], name || String(i + 1));
    },
    startPlan() {
      this.errors = {}; this.key = null;
      this.plan = blankPlan();
      this.plan.organisingUnit = this.division(this.scope) + this.t('drills.officeSuffix');
      this.$nextTick(() => document.getElementById('plan-form')?.scrollIntoView({ block: 'start' }));
    },
    async savePlan() {
      const p = this.plan;
      const rows = { objectives: kept(p.objectives, o => o.trim()), units: kept(p.units, u => u.name.trim()),
        participants: kept(p.participants, x => x.name.trim()) };
      const body = Object.assign({}, p, {
        division: this.scope,
        objectives: rows.objectives.map(({ row }) => row.trim()),
        units: rows.units.map(({ row: u }) => ({ name: u.name.trim(), contact: u.contact.trim() || undefined, phone: u.phone.trim() || undefined })),
        participants: rows.participants.map(({ row: x }) => ({ name: x.name.trim(), unit: x.unit.trim() || undefined, role: x.role.trim() || undefined }))
      });
      this.busy = true;
      try {
        this.key = this.key || api.uuid();
        const made = await api.call('POST', '/api/drills', body, this.key);
        this.plan = null; this.key = null;
        this.say(this.t('drills.saved', made.title));
        this.app.go('drills', made.id);
      } catch (e) { this.errors = toRows(this.refusal(e), rows); } finally { this.busy = false; }
    },
    async open(id) {
      try {
        this.drill = (await api.get('/api/drills/' + id)).data;
        this.errors = {};
        this.conductForm = { start: '', end: nowLocal(), tookPart: this.drill.participants.map(p => p.name).join('\n'), deviations: '' };
        this.evaluation = { evaluatedOn: this.app.today(), strengths: '', areasForImprovement: '',
          ratings: this.drill.objectives.map(() => ({ rating: '', notes: '' })), actions: [] };
      } catch (e) { this.fail(e); }
    },
    async act(method, path, body, key) {
      this.busy = true; this.errors = {};
      try { this.drill = await api.call(method, path, body, key); return true; } catch (e) { this.errors = this.refusal(e); return false; } finally { this.busy = false; }
    },
    async approve() {
      if (await this.act('POST', '/api/drills/' + this.drill.id + '/approval')) { this.conductForm.end = nowLocal(); this.say(this.t('drills.approved')); }
    },
    async conduct() {
      const c = this.conductForm;
      const body = { actualStart: instant(c.start), actualEnd: instant(c.end), tookPart: c.tookPart.split('\n').map(x => x.trim()).filter(Boolean) };
      if (c.deviations.trim()) body.deviations = c.deviations.trim();
      if (await this.act('POST', '/api/drills/' + this.drill.id + '/conduct', body)) this.say(this.t('drills.conductSaved'));
    },
    /**
     * The county office over the drill grants extensions (also of an overdue action); the organising
     * division's office may reschedule its own action while it is not yet overdue.
     */
    mayMoveDeadline(a) {
      const user = this.app.session.user;
      if (user.roles.includes('county_office')) return true;
      return user.division === this.drill.division && a.deadline >= this.app.today()
        && (user.roles.includes('duty_officer') || user.roles.includes('admin'));
    },
    async moveDeadline(a) {
      const m = this.moving;
      this.busy = true; this.errors = {};
      try {
        await api.call('PUT', '/api/drills/' + this.drill.id + '/actions/' + a.id + '/deadline',
          { deadline: m.deadline, reason: m.reason.trim(), version: m.version });
        this.moving = null;
        this.say(this.t('drills.deadlineSaved', a.description, this.date(m.deadline)));
        await this.open(this.drill.id);
      } catch (e) { this.errors = this.refusal(e); } finally { this.busy = false; }
    },
    async evaluate() {
      const v = this.evaluation;
      const rows = { ratings: kept(v.ratings, r => r.rating), actions: kept(v.actions, a => a.description.trim()) };
      const body = { evaluatedOn: v.evaluatedOn,
        ratings: rows.ratings.map(({ row: r, at }) => ({ objective: at + 1, rating: r.rating, notes: r.notes || undefined })),
        strengths: v.strengths || undefined, areasForImprovement: v.areasForImprovement || undefined,
        actions: rows.actions.map(({ row: a }) => ({ description: a.description.trim(), owner: a.owner.trim(), deadline: a.deadline })) };
      this.key = this.key || api.uuid();
      if (await this.act('POST', '/api/drills/' + this.drill.id + '/evaluation', body, this.key)) { this.key = null; this.say(this.t('drills.evaluationSaved')); }
      else this.errors = toRows(this.errors, rows);
    }
  }))
};
