// Talking to the gateway: the session (access + refresh token), calls that refresh an expired
// token once, and the device's queue of entries that wait for the network. Each queued entry
// carries its own Idempotency-Key from the moment it is made, so a resend after a lost answer
// never records a movement twice.
const SESSION = 'beiqin.session.v1';
const QUEUE = 'beiqin.queue.v1';
const CACHE = 'beiqin.cache.v1:';

class NetworkDown extends Error {}
class Refused extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

// crypto.randomUUID needs a secure context; a phone on the LAN over http has only getRandomValues
function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

function read(key, fallback) {
  try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch (e) { return fallback; }
}

/** Who a session is: the token's subject in its division. Entries and cached reads belong to one owner. */
function ownerOf(session) {
  if (!session || !session.accessToken) return null;
  try {
    const part = session.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(decodeURIComponent(escape(atob(part))));
    return claims.sub + '@' + claims.division;
  } catch (e) { return null; }
}

/** Forgets every read this device kept for offline use: nothing one user saw is shown to the next. */
function clearCache() {
  // the keys first, then the removals: the order of localStorage's keys may change as items go
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
  for (const key of keys) if (key && key.startsWith(CACHE)) localStorage.removeItem(key);
}

const api = {
  NetworkDown, Refused, uuid,
  language: 'zh',
  session: read(SESSION, null),
  onSessionEnded: () => {},

  saveSession(session) {
    this.session = session;
    if (session) localStorage.setItem(SESSION, JSON.stringify(session));
    else localStorage.removeItem(SESSION);
  },

  async login(username, password) {
    const session = await this.raw('POST', '/api/auth/login', { username, password }, null, false);
    this.saveSession(session);
    return session;
  },

  owner() { return ownerOf(this.session); },

  /**
   * Signing out ends the session and forgets the cached reads. The user's own unsent entries stay
   * on the device, still theirs: they are sent when that user signs in again, never under another.
   */
  async logout() {
    const session = this.session;
    this.saveSession(null);
    clearCache();
    if (session) {
      try { await this.raw('POST', '/api/auth/logout', { refreshToken: session.refreshToken }, null, false); } catch (e) { /* signed out locally anyway */ }
    }
  },

  /**
   * A new access token. Calls that find theirs expired at the same moment share one refresh, and
   * a token another tab of this browser already renewed is taken up instead of spending the
   * replaced one (which the gateway would refuse).
   */
  refresh() {
    if (!this.refreshing) this.refreshing = this.renew().finally(() => { this.refreshing = null; });
    return this.refreshing;
  },

  async renew() {
    if (!this.session) throw new Refused(401, null);
    const stored = read(SESSION, null);
    if (stored && stored.refreshToken !== this.session.refreshToken) { this.session = stored; return; }
    try {
      const fresh = await this.raw('POST', '/api/auth/refresh', { refreshToken: this.session.refreshToken }, null, false);
      this.saveSession(fresh);
    } catch (e) {
      if (e instanceof Refused) { this.saveSession(null); clearCache(); this.onSessionEnded(); }
      throw e;
    }
  },

  headers(extra) {
    const h = Object.assign({ 'Accept-Language': this.language === 'en' ? 'en' : 'zh-CN' }, extra || {});
    if (this.session) h.Authorization = 'Bearer ' + this.session.accessToken;
    return h;
  },

  /** One call; answers the parsed body, or throws NetworkDown / Refused. */
  async raw(method, path, body, idempotencyKey, authorised = true, accept) {
    const headers = authorised ? this.headers() : { 'Accept-Language': this.language === 'en' ? 'en' : 'zh-CN' };
    if (body !== undefined && body !== null) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (accept) headers.Accept = accept;
    let response;
    try {
      response = await fetch(path, { method, headers, body: body == null ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new NetworkDown(e.message);
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      // a service is down or slow: like the network, try again later
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* not json */ }
      throw new NetworkDown(problem ? problem.title : String(response.status));
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* not json */ }
      throw new Refused(response.status, problem);
    }
    if (accept && !accept.includes('json')) return response.blob();
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  },

  /** A call with the session, refreshing the access token once when it has expired. */
  async call(method, path, body, idempotencyKey, accept) {
    try {
      return await this.raw(method, path, body, idempotencyKey, true, accept);
    } catch (e) {
      if (e instanceof Refused && e.status === 401 && this.session) {
        await this.refresh();
        return this.raw(method, path, body, idempotencyKey, true, accept);
      }
      throw e;
    }
  },

  /** Sends a file as the request body (its own type, its name in X-File-Name), refreshing the token once. */
  async upload(path, file) {
    const send = async () => {
      let response;
      try {
        response = await fetch(path, { method: 'POST', body: file, headers: this.headers({
          'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) }) });
      } catch (e) { throw new NetworkDown(e.message); }
      if (response.status >= 502 && response.status <= 504) throw new NetworkDown(String(response.status));
      if (!response.ok) {
        let problem = null;
        try { problem = await response.json(); } catch (e) { /* not json */ }
        throw new Refused(response.status, problem);
      }
      return response.json();
    };
    try { return await send(); } catch (e) {
      if (e instanceof Refused && e.status === 401 && this.session) { await this.refresh(); return send(); }
      throw e;
    }
  },

  /** A read that falls back to the last copy this device saw when the network is down. */
  async get(path) {
    try {
      const data = await this.call('GET', path);
      localStorage.setItem(CACHE + this.owner() + ':' + path, JSON.stringify({ at: new Date().toISOString(), data }));
      return { data, stale: null };
    } catch (e) {
      const cached = read(CACHE + this.owner() + ':' + path, null);
      if (e instanceof NetworkDown && cached) return { data: cached.data, stale: cached.at };
      throw e;
    }
  },

  /**
   * Server-Sent Events over fetch (EventSource cannot send a token), for as long as {@code signal}
   * is not aborted: reconnects after 3 s, refreshes an expired token, resumes with Last-Event-ID.
   * {@code onEvent({event, id, data})} gets each event, {@code onLive(true|false)} the connection state.
   */
  async stream(path, { signal, lastId = null, onEvent, onLive = () => {} }) {
    let last = lastId;
    while (!signal.aborted) {
      try {
        const headers = this.headers({ Accept: 'text/event-stream' });
        if (last) headers['Last-Event-ID'] = last;
        const response = await fetch(path, { headers, signal });
        if (response.status === 401) { await this.refresh(); await new Promise(r => setTimeout(r, 1000)); continue; }
        // a refusal (403, 404) will not change by asking again: the feed stops, the page still works
        if (response.status >= 400 && response.status < 500) { onLive(false); return; }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        onLive(true);
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
              if (colon === 0) continue; // a keep-alive comment
              const field = colon < 0 ? line : line.slice(0, colon);
              const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'data') event.data.push(text); else event[field] = text;
            }
            buffer = buffer.slice(end + 2);
            if (event.id) last = event.id;
            if (event.data.length) onEvent({ event: event.event, id: event.id, data: event.data.join('\n') });
          }
        }
      } catch (e) {
        if (signal.aborted) return;
      }
      onLive(false);
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  },

  // ---- the queue of entries made on this device
  queue: read(QUEUE, []),

  persistQueue() { localStorage.setItem(QUEUE, JSON.stringify(this.queue)); },

  /** The entries of the signed-in user: the only ones shown and sent. */
  mine() { const owner = this.owner(); return this.queue.filter(e => owner && e.owner === owner); },

  enqueue(label, method, path, body) {
    const entry = { id: uuid(), owner: this.owner(), label, method, path, body, state: 'pending', error: null,
      createdAt: new Date().toISOString() };
    this.queue.push(entry);
    this.persistQueue();
    return entry;
  },

  /**
   * Sends what waits, oldest first. Network trouble leaves an entry waiting; a refusal (4xx) marks
   * it failed with the reason, kept until the user discards it: nothing is dropped silently.
   */
  async flush(onSent) {
    if (this.flushing || !this.session) return;
    this.flushing = true;
    try {
      for (const entry of this.mine().filter(e => e.state === 'pending')) {
        entry.state = 'sending';
        try {
          const result = await this.call(entry.method, entry.path, entry.body, entry.id);
          // (a discard may have taken it out meanwhile: never splice at -1, the last entry)
          const at = this.queue.indexOf(entry);
          if (at >= 0) this.queue.splice(at, 1);
          this.persistQueue();
          onSent(entry, result);
        } catch (e) {
          if (e instanceof Refused) {
            entry.state = 'failed';
            entry.error = describe(e);
          } else {
            entry.state = 'pending';
            this.persistQueue();
            break;
          }
          this.persistQueue();
        }
      }
    } finally {
      this.flushing = false;
    }
  },

  discard(entry) {
    const at = this.queue.indexOf(entry);
    if (at < 0) return;
    this.queue.splice(at, 1);
    this.persistQueue();
  }
};

function describe(e) {
  const p = e.problem;
  // a refusal without a problem document (the web server's own size limit): say it in words
  if (!p && e.status === 413) return api.language === 'en' ? 'The file is too large.' : '文件过大，请压缩后再上传。';
  if (!p) return e.message;
  // the people reading this are not shown field paths: each message says what is wrong in words
  const fields = (p.errors || []).map(f => f.message).join('；');
  return [p.title, p.detail, fields].filter(Boolean).join(' — ');
}

// entries queued before they carried an owner were made under the session this device still holds
for (const entry of api.queue) if (!entry.owner) entry.owner = ownerOf(api.session);
api.persistQueue();

/** The refusal's messages by field ("deadline" → "整改时限不能早于今天"), for showing next to each input. */
function fieldErrors(e) {
  const errors = {};
  for (const f of (e && e.problem && e.problem.errors) || []) {
    const key = f.field.split('.').pop();
    errors[key] = errors[key] ? errors[key] + '；' + f.message : f.message;
  }
  return errors;
}

api.describe = describe;
api.fieldErrors = fieldErrors;

export default api;
