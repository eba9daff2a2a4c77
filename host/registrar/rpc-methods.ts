// RPC ul.dump, ul.lookup, ul.rm, ul.add (Kamailio's names and parameter order; results in the
// shape of Kamailio's ul.dump: Domains → AoRs → Contacts). Params come positionally
// (`ksr-host rpc ul.lookup location alice`) or as an object ({table, aor, ...}).
import { RpcError, type RpcHandler } from '../control/rpc-server.js';
import { StoreUnavailable, type Aor, type LocationRecord } from '../store/store.js';
import type { Usrloc } from './usrloc.js';

const NOT_FOUND = 404;

function paramList(params: unknown, names: readonly string[]): unknown[] {
  if (Array.isArray(params)) return params;
  if (params && typeof params === 'object') return names.map((n) => (params as Record<string, unknown>)[n]);
  return params === undefined || params === null ? [] : [params];
}

function str(v: unknown, what: string, method: string): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  throw new RpcError(-32602, `${method}: expected ${what} (a string), got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
}

function num(v: unknown, what: string, method: string, dflt?: number): number {
  if (v === undefined && dflt !== undefined) return dflt;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new RpcError(-32602, `${method}: expected ${what} (a number), got ${JSON.stringify(v)}`);
  return n;
}

/** "alice", "alice@example.com" or "sip:alice@example.com" → the AoR as usrloc keys it. */
function aorParam(ul: Usrloc, text: string): Aor {
  const t = text.replace(/^sips?:/i, '');
  const at = t.lastIndexOf('@');
  return at < 0 ? ul.aorOf(t, '') : ul.aorOf(t.slice(0, at), t.slice(at + 1));
}

function contactView(r: LocationRecord, nowS: number) {
  return {
    Contact: {
      Address: r.contact, Expires: r.expires - nowS, Q: r.q, 'Call-ID': r.callid, CSeq: r.cseq, 'User-Agent': r.userAgent,
      Received: r.received, Path: r.path, Flags: r.flags, CFlags: r.cflags, Socket: r.socket, Methods: r.methods,
      Ruid: r.ruid, Instance: r.instance, 'Reg-Id': r.regId, 'Server-Id': r.serverId, 'Tcpconn-Id': r.connectionId,
      'Last-Modified': r.lastModified,
    },
  };
}

function aorViews(ul: Usrloc, records: LocationRecord[]) {
  const now = ul.nowS();
  const byAor = new Map<string, LocationRecord[]>();
  for (const r of records) {
    const k = ul.aorText(r);
    byAor.set(k, [...(byAor.get(k) ?? []), r]);
  }
  return [...byAor].map(([aor, list]) => ({ Info: { AoR: aor, Contacts: list.map((r) => contactView(r, now)) } }));
}

/** StoreUnavailable becomes an RPC error the caller can read. */
function guarded(method: string, f: RpcHandler): RpcHandler {
  return (params) => {
    try {
      return f(params);
    } catch (e) {
      if (e instanceof StoreUnavailable) throw new RpcError(500, `${method}: location store unavailable: ${e.message}`);
      throw e;
    }
  };
}

export function usrlocRpcMethods(ul: Usrloc): Record<string, RpcHandler> {
  return {
    'ul.dump': guarded('ul.dump', () => ({
      Domains: ul.dump().map((t) => ({ Domain: { Domain: t.table, AoRs: aorViews(ul, t.records) } })),
    })),
    'ul.lookup': guarded('ul.lookup', (params) => {
      const [table, aorText] = paramList(params, ['table', 'aor']);
      const aor = aorParam(ul, str(aorText, 'AoR', 'ul.lookup'));
      const list = ul.contacts(str(table, 'table', 'ul.lookup'), aor);
      if (list.length === 0) throw new RpcError(NOT_FOUND, `ul.lookup: AOR not found: ${ul.aorText(aor)}`);
      return { AoR: ul.aorText(aor), Contacts: list.map((r) => contactView(r, ul.nowS())) };
    }),
    'ul.rm': guarded('ul.rm', (params) => {
      const [table, aorText] = paramList(params, ['table', 'aor']);
      const aor = aorParam(ul, str(aorText, 'AoR', 'ul.rm'));
      const removed = ul.removeAor(str(table, 'table', 'ul.rm'), aor);
      if (removed === 0) throw new RpcError(NOT_FOUND, `ul.rm: AOR not found: ${ul.aorText(aor)}`);
      return { AoR: ul.aorText(aor), removed };
    }),
    // ul.add table AoR contact expires q [path flags cflags methods]; expires must be > 0
    // (no permanent bindings: the store's expiry takes every row whose expires has passed)
    'ul.add': guarded('ul.add', (params) => {
      const [table, aorText, contact, expires, q, path, flags, cflags, methods] =
        paramList(params, ['table', 'aor', 'contact', 'expires', 'q', 'path', 'flags', 'cflags', 'methods']);
      const m = 'ul.add';
      const t = str(table, 'table', m);
      const aor = aorParam(ul, str(aorText, 'AoR', m));
      const uri = str(contact, 'contact URI', m);
      if (!/^sips?:/i.test(uri)) throw new RpcError(-32602, `ul.add: expected a SIP URI as contact, got '${uri}'`);
      const e = num(expires, 'expires', m);
      if (e <= 0) throw new RpcError(-32602, `ul.add: expected expires > 0 seconds, got ${e}`);
      const qv = num(q, 'q', m, -1);
      if (qv !== -1 && (qv < 0 || qv > 1)) throw new RpcError(-32602, `ul.add: expected q 0..1 (or -1), got ${qv}`);
      const now = ul.nowS();
      const existing = ul.contacts(t, aor).find((r) => r.contact === uri);
      const rec: LocationRecord = {
        ruid: existing?.ruid ?? ul.newRuid(), username: aor.username, domain: aor.domain, contact: uri, received: '',
        path: typeof path === 'string' ? path : '', expires: now + e, q: qv, callid: existing?.callid ?? `rpc-${ul.newRuid()}`,
        cseq: existing?.cseq ?? 1, lastModified: now, flags: num(flags, 'flags', m, 0), cflags: num(cflags, 'cflags', m, 0),
        userAgent: 'ksr-host rpc', socket: '', methods: num(methods, 'methods', m, -1), instance: '', regId: 0,
        serverId: ul.serverId, connectionId: -1, keepalive: 0, partition: 0,
      };
      ul.put(t, rec);
      return { AoR: ul.aorText(aor), ...contactView(rec, now) };
    }),
  };
}
