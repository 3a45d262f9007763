// The authorization matrix, generated from the combined OpenAPI document: every operation × every
// role × every relation of the caller's division to the records of 乔楼镇 (410182102) — the
// township itself, its county, one of its villages, a sibling township, another county, and a
// claim that is no division at all. The document states which roles each operation allows (the
// `security` scopes); the README states the rest: a token whose claims do not hold is refused
// (401); a role the operation does not list is refused (403); a record outside the caller's
// division answers 404 by id and 403 when named as a division; within it, a read answers.
// Writes that would be allowed are not sent (they would change the demo's records; the module
// tests cover them); every refused call is sent, and no submitted row may change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { generate } from 'json-schema-faker';
import { ADMIN, COUNTY, PUBLIC, WATCHED, BASE, call, deref, mint, ok, snapshot, token } from './support.mjs';

const TOWN = '410182102';
const RELATIONS = { own: TOWN, parent: '410182', child: '410182102201', sibling: '410182103', foreign: '410183', invalid: '%' };
const ROLES = ['keeper', 'duty_officer', 'county_office', 'admin'];

/** Ids of 乔楼镇's own records, for every path parameter the document has. */
async function townRecords() {
  const county = await token(COUNTY);
  const admin = await token(ADMIN);
  const get = (url, as = county) => ok('GET', url, { token: as });
  const first = (list, where = () => true) => (list || []).find(where);
  const ids = {};
  const warehouse = first(await get(`/api/warehouse/warehouses?division=${TOWN}`), w => w.division === TOWN);
  ids.warehouse = warehouse.id;
  const stock = await get(`/api/warehouse/warehouses/${warehouse.id}/stock`);
  // an item of the township's own catalogue (a county's catalogue entry is every township's to read)
  const own = (await get('/api/warehouse/items')).filter(i => i.division === TOWN).map(i => i.id);
  ids.item = (stock.find(b => own.includes(b.itemId)) || {}).itemId || own[0];
  ids.movement = (await get(`/api/warehouse/warehouses/${warehouse.id}/stock-card/${ids.item}`)).movements[0].id;
  ids.stocktake = first(await get(`/api/warehouse/warehouses/${warehouse.id}/stocktakes`))?.id;
  ids.extinguisher = first(await get(`/api/warehouse/warehouses/${warehouse.id}/extinguishers`))?.id;
  ids.equipment = first(await get(`/api/warehouse/warehouses/${warehouse.id}/equipment`))?.id;
  const drills = await get(`/api/drills?division=${TOWN}`);
  const drill = first(drills, d => d.division === TOWN);
  ids.drill = drill?.id;
  for (const d of drills.filter(x => x.division === TOWN)) {
    const detail = await get(`/api/drills/${d.id}`);
    const action = first(detail.actions || detail.improvementActions);
    if (action) { ids.drillWithAction = d.id; ids.action = action.id; break; }
  }
  const period = first(await get(`/api/duty/periods?division=${TOWN}`), p => p.division === TOWN);
  ids.period = period?.id;
  ids.shift = period ? first(await get(`/api/duty/periods/${period.id}/shifts`))?.id : undefined;
  ids.spotCheck = first(await get(`/api/duty/spot-checks?division=${TOWN}`), c => c.division === TOWN)?.id;
  const team = first(await get(`/api/duty/teams?division=${TOWN}`), t => t.division === TOWN);
  ids.team = team?.id;
  ids.member = team ? first((await get(`/api/duty/teams/${team.id}`)).members)?.id : undefined;
  const items = (await get(`/api/rectification/items?division=${TOWN}&size=100`)).items;
  const item = first(items, i => i.division === TOWN);
  ids.finding = item?.id;
  for (const i of items.filter(x => x.division === TOWN)) {
    const measure = first((await get(`/api/rectification/items/${i.id}`)).measures);
    if (measure) { ids.findingWithMeasure = i.id; ids.measure = measure.id; break; }
  }
  ids.alert = first((await get(`/api/rectification/alerts?division=${TOWN}&unread=false&size=50`)).items,
    a => a.division === TOWN)?.id;
  ids.user = first(await get(`/api/users?division=${TOWN}`, admin), u => u.division === TOWN)?.id;
  return ids;
}

/** The path with 乔楼镇's ids filled in, and whether every one of them is a real record. */
function concrete(path, ids) {
  const pick = {
    '/api/users/{id}': ids.user, '/api/warehouse/equipment/{id}': ids.equipment,
    '/api/warehouse/extinguishers/{id}': ids.extinguisher, '/api/warehouse/items/{id}': ids.item,
    '/api/warehouse/movements/{id}': ids.movement, '/api/warehouse/stocktakes/{id}': ids.stocktake,
    '/api/warehouse/warehouses/{id}': ids.warehouse, '/api/drills/{id}': path.includes('{actionId}') ? ids.drillWithAction : ids.drill,
    '/api/duty/periods/{id}': ids.period, '/api/duty/spot-checks/{id}': ids.spotCheck, '/api/duty/teams/{id}': ids.team,
    '/api/rectification/items/{id}': path.includes('{measureId}') ? ids.findingWithMeasure : ids.finding,
    '/api/rectification/alerts/{id}': ids.alert, '/api/rectification/divisions/{code}': TOWN
  };
  let real = true;
  const filled = path.replace(/\{([^}]+)}/g, (match, name, offset) => {
    const prefix = path.slice(0, offset) + match;
    const id = name === 'itemId' ? ids.item : name === 'shiftId' ? ids.shift : name === 'memberId' ? ids.member
      : name === 'actionId' ? ids.action : name === 'measureId' ? ids.measure : pick[prefix];
    if (!id) real = false;
    return id || randomUUID();
  });
  return { url: filled, real };
}

function covers(scope, division) {
  return /^(\d{6}|\d{9}|\d{12})$/.test(scope) && division.startsWith(scope);
}

/**
 * What the documents say the answer is: an exact status, or 'answers' (a 2xx), or 'refused' (a
 * write into another division's record: 403 or 404, whichever the service meets first).
 */
function expected(method, path, operation, role, relation, real) {
  const division = RELATIONS[relation];
  if (relation === 'invalid' || (role === 'county_office' && division.length !== 6)) return { status: 401 };
  const allowed = operation.security?.[0]?.jwt || [];
  if (!allowed.includes(role)) return { status: 403 };
  const write = method !== 'get';
  const scoped = !path.includes('/me/') && !path.startsWith('/api/auth/');
  if (!scoped) return { answers: 'own', send: !write };
  const byId = path.includes('{');
  const named = operation.parameters?.some(p => p.in === 'query' && p.name === 'division');
  // a catalogue entry is read by the divisions below it too (a township's items serve its villages)
  const inScope = covers(division, TOWN) || (method === 'get' && path === '/api/warehouse/items/{id}' && covers(TOWN, division));
  if (byId) {
    if (!real) return { status: 404, send: !write || !inScope };
    return inScope ? { status: 'answers', send: !write } : write ? { status: 'refused' } : { status: 404 };
  }
  if (write) {
    // a sweep has no subject: allowed roles run it; a creating call names its division in its body
    if (!operation.requestBody) return { status: 'answers', send: true };
    return inScope ? { status: 'answers', send: false } : { status: 'refused' };
  }
  if (named) return inScope ? { status: 'answers' } : { status: 403 };
  return { status: 'answers' };  // a listing of the caller's own scope
}

/**
 * The generated value made plausible where the faker is not: ids as UUIDs, times as now, dates as
 * today, numbers small — so that a refused write is refused for who sends it, not for its body.
 */
function plausible(schema, value) {
  if (!schema || value === null || value === undefined) return value;
  const type = Array.isArray(schema.type) ? schema.type.find(t => t !== 'null') : schema.type;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'date') return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  if (schema.format === 'local-time' || schema.format === 'time') return '08:00:00';
  if (type === 'number' || type === 'integer') return schema.minimum > 1 ? schema.minimum : 1;
  if (type === 'array' && Array.isArray(value)) return value.map(v => plausible(schema.items, v));
  if (type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) =>
      [k, /birth/i.test(k) ? '1980-01-01' : plausible((schema.properties || {})[k], v)]));
  }
  return value;
}

async function bodyFor(operation, doc) {
  const media = operation.requestBody?.content ? Object.keys(operation.requestBody.content)[0] : null;
  if (!media) return { media: null, body: undefined };
  if (!media.includes('json')) return { media, body: 'x' };
  const schema = deref(operation.requestBody.content[media].schema || {}, doc);
  let body = {};
  try { body = plausible(schema, await generate(schema, { alwaysFakeOptionals: false, maxItems: 1, maxLength: 12 })); } catch (e) { /* keep {} */ }
  if (body && typeof body === 'object' && !Array.isArray(body) && schema.properties?.division) body.division = TOWN;
  return { media, body: JSON.stringify(body ?? {}) };
}

/** One call, as documented (its media types), that gives up on a stream once its status is known. */
async function statusOf(method, url, tokenValue, media, body, accept) {
  if (url.split('?')[0].endsWith('/stream')) {
    const controller = new AbortController();
    const response = await fetch(BASE + url, { method, headers: { Authorization: 'Bearer ' + tokenValue, Accept: 'text/event-stream' },
      signal: controller.signal });
    controller.abort();
    return { status: response.status, body: null };
  }
  const headers = { 'Idempotency-Key': randomUUID(), Accept: accept, 'If-Match': '"0"' };
  if (media) headers['Content-Type'] = media;
  return call(method, url, { token: tokenValue, body, headers });
}

test('the authorization matrix: every operation × role × division relation answers as documented, and refusals change nothing', async () => {
  const doc = await ok('GET', '/openapi');
  const ids = await townRecords();
  const tokens = {};
  for (const role of ROLES) {
    for (const [relation, division] of Object.entries(RELATIONS)) {
      tokens[role + '/' + relation] = mint(`authz-${role}-${relation}`, division, [role]);
    }
  }
  const before = snapshot();
  const tally = { cells: 0, sent: 0, notSent: 0, byExpectation: {}, byStatus: {} };
  const wrong = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/') || PUBLIC.has(path)) continue;
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const found = concrete(path, ids);
      const named = operation.parameters?.some(p => p.in === 'query' && p.name === 'division');
      const url = found.url + (named ? `?division=${TOWN}` : '');
      const real = found.real;
      const { media, body } = await bodyFor(operation, doc);
      const success = Object.entries(operation.responses || {}).find(([code]) => code.startsWith('2'));
      const accept = success && success[1].content ? Object.keys(success[1].content)[0] : 'application/json';
      for (const role of ROLES) {
        for (const relation of Object.keys(RELATIONS)) {
          tally.cells++;
          const want = expected(method, path, operation, role, relation, real);
          const label = typeof want.status === 'number' ? String(want.status) : want.status || 'answers';
          tally.byExpectation[label] = (tally.byExpectation[label] || 0) + 1;
          if (want.send === false) { tally.notSent++; continue; }
          const answer = await statusOf(method.toUpperCase(), url, tokens[role + '/' + relation], media, body, accept);
          tally.sent++;
          tally.byStatus[answer.status] = (tally.byStatus[answer.status] || 0) + 1;
          const what = `${method.toUpperCase()} ${path} as ${role} of ${relation} (${RELATIONS[relation]})`;
          const got = answer.status;
          if (typeof want.status === 'number') {
            if (got !== want.status) wrong.push(`${what}: ${got}, documented ${want.status} ${JSON.stringify(answer.body).slice(0, 140)}`);
          } else if (want.status === 'refused') {
            if (got !== 403 && got !== 404) wrong.push(`${what}: ${got}, documented a refusal (403 or 404) ${JSON.stringify(answer.body).slice(0, 140)}`);
          } else if (want.answers === 'own') {
            if (got === 401 || got === 403 || got >= 500) wrong.push(`${what}: ${got}, documented an answer about the caller`);
          } else if (got < 200 || got >= 300) {
            wrong.push(`${what}: ${got}, documented an answer ${JSON.stringify(answer.body).slice(0, 140)}`);
          }
        }
      }
    }
  }
  const after = snapshot();
  const changed = Object.keys(before).filter(table => before[table] !== after[table]);
  console.log(`authorization matrix: ${tally.cells} cells (operations × ${ROLES.length} roles × ${Object.keys(RELATIONS).length} ` +
    `relations); ${tally.sent} requests sent, ${tally.notSent} allowed writes not sent; documented ${JSON.stringify(tally.byExpectation)}; ` +
    `answered ${JSON.stringify(tally.byStatus)}; ` +
    `wrong: ${wrong.length}; tables changed: ${changed.length ? changed.join(', ') : 'none'}`);
  assert.deepEqual(wrong, [], 'every cell answers as documented');
  assert.deepEqual(changed, [], 'no refused call changed a submitted record');
  assert.ok(tally.sent >= 1500, 'the matrix is whole: ' + tally.sent);
  assert.equal(Object.keys(before).length, Object.values(WATCHED).flat().length, 'every watched table was read');
});
