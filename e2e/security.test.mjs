// Security of the running system, through the gateway and at each service directly: no endpoint
// answers without a valid token; expired, foreign-signed and unsigned (alg: none) tokens are
// refused; a keeper of one township can neither read nor change another township's records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SERVICES, KEEPER, COUNTY, ADMIN, PASSWORD, PUBLIC, OWNER, badTokens, call, ok, token } from './support.mjs';

test('no documented endpoint of any service answers without a valid token, through the gateway or directly', async () => {
  const openapi = await ok('GET', '/openapi');
  assert.equal(openapi['x-beiqin-unavailable'], undefined, 'every service contributed its paths');
  const tokens = badTokens();
  let requests = 0;
  const answered = [];
  for (const [path, operations] of Object.entries(openapi.paths)) {
    if (!path.startsWith('/api/') || PUBLIC.has(path)) continue;
    const concrete = path.replace(/\{[^}]+}/g, '5f0e8a9e-1c6b-4d0e-9a51-0f5b2f3c4d5e');
    const direct = OWNER.find(([prefix]) => path.startsWith(prefix));
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      // called as documented (media types and all), only without a valid token
      const success = Object.entries(operation.responses || {}).find(([code]) => code.startsWith('2'));
      const accept = success && success[1].content ? Object.keys(success[1].content)[0] : 'application/json';
      const sends = operation.requestBody && operation.requestBody.content ? Object.keys(operation.requestBody.content)[0] : null;
      const headers = { Accept: accept };
      if (sends) headers['Content-Type'] = sends;
      const body = method === 'get' ? undefined : sends && !sends.includes('json') ? 'x' : '{}';
      for (const [what, bad] of tokens) {
        for (const base of direct ? ['', direct[1]] : ['']) {
          const answer = await call(method.toUpperCase(), base + concrete, { token: bad, body, headers });
          requests++;
          if (answer.status !== 401) answered.push(`${method} ${base}${concrete} with ${what}: ${answer.status}`);
        }
      }
    }
  }
  console.log(`security: ${requests} requests without a valid token, ${answered.length} not refused with 401`);
  assert.deepEqual(answered, []);
  assert.ok(requests > 500, 'the documented API was covered: ' + requests);
});

test("a keeper of another township can neither read nor change 乔楼镇's records, through the gateway or directly", async () => {
  const admin = await token(ADMIN);
  const created = await call('POST', '/api/users', { token: admin, body: { username: 'e2e-keeper-sishui',
    displayName: '汜水镇库管员（测试）', password: PASSWORD, roles: ['keeper'], division: '410182103' } });
  assert.ok(created.status === 201 || created.status === 409, 'the other township has a keeper: ' + created.status);
  const intruder = await token('e2e-keeper-sishui');
  const keeper = await token(KEEPER);
  const county = await token(COUNTY);

  const [warehouse] = await ok('GET', '/api/warehouse/warehouses', { token: keeper });
  const stockBefore = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeper });
  const item = stockBefore[0];
  const finding = (await ok('GET', '/api/rectification/items?division=410182102&size=1', { token: county })).items[0];

  for (const base of ['', SERVICES.warehouse]) {
    const list = await ok('GET', base + '/api/warehouse/warehouses', { token: intruder });
    assert.ok(!list.some(w => w.id === warehouse.id), 'the other township does not see the warehouse');
    assert.equal((await call('GET', `${base}/api/warehouse/warehouses/${warehouse.id}`, { token: intruder })).status, 404);
    assert.equal((await call('GET', `${base}/api/warehouse/warehouses/${warehouse.id}/stock`, { token: intruder })).status, 404);
    for (const [kind, body] of [['receipts', { itemId: item.itemId, quantity: 1 }],
      ['issues', { itemId: item.itemId, zoneId: item.zoneId, quantity: 1, recipientName: '冒领' }],
      ['scraps', { itemId: item.itemId, zoneId: item.zoneId, quantity: 1, reason: '冒报废' }]]) {
      const answer = await call('POST', `${base}/api/warehouse/warehouses/${warehouse.id}/${kind}`,
        { token: intruder, body, headers: { 'Idempotency-Key': randomUUID() } });
      assert.ok([403, 404].includes(answer.status), `${kind} into 乔楼镇 refused: ${answer.status}`);
    }
  }
  for (const [base, path] of [['', '/api/rectification/items?division=410182102'], [SERVICES.rectification, '/api/rectification/items?division=410182102'],
    ['', '/api/duty/teams?division=410182102'], [SERVICES.duty, '/api/duty/teams?division=410182102'],
    ['', '/api/drills?division=410182102'], [SERVICES.drills, '/api/drills?division=410182102']]) {
    assert.equal((await call('GET', base + path, { token: intruder })).status, 403, base + path);
  }
  if (finding) {
    for (const base of ['', SERVICES.rectification]) {
      assert.equal((await call('GET', `${base}/api/rectification/items/${finding.id}`, { token: intruder })).status, 404);
    }
  }
  const stockAfter = await ok('GET', `/api/warehouse/warehouses/${warehouse.id}/stock`, { token: keeper });
  assert.deepEqual(stockAfter, stockBefore, 'nothing changed in 乔楼镇');
});
