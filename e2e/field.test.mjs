// The field side on a 360 px phone, done the way its people do it: the keeper clears what 本周待办
// lists, adds an item, records a failed extinguisher check and a facility inspection with a photo,
// counts a stocktake to submission, reloads with the network down and hands the phone to another
// keeper; the village duty officer checks in, answers a spot check that arrives without a reload
// and subscribes his calendar; the township office plans, approves, conducts and evaluates a drill
// and sees a coverage gap in the week's roster. Every page is checked (touch targets, no sideways
// scrolling, no one-character lines, axe-core) and photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, KEEPER, OFFICER, OFFICE, COUNTY, ADMIN, PHONE, PASSWORD, browser, signIn, token, ok, call, unique, check, readable,
  PNG } from './support.mjs';

let chromium;
before(async () => { chromium = await browser(); });
after(async () => { await chromium.close(); });

const key = () => ({ 'Idempotency-Key': unique('e2e-field') });
const iso = ms => new Date(ms).toISOString();

/** A warehouse of the keeper's own for this run: a battery lamp at 10 %, an extinguisher, 20 shovels. */
async function keeperWarehouse(keeperToken) {
  const name = unique('e2e仓库');
  const warehouse = await ok('POST', '/api/warehouse/warehouses', { token: keeperToken, headers: key(),
    body: { division: '410182102', name, address: '乔楼镇', floor: 1, hasLift: false, entranceClear: true, manualDoorRelease: true, backupPower: true } });
  const lamp = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/equipment`, { token: keeperToken, headers: key(),
    body: { kind: 'FLASHLIGHT', label: unique('e2e头灯') } });
  await ok('POST', `/api/warehouse/equipment/${lamp.id}/charge-readings`, { token: keeperToken, headers: key(), body: { percent: 10 } });
  const extinguisher = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/extinguishers`, { token: keeperToken, headers: key(),
    body: { label: unique('e2e灭火器'), agent: 'DRY_POWDER', capacity: '4kg', manufacturedOn: '2024-05-01', location: '门口' } });
  const items = await ok('GET', '/api/warehouse/items', { token: keeperToken });
  const shovel = items.find(i => i.name === '铁锨') || items.find(i => i.kind === 'GENERAL');
  await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/receipts`, { token: keeperToken, headers: key(),
    body: { itemId: shovel.id, quantity: 20, reason: '县应急局调拨' } });
  return { warehouse, lamp, extinguisher, shovel };
}

async function pickWarehouse(page, warehouse) {
  await page.selectOption('[data-testid=warehouse]', warehouse.id);
  await page.waitForTimeout(300);
}

/** Waits until the device's queue has sent everything. */
async function sent(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=queued-entry]'), null, { timeout: 20000 });
}

test('keeper on a phone: 本周待办 leads to the fix, an item, a failed extinguisher check, a facility inspection, a stocktake', async () => {
  const keeperToken = await token(KEEPER);
  const { warehouse, lamp, extinguisher, shovel } = await keeperWarehouse(keeperToken);
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, KEEPER);

  // 本周待办: the flat lamp is an open finding, with one tap to the action that clears it
  await page.click('a[data-tab=attention]');
  await pickWarehouse(page, warehouse);
  const entry = page.locator(`[data-testid=attention] li[data-subject="${lamp.id}"]`);
  await entry.waitFor();
  assert.match(await entry.innerText(), /电量 10%/);
  assert.match(await entry.innerText(), /今天发现|已 \d+ 天/);
  readable(await page.locator('main').innerText(), 'attention');
  await check(page, 'field-keeper-01-attention-360');
  await entry.locator('[data-testid=attention-action]').click();
  await page.waitForSelector(`tr[data-id="${lamp.id}"]`);
  assert.equal(await page.locator('[data-testid=warehouse]').inputValue(), warehouse.id);
  await check(page, 'field-keeper-02-equipment-360');
  const row = page.locator(`tr[data-id="${lamp.id}"]`);
  assert.match(await row.getAttribute('class'), /\blow\b/, 'the flat lamp stands out');
  await row.locator('input[name=percent]').fill('100');
  await row.locator('button[type=submit]').click();
  await sent(page);
  await page.click('a[data-tab=attention]');
  await page.waitForSelector('[data-testid=attention-summary]');
  assert.equal(await page.locator(`[data-testid=attention] li[data-subject="${lamp.id}"]`).count(), 0, 'the finding cleared');

  // a failed monthly extinguisher check, with its defect
  await page.click('a[data-tab=equipment]');
  const ext = page.locator(`tr[data-id="${extinguisher.id}"]`);
  await ext.waitFor();
  await ext.locator('[data-testid=monthly-check]').click();
  const form = page.locator('[data-testid=check-form]');
  await form.locator('input[name=gaugeInRange]').uncheck();
  await form.locator('textarea[name=notes]').fill('压力表指针在红区');
  assert.match(await page.locator('[data-testid=check-fails]').innerText(), /不合格/);
  await check(page, 'field-keeper-03-extinguisher-check-360');
  await form.locator('button[type=submit]').click();
  await sent(page);
  await page.waitForFunction(id => /不合格|失效/.test(document.querySelector(`tr[data-id="${id}"]`)?.innerText || '')
    && document.querySelector(`tr[data-id="${id}"]`).className === 'expired', extinguisher.id, { timeout: 15000 });
  const after = await ok('GET', `/api/warehouse/extinguishers/${extinguisher.id}`, { token: keeperToken });
  assert.equal(after.lastCheckPassed, false, 'the check is recorded as failed');

  // a catalogue item: the kind's required field is named before submitting, and kept when refused
  await page.click('a[data-tab=catalogue]');
  await page.click('[data-testid=add-item]');
  const itemName = unique('e2e柴油');
  await page.fill('input[name=name]', itemName);
  await page.selectOption('select[name=kind]', 'FUEL');
  assert.match(await page.locator('[data-testid=kind-needs]').innerText(), /燃油种类/);
  await page.click('[data-testid=item-form] button[type=submit]');
  assert.match(await page.locator('[data-testid=error-fuelType]').innerText(), /必须填写/);
  assert.equal(await page.inputValue('input[name=name]'), itemName, 'the input stays');
  await check(page, 'field-keeper-04-catalogue-360');
  assert.match(await page.locator('[data-testid=error-specification]').innerText(), /请填写/);
  await page.fill('input[name=fuelType]', '0号柴油');
  await page.fill('input[name=specification]', '200 升桶装');
  await page.fill('input[name=unit]', '升');
  await page.click('[data-testid=item-form] button[type=submit]');
  await page.waitForSelector(`[data-testid=items] li[data-item="${itemName}"]`);
  assert.match(await page.locator(`[data-testid=items] li[data-item="${itemName}"]`).innerText(), /燃油种类：0号柴油/);

  // a facility inspection with a photo from the phone
  await page.click('a[data-tab=facility]');
  await pickWarehouse(page, warehouse);
  await page.locator('[data-testid=facility-form] input[name=backupPowerCharged]').uncheck();
  await page.fill('[data-testid=facility-form] textarea[name=notes]', '备用电源电量不足 20%');
  await page.setInputFiles('[data-testid=facility-photos]', { name: '备用电源.png', mimeType: 'image/png', buffer: PNG });
  await check(page, 'field-keeper-05-facility-360');
  await page.click('[data-testid=facility-submit]');
  const done = await page.locator('[data-testid=facility-done]').innerText();
  assert.match(done, /不符合：备用电源电量充足/);
  assert.match(done, /已上传照片 1 张/);

  // a stocktake: started, counted (the number fully visible), submitted, and waiting for the county
  await page.click('a[data-tab=stocktake]');
  await pickWarehouse(page, warehouse);
  await page.click('[data-testid=open-stocktake]');
  const count = page.locator(`[data-testid=stocktake-lines] input[aria-label="实盘数 ${shovel.name}"]`);
  await count.fill('1234567.5');
  const clipped = await count.evaluate(el => el.scrollWidth > el.clientWidth);
  assert.equal(clipped, false, 'the counted quantity is fully visible');
  await check(page, 'field-keeper-06-stocktake-counting-360');
  await count.fill('18');
  await page.click('[data-testid=submit-stocktake]');
  const waiting = await page.locator('[data-testid=stocktake-waiting]').innerText();
  assert.match(waiting, /等待县应急办审批/);
  assert.match(waiting, /不能开始新的盘点/);
  assert.equal(await page.locator('[data-testid=open-stocktake]').count(), 0);
  readable(await page.locator('main').innerText(), 'stocktake');
  await check(page, 'field-keeper-07-stocktake-submitted-360');
  await context.close();
});

test('keeper offline: a reload shows the last data with its time and the queue; the next keeper never sends it as theirs', async () => {
  const keeperToken = await token(KEEPER);
  const { warehouse, shovel } = await keeperWarehouse(keeperToken);
  // a second keeper of the same township, made by the administrator for this run
  const other = unique('keeper-e2e').toLowerCase();
  await ok('POST', '/api/users', { token: await token(ADMIN), headers: key(),
    body: { username: other, displayName: '乔楼镇库管员 替班', password: PASSWORD, roles: ['keeper'], division: '410182102' } });
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, KEEPER);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.click('a[data-tab=stock]');
  await pickWarehouse(page, warehouse);
  await page.waitForSelector(`[data-testid=stock] td[data-item="${shovel.name}"]`);

  // the network goes; a reload opens the console from the phone, with the stock as last seen
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector(`[data-testid=stock] td[data-item="${shovel.name}"]`);
  assert.match(await page.locator('main').innerText(), /离线数据，更新于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}/);
  assert.ok(await page.locator('[data-testid=offline-banner]').isVisible());
  await check(page, 'field-keeper-08-offline-reload-360');

  // an issue typed offline waits in the queue, through another reload
  const recipient = unique('e2e离线领用');
  await page.click('a[data-tab=move]');
  await page.click('button[data-kind=issues]');
  await page.selectOption('select[name=balance]', { index: 1 });
  await page.fill('input[name=quantity]', '2');
  await page.fill('input[name=recipientName]', recipient);
  await page.click('[data-testid=movement-form] button[type=submit]');
  await page.reload();
  await page.waitForSelector('[data-testid=queued-entry]');
  assert.match(await page.locator('[data-testid=queue]').innerText(), new RegExp('发放 ' + shovel.name));
  await check(page, 'field-keeper-09-offline-queue-360');

  // signing out asks what to do with it; kept, it is not sent when someone else signs in
  await page.click('[data-testid=logout]');
  await page.waitForSelector('[data-testid=logout-dialog][open]');
  assert.match(await page.locator('[data-testid=logout-dialog]').innerText(), /1 条记录没有发出/);
  await check(page, 'field-keeper-10-logout-dialog-360');
  await page.click('[data-testid=logout-keep]');
  await page.waitForSelector('input[name=username]');
  await context.setOffline(false);
  await signIn(page, other);
  await page.waitForTimeout(2000);
  assert.equal(await page.locator('[data-testid=queued-entry]').count(), 0, 'the other keeper sees no queue');
  const loans = () => ok('GET', `/api/warehouse/warehouses/${warehouse.id}/loans`, { token: keeperToken });
  assert.ok(!(await loans()).some(l => l.issue.recipientName === recipient), 'nothing was sent under the other keeper');
  await page.click('[data-testid=logout]');

  // back with its owner, the entry goes out under her name
  await signIn(page, KEEPER);
  await sent(page);
  const issued = (await loans()).find(l => l.issue.recipientName === recipient);
  assert.ok(issued, 'the kept entry was sent by the keeper who made it');
  assert.equal(issued.issue.actor, '乔楼镇库管员 李桂兰');
  await context.close();
});

/** A period of the village's own with the officer on duty now, made by the township office. */
async function villageShift(officeToken) {
  const team = (await ok('GET', '/api/duty/teams?division=410182102201', { token: officeToken }))[0];
  const officer = (await ok('GET', `/api/duty/teams/${team.id}`, { token: officeToken })).members.find(m => m.account === OFFICER);
  const now = Date.now();
  const period = await ok('POST', '/api/duty/periods', { token: officeToken, headers: key(), body: { division: '410182102201',
    name: unique('e2e沈洼村值班'), startsAt: iso(now - 3600000), endsAt: iso(now + 8 * 3600000), minLeaders: 0, minStaff: 1 } });
  const shift = await ok('POST', `/api/duty/periods/${period.id}/shifts`, { token: officeToken, headers: key(),
    body: { memberId: officer.id, role: 'STAFF', startsAt: iso(now - 600000), endsAt: iso(now + 6 * 3600000) } });
  return { period, shift, officer };
}

test('village duty officer on a phone: checks in, a spot check arrives without reload and is answered, the calendar without a token', async () => {
  const officeToken = await token(OFFICE);
  const countyToken = await token(COUNTY);
  await villageShift(officeToken);
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, OFFICER);
  await page.click('a[data-tab=duty]');
  await page.waitForSelector('[data-testid=shifts] li');
  // checking in; a second tap says when, in Beijing time, not "no shift now"
  for (let taps = 0; taps < 5 && await page.locator('[data-testid=check-in]').isEnabled(); taps++) {
    // each tap checks in one current shift, then the page reads the shifts again
    await Promise.all([page.waitForResponse(r => r.url().includes('/api/duty/me/shifts')), page.click('[data-testid=check-in]')]);
    await page.waitForTimeout(200);
  }
  assert.match(await page.locator('[data-testid=duty-state]').innerText(), /已于 .* 签到/);
  assert.equal(await page.locator('[data-testid=check-in]').isEnabled(), false, 'every current shift is checked in');
  const again = await call('POST', '/api/duty/me/check-in', { token: await token(OFFICER), body: {} });
  assert.equal(again.status, 409);
  assert.match(again.body.detail, /已于 \d{1,2}月\d{1,2}日 \d{2}:\d{2} 签到/);
  readable(await page.locator('main').innerText(), 'my duty');
  await page.waitForFunction(() => /实时接收中/.test(document.body.innerText));
  await check(page, 'field-officer-01-duty-360');

  // the township spot-checks the village: it shows up on his open page within seconds
  const sent = await ok('POST', '/api/duty/spot-checks', { token: officeToken, body: { division: '410182102201' } });
  assert.ok(sent.length >= 1);
  await page.waitForFunction(() => /乔楼镇应急办 赵华 于/.test(document.querySelector('[data-testid=spot-check-live]')?.innerText || ''),
    null, { timeout: 10000 });
  assert.match(await page.locator('[data-testid=spot-check-live]').innerText(), /乔楼镇应急办 赵华 于 .* 查岗，请在 .* 前应答/);
  await check(page, 'field-officer-02-spot-check-360');
  const waiting = await page.locator('[data-testid=answer]').count();
  for (let i = 0; i < waiting; i++) {
    await page.locator('[data-testid=answer]').first().click();
    await page.waitForFunction(n => document.querySelectorAll('[data-testid=answer]').length < n, waiting - i);
  }
  await page.waitForSelector('[data-testid=spot-check-live]', { state: 'detached' });
  const history = await ok('GET', '/api/duty/spot-checks?division=410182102201', { token: officeToken });
  for (const check of sent) assert.equal(history.find(c => c.id === check.id).state, 'ACKNOWLEDGED');
  await ok('POST', '/api/duty/sweep', { token: countyToken });
  const findings = await ok('GET', '/api/duty/discrepancies', { token: countyToken });
  for (const check of sent) {
    assert.ok(!findings.some(f => f.rule === 'UNREACHABLE' && f.subject.id === check.id), 'an answered check is no UNREACHABLE finding');
  }

  // the calendar: a secret address the phone's calendar reads without signing in, until revoked
  await page.click('[data-testid=calendar-new]');
  const address = (await page.locator('[data-testid=calendar-url] .secret-url').innerText()).trim();
  assert.match(address, /^http:\/\/127\.0\.0\.1:8080\/api\/duty\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await check(page, 'field-officer-03-calendar-360');
  const feed = await fetch(address);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /text\/calendar/);
  const ics = await feed.text();
  assert.match(ics, /BEGIN:VEVENT/);
  assert.match(ics, /值班（值班人员）：王永强/);
  await page.click('[data-testid=calendar-revoke]');
  await page.waitForFunction(() => /未开启/.test(document.querySelector('[data-testid=calendar]').innerText));
  const revoked = await fetch(address);
  assert.equal(revoked.status, 404);
  assert.match((await revoked.json()).title, /日历订阅地址无效/);
  await context.close();
});

test('township office on a phone: a drill planned, refused without contacts, approved, conducted and evaluated; a gap on the week; answers arrive', async () => {
  const officeToken = await token(OFFICE);
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, OFFICE);

  // the drills page: 三断 coverage of the township and its drills
  await page.click('a[data-tab=drills]');
  await page.waitForSelector('[data-testid=three-outages] li[data-township="410182102"]');
  assert.match(await page.locator('[data-testid=three-outages]').innerText(), /乔楼镇/);
  readable(await page.locator('main').innerText(), 'drills');
  await check(page, 'field-office-01-drills-360');

  // a plan: one unit has no contact yet, so approval is refused and says which
  const title = unique('e2e乔楼镇防汛转移演练');
  await page.click('[data-testid=new-drill]');
  await page.fill('input[name=title]', title);
  await page.fill('input[name=scheduledOn]', new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10));
  await page.fill('input[name=place]', '乔楼镇沈洼村');
  await page.fill('input[name=objective0]', '30 分钟内转移低洼处群众');
  await page.click('text=添加目标');
  await page.fill('input[name=objective1]', '断电情况下启用备用电源');
  await page.fill('input[name=unit0]', '乔楼镇卫生院');
  await page.fill('input[name=person0]', '李国强');
  await page.fill('input[name=personUnit0]', '乔楼镇应急救援队');
  await page.fill('input[name=task0]', '现场指挥');
  await check(page, 'field-office-02-plan-360');
  await page.click('[data-testid=save-plan]');
  await page.waitForSelector('[data-testid=drill-status]');
  assert.equal(await page.locator('[data-testid=drill-status]').innerText(), '草拟');
  await page.click('[data-testid=approve]');
  await page.waitForFunction(() => /联系人/.test(document.querySelector('[data-testid=drill-error]').innerText));
  const refusal = await page.locator('[data-testid=drill-error]').innerText();
  assert.match(refusal, /参演单位“乔楼镇卫生院”：请填写该参演单位的联系人和电话/);
  readable(refusal, 'approval refusal');
  const drillId = decodeURIComponent(page.url().split('/').pop());
  const draft = await ok('GET', `/api/drills/${drillId}`, { token: officeToken });
  await ok('PUT', `/api/drills/${drillId}/units`, { token: officeToken,
    body: { units: [{ name: '乔楼镇卫生院', contact: '王医生', phone: '13803710099' }], version: draft.version } });
  await page.reload();
  await page.click('[data-testid=approve]');
  await page.waitForFunction(() => document.querySelector('[data-testid=drill-status]').innerText === '已批准');

  // the conduct, then the evaluation objective by objective with an improvement action
  // (conducted after the approval, ended by now: to the second, as the form takes it)
  await page.waitForTimeout(2500);
  const beijing = ms => new Date(ms + 8 * 3600000).toISOString().slice(0, 19);
  await page.fill('input[name=actualStart]', beijing(Date.now() - 1000));
  await page.fill('input[name=actualEnd]', beijing(Date.now()));
  await page.click('[data-testid=save-conduct]');
  await page.waitForFunction(() => document.querySelector('[data-testid=drill-status]').innerText === '已实施');
  await page.locator('[data-objective="1"] label', { hasText: 'P' }).click();
  await page.locator('[data-objective="2"] label', { hasText: 'M' }).click();
  await page.fill('input[name=ratingNotes1]', '备用电源 20 分钟后才启动');
  await page.click('[data-testid=add-action]');
  await page.fill('input[name=action0]', '备用发电机每月试机一次');
  await page.fill('input[name=owner0]', '乔楼镇应急办');
  await page.fill('input[name=deadline0]', new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10));
  await check(page, 'field-office-03-evaluation-360');
  await page.click('[data-testid=save-evaluation]');
  await page.waitForFunction(() => document.querySelector('[data-testid=drill-status]').innerText === '已评估');
  const evaluated = await page.locator('main').innerText();
  assert.match(evaluated, /断电情况下启用备用电源：M 部分达成（备用电源 20 分钟后才启动）/);
  assert.match(await page.locator('[data-testid=actions]').innerText(), /备用发电机每月试机一次[\s\S]*责任人 乔楼镇应急办/);
  readable(evaluated, 'evaluated drill');
  await check(page, 'field-office-04-drill-evaluated-360');

  // the county grants more time: the organising township moves the deadline, and the reason stays on record
  await page.click('[data-testid=move-deadline]');
  const extended = new Date(Date.now() + 45 * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
  await page.fill('[data-testid=deadline-form] input[name=deadline]', extended);
  await check(page, 'field-office-04b-deadline-360');
  await page.fill('[data-testid=deadline-form] input[name=reason]', '县应急办同意延期：发电机需返厂检修');
  await page.click('[data-testid=deadline-form] button[type=submit]');
  await page.waitForSelector('[data-testid=deadline-change]');
  const moved = await page.locator('[data-testid=actions]').innerText();
  const [y, m, d] = extended.split('-').map(Number);
  assert.match(moved, new RegExp(`调整为 ${y}年${m}月${d}日（乔楼镇应急办 赵华，.+）：县应急办同意延期：发电机需返厂检修`));
  assert.match(moved, new RegExp(`完成时限 ${y}年${m}月${d}日`));
  readable(moved, 'moved deadline');
  await check(page, 'field-office-04c-deadline-moved-360');
  await page.click('a[href="#/drills"]');
  await page.waitForSelector(`[data-testid=drills] li[data-title="${title}"]`);
  assert.match(await page.locator(`[data-testid=drills] li[data-title="${title}"]`).innerText(), /已评估[\s\S]*整改 1 项未完成/);
  assert.match(await page.locator('[data-testid=open-actions]').innerText(), new RegExp('备用发电机每月试机一次[\\s\\S]*' + title));

  // the roster: a period of tomorrow with staff for the morning only shows the rest as a gap
  const tomorrow = new Date(Date.now() + 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const from = new Date(tomorrow + 'T08:00:00+08:00').getTime();
  const period = await ok('POST', '/api/duty/periods', { token: officeToken, headers: key(), body: { division: '410182102',
    name: unique('e2e乔楼镇明日值班'), startsAt: iso(from), endsAt: iso(from + 12 * 3600000), minLeaders: 0, minStaff: 1 } });
  const team = (await ok('GET', '/api/duty/teams?division=410182102', { token: officeToken }))[0];
  const staff = (await ok('GET', `/api/duty/teams/${team.id}`, { token: officeToken })).members.find(m => m.status === 'ACTIVE');
  await ok('POST', `/api/duty/periods/${period.id}/shifts`, { token: officeToken, headers: key(),
    body: { memberId: staff.id, role: 'STAFF', startsAt: iso(from), endsAt: iso(from + 4 * 3600000) } });
  await villageShift(officeToken);
  await page.click('a[data-tab=roster]');
  await page.waitForSelector('[data-testid=week] .day');
  await page.selectOption('[data-testid=period]', period.id);
  // the week shown is the chosen period's (the village's, made just before, may run past midnight too)
  await page.waitForSelector(`[data-testid=week][data-period="${period.id}"]`);
  const gap = page.locator(`[data-day="${tomorrow}"] [data-testid=gap]`);
  await gap.waitFor();
  assert.equal(await gap.innerText(), '断档 12:00—20:00（带班 0，值班 0）');
  readable(await page.locator('main').innerText(), 'roster');
  await check(page, 'field-office-05-roster-week-360');

  // two members trade tomorrow's shifts on the week view
  const second = (await ok('GET', `/api/duty/teams/${team.id}`, { token: officeToken })).members
    .find(m => m.status === 'ACTIVE' && m.id !== staff.id);
  const later = await ok('POST', `/api/duty/periods/${period.id}/shifts`, { token: officeToken, headers: key(),
    body: { memberId: second.id, role: 'STAFF', startsAt: iso(from + 4 * 3600000), endsAt: iso(from + 8 * 3600000) } });
  await page.reload();
  await page.waitForSelector('[data-testid=week] .day');
  await page.selectOption('[data-testid=period]', period.id);
  await page.waitForSelector(`[data-testid=week][data-period="${period.id}"]`);
  const morning = page.locator(`[data-day="${tomorrow}"] .shift`, { hasText: '08:00—12:00' });
  await morning.waitFor();
  assert.match(await morning.innerText(), new RegExp(staff.name));
  await morning.locator('[data-testid=swap]').click();
  await page.selectOption('[data-testid=swap-form] select[name=otherShift]', later.id);
  await page.fill('[data-testid=swap-form] input[name=swapReason]', '家中有事，两人协商互换');
  await check(page, 'field-office-06-roster-swap-360');
  await page.click('[data-testid=swap-form] button[type=submit]');
  await page.waitForFunction(([day, name]) => [...document.querySelectorAll(`[data-day="${day}"] .shift`)]
    .some(el => el.innerText.includes('08:00—12:00') && el.innerText.includes(name)), [tomorrow, second.name]);

  // the morning shift's record says who rostered it, whom the swap replaced with whom, and why
  await page.locator(`[data-day="${tomorrow}"] .shift`, { hasText: '08:00—12:00' }).locator('[data-testid=shift-history]').click();
  const history = page.locator('[data-testid=shift-history-box]');
  await history.waitFor();
  const lines = await history.locator('li').allInnerTexts();
  assert.equal(lines.length, 2, lines.join(' | '));
  assert.match(lines[0], new RegExp(`排班：${staff.name}（逐个排班）`));
  assert.match(lines[1], new RegExp(`将 ${staff.name} 换为 ${second.name}：家中有事，两人协商互换`));
  readable(await history.innerText(), 'shift history');
  await check(page, 'field-office-06b-roster-history-360');
  await history.locator('button').click();

  // a spot check of the village raised here; the officer's answer shows up on this page by itself
  await page.selectOption('[data-testid=roster-division]', '410182102201');
  await page.waitForSelector('[data-testid=on-duty] li strong:has-text("王永强")');
  await page.click('[data-testid=raise-spot-check]');
  await page.waitForSelector('[data-testid=spot-check-answers] li[data-state=WAITING]');
  const officerToken = await token(OFFICER);
  for (const c of await ok('GET', '/api/duty/me/spot-checks', { token: officerToken })) {
    await ok('POST', `/api/duty/spot-checks/${c.id}/acknowledgement`, { token: officerToken });
  }
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=spot-check-answers] li[data-state=ACKNOWLEDGED]')]
    .some(li => /王永强/.test(li.innerText)), null, { timeout: 10000 });
  await check(page, 'field-office-07-roster-answers-360');
  await context.close();
});
