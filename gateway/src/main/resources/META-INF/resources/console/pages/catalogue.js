// 物资目录: the catalogue the keeper receives against; add an item with the fields its kind requires
// shown before submitting, and fill in what an item's label lacks (an ITEM_UNLABELED finding).
import api from '../api.js';
import { page } from '../store.js';

const KINDS = ['GENERAL', 'FUEL', 'FOOD', 'WATER', 'MEDICINE', 'BATTERY', 'EQUIPMENT', 'PERSONAL_KIT'];
const CATEGORIES = ['FLOOD', 'FIRE', 'RELIEF', 'OTHER'];
/** What each kind must carry (the warehouse service's beiqin.warehouse.items.required-attributes, which has the last word). */
const REQUIRED = { FUEL: ['fuelType'], BATTERY: ['batteryType'] };
const SHELF_LIFE = ['FOOD', 'WATER', 'MEDICINE', 'BATTERY'];
const blank = () => ({ name: '', category: 'FLOOD', kind: 'GENERAL', specification: '', unit: '', attributes: {} });

export default {
  name: 'catalogue', component: 'cataloguePage', roles: ['keeper'], tab: true,
  template: `
    <h2 x-text="t('catalogue.title')"></h2>
    <button data-testid="add-item" x-show="!form" @click="startAdd()" x-text="t('catalogue.add')"></button>
    <template x-if="form">
      <form class="box" id="item-form" @submit.prevent="save()" data-testid="item-form" novalidate>
        <h3 x-text="editing ? t('catalogue.editing', editing.name) : t('catalogue.add')"></h3>
        <template x-if="!editing">
          <div>
            <label><span x-text="t('catalogue.name')"></span><input name="name" x-model="form.name" required maxlength="200" :aria-invalid="errors.name ? 'true' : null"></label>
            <small class="field-error" x-show="errors.name" x-text="errors.name"></small>
            <div class="grid">
              <label><span x-text="t('catalogue.category')"></span>
                <select name="category" x-model="form.category"><template x-for="c in CATEGORIES" :key="c"><option :value="c" x-text="t('category.' + c)" :selected="c === form.category"></option></template></select></label>
              <label><span x-text="t('catalogue.kind')"></span>
                <select name="kind" x-model="form.kind"><template x-for="k in KINDS" :key="k"><option :value="k" x-text="t('kind.' + k)" :selected="k === form.kind"></option></template></select></label>
            </div>
            <small class="field-error" x-show="errors.kind || errors.category" x-text="errors.kind || errors.category"></small>
          </div>
        </template>
        <p class="muted" data-testid="kind-needs" x-text="needs()"></p>
        <div class="grid">
          <div><label><span x-text="t('catalogue.specification') + ' *'"></span><input name="specification" x-model="form.specification" required maxlength="200" :placeholder="t('catalogue.specHint')" :aria-invalid="errors.specification ? 'true' : null"></label>
            <small class="field-error" x-show="errors.specification" data-testid="error-specification" x-text="errors.specification"></small></div>
          <div><label><span x-text="t('catalogue.unit') + ' *'"></span><input name="unit" x-model="form.unit" required maxlength="20" :placeholder="t('catalogue.unitHint')" :aria-invalid="errors.unit ? 'true' : null"></label>
            <small class="field-error" x-show="errors.unit" data-testid="error-unit" x-text="errors.unit"></small></div>
        </div>
        <template x-for="a in (REQUIRED[form.kind] || [])" :key="a">
          <div>
            <label><span x-text="t('attr.' + a) + ' *'"></span><input :name="a" x-model="form.attributes[a]" required maxlength="200" :aria-invalid="errors[a] ? 'true' : null"></label>
            <small class="field-error" x-show="errors[a]" :data-testid="'error-' + a" x-text="errors[a]"></small>
          </div>
        </template>
        <p class="error" x-show="errors._" role="alert" x-text="errors._"></p>
        <div class="grid"><button type="submit" :aria-busy="busy" x-text="t('save')"></button><button type="button" class="secondary" @click="form = null" x-text="t('cancel')"></button></div>
      </form>
    </template>
    <p x-show="stale" class="muted" x-text="t('stale') + ' ' + time(stale)"></p>
    <ul class="list-cards" data-testid="items">
      <template x-for="i in items" :key="i.id">
        <li :id="'row-' + i.id" :class="i.missingLabels && i.missingLabels.length ? 'soon' : ''" :data-item="i.name">
          <div class="row"><strong x-text="i.name"></strong><span class="tag" x-text="t('kind.' + i.kind) + ' · ' + t('category.' + i.category)"></span></div>
          <p class="muted" x-text="[i.specification, i.unit, ...Object.entries(i.attributes || {}).map(([k, v]) => attr(k) + '：' + v)].filter(Boolean).join(' · ') || '—'"></p>
          <div class="row">
            <span x-show="i.missingLabels && i.missingLabels.length" class="tag warn" x-text="t('catalogue.missing', (i.missingLabels || []).map(m => attr(m.split('.').pop())).join('、'))"></span>
            <button class="outline" @click="startEdit(i)" x-text="t('catalogue.edit')"></button>
          </div>
        </li>
      </template>
    </ul>`,
  data: page(() => ({
    KINDS, CATEGORIES, REQUIRED, items: [], stale: null, form: null, editing: null, errors: {}, busy: false,
    init() {
      this.load().then(() => {
        const focus = this.items.find(i => i.id === this.app.route.query.focus);
        if (focus) this.startEdit(focus);
      });
    },
    async load() {
      try { const r = await api.get('/api/warehouse/items'); this.items = r.data; this.stale = r.stale; } catch (e) { this.fail(e); }
    },
    /** An attribute's name in words; one the console has no word for is shown as typed. */
    attr(key) { const text = this.t('attr.' + key); return text === 'attr.' + key ? key : text; },
    needs() {
      const required = (REQUIRED[this.form.kind] || []).map(a => this.t('attr.' + a));
      const parts = [this.t('catalogue.always')];
      if (required.length) parts.push(this.t('catalogue.needs', required.join('、')));
      if (SHELF_LIFE.includes(this.form.kind)) parts.push(this.t('catalogue.shelfLife'));
      return parts.join(' ');
    },
    scrollToForm() { this.$nextTick(() => document.getElementById('item-form')?.scrollIntoView({ block: 'start' })); },
    startAdd() { this.editing = null; this.errors = {}; this.form = blank(); this.scrollToForm(); },
    startEdit(i) {
      this.editing = i; this.errors = {};
      this.form = { kind: i.kind, specification: i.specification || '', unit: i.unit || '', attributes: Object.assign({}, i.attributes || {}) };
      this.scrollToForm();
    },
    /** Checks what the browser can before sending; the server's refusal is shown the same way, next to each field. */
    check() {
      const errors = {};
      if (!this.editing && !this.form.name.trim()) errors.name = this.t('form.required');
      // the specification and the unit are how an item is counted and issued: always required
      if (!this.form.specification.trim()) errors.specification = this.t('form.required');
      if (!this.form.unit.trim()) errors.unit = this.t('form.required');
      for (const a of REQUIRED[this.form.kind] || []) if (!(this.form.attributes[a] || '').trim()) errors[a] = this.t('catalogue.requiredFor', this.t('kind.' + this.form.kind));
      this.errors = errors;
      return !Object.keys(errors).length;
    },
    async save() {
      if (!this.check()) return;
      const f = this.form;
      const attributes = Object.fromEntries(Object.entries(f.attributes).filter(([, v]) => v && v.trim()).map(([k, v]) => [k, v.trim()]));
      const body = this.editing ? { specification: f.specification || null, unit: f.unit || null, attributes }
        : { division: this.app.session.user.division, name: f.name.trim(), category: f.category, kind: f.kind,
          specification: f.specification || undefined, unit: f.unit || undefined, attributes };
      const [method, path] = this.editing ? ['PUT', '/api/warehouse/items/' + this.editing.id] : ['POST', '/api/warehouse/items'];
      this.busy = true;
      try {
        await api.call(method, path, body, this.editing ? null : (this.key = this.key || api.uuid()));
        this.say(this.t('catalogue.saved', this.editing ? this.editing.name : body.name));
        this.form = null; this.key = null;
        await this.load();
      } catch (e) {
        if (e instanceof api.Refused) {
          // the input stays; each reason goes next to its field, the rest above the buttons
          const fields = api.fieldErrors(e);
          this.errors = Object.assign({ _: Object.keys(fields).length ? '' : api.describe(e) }, fields);
        } else if (e instanceof api.NetworkDown) {
          window.dispatchEvent(new CustomEvent('beiqin:record', { detail: { label: (this.editing ? this.t('catalogue.edit') : this.t('catalogue.add')) + ' ' + (body.name || this.editing.name), method, path, body } }));
          this.form = null; this.key = null;
        } else this.fail(e);
      } finally { this.busy = false; }
    }
  }))
};
