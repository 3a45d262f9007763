// 设施检查: the warehouse building as the notices checked it (ground floor, dry, a door that opens by
// hand, charged backup power, an extinguisher), with photos taken by the phone's camera.
import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

const POINTS = ['groundFloorOrLift', 'entranceClear', 'dry', 'manualDoorRelease', 'backupPowerCharged', 'extinguisherPresent'];
const MAX_PHOTO = 5 * 1024 * 1024;

export default {
  name: 'facility', component: 'facilityPage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('facility.title')"></h2>
    <p class="warning" x-show="risk" data-testid="facility-risk" x-text="risk ? t('facility.open', named(app.lang === 'zh' ? risk.summary.zh : risk.summary.en)) : ''"></p>
    <form class="box" @submit.prevent="submit()" data-testid="facility-form">
      <p class="muted" x-text="t('facility.hint')"></p>
      <div class="checks">
        <template x-for="p in POINTS" :key="p">
          <label><input type="checkbox" :name="p" x-model="form[p]"><span x-text="t('facility.' + p)"></span></label>
        </template>
      </div>
      <label><span x-text="t('facility.notes')"></span><textarea name="notes" rows="2" x-model="form.notes" maxlength="1000"></textarea></label>
      <p x-text="t('facility.photos')"></p>
      <!-- the browser's own file button speaks its own language: a button of ours, in the console's -->
      <label class="button file-button"><span x-text="t('facility.takePhoto')"></span>
        <input class="visually-hidden" type="file" name="photos" accept="image/jpeg,image/png,image/webp" capture="environment" multiple
               @change="pick($event)" data-testid="facility-photos"></label>
      <small class="field-error" x-show="photoError" x-text="photoError"></small>
      <ul x-show="photos.length" class="muted" data-testid="facility-photo-list">
        <template x-for="f in photos" :key="f.name + f.size"><li x-text="f.name + '（' + Math.ceil(f.size / 1024) + ' KB）'"></li></template>
      </ul>
      <p class="warning" x-show="POINTS.some(p => !form[p])" x-text="t('facility.willFail')"></p>
      <p class="error" x-show="error" role="alert" x-text="error"></p>
      <button type="submit" :aria-busy="busy" data-testid="facility-submit" x-text="t('facility.submit')"></button>
    </form>
    <template x-if="done">
      <article data-testid="facility-done">
        <h3 x-text="t('facility.saved', date(done.inspectedOn))"></h3>
        <p x-text="done.failed && done.failed.length ? t('facility.failedPoints', done.failed.map(f => t('facility.' + f)).join('、')) : t('facility.allGood')"></p>
        <p x-text="t('facility.photosSaved', done.photos)"></p>
      </article>
    </template>`,
  data: page(() => ({
    ...warehouseState(),
    POINTS, form: {}, photos: [], photoError: '', error: '', busy: false, done: null, risk: null, key: null,
    init() { this.resetForm(); this.reload(true); },
    resetForm() { this.form = Object.fromEntries(POINTS.map(p => [p, true])); this.form.notes = ''; this.photos = []; this.key = null; },
    async reload(lists) {
      try {
        await this.loadWarehouse(lists);
        await this.loadFindings();
        this.risk = this.findingOn(this.warehouseId, 'FACILITY_RISK') || null;
      } catch (e) { this.fail(e); }
    },
    pick(event) {
      const files = [...event.target.files];
      const big = files.find(f => f.size > MAX_PHOTO);
      this.photoError = big ? this.t('facility.tooBig', big.name) : '';
      this.photos = files.filter(f => f.size <= MAX_PHOTO);
    },
    async submit() {
      this.busy = true; this.error = '';
      const body = { inspectedOn: this.app.today() };
      for (const p of POINTS) body[p] = Boolean(this.form[p]);
      if (this.form.notes) body.notes = this.form.notes;
      try {
        // one key for this inspection: a retry after a lost answer records it once
        this.key = this.key || api.uuid();
        const inspection = await api.call('POST', '/api/warehouse/warehouses/' + this.warehouseId + '/facility-inspections', body, this.key);
        let saved = 0;
        for (const photo of this.photos) { await api.upload('/api/warehouse/facility-inspections/' + inspection.id + '/photos', photo); saved++; }
        this.done = Object.assign({}, inspection, { photos: saved });
        this.say(this.t('facility.savedShort'));
        this.resetForm();
        await this.reload(false);
      } catch (e) {
        // the form keeps what was ticked and the photos chosen
        this.error = e instanceof api.NetworkDown ? this.t('facility.offline') : e instanceof api.Refused ? api.describe(e) : String(e);
      } finally { this.busy = false; }
    }
  }))
};
