// The web console in a real headless Chromium against the running system, through the gateway:
// a keeper issues stock, records a return while offline that is sent once the network is back,
// a duty officer checks in; the county office's and the administrator's pages are in county.test.mjs.
// Every console page is written to a screenshot (.run/e2e/screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, KEEPER, OFFICER, COUNTY, ADMIN, PHONE, browser, signIn, shot, token, ok, call, unique } from './support.mjs';

let chromium;
before(async () => { chromium = await browser(); });
after(async () => { await chromium.close(); });

async function keeperWarehouse(keeperToken) {
  const warehouses = await ok('GET', '/api/warehouse/warehouses', { token: keeperToken });
  assert.ok(warehouses.length > 0, 'the demo keeper has a warehouse');
  return warehouses[0];
}

test('a keeper signs in, issues stock, and an offline return is sent once when the network is back', async () => {
  const keeperToken = await token(KEEPER);
  const warehouse = await keeperWarehouse(keeperToken);
  const stock = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeperToken });
  const from = stock.findIndex(b => Number(b.quantity) >= 1);
  assert.ok(from >= 0, 'the demo warehouse holds something to issue');
  const recipient = unique('e2e领用人');

  const context = await chromium.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, KEEPER);
  await page.click('nav a[data-tab=stock]');
  await page.waitForSelector('[data-testid=stock] tbody tr:not([data-empty])');
  await shot(page, '01-keeper-stock');

  // issue one unit to a named person through the form
  await page.click('nav a[data-tab=move]');
  await page.click('button[data-kind=issues]');
  await page.selectOption('select[name=balance]', String(from));
  await page.fill('input[name=quantity]', '1');
  await page.fill('input[name=recipientName]', recipient);
  await page.fill('input[name=recipientPhone]', '13800000000');
  await shot(page, '02-keeper-issue-form');
  await page.click('[data-testid=movement-form] button[type=submit]');
  await page.waitForSelector('[data-testid=message]:has-text("已发送")');
  let loans = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/loans`, { token: keeperToken });
  const issued = loans.filter(l => l.issue.recipientName === recipient);
  assert.equal(issued.length, 1, 'the issue is in the ledger once');
  assert.equal(Number(issued[0].outstanding), 1);
  const issue = issued[0].issue;

  // offline: the return waits on the device, shown as pending
  await page.click('nav a[data-tab=stock]');
  const row = page.locator('[data-testid=loans] tr', { hasText: recipient });
  await row.waitFor();
  await context.setOffline(true);
  await row.locator('[data-testid=return]').click();
  await page.fill('[data-testid=return-form] input[name=quantity]', '1');
  await page.click('[data-testid=return-form] button[type=submit]');
  await page.waitForSelector('[data-testid=offline-banner]', { state: 'visible' });
  await page.waitForSelector('[data-testid=queued-entry][data-state=pending]');
  await shot(page, '03-keeper-offline-pending');
  const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('beiqin.queue.v1')));
  assert.equal(queued.length, 1);
  loans = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/loans`, { token: keeperToken });
  assert.equal(Number(loans.find(l => l.issue.id === issue.id).outstanding), 1, 'nothing reached the server while offline');

  // back online: sent by itself, and the queue empties
  await context.setOffline(false);
  await page.waitForSelector('[data-testid=queue]', { state: 'detached', timeout: 30000 });
  const returnsOf = async () => (await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock-card/${issue.itemId}`,
    { token: keeperToken })).movements.filter(m => m.type === 'RETURN' && m.issueId === issue.id);
  assert.equal((await returnsOf()).length, 1, 'the return is in the ledger once');
  loans = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/loans`, { token: keeperToken });
  assert.ok(!loans.some(l => l.issue.id === issue.id), 'the issue is no longer out');

  // the phone resends (its answer was lost, say): the same key replays the first answer, nothing doubles
  const again = await call(queued[0].method, queued[0].path,
    { token: keeperToken, body: queued[0].body, headers: { 'Idempotency-Key': queued[0].id } });
  assert.ok(again.status < 300, 'the resend is answered as the first time: ' + again.status);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal((await returnsOf()).length, 1, 'still exactly one return');
  await shot(page, '04-keeper-after-sync');

  for (const [tab, ready, name] of [['stocktake', '[data-testid=stocktake-status], [data-testid=open-stocktake]', '05-keeper-stocktake'],
    ['equipment', '[data-testid=extinguishers]', '06-keeper-equipment'],
    ['attention', '[data-testid=attention]', '07-keeper-attention']]) {
    await page.click(`nav a[data-tab=${tab}]`);
    await page.waitForSelector(ready);
    await page.waitForLoadState('networkidle');
    await shot(page, name);
  }
  await page.click('nav a[data-tab=stock]');
  await page.click(`[data-testid=stock] tbody tr a`);
  await page.waitForSelector('[data-testid=stock-card]');
  await shot(page, '08-keeper-stock-card');
  await context.close();

  // the same pages on a 360 px phone screen, in English
  const phone = await chromium.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const small = await phone.newPage();
  await signIn(small, KEEPER);
  await small.click('nav a[data-tab=stock]');
  await small.waitForSelector('[data-testid=stock] tbody tr:not([data-empty])');
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'the page fits a 360 px screen (tables scroll inside their own box): ' + overflow);
  await shot(small, '09-keeper-phone-zh');
  await small.click('[data-testid=lang]');
  await small.waitForSelector('nav a[data-tab=stock]:has-text("Stock")');
  await shot(small, '10-keeper-phone-en');
  await phone.close();
});

test('a duty officer checks in to the current shift', async () => {
  const officerToken = await token(OFFICER);
  const countyToken = await token(COUNTY);
  const now = Date.now();
  const current = s => Date.parse(s.startsAt) <= now + 30 * 60000 && Date.parse(s.endsAt) > now;
  let mine = await ok('GET', '/api/duty/me/shifts?limit=50', { token: officerToken });
  if (!mine.some(s => current(s) && !s.checkedInAt)) {
    // the demo's shift is over (a later run): put the officer on duty now, as the county office would
    const teams = await ok('GET', '/api/duty/teams?division=410182102', { token: countyToken });
    let member = null;
    for (const team of teams) {
      const detail = await ok('GET', `/api/duty/teams/${team.id}`, { token: countyToken });
      member = member || detail.members.find(m => m.account === OFFICER);
    }
    assert.ok(member, 'the officer is a team member');
    const startsAt = new Date(now - 5 * 60000).toISOString();
    const endsAt = new Date(now + 4 * 3600000).toISOString();
    const period = await ok('POST', '/api/duty/periods', { token: countyToken, headers: { 'Idempotency-Key': unique('e2e-period') },
      body: { division: member.division, name: unique('端到端测试值班'), startsAt, endsAt, minLeaders: 0, minStaff: 1 } });
    await ok('POST', `/api/duty/periods/${period.id}/shifts`, { token: countyToken, headers: { 'Idempotency-Key': unique('e2e-shift') },
      body: { memberId: member.id, role: 'STAFF', startsAt, endsAt } });
    mine = await ok('GET', '/api/duty/me/shifts?limit=50', { token: officerToken });
  }
  const checkedBefore = mine.filter(s => current(s) && s.checkedInAt).length;

  const context = await chromium.newContext();
  const page = await context.newPage();
  await signIn(page, OFFICER);
  await page.waitForSelector('[data-testid=shifts] li[data-checked-in]');
  await shot(page, '11-officer-shifts');
  await page.click('[data-testid=check-in]');
  await page.waitForSelector('[data-testid=message]:has-text("已签到")');
  await page.waitForSelector('[data-testid=shifts] li[data-checked-in=yes]');
  await shot(page, '12-officer-checked-in');
  await context.close();

  mine = await ok('GET', '/api/duty/me/shifts?limit=50', { token: officerToken });
  assert.equal(mine.filter(s => current(s) && s.checkedInAt).length, checkedBefore + 1, 'one more current shift is checked in');
});

test('the sign-in page refuses a wrong password without saying whether the user exists', async () => {
  const context = await chromium.newContext();
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await shot(page, '00-sign-in');
  // a name of its own each run: five runs under one name would lock it (the lockout counts unknown names too)
  await page.fill('input[name=username]', unique('no-such-person'));
  await page.fill('input[name=password]', 'wrong-password-1');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=login-error]:has-text("用户名或密码错误")');
  await context.close();
});

test('on a shared phone, what one keeper queued and saw is neither shown to nor sent as the next', async () => {
  const adminToken = await token(ADMIN);
  const colleague = unique('e2e-keeper');
  await ok('POST', '/api/users', { token: adminToken, headers: { 'Idempotency-Key': colleague },
    body: { username: colleague, displayName: '乔楼镇库管员（同事）', password: 'Tongshi-Mima-2026', roles: ['keeper'],
      division: '410182102' } });
  const keeperToken = await token(KEEPER);
  const warehouse = await keeperWarehouse(keeperToken);
  const stock = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeperToken });
  const from = stock.findIndex(b => Number(b.quantity) >= 1);
  const recipient = unique('共用手机领用人');
  const issue = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/issues`, { token: keeperToken,
    body: { itemId: stock[from].itemId, zoneId: stock[from].zoneId, lot: stock[from].lot, quantity: 1,
      recipientName: recipient, dueBack: new Date(Date.now() + 86400000).toISOString().slice(0, 10) } });

  const context = await chromium.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, KEEPER);
  await page.click('nav a[data-tab=stock]');
  const row = page.locator('[data-testid=loans] tr', { hasText: recipient });
  await row.waitFor();
  await context.setOffline(true);
  await row.locator('[data-testid=return]').click();
  await page.fill('[data-testid=return-form] input[name=quantity]', '1');
  await page.click('[data-testid=return-form] button[type=submit]');
  await page.waitForSelector('[data-testid=queued-entry][data-state=pending]');
  await page.click('[data-testid=logout]');
  // asked what to do with the unsent return, she keeps it on the phone for her next sign-in
  await page.click('[data-testid=logout-keep]');
  await page.waitForSelector('input[name=username]');
  const cachedAfterSignOut = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('beiqin.cache.')));
  assert.deepEqual(cachedAfterSignOut, [], 'signing out forgets what the keeper read');

  // the colleague signs in on the same phone, online: the first keeper's return is not his to send or see
  await context.setOffline(false);
  await page.fill('input[name=username]', colleague);
  await page.fill('input[name=password]', 'Tongshi-Mima-2026');
  await page.click('button[type=submit]');
  await page.waitForSelector('nav a[data-tab]');
  await page.waitForTimeout(3000);
  assert.equal(await page.locator('[data-testid=queued-entry]').count(), 0, 'no one else\'s entries are shown');
  assert.equal(await page.locator('[data-testid=message]:has-text("已保存在本机")').count(), 0,
    'nor the first keeper\'s last message');
  await shot(page, '05-shared-phone-colleague');
  const returnsOf = async () => (await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock-card/${issue.itemId}`,
    { token: keeperToken })).movements.filter(m => m.type === 'RETURN' && m.issueId === issue.id);
  assert.equal((await returnsOf()).length, 0, 'nothing was sent under the colleague\'s name');
  const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('beiqin.queue.v1')));
  assert.equal(waiting.length, 1, 'the first keeper\'s entry is kept, not dropped');

  // the first keeper signs in again: it is sent, as hers, once
  await page.click('[data-testid=logout]');
  await signIn(page, KEEPER);
  await page.waitForSelector('[data-testid=queue]', { state: 'detached', timeout: 30000 });
  const returns = await returnsOf();
  assert.equal(returns.length, 1, 'the return is in the ledger once');
  assert.match(returns[0].actor, /乔楼镇库管员 李桂兰/);
  await context.close();
});

test('an item kept both unbatched and in a batch in one zone: the unbatched line the keeper picks is the one issued', async () => {
  const keeperToken = await token(KEEPER);
  const warehouse = await keeperWarehouse(keeperToken);
  const name = unique('e2e铁锨');
  const item = await ok('POST', '/api/warehouse/items', { token: keeperToken,
    body: { division: warehouse.division, name, category: 'FLOOD', kind: 'GENERAL', specification: '标准', unit: '把' } });
  const receipts = `/api/warehouse/warehouses/${warehouse.id}/receipts`;
  await ok('POST', receipts, { token: keeperToken, body: { itemId: item.id, quantity: 10 } });
  await ok('POST', receipts, { token: keeperToken, body: { itemId: item.id, quantity: 5, lot: '2026-12' } });
  const lines = async () => (await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeperToken }))
    .filter(b => b.itemId === item.id);
  const before = await lines();
  assert.equal(before.length, 2, 'two lines of the item, in one zone');
  assert.equal(before[0].zoneId, before[1].zoneId);

  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, KEEPER);
  await page.click('nav a[data-tab=move]');
  await page.click('button[data-kind=issues]');
  // the option a person reads: the item and its zone with no batch, and its 10 on hand
  const option = page.locator('select[name=balance] option', { hasText: name }).filter({ hasNotText: '2026-12' });
  await option.first().waitFor({ state: 'attached' });
  assert.equal(await option.count(), 1);
  assert.match(await option.innerText(), /（10）$/);
  await page.selectOption('select[name=balance]', await option.getAttribute('value'));
  await page.fill('input[name=quantity]', '2');
  await page.fill('input[name=recipientName]', unique('e2e领用人'));
  await page.click('[data-testid=movement-form] button[type=submit]');
  await page.waitForSelector(`[data-testid=message]:has-text("已发送：发放 ${name} ×2")`);
  await shot(page, '11-keeper-issue-unbatched');
  await context.close();

  const after = Object.fromEntries((await lines()).map(b => [b.lot, Number(b.quantity)]));
  assert.deepEqual(after, { '': 8, '2026-12': 5 }, 'the two went out of the unbatched line, the batch untouched');
});
