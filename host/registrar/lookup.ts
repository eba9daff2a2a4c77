// lookup() and friends: the R-URI's AoR → its bindings. The best binding (highest q, then the
// oldest) becomes the R-URI, its Path's first hop or its `received` address $du, its cflags
// the branch flags; the other bindings are appended as branches for parallel forking (as
// Kamailio's append_branches=1). Results (Kamailio): 1 found, -1 not found, -2 found but no
// binding allows the method (method_filtering), -3 internal error (store unavailable).
import type { Branch, MsgContext } from '../core/context.js';
import { tryParseUri } from '../sip/uri.js';
import { StoreUnavailable, type Aor, type LocationRecord } from '../store/store.js';
import { methodAllowed } from './contact-params.js';
import type { Usrloc } from './usrloc.js';

export const LOOKUP = { FOUND: 1, NOT_FOUND: -1, METHOD_NOT_ALLOWED: -2, ERROR: -3 } as const;

/** The AoR of a SIP URI, null when it has no user part or is no SIP URI. */
export function aorOfUri(ul: Usrloc, uriText: string): Aor | null {
  const u = tryParseUri(uriText);
  if (!u || u.scheme === 'tel' || u.user === '') return null;
  return ul.aorOf(u.user, u.host);
}

/** The bindings usable for this request, or a lookup result code. */
function bindingsFor(ctx: MsgContext, table: string, uri: string, fn: string): LocationRecord[] | number {
  const ul = ctx.core.usrloc;
  const aor = aorOfUri(ul, uri);
  if (!aor) {
    ctx.core.logger.log('error', `registrar.${fn}: expected a SIP URI with a user part, got '${uri}'`);
    return LOOKUP.NOT_FOUND;
  }
  let all: LocationRecord[];
  try {
    all = ul.contacts(table, aor);
  } catch (e) {
    if (!(e instanceof StoreUnavailable)) throw e;
    ctx.core.logger.log('error', `registrar.${fn}: location store unavailable: ${e.message}`);
    return LOOKUP.ERROR;
  }
  if (all.length === 0) return LOOKUP.NOT_FOUND;
  const method = ctx.msg.isRequest ? ctx.msg.method : '';
  const usable = ul.registrar.methodFiltering ? all.filter((r) => methodAllowed(r.methods, method)) : all;
  return usable.length === 0 ? LOOKUP.METHOD_NOT_ALLOWED : usable;
}

function firstPathHop(path: string): string | null {
  const m = /<([^>]+)>/.exec(path);
  return m ? m[1]! : null;
}

/** Where a binding is reached: its Path's first hop, else its received address, else null. */
export function nextHopOf(rec: LocationRecord): string | null {
  if (rec.path) return firstPathHop(rec.path);
  return rec.received || null;
}

export function branchOf(rec: LocationRecord): Branch {
  return { uri: rec.contact, dstUri: nextHopOf(rec), path: rec.path || null, q: rec.q >= 0 ? rec.q : null, flags: rec.cflags };
}

function setMain(ctx: MsgContext, rec: LocationRecord): void {
  ctx.newUri = rec.contact;
  ctx.dstUri = nextHopOf(rec);
  ctx.bflags[0] = rec.cflags;
  // sent as Route headers on this branch only, when the request is built (host/forward)
  ctx.path = rec.path || null;
}

/** lookup / lookup_uri: the best binding into the R-URI, the others appended as branches. */
export function lookup(ctx: MsgContext, table: string, uri: string = ctx.ruri): number {
  const found = bindingsFor(ctx, table, uri, 'lookup');
  if (typeof found === 'number') return found;
  const [best, ...rest] = found;
  setMain(ctx, best!);
  ctx.branches.push(...rest.map(branchOf));
  return LOOKUP.FOUND;
}

/** lookup_to_dset: every binding appended as a branch; the R-URI stays. */
export function lookupToDset(ctx: MsgContext, table: string, uri: string): number {
  const found = bindingsFor(ctx, table, uri === '' ? ctx.ruri : uri, 'lookup_to_dset');
  if (typeof found === 'number') return found;
  ctx.branches.push(...found.map(branchOf));
  return LOOKUP.FOUND;
}

/**
 * lookup_branches: the R-URI and every branch already in the destination set are looked up;
 * a branch whose AoR has bindings is replaced by them, others are kept. 1 when any was found.
 */
export function lookupBranches(ctx: MsgContext, table: string): number {
  const before = ctx.branches;
  ctx.branches = [];
  let best = lookup(ctx, table);
  for (const b of before) {
    const found = bindingsFor(ctx, table, b.uri, 'lookup_branches');
    if (typeof found === 'number') {
      ctx.branches.push(b);
      best = Math.max(best, found);
      continue;
    }
    ctx.branches.push(...found.map(branchOf));
    best = LOOKUP.FOUND;
  }
  return best;
}

/** registered*: match bits (ours, from the current message): 1 Call-ID, 2 received/source, 4 Contact URI. */
export const REGISTERED_MATCH = { CALLID: 1, RECEIVED: 2, CONTACT: 4 } as const;

export function registered(ctx: MsgContext, table: string, uri: string, match = 0): number {
  const ul = ctx.core.usrloc;
  const aor = aorOfUri(ul, uri);
  if (!aor) return -1;
  let all: LocationRecord[];
  try {
    all = ul.contacts(table, aor);
  } catch (e) {
    if (!(e instanceof StoreUnavailable)) throw e;
    ctx.core.logger.log('error', `registrar.registered: location store unavailable: ${e.message}`);
    return -1;
  }
  const src = `${ctx.rcv.srcIp}:${ctx.rcv.srcPort}`;
  const callId = match & REGISTERED_MATCH.CALLID ? safeCallId(ctx) : '';
  const contacts = match & REGISTERED_MATCH.CONTACT ? contactUris(ctx) : [];
  const ok = all.some((r) => {
    if (match & REGISTERED_MATCH.CALLID && r.callid !== callId) return false;
    if (match & REGISTERED_MATCH.RECEIVED && !r.received.includes(src)) return false;
    if (match & REGISTERED_MATCH.CONTACT && !contacts.includes(r.contact)) return false;
    return true;
  });
  return ok ? 1 : -1;
}

function safeCallId(ctx: MsgContext): string {
  try {
    return ctx.msg.callId();
  } catch {
    return '';
  }
}

function contactUris(ctx: MsgContext): string[] {
  try {
    return ctx.msg.contacts().list.map((c) => c.uriText);
  } catch {
    return [];
  }
}

/** reg_from_user: does the request come from a binding of uri? mode 0 IP, 1 IP and port, 2 also protocol. */
export function regFromUser(ctx: MsgContext, table: string, uri: string, mode: number): number {
  const found = bindingsFor(ctx, table, uri, 'reg_from_user');
  if (typeof found === 'number') return -1;
  const ok = found.some((r) => {
    const u = tryParseUri(r.received || r.contact);
    if (!u) return false;
    if (u.host.toLowerCase() !== ctx.rcv.srcIp.toLowerCase()) return false;
    if (mode >= 1 && (u.port || 5060) !== ctx.rcv.srcPort) return false;
    if (mode >= 2 && (u.params.get('transport')?.toLowerCase() ?? 'udp') !== ctx.rcv.proto) return false;
    return true;
  });
  return ok ? 1 : -1;
}

/** unregister / unregister_ruid: removes the AoR's bindings (or the one with that ruid); 1 when any went. */
export function unregister(ctx: MsgContext, table: string, uri: string, ruid = ''): number {
  const ul = ctx.core.usrloc;
  const aor = aorOfUri(ul, uri);
  if (!aor) {
    ctx.core.logger.log('error', `registrar.unregister: expected a SIP URI with a user part, got '${uri}'`);
    return -1;
  }
  try {
    if (ruid === '') return ul.removeAor(table, aor) > 0 ? 1 : -1;
    const rec = ul.contacts(table, aor).find((r) => r.ruid === ruid);
    if (!rec) return -1;
    ul.remove(table, rec);
    return 1;
  } catch (e) {
    if (!(e instanceof StoreUnavailable)) throw e;
    ctx.core.logger.log('error', `registrar.unregister: location store unavailable: ${e.message}`);
    return -1;
  }
}
