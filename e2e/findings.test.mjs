// The county's ledger says what the services find now. Every open finding of 乔楼镇 (and its
// villages) in the warehouse, drill and duty services has its ledger item — its own, or a line of
// the stocktake it came from — with the same words; and a finding whose facts change while it is
// open is rewritten in the ledger, once, without a second item or a second alert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEEPER, COUNTY, token, ok, unique, until } from './support.mjs';

const TOWN = '410182102';

async function ledger(county) {
  const items = [];
  for (let page = 0; ; page++) {
    const batch = await ok('GET', `/api/rectification/items?division=${TOWN}&size=200&page=${page}`, { token: county });
    items.push(...batch.items);
    if (items.length >= batch.total || !batch.items.length) return items;
  }
}

/** The ledger item a finding lands on: its own key, or its source document's. */
function itemKey(finding) {
  if (!finding.source) return finding.key;
  return `${finding.key.split('/')[0]}/${finding.division}/${finding.rule}/${finding.source.type}/${finding.source.id}`;
}

test('a lamp read low and then lower is one ledger item whose text follows the reading', async () => {
  const county = await token(COUNTY);
  const keeper = await token(KEEPER);
  const [warehouse] = await ok('GET', '/api/warehouse/warehouses', { token: keeper });
  const label = unique('e2e应急灯');
  const lamp = await ok('POST', `/api/warehouse/warehouses/${warehouse.id}/equipment`, { token: keeper,
    headers: { 'Idempotency-Key': unique('e2e-lamp') }, body: { kind: 'EMERGENCY_LAMP', label } });
  const read = percent => ok('POST', `/api/warehouse/equipment/${lamp.id}/charge-readings`, { token: keeper,
    headers: { 'Idempotency-Key': unique('e2e-reading') }, body: { percent } });
  const mine = items => items.filter(i => i.key.endsWith('/BATTERY_LOW/equipment/' + lamp.id));

  await read(60);
  await until(() => ledger(county), items => mine(items).some(i => i.summary.includes('60%')), 'the low reading in the ledger');
  await read(25);
  const items = await until(() => ledger(county), items => mine(items).some(i => i.summary.includes('25%')),
    'the lower reading rewrites the item');
  assert.equal(mine(items).length, 1, 'one item, however often the reading changes');
  const [item] = mine(items);
  assert.equal(item.statusLabel, '未完成');
  const detail = await ok('GET', `/api/rectification/items/${item.id}`, { token: county });
  assert.ok(detail.history.some(h => /^系统更新问题情况：.*25%/.test(h.text)), 'the history says what changed, in words');
  const alerts = await ok('GET', `/api/rectification/alerts?division=${TOWN}&unread=false&size=200`, { token: county });
  assert.equal(alerts.items.filter(a => a.itemId === item.id).length, 1, 'the same severity raises no second alert');

  await read(90);
  await until(() => ok('GET', `/api/rectification/items/${item.id}`, { token: county }), d => d.item.status === 'COMPLETED',
    'a full reading verifies the item');
});

test('every open finding of 乔楼镇 is in the ledger with the words its service uses now', async () => {
  const county = await token(COUNTY);
  const findings = [];
  for (const source of ['/api/warehouse/discrepancies', '/api/drills/discrepancies', '/api/duty/discrepancies']) {
    findings.push(...(await ok('GET', source, { token: county })).filter(d => d.division.startsWith(TOWN)));
  }
  assert.ok(findings.length > 10, 'the demo township has findings: ' + findings.length);
  // a text naming a division by its code reads with the division's name in the ledger
  const comparable = findings.filter(f => !/\d{6,}/.test(f.summary.zh));
  const stale = async () => {
    const items = new Map((await ledger(county)).map(i => [i.key, i]));
    const wrong = [];
    const lines = new Map();
    for (const f of comparable) {
      const item = items.get(itemKey(f));
      if (!item) { wrong.push(`${f.key}: no ledger item`); continue; }
      if (!f.source) {
        if (item.summary !== f.summary.zh) wrong.push(`${f.key}: ledger says "${item.summary}", service "${f.summary.zh}"`);
        continue;
      }
      if (!lines.has(item.id)) lines.set(item.id, (await ok('GET', `/api/rectification/items/${item.id}`, { token: county })).lines);
      const line = lines.get(item.id).find(l => l.key === f.key);
      if (!line) wrong.push(`${f.key}: not a line of ${item.summary}`);
      else if (line.summary !== f.summary.zh || !line.findingOpen) wrong.push(`${f.key}: line says "${line.summary}" (${line.findingOpen ? 'open' : 'resolved'}), service "${f.summary.zh}"`);
    }
    return wrong;
  };
  await until(stale, wrong => wrong.length === 0, 'ledger texts that differ from the services');
});
