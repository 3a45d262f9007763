import api from '../api.js';
import { app, page } from '../store.js';

export default {
  name: 'divisions', component: 'divisionsPage', roles: ['admin'], tab: true,
  template: `
    <h2 x-text="t('divisions.title')"></h2>
    <p class="muted" x-text="t('divisions.help')"></p>
    <template x-if="app.unnamed.length">
      <article class="warning" data-testid="unnamed">
        <p x-text="t('divisions.unnamed')"></p>
        <ul><template x-for="code in app.unnamed" :key="code">
          <li><code x-text="code"></code> <button class="small outline" @click="startNew(code)" x-text="t('divisions.register')"></button></li>
        </template></ul>
      </article>
    </template>
    <table class="striped cards" data-testid="divisions">
      <thead><tr><th x-text="t('divisions.name')"></th><th x-text="t('divisions.code')"></th><th x-text="t('divisions.level')"></th><th x-text="t('users.actions')"></th></tr></thead>
      <tbody><template x-for="d in app.tree()" :key="d.code">
        <tr :data-code="d.code"><td :style="'padding-left:' + (0.5 + d.level * 1.5) + 'rem'" x-text="d.name"></td><td :data-label="t('divisions.code')" x-text="d.code"></td>
          <td :data-label="t('divisions.level')" x-text="t('divisions.level.' + d.level)"></td>
          <td><button class="outline small" @click="rename(d)" x-text="t('divisions.rename')"></button></td></tr>
      </template></tbody>
    </table>
    <form class="box" data-testid="division-form" @submit.prevent="save()" novalidate>
      <h3 x-text="editing ? t('divisions.renaming', editing.name) : t('divisions.new')"></h3>
      <div class="grid">
        <label><span x-text="t('divisions.code')"></span><input name="code" inputmode="numeric" x-model="form.code" :disabled="!!editing"
          :aria-invalid="errors.code ? 'true' : null" aria-describedby="err-code">
          <small id="err-code" class="error" x-show="errors.code" x-text="errors.code"></small></label>
        <label><span x-text="t('divisions.name')"></span><input name="name" x-model="form.name" maxlength="50"
          :aria-invalid="errors.name ? 'true' : null" aria-describedby="err-name">
          <small id="err-name" class="error" x-show="errors.name" x-text="errors.name"></small></label>
      </div>
      <p class="muted" x-show="form.code.length > 6 && !editing" x-text="t('divisions.parent', app.divisionPath(form.code.slice(0, -3)))"></p>
      <div class="grid"><button type="submit" data-testid="save-division" x-text="t('save')"></button>
        <button type="button" class="secondary" x-show="editing" @click="cancel()" x-text="t('cancel')"></button></div>
    </form>`,
  data: page(() => ({
    form: { code: '', name: '' }, editing: null, errors: {},
    startNew(code) { this.editing = null; this.form = { code, name: '' }; this.errors = {}; },
    rename(d) { this.editing = d; this.form = { code: d.code, name: d.name }; this.errors = {}; },
    cancel() { this.startNew(''); },
    async save() {
      const e = {};
      if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(this.form.code)) e.code = this.t('divisions.codeRule');
      if (!this.form.name.trim()) e.name = this.t('users.required');
      this.errors = e;
      if (Object.keys(e).length) return;
      const body = { name: this.form.name.trim() };
      if (this.editing) body.version = this.editing.version;
      try {
        await api.call('PUT', '/api/rectification/divisions/' + this.form.code, body);
        this.say(this.t('divisions.saved', body.name));
        this.cancel();
        await app.loadNames();
      } catch (err) {
        this.errors = api.fieldErrors(err);
        if (!Object.keys(this.errors).length) this.errors = { name: api.describe(err) };
      }
    }
  }))
};
