import api from '../api.js';
import { app, page } from '../store.js';

const ROLES = ['keeper', 'duty_officer', 'county_office', 'admin'];
const BLANK = () => ({ username: '', displayName: '', password: '', roles: ['keeper'], division: '', phone: '' });

/** A password nobody chose: 16 characters from an alphabet without look-alikes (0/O, 1/l). */
function generated() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => alphabet[b % alphabet.length]).join('');
}

const FIELD = (name, label, input) => `
  <label><span x-text="t('${label}')"></span>${input}
    <small class="error" :id="'err-${name}'" x-show="errors.${name}" x-text="errors.${name}"></small></label>`;

export default {
  name: 'users', component: 'usersPage', roles: ['admin'], tab: true,
  template: `
    <h2 x-text="t('users.title')"></h2>
    <p class="warning" x-show="app.unnamed.length" data-testid="unnamed-warning">
      <span x-text="t('divisions.unnamedWarning', app.unnamed.length)"></span> <a href="#/divisions" x-text="t('tab.divisions')"></a></p>
    <template x-if="shown">
      <article class="secret" role="alert" data-testid="new-password">
        <p x-text="t('users.passwordOnce', shown.name)"></p>
        <p><code data-testid="password-value" x-text="shown.password"></code></p>
        <button class="small" @click="shown = null" x-text="t('users.passwordNoted')"></button>
      </article>
    </template>
    <table class="striped cards" data-testid="users">
      <thead><tr><th x-text="t('login.username')"></th><th x-text="t('users.name')"></th><th x-text="t('users.roles')"></th><th x-text="t('division')"></th><th x-text="t('status')"></th><th x-text="t('users.actions')"></th></tr></thead>
      <tbody><template x-for="u in users" :key="u.id">
        <tr :data-user="u.username"><td><strong x-text="u.username"></strong></td><td :data-label="t('users.name')" x-text="u.displayName"></td><td :data-label="t('users.roles')" x-text="u.roles.map(r => t('role.' + r)).join('、')"></td>
          <td :data-label="t('division')" x-text="app.divisionPath(u.division)"></td>
          <td :data-label="t('status')" data-testid="user-status" x-text="(u.active ? t('users.active') : t('users.disabled')) + (u.lockedUntil ? ' · ' + t('users.lockedUntil', time(u.lockedUntil)) : '')"></td>
          <td class="actions">
            <button class="outline small" data-testid="edit" @click="edit(u)" x-text="t('users.edit')"></button>
            <button class="outline small" data-testid="toggle-active" @click="setActive(u, !u.active)" x-text="u.active ? t('users.disable') : t('users.enable')"></button>
            <button class="outline small" data-testid="unlock" x-show="u.lockedUntil" @click="unlock(u)" x-text="t('users.unlock')"></button>
            <button class="outline small" data-testid="reset-password" @click="reset(u)" x-text="t('users.resetPassword')"></button></td></tr>
      </template></tbody>
    </table>
    <form class="box" data-testid="user-form" @submit.prevent="save()" novalidate>
      <h3 x-text="editing ? t('users.editing', editing.username) : t('users.new')"></h3>
      <div class="grid">
        ${FIELD('username', 'login.username', `<input name="username" x-model="form.username" :disabled="!!editing" autocomplete="off" :aria-invalid="errors.username ? 'true' : null" aria-describedby="err-username">`)}
        ${FIELD('displayName', 'users.name', `<input name="displayName" x-model="form.displayName" :aria-invalid="errors.displayName ? 'true' : null" aria-describedby="err-displayName">`)}
        ${FIELD('phone', 'phone', `<input name="phone" type="tel" x-model="form.phone" :aria-invalid="errors.phone ? 'true' : null" aria-describedby="err-phone">`)}
      </div>
      <div class="grid">
        ${FIELD('division', 'division', `<select name="division" x-model="form.division" :aria-invalid="errors.division ? 'true' : null" aria-describedby="err-division">
          <option value="" x-text="t('choose')"></option>
          <template x-for="d in app.tree()" :key="d.code"><option :value="d.code" :selected="d.code === form.division" x-text="'　'.repeat(d.level) + d.name"></option></template>
        </select>`)}
        <fieldset><legend x-text="t('users.roles')"></legend>
          <template x-for="r in ROLES" :key="r"><label class="inline-check"><input type="checkbox" name="roles" :value="r" x-model="form.roles"> <span x-text="t('role.' + r)"></span></label></template>
          <small class="error" x-show="errors.roles" x-text="errors.roles"></small></fieldset>
      </div>
      <template x-if="!editing">
        <div>
          ${FIELD('password', 'login.password', `<input name="password" type="text" x-model="form.password" autocomplete="new-password" :aria-invalid="errors.password ? 'true' : null" aria-describedby="err-password">`)}
          <button type="button" class="outline small" @click="form.password = generated()" x-text="t('users.generate')"></button>
        </div>
      </template>
      <p class="error" x-show="errors._" x-text="errors._"></p>
      <div class="grid"><button type="submit" data-testid="save-user" x-text="t('save')"></button>
        <button type="button" class="secondary" x-show="editing" @click="cancel()" x-text="t('cancel')"></button></div>
    </form>`,
  data: page(() => ({
    ROLES, users: [], form: BLANK(), editing: null, errors: {}, shown: null, generated,
    init() { this.load(); },
    async load() { try { this.users = await api.call('GET', '/api/users'); } catch (e) { this.fail(e); } },
    edit(u) {
      this.editing = u; this.errors = {};
      this.form = { username: u.username, displayName: u.displayName, password: '', roles: [...u.roles], division: u.division, phone: u.phone || '' };
    },
    cancel() { this.editing = null; this.form = BLANK(); this.errors = {}; },
    check() {
      const e = {};
      if (!this.editing && !/^[A-Za-z0-9._-]{3,60}$/.test(this.form.username)) e.username = this.t('users.usernameRule');
      if (!this.form.displayName.trim()) e.displayName = this.t('users.required');
      if (!this.form.division) e.division = this.t('users.required');
      if (!this.form.roles.length) e.roles = this.t('users.rolesRequired');
      if (!this.editing && this.form.password.length < 10) e.password = this.t('users.passwordRule');
      this.errors = e;
      return !Object.keys(e).length;
    },
    async save() {
      if (!this.check()) return;
      const f = this.form;
      try {
        if (this.editing) {
          await api.call('PATCH', '/api/users/' + this.editing.id, { version: this.editing.version, displayName: f.displayName.trim(),
            roles: f.roles, division: f.division, phone: f.phone.trim() || undefined });
          this.say(this.t('users.saved', f.displayName.trim()));
        } else {
          await api.call('POST', '/api/users', { username: f.username.trim(), displayName: f.displayName.trim(), password: f.password,
            roles: f.roles, division: f.division, phone: f.phone.trim() || undefined }, api.uuid());
          this.say(this.t('users.created'));
        }
        this.cancel();
        await this.load();
      } catch (e) {
        if (e instanceof api.Refused && e.status === 409 && this.editing) { this.errors = { _: this.t('item.stale') }; return; }
        this.errors = api.fieldErrors(e);
        if (!Object.keys(this.errors).length) this.errors = { _: api.describe(e) };
      }
    },
    async setActive(u, active) {
      try {
        await api.call('PATCH', '/api/users/' + u.id, { version: u.version, active });
        this.say(this.t(active ? 'users.enabled' : 'users.disabledOk', u.displayName));
        await this.load();
      } catch (e) { this.fail(e); }
    },
    async unlock(u) {
      try { await api.call('POST', '/api/users/' + u.id + '/unlock'); this.say(this.t('users.unlocked', u.displayName)); await this.load(); } catch (e) { this.fail(e); }
    },
    async reset(u) {
      const password = generated();
      try {
        await api.call('POST', '/api/users/' + u.id + '/password', { password });
        this.shown = { name: u.displayName, password };
        await this.load();
      } catch (e) { this.fail(e); }
    }
  }))
};
