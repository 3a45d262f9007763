// The console: one Alpine.js component; what each role sees is in index.html.
document.addEventListener('alpine:init', () => {
  const api = window.BeiqinApi;
  const TEXT = window.BEIQIN_TEXT;
  const TABS = {
    keeper: ['stock', 'move', 'stocktake', 'equipment', 'attention'],
    duty_officer: ['duty'],
    county_office: ['alerts', 'ledger', 'stats'],
    admin: ['users']
  };

  window.Alpine.data('beiqin', () => ({
    lang: localStorage.getItem('beiqin.lang') || 'zh',
    session: api.session,
    view: null,
    online: navigator.onLine,
    busy: false,
    message: '',
    loginForm: { username: '', password: '' },
    loginError: '',
    queue: [],
    // keeper
    warehouses: [], warehouseId: localStorage.getItem('beiqin.warehouse') || '', stock: [], items: [], loans: [],
    card: null, stale: null, returning: null, returnForm: { quantity: '', reason: '' },
    move: { kind: 'issues', itemId: '', balance: '', quantity: '', lot: '', expiresOn: '', recipientName: '', recipientPhone: '', dueBack: '', reason: '' },
    stocktake: null, countLines: [], extinguishers: [], equipment: [], attention: [],
    // duty officer
    shifts: [], spotChecks: [],
    // county office
    alerts: [], live: false, streamAbort: null, ledger: [], ledgerTotal: 0, item: null, statsTotal: null,
    filters: { division: '', status: '', severity: '', rule: '', q: '', overdue: false },
    charts: [],
    // admin
    users: [], userForm: { username: '', displayName: '', password: '', division: '', role: 'keeper' },

    init() {
      api.language = this.lang;
      document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
      api.onSessionEnded = () => { this.session = null; this.say(this.t('error.session')); };
      this.syncQueue();
      window.addEventListener('online', () => { this.online = true; this.flush(); });
      window.addEventListener('offline', () => { this.online = false; });
      setInterval(() => this.flush(), 15000);
      if (this.session) this.start();
    },

    t(key) { return (TEXT[this.lang] && TEXT[this.lang][key]) || TEXT.zh[key] || key; },
    toggleLanguage() {
      this.lang = this.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('beiqin.lang', this.lang);
      api.language = this.lang;
      document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
      if (this.session) this.go(this.view);
    },
    say(text) { this.message = text; clearTimeout(this.messageTimer); this.messageTimer = setTimeout(() => { this.message = ''; }, 8000); },
    num(value) { return value == null ? '—' : Number(value).toLocaleString(this.lang === 'zh' ? 'zh-CN' : 'en'); },
    fmtTime(iso) {
      if (!iso) return '—';
      return new Date(iso).toLocaleString(this.lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
    },
    roles() { return this.session ? this.session.user.roles : []; },
    tabs() { return this.roles().flatMap(r => TABS[r] || []); },
    itemName(id) { const found = this.items.find(i => i.id === id) || this.stock.find(b => b.itemId === id); return found ? (found.name || found.itemName) : id; },
    fail(e) {
      if (e instanceof api.NetworkDown) this.say(this.t('error.network'));
      else if (e instanceof api.Refused) this.say(api.describe(e));
      else this.say(String(e));
    },

    async login() {
      this.busy = true; this.loginError = '';
      try {
        this.session = await api.login(this.loginForm.username.trim(), this.loginForm.password);
        this.loginForm.password = '';
        this.start();
      } catch (e) {
        this.loginError = e instanceof api.Refused ? api.describe(e) : this.t('login.network');
      } finally { this.busy = false; }
    },
    async logout() {
      this.stopStream(); await api.logout();
      // nothing of this user's stays on screen for the next one: their queue, their last message
      this.session = null; this.view = null; this.queue = []; this.message = ''; clearTimeout(this.messageTimer);
    },
    start() { this.syncQueue(); this.go(this.tabs()[0]); this.flush(); },

    go(view) {
      if (view !== 'alerts') this.stopStream();
      this.view = view;
      const load = {
        stock: () => this.loadWarehouse(true), move: () => this.loadWarehouse(true), stocktake: () => this.loadStocktake(),
        equipment: () => this.loadEquipment(), attention: () => this.loadAttention(), duty: () => this.loadDuty(),
        alerts: () => this.startStream(), ledger: () => this.loadLedger(), stats: () => this.loadStats(), users: () => this.loadUsers()
      }[view];
      if (load) load().catch(e => this.fail(e));
    },

    // ---- the device's queue
    syncQueue() { this.queue = api.mine().map(e => Object.assign({}, e)); },
    record(label, method, path, body) {
      api.enqueue(label, method, path, body);
      this.syncQueue();
      if (!navigator.onLine) { this.say(this.t('queue.saved')); return; }
      this.flush();
    },
    async flush() {
      if (!navigator.onLine) return;
      await api.flush(entry => this.say(this.t('queue.sent') + entry.label));
      this.syncQueue();
      if (api.mine().some(e => e.state === 'pending')) this.say(this.t('queue.saved'));
      if (this.view === 'stock' || this.view === 'move') this.loadWarehouse(false).catch(() => {});
      if (this.view === 'equipment') this.loadEquipment().catch(() => {});
    },
    discard(entry) { const real = api.mine().find(e => e.id === entry.id); if (real) api.discard(real); this.syncQueue(); },

    // ---- keeper
    async loadWarehouse(withLists) {
      if (withLists || !this.warehouses.length) {
        const list = await api.get('/api/warehouse/warehouses');
        this.warehouses = list.data;
        if (!this.warehouses.some(w => w.id === this.warehouseId)) this.warehouseId = this.warehouses.length ? this.warehouses[0].id : '';
        localStorage.setItem('beiqin.warehouse', this.warehouseId);
        const items = await api.get('/api/warehouse/items');
        this.items = items.data;
      }
      if (!this.warehouseId) return;
      const stock = await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stock');
      const loans = await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/loans');
      this.stock = stock.data; this.loans = loans.data; this.stale = stock.stale || loans.stale;
    },
    async openCard(itemId) {
      this.card = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stock-card/' + itemId)).data;
    },
    startReturn(loan) { this.returning = loan; this.returnForm = { quantity: Number(loan.outstanding), reason: '' }; },
    submitReturn() {
      const loan = this.returning;
      const body = { issueId: loan.issue.id, quantity: Number(this.returnForm.quantity), occurredAt: new Date().toISOString() };
      if (this.returnForm.reason) body.reason = this.returnForm.reason;
      this.record(this.t('return') + ' ' + this.itemName(loan.issue.itemId) + ' ×' + body.quantity,
        'POST', '/api/warehouse/warehouses/' + this.warehouseId + '/returns', body);
      this.returning = null;
    },
    submitMovement() {
      const m = this.move;
      const body = { quantity: Number(m.quantity), occurredAt: new Date().toISOString() };
      let name;
      if (m.kind === 'receipts') {
        body.itemId = m.itemId; name = this.itemName(m.itemId);
        if (m.lot) body.lot = m.lot;
        if (m.expiresOn) body.expiresOn = m.expiresOn;
      } else {
        const from = this.stock[Number(m.balance)];
        body.itemId = from.itemId; body.zoneId = from.zoneId; name = from.itemName;
        if (from.lot) body.lot = from.lot;
      }
      if (m.kind === 'issues') {
        body.recipientName = m.recipientName;
        if (m.recipientPhone) body.recipientPhone = m.recipientPhone;
        if (m.dueBack) body.dueBack = m.dueBack;
      }
      if (m.reason) body.reason = m.reason;
      this.record(this.t('move.' + m.kind) + ' ' + name + ' ×' + body.quantity,
        'POST', '/api/warehouse/warehouses/' + this.warehouseId + '/' + m.kind, body);
      this.move = Object.assign({}, m, { balance: '', itemId: '', quantity: '', lot: '', expiresOn: '', recipientName: '', recipientPhone: '', dueBack: '', reason: '' });
    },

    async loadStocktake() {
      await this.loadWarehouse(!this.warehouses.length);
      const open = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stocktakes?status=OPEN')).data;
      const latest = open.length ? open[0]
        : ((await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/stocktakes')).data.find(s => s.status === 'SUBMITTED') || null);
      this.showStocktake(latest ? (await api.get('/api/warehouse/stocktakes/' + latest.id)).data : null);
    },
    showStocktake(stocktake) {
      this.stocktake = stocktake;
      if (!stocktake) { this.countLines = []; return; }
      const zoneName = id => (this.stock.find(b => b.zoneId === id) || {}).zoneName || '';
      const counted = stocktake.lines || [];
      const key = l => l.itemId + '|' + l.zoneId + '|' + (l.lot || '');
      const lines = this.stock.map(b => {
        const done = counted.find(l => key(l) === key(b));
        return { itemId: b.itemId, zoneId: b.zoneId, lot: b.lot, itemName: b.itemName, zoneName: b.zoneName,
          counted: done ? Number(done.counted) : '', ledger: done ? done.ledger : null, difference: done ? done.difference : null };
      });
      counted.filter(l => !lines.some(x => key(x) === key(l))).forEach(l => lines.push(
        { itemId: l.itemId, zoneId: l.zoneId, lot: l.lot, itemName: l.itemName, zoneName: zoneName(l.zoneId),
          counted: Number(l.counted), ledger: l.ledger, difference: l.difference }));
      this.countLines = lines;
    },
    async openStocktake() {
      try {
        const s = await api.call('POST', '/api/warehouse/warehouses/' + this.warehouseId + '/stocktakes', {}, api.uuid());
        this.showStocktake(s);
      } catch (e) { this.fail(e); }
    },
    async saveCounts() {
      const lines = this.countLines.filter(l => l.counted !== '' && l.counted != null)
        .map(l => ({ itemId: l.itemId, zoneId: l.zoneId, lot: l.lot || undefined, counted: Number(l.counted) }));
      if (!lines.length) return false;
      try {
        this.showStocktake(await api.call('PUT', '/api/warehouse/stocktakes/' + this.stocktake.id + '/lines', { lines }));
        this.say(this.t('stocktake.saved'));
        return true;
      } catch (e) { this.fail(e); return false; }
    },
    async submitStocktake() {
      if (!(await this.saveCounts())) return;
      try {
        this.showStocktake(await api.call('POST', '/api/warehouse/stocktakes/' + this.stocktake.id + '/submit', null, api.uuid()));
      } catch (e) { this.fail(e); }
    },

    async loadEquipment() {
      await this.loadWarehouse(!this.warehouses.length);
      this.extinguishers = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/extinguishers')).data;
      this.equipment = (await api.get('/api/warehouse/warehouses/' + this.warehouseId + '/equipment')).data;
    },
    monthlyCheck(e) {
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      this.record(this.t('ext.checkOk') + ' ' + e.label, 'POST', '/api/warehouse/extinguishers/' + e.id + '/monthly-checks',
        { onDate: today, sealIntact: true, gaugeInRange: true, undamaged: true, accessible: true });
    },
    chargeReading(q, percent) {
      this.record(this.t('charge.percent') + ' ' + q.label + ' ' + percent + ' %', 'POST', '/api/warehouse/equipment/' + q.id + '/charge-readings',
        { percent: Number(percent), at: new Date().toISOString() });
    },
    async loadAttention() {
      await this.loadWarehouse(!this.warehouses.length);
      this.attention = (await api.get('/api/warehouse/attention?days=7&warehouseId=' + this.warehouseId)).data;
    },

    // ---- duty officer
    async loadDuty() {
      this.shifts = (await api.get('/api/duty/me/shifts')).data;
      this.spotChecks = (await api.get('/api/duty/me/spot-checks')).data;
    },
    async checkIn() {
      try { await api.call('POST', '/api/duty/me/check-in', {}); this.say(this.t('duty.checkedInOk')); await this.loadDuty(); } catch (e) { this.fail(e); }
    },
    async checkOut() {
      try { await api.call('POST', '/api/duty/me/check-out'); this.say(this.t('duty.checkedOutOk')); await this.loadDuty(); } catch (e) { this.fail(e); }
    },
    async answerSpotCheck(c) {
      try { await api.call('POST', '/api/duty/spot-checks/' + c.id + '/acknowledgement'); this.say(this.t('duty.answeredOk')); await this.loadDuty(); } catch (e) { this.fail(e); }
    },

    // ---- county office: the alert feed, read as Server-Sent Events over fetch (EventSource cannot send a token)
    async startStream() {
      const first = await api.get('/api/rectification/alerts?unread=false&size=30');
      this.alerts = first.data.items;
      this.stopStream();
      const abort = new AbortController();
      this.streamAbort = abort;
      let last = this.alerts.length ? String(this.alerts[0].id) : null;
      while (!abort.signal.aborted) {
        try {
          const headers = api.headers({ Accept: 'text/event-stream' });
          if (last) headers['Last-Event-ID'] = last;
          const response = await fetch('/api/rectification/alerts/stream', { headers, signal: abort.signal });
          if (response.status === 401) { await api.refresh(); continue; }
          if (!response.ok) throw new Error('HTTP ' + response.status);
          this.live = true;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value.replace(/\r/g, '');
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = { event: 'message', data: [] };
              for (const line of buffer.slice(0, end).split('\n')) {
                const colon = line.indexOf(':');
                if (colon === 0) continue; // comment (keep-alive)
                const field = colon < 0 ? line : line.slice(0, colon);
                const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (field === 'data') event.data.push(text); else event[field] = text;
              }
              buffer = buffer.slice(end + 2);
              if (event.id) last = event.id;
              if (event.event === 'alert' && event.data.length) {
                const alert = JSON.parse(event.data.join('\n'));
                if (!this.alerts.some(a => a.id === alert.id)) this.alerts.unshift(alert);
              }
            }
          }
        } catch (e) {
          if (abort.signal.aborted) return;
        }
        this.live = false;
        await new Promise(resolve => setTimeout(resolve, 3000));
      }
    },
    stopStream() { if (this.streamAbort) { this.streamAbort.abort(); this.streamAbort = null; } this.live = false; },

    async loadLedger() {
      const f = this.filters;
      const q = new URLSearchParams({ size: '100' });
      if (f.division) q.set('division', f.division.trim());
      if (f.status) q.set('status', f.status);
      if (f.severity) q.set('severity', f.severity);
      if (f.rule) q.set('rule', f.rule.trim());
      if (f.q) q.set('q', f.q.trim());
      if (f.overdue) q.set('overdue', 'true');
      const page = (await api.get('/api/rectification/items?' + q)).data;
      this.ledger = page.items; this.ledgerTotal = page.total;
    },
    async openItem(id) {
      this.stopStream();
      this.item = (await api.get('/api/rectification/items/' + id)).data;
      this.view = 'item';
    },
    async loadStats() {
      const division = this.session.user.division;
      const townships = (await api.get('/api/rectification/statistics?groupBy=township&division=' + division)).data;
      const rules = (await api.get('/api/rectification/statistics?groupBy=rule&division=' + division)).data;
      this.statsTotal = townships.total;
      await this.$nextTick();
      this.charts.forEach(c => c.destroy());
      this.charts = [
        this.chart('chart-townships', townships.groups.map(g => g.label || g.key), townships.groups.map(g => Number(g.itemCompletionRate || 0)), '#2e7d32', 100),
        this.chart('chart-rules', rules.groups.map(g => g.label || g.key), rules.groups.map(g => g.notCompleted + g.basicallyCompleted + g.longTerm), '#c62828')
      ];
    },
    chart(id, labels, values, colour, max) {
      const canvas = document.getElementById(id);
      return new window.Chart(canvas, {
        type: 'bar',
        data: { labels, datasets: [{ data: values, backgroundColor: colour }] },
        options: { indexAxis: labels.length > 6 ? 'y' : 'x', animation: false, plugins: { legend: { display: false } },
          scales: max ? { [labels.length > 6 ? 'x' : 'y']: { min: 0, max } } : {} }
      });
    },
    async download(path, accept, filename) {
      try {
        const blob = await api.call('GET', path, null, null, accept);
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = filename;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      } catch (e) { this.fail(e); }
    },
    downloadNotice(format) {
      const division = this.session.user.division;
      this.download('/api/rectification/notice?division=' + division + '&format=' + format,
        format === 'html' ? 'text/html' : 'text/markdown', '整改情况通报-' + division + (format === 'html' ? '.html' : '.md'));
    },
    downloadExport() {
      const division = this.session.user.division;
      this.download('/api/rectification/items/export?division=' + division,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '整改台账-' + division + '.xlsx');
    },

    // ---- admin
    async loadUsers() { this.users = (await api.get('/api/users')).data; },
    async createUser() {
      const f = this.userForm;
      try {
        await api.call('POST', '/api/users', { username: f.username.trim(), displayName: f.displayName.trim(), password: f.password,
          roles: [f.role], division: f.division.trim() }, api.uuid());
        this.say(this.t('users.created'));
        this.userForm = { username: '', displayName: '', password: '', division: '', role: 'keeper' };
        await this.loadUsers();
      } catch (e) { this.fail(e); }
    }
  }));
});
