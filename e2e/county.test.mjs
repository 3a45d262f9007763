// The county emergency office and the administrator doing their jobs on screen, at 1366 px and on
// a 360 px phone: the ledger filtered by township name and rule, an item's six clears, a measure,
// evidence and the sign-off, a stale edit refused, alerts acknowledged, a stocktake sent back and
// approved (the keeper sees the outcome), statistics by period, the notice and the workbook read
// as text, users created, disabled and unlocked, a division named, and Swagger UI through the
// gateway. Every page is checked with axe-core and photographed at both widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, KEEPER, COUNTY, ADMIN, DESKTOP, PHONE, browser, signIn, shot, token, ok, call, unique, check, readable, PNG, until } from './support.mjs';

let chromium;
before(async () => { chromium = await browser(); });
after(async () => { await chromium.close(); });

async function lowLamp(keeperToken) {
  const [warehouse] = await ok('GET', '/api/warehouse/warehouses', { token: keeperToken });
  const label = unique('e2e手电');
  const lamp = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/equipment`, { token: keeperToken,
    headers: { 'Idempotency-Key': unique('e2e-lamp') }, body: { kind: 'FLASHLIGHT', label } });
  await ok('POST', `/api/warehouse/equipment/${lamp.id}/charge-readings`, { token: keeperToken,
    headers: { 'Idempotency-Key': unique('e2e-reading') }, body: { percent: 10 } });
  return label;
}

test('the county office works an item through on screen: filter, six clears, measure, evidence, a stale edit, sign-off', async () => {
  const keeperToken = await token(KEEPER);
  const countyToken = await token(COUNTY);
  const context = await chromium.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, COUNTY);
  await page.waitForSelector('[data-testid=live][data-live=yes]', { timeout: 30000 });
  const navigations = [];
  page.on('framenavigated', frame => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
  const label = await lowLamp(keeperToken);
  // the alert arrives on the open page, and the unread count in the menu goes up
  await page.waitForSelector(`[data-testid=alert]:has-text("${label}")`, { timeout: 60000 });
  assert.deepEqual(navigations, [], 'the page was not reloaded');
  const unread = Number(await page.locator('[data-testid=unread]').innerText());
  assert.ok(unread >= 1, 'the menu shows unread alerts');
  readable(await page.locator('main').innerText(), 'the alert feed');
  await check(page, 'county-01-alerts-1366');

  // acknowledge it by ticking it and pressing the bulk button
  const row = page.locator(`[data-testid=alert]:has-text("${label}")`);
  await row.locator('input[type=checkbox]').check();
  await page.click('[data-testid=acknowledge-selected]');
  await row.locator('text=确认已阅').waitFor();
  await page.waitForFunction(n => Number(document.querySelector('[data-testid=unread]')?.innerText || 0) < n, unread);

  // the ledger, filtered by township name and rule title, then by the lamp's name
  await page.click('nav a[data-tab=ledger]');
  await page.waitForSelector('[data-testid=ledger] tbody tr td a');
  await page.selectOption('select[name=division]', { label: '乔楼镇' });
  await page.selectOption('select[name=rule]', { label: '电池供电装备电量不足' });
  await page.fill('input[name=q]', label);
  await page.click('[data-testid=ledger-filters] button[type=submit]');
  await page.waitForSelector('[data-testid=ledger-total]:has-text("共 1 项")');
  const ledgerText = await page.locator('[data-testid=ledger]').innerText();
  assert.match(ledgerText, new RegExp(label));
  assert.match(ledgerText, /乔楼镇/);
  readable(ledgerText, 'the ledger');
  await check(page, 'county-02-ledger-1366');

  // the item: the six clears
  await page.click(`[data-testid=ledger] a:has-text("${label}")`);
  await page.waitForSelector('[data-testid=item]');
  assert.match(await page.locator('[data-testid=source-open]').innerText(), /系统仍报告该问题/);
  await page.fill('input[name=responsibleDepartment]', '乔楼镇应急办');
  await page.fill('input[name=responsibleLeader]', '王副镇长');
  await page.fill('input[name=responsiblePerson]', '李保管');
  await page.fill('input[name=target]', '手电电量不低于 80%');
  await page.click('[data-testid=save-plan]');
  await page.waitForSelector('[data-testid=history] li:has-text("将责任人定为“李保管”")');

  // someone else changes the item meanwhile: this page's next save is refused, not merged
  const id = page.url().split('/item/')[1];
  const current = await ok('GET', `/api/rectification/items/${id}`, { token: countyToken });
  await ok('PUT', `/api/rectification/items/${id}/plan`, { token: countyToken, body: { version: current.item.version,
    deadline: current.item.deadline, responsibleDepartment: '荥阳市应急管理局', responsiblePerson: '张明' } });
  await page.fill('input[name=responsiblePerson]', '赵六');
  await page.click('[data-testid=save-plan]');
  await page.waitForSelector('[data-testid=stale]:visible');
  assert.match(await page.locator('[data-testid=stale]').innerText(), /已被他人修改/);
  await check(page, 'county-03-item-stale-1366');
  await page.click('[data-testid=stale] button');
  await page.waitForFunction(() => document.querySelector('input[name=responsiblePerson]').value === '张明');

  // a measure, with its deadline picked in the date field
  await page.fill('input[name=description]', '更换手电电池并每周充电检查');
  await page.fill('[data-testid=measure-form] input[name=owner]', '乔楼镇应急办');
  await page.fill('input[name=measureDeadline]', new Date(Date.now() + 7 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  await page.click('[data-testid=measure-form] button[type=submit]');
  await page.waitForSelector('[data-testid=measure]:has-text("更换手电电池")');

  // evidence: a text file called a photo is refused next to the field; a real photo is attached
  await page.setInputFiles('input[type=file]', { name: '假照片.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await page.click('[data-testid=evidence-form] button[type=submit]');
  await page.waitForSelector('#file-error:visible');
  assert.match(await page.locator('#file-error').innerText(), /不支持的文件类型/);
  await page.setInputFiles('input[type=file]', { name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
  await page.click('[data-testid=evidence-form] button[type=submit]');
  await page.waitForSelector('[data-testid=attachment]:has-text("现场照片.png")');

  // the sign-off asks for confirmation while the source still reports the problem
  await page.fill('[data-testid=signoff-form] textarea', '现场查看，已更换电池，电量 95%');
  assert.ok(await page.locator('[data-testid=sign-off]').isDisabled(), 'no sign-off before confirming');
  await page.check('[data-testid=signoff-form] input[name=confirm]');
  await page.click('[data-testid=sign-off]');
  await page.waitForFunction(() => document.querySelector('[data-testid=item-status]').innerText.trim() === '完成');
  const itemText = await page.locator('[data-testid=item]').innerText();
  assert.match(itemText, /核验销号：现场查看，已更换电池/);
  assert.match(itemText, /当时系统仍报告该问题/);
  assert.match(itemText, /上传佐证材料：现场照片.png/);
  readable(itemText, 'the item');
  await check(page, 'county-04-item-1366');

  // a stocktake's differences are one item: the stocktake it came from, and line by line what is resolved
  const [warehouse] = await ok('GET', '/api/warehouse/warehouses', { token: keeperToken });
  const shelves = (await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeperToken }))
    .filter(b => Number(b.quantity) > 1).slice(0, 2);
  let counting = (await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stocktakes?status=OPEN`, { token: keeperToken }))[0];
  if (!counting) counting = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/stocktakes`, { token: keeperToken, body: { note: 'e2e 月度盘点' } });
  await ok('PUT', `/api/warehouse/stocktakes/${counting.id}/lines`, { token: keeperToken, body: { lines: shelves.map(b =>
    ({ itemId: b.itemId, zoneId: b.zoneId, lot: b.lot || undefined, counted: Number(b.quantity) - 1 })) } });
  await ok('POST', `/api/warehouse/stocktakes/${counting.id}/submit`, { token: keeperToken, headers: { 'Idempotency-Key': unique('e2e-submit') } });
  await page.goto(BASE + '/#/ledger?rule=LEDGER_MISMATCH&division=410182102');
  await page.waitForSelector('[data-testid=ledger] tbody tr td a');
  await page.locator('[data-testid=ledger] tbody tr', { hasText: new RegExp(warehouse.name + ' .+盘点：\\d+ 项账实不符') }).first()
    .locator('td a').first().click();
  await page.waitForSelector('[data-testid=lines] [data-testid=line]');
  const stocktakeItem = page.url().split('/').pop();
  const lines = await page.locator('[data-testid=lines]').innerText();
  assert.match(lines, /逐项情况（已解决 \d+ \/ 共 \d+ 项）/);
  assert.match(lines, /盘点实存 .+，账面 .+，盘(亏|盈)/);
  assert.match(lines, /未解决|已解决/);
  await page.waitForSelector('[data-testid=source-record]');
  assert.match(await page.locator('[data-testid=source-record]').innerText(), /盘点单：.+共清点 \d+ 项/);
  readable(await page.locator('[data-testid=item]').innerText(), 'the stocktake item');
  await check(page, 'county-04b-stocktake-item-1366');

  // the same pages on a phone
  const phone = await chromium.newContext(PHONE);
  const small = await phone.newPage();
  await signIn(small, COUNTY);
  await small.waitForSelector('[data-testid=alert]');
  await check(small, 'county-05-alerts-360');
  await small.click('nav a[data-tab=ledger]');
  await small.waitForSelector('[data-testid=ledger] tbody tr td a');
  await check(small, 'county-06-ledger-360');
  await small.goto(BASE + '/#/item/' + id);
  await small.waitForSelector('[data-testid=item]');
  await check(small, 'county-07-item-360');
  await small.goto(BASE + '/#/item/' + stocktakeItem);
  await small.waitForSelector('[data-testid=lines] [data-testid=line]');
  await check(small, 'county-07b-stocktake-item-360');
  await phone.close();
  await context.close();
});

test('a keeper\'s stocktake is sent back with a reason, counted again and approved; the keeper sees each outcome', async () => {
  const keeperToken = await token(KEEPER);
  const [warehouse] = await ok('GET', '/api/warehouse/warehouses', { token: keeperToken });
  const stock = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeperToken });
  const line = stock.find(b => Number(b.quantity) > 0);
  let open = (await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stocktakes?status=OPEN`, { token: keeperToken }))[0];
  if (!open) open = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/stocktakes`, { token: keeperToken, body: { note: 'e2e' } });
  const count = counted => ok('PUT', `/api/warehouse/stocktakes/${open.id}/lines`, { token: keeperToken,
    body: { lines: [{ itemId: line.itemId, zoneId: line.zoneId, lot: line.lot || undefined, counted }] } });
  await count(Number(line.quantity) + 1);
  await ok('POST', `/api/warehouse/stocktakes/${open.id}/submit`, { token: keeperToken, headers: { 'Idempotency-Key': unique('e2e-submit') } });

  const context = await chromium.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, COUNTY);
  await page.click('nav a[data-tab=approvals]');
  const row = page.locator(`[data-testid=approvals] tr[data-id="${open.id}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /乔楼镇/);
  await row.locator('[data-testid=open-approval]').click();
  await page.waitForSelector(`[data-testid=approval-lines] td:has-text("${line.itemName}")`);
  // a decision without a reason is refused next to the field
  await page.click('[data-testid=send-back]');
  await page.waitForSelector('#reason-error:visible');
  await check(page, 'county-08-approval-1366');
  await page.fill('[data-testid=approval] textarea', '请复点：账面与实物差 1，逐件清点');
  await page.click('[data-testid=send-back]');
  await page.waitForSelector('[data-testid=message]:has-text("退回重盘")');
  await row.waitFor({ state: 'detached' });

  // the keeper, on a phone, reads why
  const phone = await chromium.newContext(PHONE);
  const small = await phone.newPage();
  await signIn(small, KEEPER);
  await small.click('nav a[data-tab=stocktake]');
  await small.waitForSelector('[data-testid=sent-back]:visible');
  assert.match(await small.locator('[data-testid=sent-back]').innerText(), /请复点：账面与实物差 1/);
  await check(small, 'keeper-01-stocktake-sent-back-360');

  // counted again and submitted; the county approves; the keeper sees it approved
  await count(Number(line.quantity));
  await ok('POST', `/api/warehouse/stocktakes/${open.id}/submit`, { token: keeperToken, headers: { 'Idempotency-Key': unique('e2e-submit') } });
  await page.reload();
  await row.waitFor();
  await row.locator('[data-testid=open-approval]').click();
  await page.waitForSelector('[data-testid=approval-lines]:has-text("全部与账面相符")');
  await page.fill('[data-testid=approval] textarea', '复点相符，同意');
  await page.click('[data-testid=approve]');
  await page.waitForSelector('[data-testid=message]:has-text("已批准")');
  await small.reload();
  await small.click('nav a[data-tab=stocktake]');
  const mine = small.locator(`[data-testid=stocktake-history] tr[data-id="${open.id}"]`);
  await mine.waitFor();
  assert.match(await mine.innerText(), /已审批入账/);
  await phone.close();
  await context.close();
});

test('statistics by period and township, and the notice and workbook read as words', async () => {
  const context = await chromium.newContext(Object.assign({ acceptDownloads: true }, DESKTOP));
  const page = await context.newPage();
  await signIn(page, COUNTY);
  await page.click('nav a[data-tab=stats]');
  await page.waitForSelector('[data-testid=chart-groups] tbody tr th');
  const year = await page.locator('[data-testid=stats-total]').innerText();
  assert.match(year, /年1月1日至/);
  await page.selectOption('select[name=period]', 'month');
  await page.waitForFunction(before => document.querySelector('[data-testid=stats-total]').innerText !== before, year);
  const month = await page.locator('[data-testid=stats-total]').innerText();
  assert.match(month, new RegExp((new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric' })) + '1日至'));
  await page.selectOption('select[name=division]', { label: '乔楼镇' });
  await page.waitForSelector('[data-testid=stats-total]:has-text("乔楼镇")');
  // every bar says its value
  for (const bar of await page.locator('.bar span').allInnerTexts()) assert.match(bar, /\d/);
  assert.match(await page.locator('details').innerText(), /措施完成率/);
  readable(await page.locator('main').innerText(), 'the statistics');
  await check(page, 'county-09-statistics-1366');

  const dir = mkdtempSync(join(tmpdir(), 'beiqin-e2e-'));
  const save = async (button, name) => {
    const download = page.waitForEvent('download');
    await page.click(button);
    const file = await download;
    assert.match(file.suggestedFilename(), /乔楼镇/);
    const path = join(dir, name);
    await file.saveAs(path);
    return path;
  };
  for (const [button, name] of [['[data-testid=notice-html]', 'notice.html'], ['[data-testid=notice-markdown]', 'notice.md']]) {
    const text = readFileSync(await save(button, name), 'utf8').replace(/<[^>]+>/g, ' ');
    assert.match(text, /乔楼镇应急准备问题整改情况通报/);
    readable(text, name);
  }
  const workbook = await save('[data-testid=notice-xlsx]', 'ledger.xlsx');
  const py = 'import sys,zipfile,re\nz=zipfile.ZipFile(sys.argv[1])\nprint(" ".join(re.findall(r"<pageSetup[^>]*>", z.read("xl/worksheets/sheet1.xml").decode())))\n' +
    'import html\nprint(html.unescape(re.sub(r"<[^>]+>", " ", z.read("xl/sharedStrings.xml").decode())))';
  const sheet = execFileSync('python3', ['-c', py, workbook]).toString();
  assert.match(sheet, /orientation="landscape"/);
  assert.match(sheet, /paperSize="9"/);
  const words = sheet.slice(sheet.indexOf('\n'));
  assert.match(words, /整改状态/);
  assert.doesNotMatch(words, /\d{4}-\d{2}-\d{2}T\d{2}:/);
  assert.doesNotMatch(words, /\b[A-Z]+_[A-Z_]+\b/);

  const phone = await chromium.newContext(PHONE);
  const small = await phone.newPage();
  await signIn(small, COUNTY);
  await small.click('nav a[data-tab=stats]');
  await small.waitForSelector('[data-testid=chart-groups] tbody tr th');
  await check(small, 'county-10-statistics-360');
  await small.click('nav a[data-tab=approvals]');
  await small.waitForSelector('[data-testid=approvals]');
  await check(small, 'county-11-approvals-360');
  await phone.close();
  await context.close();
});

test('the administrator creates, disables, unlocks and resets a user, and names a division', async () => {
  const username = unique('e2e-officer').replace(/-/g, '.');
  const context = await chromium.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, ADMIN);
  await page.waitForSelector('[data-testid=users] tbody tr');
  readable(await page.locator('[data-testid=users]').innerText(), 'the users');

  await page.fill('[data-testid=user-form] input[name=username]', username);
  await page.fill('[data-testid=user-form] input[name=displayName]', '沈洼村值班员（测试）');
  await page.selectOption('[data-testid=user-form] select[name=division]', { label: '　　沈洼村' });
  await page.check('[data-testid=user-form] input[value=duty_officer]');
  await page.check('[data-testid=user-form] input[value=keeper]');
  await page.fill('[data-testid=user-form] input[name=password]', 'short');
  await page.click('[data-testid=save-user]');
  assert.match(await page.locator('#err-password').innerText(), /至少 10 个字符/);
  await page.fill('[data-testid=user-form] input[name=password]', 'Zhiban-Mima-2026');
  await page.click('[data-testid=save-user]');
  const row = page.locator(`[data-testid=users] tr[data-user="${username}"]`);
  await row.waitFor();
  const rowText = await row.innerText();
  assert.match(rowText, /值班员/); assert.match(rowText, /库管员/); assert.match(rowText, /乔楼镇 › 沈洼村/);
  await check(page, 'admin-01-users-1366');

  // five wrong passwords lock the account; the administrator sees the lock and lifts it
  for (let i = 0; i < 5; i++) await call('POST', '/api/auth/login', { body: { username, password: 'wrong-password-' + i } });
  await page.reload();
  await row.locator('[data-testid=user-status]:has-text("锁定至")').waitFor();
  await row.locator('[data-testid=unlock]').click();
  await page.waitForSelector('[data-testid=message]:has-text("解除")');
  await page.waitForFunction(u => !document.querySelector(`tr[data-user="${u}"] [data-testid=user-status]`).innerText.includes('锁定'), username);

  // a new password, shown once, works
  await row.locator('[data-testid=reset-password]').click();
  const password = await page.locator('[data-testid=password-value]').innerText();
  assert.equal((await call('POST', '/api/auth/login', { body: { username, password } })).status, 200);
  await page.click('[data-testid=new-password] button');
  assert.equal(await page.locator('[data-testid=new-password]').count(), 0, 'the password is not shown again');

  // disabled: the account can no longer sign in
  await row.locator('[data-testid=toggle-active]').click();
  await row.locator('[data-testid=user-status]:has-text("已停用")').waitFor();
  assert.equal((await call('POST', '/api/auth/login', { body: { username, password } })).status, 401);

  // a village is named in the registry and is then offered by name
  await page.click('nav a[data-tab=divisions]');
  await page.waitForSelector('[data-testid=divisions] tbody tr');
  // a village code no earlier run registered (registered names stay)
  const registered = new Set((await ok('GET', '/api/rectification/divisions', { token: await token(ADMIN) })).divisions.map(d => d.code));
  let code;
  do code = '410182102' + String(300 + Math.floor(Math.random() * 699)); while (registered.has(code));
  const name = '测试' + code.slice(-3) + '村';
  await page.fill('[data-testid=division-form] input[name=code]', '41018');
  await page.click('[data-testid=save-division]');
  assert.match(await page.locator('#err-code').innerText(), /6 位/);
  await page.fill('[data-testid=division-form] input[name=code]', code);
  await page.fill('[data-testid=division-form] input[name=name]', name);
  await page.click('[data-testid=save-division]');
  await page.waitForSelector(`[data-testid=divisions] tr[data-code="${code}"]:has-text("${name}")`);
  await check(page, 'admin-02-divisions-1366');

  const phone = await chromium.newContext(PHONE);
  const small = await phone.newPage();
  await signIn(small, ADMIN);
  await small.waitForSelector('[data-testid=users] tbody tr');
  await check(small, 'admin-03-users-360');
  await small.click('nav a[data-tab=divisions]');
  await small.waitForSelector('[data-testid=divisions] tbody tr');
  await check(small, 'admin-04-divisions-360');
  await phone.close();

  // English works for the new pages too
  await page.click('[data-testid=lang]');
  await page.waitForSelector('nav a[data-tab=divisions]:has-text("Divisions")');
  await page.click('nav a[data-tab=users]');
  await page.waitForSelector('[data-testid=users] th:has-text("Actions")');
  await shot(page, 'admin-05-users-en-1366');
  await page.click('[data-testid=lang]');
  await context.close();
});

test('Swagger UI works through the gateway', async () => {
  const context = await chromium.newContext(DESKTOP);
  const page = await context.newPage();
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(BASE + '/q/swagger-ui/');
  await page.waitForSelector('.swagger-ui .opblock', { timeout: 30000 });
  assert.ok(await page.locator('.swagger-ui .opblock').count() > 50, 'every service\'s operations are listed');
  assert.deepEqual(errors.filter(e => /Content Security Policy|Refused/.test(e)), []);
  await shot(page, 'swagger-ui-1366');
  await context.close();
});

test('an item marked 基本完成 opens with 基本完成 in its status list, so changing only the note does not reopen it', async () => {
  const keeperToken = await token(KEEPER);
  const countyToken = await token(COUNTY);
  const label = await lowLamp(keeperToken);
  const [item] = (await until(() => ok('GET', '/api/rectification/items?division=410182102&q=' + encodeURIComponent(label),
    { token: countyToken }), found => found.items.length > 0, 'the low lamp reached the ledger', 30000)).items;
  await ok('POST', `/api/rectification/items/${item.id}/status`, { token: countyToken,
    body: { status: 'BASICALLY_COMPLETED', evidence: '已更换电池，待一周后复查', version: item.version } });

  const context = await chromium.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, COUNTY);
  await page.goto(BASE + '/#/item/' + item.id);
  await page.waitForFunction(() => document.querySelector('[data-testid=item-status]')?.innerText.trim() === '基本完成');
  await page.waitForSelector('[data-testid=status-form] select option:checked', { state: 'attached' });
  const shown = () => page.$eval('[data-testid=status-form] select', s => s.options[s.selectedIndex].text);
  assert.equal(await shown(), '基本完成', 'the list starts at the status the item has');
  await shot(page, 'county-09-item-status-1366');
  // a note alone, as a person who leaves the list as it is would send it
  await page.fill('[data-testid=status-form] input[name=note]', '复查电量 92%');
  await page.click('[data-testid=status-form] button[type=submit]');
  await page.waitForSelector('[data-testid=history] li:has-text("复查电量 92%")');
  assert.equal((await ok('GET', `/api/rectification/items/${item.id}`, { token: countyToken })).item.status, 'BASICALLY_COMPLETED');
  assert.equal(await page.locator('[data-testid=item-status]').innerText(), '基本完成');
  await context.close();
});
