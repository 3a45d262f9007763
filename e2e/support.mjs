// What the end-to-end tests share: the running system's address, the demo users, HTTP calls
// through the gateway, and Debian's Chromium started the way this machine needs it.
import { execFileSync } from 'node:child_process';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = process.env.BEIQIN_GATEWAY_URL || 'http://127.0.0.1:8080';
export const SERVICES = {
  warehouse: process.env.BEIQIN_WAREHOUSE_URL || 'http://127.0.0.1:8081',
  drills: process.env.BEIQIN_DRILL_URL || 'http://127.0.0.1:8082',
  duty: process.env.BEIQIN_DUTY_URL || 'http://127.0.0.1:8083',
  rectification: process.env.BEIQIN_RECTIFICATION_URL || 'http://127.0.0.1:8084'
};
export const PASSWORD = process.env.BEIQIN_DEMO_PASSWORD || 'Beiqin-demo-2026';
export const KEEPER = 'keeper-qiaolou';
export const OFFICER = 'officer-shenwa';
export const COUNTY = 'county-xingyang';
export const ADMIN = 'admin';
/** The township's emergency office: a duty officer of 乔楼镇 who keeps the rosters and plans the drills. */
export const OFFICE = 'office-qiaolou';

const here = dirname(fileURLToPath(import.meta.url));
const RUN = process.env.BEIQIN_RUN_DIR || join(here, '..', '.run');
const ISSUER = process.env.BEIQIN_JWT_ISSUER || 'https://beiqin.local/gateway';
/** Paths that answer without a token (the calendar subscription is keyed by the secret in its path: field.test.mjs). */
export const PUBLIC = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/auth/jwks', '/api/auth/public-key.pem',
  '/api/duty/calendar/{token}.ics']);
/** Which service owns which prefix, for calling it directly. */
export const OWNER = [['/api/warehouse', SERVICES.warehouse], ['/api/drills', SERVICES.drills], ['/api/duty', SERVICES.duty],
  ['/api/rectification', SERVICES.rectification]];

export const SCREENSHOTS = process.env.BEIQIN_SCREENSHOTS || join(here, '..', '.run', 'e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** One HTTP call; answers status, headers and the parsed body. */
export async function call(method, url, { token, body, headers = {} } = {}) {
  const all = Object.assign({ Accept: 'application/json' }, headers);
  if (token) all.Authorization = 'Bearer ' + token;
  if (body !== undefined) all['Content-Type'] = all['Content-Type'] || 'application/json';
  const response = await fetch(url.startsWith('http') ? url : BASE + url, {
    method, headers: all, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  });
  const text = await response.text();
  let parsed = text;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  return { status: response.status, headers: response.headers, body: parsed };
}

export async function token(username) {
  const answer = await call('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  if (answer.status !== 200) throw new Error(`${username} cannot sign in: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

export async function ok(method, url, options) {
  const answer = await call(method, url, options);
  if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Debian's Chromium, headless, with no background traffic (this machine's network is closed). */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
  });
}

/** Signs in through the console's own form. */
export async function signIn(page, username) {
  await page.goto(BASE + '/');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav a[data-tab]');
}

/**
 * Writes the whole page to .run/e2e/screenshots/<name>.png. A screenshot is evidence for a person to look at,
 * not an assertion: headless Chromium on a loaded 2-core machine has been seen to stall one full-page capture
 * past 30 s while the same page captures in under a second, so a stalled capture is tried again once and then
 * falls back to the visible part of the page, saying so, rather than failing the job the test has just proved.
 */
export async function shot(page, name) {
  const path = join(SCREENSHOTS, name + '.png');
  for (const [attempt, fullPage] of [[1, true], [2, true], [3, false]]) {
    try {
      await page.screenshot({ path, fullPage, timeout: 20000 });
      if (attempt > 1) console.warn(`[e2e] screenshot ${name}: attempt ${attempt}${fullPage ? '' : ', visible part only'}`);
      return;
    } catch (e) {
      if (e.name !== 'TimeoutError' || attempt === 3) throw e;
    }
  }
}

/** Reads until done() holds of what it read, every half second, for up to ms; fails with the last reading. */
export async function until(read, done, what, ms = 60000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (done(last)) return last;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  assert.fail(`${what}: ${JSON.stringify(last).slice(0, 1500)}`);
}

export function unique(prefix) {
  return prefix + '-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
}

const b64 = value => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function sign(claims, privateKey, header = { alg: 'RS256', typ: 'JWT' }) {
  const unsigned = b64(header) + '.' + b64(claims);
  return unsigned + '.' + createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url');
}

function claims(overrides) {
  const now = Math.floor(Date.now() / 1000);
  return Object.assign({ iss: ISSUER, sub: 'e2e-intruder', name: '冒充', division: '410182', groups: ['county_office', 'admin'],
    iat: now, exp: now + 600, jti: randomUUID() }, overrides);
}

/**
 * A token the system trusts (signed with its own key, as deploy/mint-token.sh does), for any
 * person, division and roles: what a legitimate account of another place would hold.
 */
export function mint(subject, division, roles) {
  const realKey = readFileSync(join(RUN, 'keys', 'jwt-private.pem'));
  const now = Math.floor(Date.now() / 1000);
  return sign({ iss: ISSUER, sub: subject, name: subject, division, groups: roles, iat: now, exp: now + 900,
    jti: randomUUID() }, realKey);
}

/** Tokens that must all be refused, each with what it is. */
export function badTokens() {
  const realKey = readFileSync(join(RUN, 'keys', 'jwt-private.pem'));
  const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  return [
    ['no token', null],
    ['expired', sign(claims({ iat: now - 7200, exp: now - 3600 }), realKey)],
    ['signed by another key', sign(claims(), otherKey)],
    ['alg: none', b64({ alg: 'none', typ: 'JWT' }) + '.' + b64(claims()) + '.'],
    ['another issuer', sign(claims({ iss: 'https://evil.example/issuer' }), realKey)],
    ['garbage', 'not.a.token']
  ];
}

/** The tables that hold what people submit; outboxes, finding states and consumer records are left out (background work writes them). */
export const WATCHED = {
  beiqin_warehouse: ['warehouse', 'storage_zone', 'item', 'movement', 'stock_balance', 'stock_lot', 'stock_standard', 'stocktake',
    'stocktake_line', 'extinguisher', 'extinguisher_record', 'equipment', 'equipment_record', 'facility_inspection',
    'inspection_photo', 'adjustment_approval', 'idempotency_record'],
  beiqin_drill: ['drill', 'evaluation', 'improvement_action', 'action_deadline_change', 'idempotency_record'],
  beiqin_duty: ['team', 'member', 'audit_entry', 'duty_period', 'shift', 'spot_check', 'idempotency_record'],
  beiqin_rectification: ['rectification_measure', 'division', 'item_evidence', 'idempotency_record'],
  beiqin_gateway: ['app_user', 'idempotency_record']
};

export function snapshot() {
  const out = {};
  for (const [db, tables] of Object.entries(WATCHED)) {
    const sql = tables.map(t => `select '${t}', count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from ${t} x`).join(' union all ');
    const text = execFileSync('psql', ['-h', process.env.BEIQIN_PG_HOST || '127.0.0.1', '-p', process.env.BEIQIN_PG_PORT || '5432',
      '-U', process.env.BEIQIN_PG_USER || 'beiqin', '-d', db, '-At', '-c', sql],
    { env: Object.assign({}, process.env, { PGPASSWORD: process.env.BEIQIN_PG_PASSWORD || 'beiqin' }) }).toString();
    for (const line of text.trim().split('\n')) {
      const [table, count, digest] = line.split('|');
      out[db + '.' + table] = count + ':' + digest;
    }
  }
  return out;
}

/** The schema with every $ref replaced by what it points at (to a fixed depth). */
export function deref(schema, doc, depth = 0) {
  if (depth > 8 || schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map(s => deref(s, doc, depth + 1));
  if (schema.$ref) return deref(schema.$ref.split('/').slice(1).reduce((o, k) => o[k], doc), doc, depth + 1);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, deref(v, doc, depth + 1)]));
}

/** A one-pixel PNG: a photo as far as the upload is concerned. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai' };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What a phone user would trip over, measured in the page: controls smaller than 44 × 44 px (a
 * checkbox counts by its label), controls off the screen's edge, and words broken one character
 * per line.
 */
function phoneProblems() {
  const problems = [];
  const shown = el => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden]');
  };
  const name = el => (el.getAttribute('aria-label') || el.textContent || el.name || el.type || el.tagName).trim().slice(0, 30);
  for (const el of document.querySelectorAll('a[href], button, select, textarea, input:not([type=hidden])')) {
    if (!shown(el)) continue;
    const target = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') || el) : el;
    const r = target.getBoundingClientRect();
    if (r.height < 43.5 || r.width < 43.5) problems.push(`too small to tap (${Math.round(r.width)}×${Math.round(r.height)}): ${name(el)}`);
    if (r.right > window.innerWidth + 1 || r.left < -1) problems.push(`off the screen's edge: ${name(el)}`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const chars = [...text].length;
    if (chars < 2 || !node.parentElement || !shown(node.parentElement)) continue;
    range.selectNodeContents(node);
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
    if (lines >= 2 && chars / lines < 2) problems.push(`one character per line (${lines} lines): ${text.slice(0, 20)}`);
  }
  return problems;
}

/**
 * A page as its user sees it: nothing scrolls sideways, axe-core finds no serious or critical
 * violation, and on a phone every control can be tapped and no word is broken one character per
 * line. Then a screenshot for the e2e output.
 */
export async function check(page, name) {
  // (not 'networkidle': live feeds keep their streams open for as long as a page shows)
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow} px`);
  if (page.viewportSize().width < 600) assert.deepEqual(await page.evaluate(phoneProblems), [], `${name}: on a phone`);
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `${name}: accessibility`);
  await shot(page, name);
}

/** What a screen shows must be words: no ISO timestamps, no bare division codes, no rule codes or field names. */
export function readable(text, what) {
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `${what} shows an ISO timestamp`);
  assert.doesNotMatch(text, /(?<!\d)4101\d{2}(\d{3}){0,2}(?!\d)/, `${what} shows a bare division code`);
  assert.doesNotMatch(text, /\b[A-Z]+_[A-Z_]+\b/, `${what} shows a code such as BATTERY_LOW`);
  assert.doesNotMatch(text, /\b(responsible[A-Z]\w+|firstDetectedAt|subjectLabel|undefined|null|attributes\.\w+)\b/, `${what} shows a field name`);
}
