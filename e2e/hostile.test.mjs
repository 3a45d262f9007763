// Bad input, generated from the system's own OpenAPI document: for every operation that creates or
// changes something, a valid-looking body made by json-schema-faker from the operation's schema,
// then mutated — each required field missing, each field of the wrong type, zero / negative /
// huge numbers, 100,000-character strings, an unknown field, a 1 MB body, malformed JSON, wrong
// content types — plus expired, foreign-signed and alg:none tokens and another township's ids.
// Every answer must be a 4xx (no 5xx, no 2xx), and no row a user could have submitted may change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { generate } from 'json-schema-faker';
import { KEEPER, COUNTY, ADMIN, PASSWORD, PUBLIC, WATCHED, badTokens, call, deref, ok, snapshot, token } from './support.mjs';

function wrongType(schema) {
  const type = Array.isArray(schema.type) ? schema.type.find(t => t !== 'null') : schema.type;
  // a number is not a wrong string for Jackson (it coerces scalars), an object is
  return { string: { nested: true }, integer: 'zwölf', number: 'NaN', boolean: 'ja', array: { not: 'a list' }, object: 'not an object' }[type] ?? [1, 2];
}

/** The generated requests of one operation: [what, headers, body, tokenKind]. */
async function attacks(operation, doc) {
  const media = operation.requestBody && operation.requestBody.content ? Object.keys(operation.requestBody.content)[0] : null;
  const out = [];
  for (const kind of ['none', 'expired', 'foreign', 'alg-none']) out.push([`token ${kind}`, {}, media ? '{}' : undefined, kind]);
  if (!media || !media.includes('json')) {
    // an action without a body (submit, acknowledge, sweep…): its only defects are the caller and the ids
    out.push(['another township', {}, undefined, 'intruder']);
    if (media) out.push(['wrong content type', { 'Content-Type': 'application/json' }, '{"x":1}', 'valid']);
    return out;
  }
  const schema = deref(operation.requestBody.content[media].schema || {}, doc);
  let base = {};
  try { base = await generate(schema, { alwaysFakeOptionals: true, maxItems: 2, maxLength: 20 }); } catch (e) { /* keep {} */ }
  if (base === null || typeof base !== 'object' || Array.isArray(base)) base = {};
  const properties = schema.properties || {};
  for (const field of schema.required || []) {
    const body = Object.assign({}, base); delete body[field];
    out.push([`missing ${field}`, {}, body, 'valid']);
  }
  for (const [field, property] of Object.entries(properties)) {
    out.push([`${field} of the wrong type`, {}, Object.assign({}, base, { [field]: wrongType(property) }), 'valid']);
    const type = Array.isArray(property.type) ? property.type.find(t => t !== 'null') : property.type;
    if (type === 'number' || type === 'integer') {
      // just outside what the schema allows: zero and negatives where it must be positive, and huge
      const outside = [1e20];
      if (property.exclusiveMinimum !== undefined) outside.push(property.exclusiveMinimum, property.exclusiveMinimum - 1);
      if (property.minimum !== undefined) outside.push(property.minimum - 1, -1e20);
      if (property.maximum !== undefined) outside.push(property.maximum + 1);
      for (const value of outside) out.push([`${field} = ${value}`, {}, Object.assign({}, base, { [field]: value }), 'valid']);
    }
    if (type === 'string' && property.maxLength !== undefined) {
      out.push([`${field} of 100,000 characters`, {}, Object.assign({}, base, { [field]: '仓'.repeat(100000) }), 'valid']);
    }
  }
  out.push(['an unknown field', {}, Object.assign({}, base, { injected: "'; drop table movement; --" }), 'valid']);
  out.push(['a 1 MB body', {}, Object.assign({}, base, { padding: 'x'.repeat(1024 * 1024) }), 'valid']);
  for (const raw of ['{"unclosed": ', '[]', 'null', '{"a":1}{"b":2}', '\u0000\u0001']) out.push([`malformed ${JSON.stringify(raw).slice(0, 16)}`, {}, raw, 'valid']);
  out.push(['text/plain', { 'Content-Type': 'text/plain' }, JSON.stringify(base), 'valid']);
  out.push(['application/xml', { 'Content-Type': 'application/xml' }, '<x/>', 'valid']);
  out.push(['another township', {}, base, 'intruder']);
  return out;
}

test('at least 500 generated malformed or hostile requests to every creating endpoint: all 4xx, nothing changed', async () => {
  const doc = await ok('GET', '/openapi');
  const admin = await token(ADMIN);
  await call('POST', '/api/users', { token: admin, body: { username: 'e2e-keeper-sishui', displayName: '汜水镇库管员（测试）',
    password: PASSWORD, roles: ['keeper'], division: '410182103' } });
  const valid = { warehouse: await token(KEEPER), drills: await token(KEEPER), duty: await token(COUNTY),
    rectification: await token(COUNTY), users: admin, auth: admin };
  const intruder = await token('e2e-keeper-sishui');
  const forged = Object.fromEntries(badTokens().map(([what, t]) => [what, t]));
  const tokens = { none: null, expired: forged.expired, foreign: forged['signed by another key'], 'alg-none': forged['alg: none'] };
  const [warehouse] = await ok('GET', '/api/warehouse/warehouses', { token: valid.warehouse });

  const before = snapshot();
  assert.equal(Object.keys(before).length, Object.values(WATCHED).flat().length, 'every watched table was read');
  const counts = { requests: 0, '2xx': 0, '4xx': 0, '5xx': 0, other: 0, endpoints: 0 };
  const byStatus = {};
  const wrong = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/') || PUBLIC.has(path) || path.startsWith('/api/auth/')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      counts.endpoints++;
      const service = path.split('/')[2];
      const concrete = (intruderIds) => path.replace(/\{([^}]+)}/g, (m, name) =>
        intruderIds && name === 'id' && path.startsWith('/api/warehouse/warehouses/') ? warehouse.id : randomUUID());
      for (const [what, headers, body, tokenKind] of await attacks(operation, doc)) {
        const bearer = tokenKind === 'valid' ? valid[service] : tokenKind === 'intruder' ? intruder : tokens[tokenKind];
        const url = concrete(tokenKind === 'intruder');
        const answer = await call(method.toUpperCase(), url, { token: bearer, body: body === undefined ? undefined : body,
          headers: Object.assign({ 'Idempotency-Key': randomUUID() }, headers) });
        counts.requests++;
        byStatus[answer.status] = (byStatus[answer.status] || 0) + 1;
        const family = answer.status >= 500 ? '5xx' : answer.status >= 400 ? '4xx' : answer.status >= 200 && answer.status < 300 ? '2xx' : 'other';
        counts[family]++;
        if (family !== '4xx') {
          wrong.push(`${method.toUpperCase()} ${url} (${what}): ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
        }
      }
    }
  }
  const after = snapshot();
  const changed = Object.keys(before).filter(table => before[table] !== after[table]);
  console.log(`bad input: ${counts.requests} generated requests to ${counts.endpoints} creating endpoints — ` +
    `4xx ${counts['4xx']}, 2xx ${counts['2xx']}, 5xx ${counts['5xx']}, other ${counts.other}; ` +
    `statuses ${JSON.stringify(byStatus)}; tables changed: ${changed.length ? changed.join(', ') : 'none'}`);
  assert.deepEqual(wrong, [], 'every generated request is refused with a 4xx');
  assert.deepEqual(changed, [], 'no submitted record changed');
  assert.ok(counts.requests >= 500, 'at least 500 requests: ' + counts.requests);
});
