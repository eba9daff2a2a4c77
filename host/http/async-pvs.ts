// http_async_client's PVs. The $http_r* family is read in the callback route of a query
// (elsewhere: $null and an error line, as Kamailio); after an error ($http_ok 0) only $http_err
// has a value. $http_req(key) is written before a query to set its parameters.
import type { MsgContext } from '../core/context.js';
import type { PvClass, PvDeclarations, PvValue } from '../core/pv.js';
import { ASYNC_METHODS, type AsyncReply, type HttpAsyncState } from './async-state.js';

const stateOf = (ctx: MsgContext) => ctx.core.modules.get<HttpAsyncState>('http_async_client');

function inCallback(ctx: MsgContext, name: string): AsyncReply | null {
  const r = stateOf(ctx).current;
  if (!r) ctx.core.logger.log('error', `$${name}: the async variables can only be read in the route of an http_async_client query`);
  return r;
}

/** A reply PV: $null after an error (use $http_ok), as Kamailio's. */
function replyPv(name: string, read: (r: AsyncReply) => PvValue): PvClass {
  return {
    hasArg: false,
    get: (ctx) => {
      const r = inCallback(ctx, name);
      if (!r) return null;
      if (r.error !== null) {
        ctx.core.logger.log('warn', `$${name}: read after an http error; check $http_ok first`);
        return null;
      }
      return read(r);
    },
  };
}

function headerValues(r: AsyncReply, name: string): string[] {
  const n = name.trim().toLowerCase();
  return r.headers.filter(([h]) => h === n).map(([, v]) => v);
}

function wholeMessage(r: AsyncReply): string {
  const head = r.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('');
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${head}\r\n${r.body}`;
}

type Setter = (s: HttpAsyncState, v: PvValue) => boolean;
const str = (f: (s: HttpAsyncState, v: string | null) => boolean): Setter => (s, v) => (typeof v === 'number' ? false : f(s, v));
const int = (f: (s: HttpAsyncState, v: number | null) => boolean): Setter => (s, v) => (typeof v === 'string' ? false : f(s, v));

const REQ_KEYS: Record<string, Setter> = {
  all: (s, v) => {
    if (v === null) s.params = s.defaults();
    return true;
  },
  hdr: str((s, v) => (v === null ? true : s.addHeader(v))),
  body: str((s, v) => {
    if (v !== null && v.length > 1024 * 1024) return false;
    s.params.body = v === '' ? null : v;
    return true;
  }),
  method: str((s, v) => {
    if (v === null) {
      s.params.method = null;
      return true;
    }
    if (!ASYNC_METHODS.includes(v.toUpperCase())) return false;
    s.params.method = v.toUpperCase();
    return true;
  }),
  timeout: int((s, v) => {
    if (v !== null && (v < 1 || v > 60_000)) return false;
    s.params.timeoutMs = v ?? s.settings.timeoutMs;
    return true;
  }),
  suspend: int((s, v) => {
    s.params.suspend = v === null ? true : v !== 0;
    return true;
  }),
  username: str((s, v) => {
    s.params.username = v;
    return true;
  }),
  password: str((s, v) => {
    s.params.password = v;
    return true;
  }),
  authmethod: int((s, v) => {
    s.params.authmethod = v ?? s.settings.authmethod;
    return true;
  }),
  // TCP keepalive tuning: the pooled connections are kept alive anyway
  keepalive: () => true,
  'ka-idle': () => true,
  'ka-interval': () => true,
};

const httpReq: PvClass = {
  hasArg: true,
  get: () => null,
  set: (ctx, arg, value) => {
    const key = arg.trim();
    const setter = REQ_KEYS[key];
    if (!setter) {
      ctx.core.logger.log('error', `$http_req(${key.slice(0, 32)}): unknown key (known: ${Object.keys(REQ_KEYS).join(', ')}; TLS client settings are not supported)`);
      return false;
    }
    const ok = setter(stateOf(ctx), value);
    if (!ok) ctx.core.logger.log('error', `$http_req(${key}): invalid value ${JSON.stringify(value)?.slice(0, 80)}`);
    return ok;
  },
};

export const HTTP_ASYNC_PVS: PvDeclarations = {
  http_ok: { hasArg: false, get: (ctx) => { const r = inCallback(ctx, 'http_ok'); return r ? (r.error === null ? 1 : 0) : null; } },
  http_err: { hasArg: false, get: (ctx) => inCallback(ctx, 'http_err')?.error ?? null },
  http_rs: replyPv('http_rs', (r) => r.status),
  http_rr: replyPv('http_rr', (r) => r.reason),
  http_rb: replyPv('http_rb', (r) => r.body),
  http_bs: replyPv('http_bs', (r) => Buffer.byteLength(r.body)),
  http_mb: replyPv('http_mb', wholeMessage),
  http_ml: replyPv('http_ml', (r) => Buffer.byteLength(wholeMessage(r))),
  http_time: replyPv('http_time', (r) => r.ms),
  http_hdr: {
    hasArg: true,
    get: (ctx, arg) => {
      const r = inCallback(ctx, 'http_hdr');
      return r && r.error === null ? headerValues(r, arg)[0] ?? null : null;
    },
    getAll: (ctx, arg) => {
      const r = stateOf(ctx).current;
      return r && r.error === null ? headerValues(r, arg) : [];
    },
  },
  http_req_id: { hasArg: false, get: (ctx) => { const s = stateOf(ctx); return s.current?.id ?? (s.lastId || null); } },
  http_req: httpReq,
};
