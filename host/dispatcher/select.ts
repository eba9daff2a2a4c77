// Selection (ds_manage_routes and friends): pick a destination of a set by an algorithm, skip
// inactive/disabled ones, put it in $du or the R-URI's host:port (or only in the list), and
// keep the rest of the set, in Kamailio's order, as $xavp(_dsdst_) records for failover
// (ds_next_dst / ds_next_domain), when bit 2 of `flags` is set.
import type { MsgContext } from '../core/context.js';
import { expandFormat } from '../core/pv-format.js';
import { setRuri } from '../core/ruri-edit.js';
import { xavpRoot, type XavpList } from '../core/xavp.js';
import { tryParseUri, formatUri } from '../sip/uri.js';
import { relativeWeightList, skipDst, type Destination, type DestinationSet } from './destination-list.js';
import { dsHash, uriHashKeys } from './hash.js';
import type { DispatcherState } from './state.js';

export const SETOP_DSTURI = 0;
export const SETOP_RURI = 1;
export const SETOP_XAVP = 2;

export const DS_FAILOVER_ON = 2;
const XAVP_DST_SKIP_ATTRS = 1;
const XAVP_DST_ADD_SOCKSTR = 2;
const XAVP_CTX_SKIP_CNT = 1;

const ALG = { HASHCALLID: 0, HASHFROMURI: 1, HASHTOURI: 2, HASHRURI: 3, ROUNDROBIN: 4, HASHAUTHUSER: 5, RANDOM: 6, HASHPV: 7, SERIAL: 8, WEIGHT: 9, CALLLOAD: 10, RELWEIGHT: 11, PARALLEL: 12, LATENCY: 13, OVERLOAD: 64 } as const;

interface SelectRun {
  setid: number;
  alg: number;
  umode: number;
  limit: number;
  cnt: number;
  /** A destination was pushed into $du / R-URI already (select_routes then only fills the list). */
  emode: boolean;
  /** Records of this call, in order; written to the xavp list at the end (first one first). */
  records: Array<{ dest: Destination; alg: number }>;
}

const err = (ds: DispatcherState, fn: string, text: string): void => ds.log.log('error', `KSR.dispatcher.${fn}: ${text}`);

/** The hash of an algorithm over the message; null with a log line when the part is missing. */
function messageHash(ctx: MsgContext, ds: DispatcherState, fn: string, alg: number): number | null | 'rr' {
  const msg = ctx.msg;
  try {
    switch (alg) {
      case ALG.HASHCALLID: return dsHash(msg.callId().trim());
      case ALG.HASHFROMURI:
      case ALG.HASHTOURI: {
        const addr = alg === ALG.HASHFROMURI ? msg.from() : msg.to();
        const keys = uriHashKeys(addr.uriText, ds.settings.flags);
        if (!keys) { err(ds, fn, `can't get ${alg === 1 ? 'From' : 'To'} uri hash: "${addr.uriText.slice(0, 80)}" is no SIP URI`); return null; }
        return dsHash(keys[0], keys[1]);
      }
      case ALG.HASHRURI: {
        const keys = uriHashKeys(ctx.ruri, ds.settings.flags);
        if (!keys) { err(ds, fn, `can't get ruri hash: bad request uri`); return null; }
        return dsHash(keys[0], keys[1]);
      }
      case ALG.HASHAUTHUSER: {
        for (const kind of ['proxy-authorization', 'authorization'] as const) {
          const creds = msg.authorization(kind)[0];
          const user = creds?.params.get('username')?.trim();
          if (user) return dsHash(user);
          if (creds) break;
        }
        return 'rr';
      }
      case ALG.HASHPV: {
        if (ds.settings.hashPvar === null) { err(ds, fn, 'algorithm 7 needs the hash_pvar parameter'); return null; }
        const text = expandFormat(ctx, ds.settings.hashPvar);
        if (!text.ok) { err(ds, fn, `cannot print hash_pvar: ${text.error}`); return null; }
        const t = text.text.trim();
        if (t === '') { err(ds, fn, 'hash_pvar printed an empty string'); return null; }
        return dsHash(t);
      }
      default: return 0;
    }
  } catch (e) {
    err(ds, fn, `cannot parse the header the algorithm ${alg} hashes: ${(e as Error).message}`);
    return null;
  }
}

function roundRobin(ds: DispatcherState, set: DestinationSet): { hash: number; vlast: number } {
  const hash = ds.table.take(set.id, 'last', set.dests.length);
  return { hash, vlast: (hash + 1) % set.dests.length };
}

/** ds_get_leastloaded: the active destination with the fewest calls under its maxload; -1 none. */
function leastLoaded(ds: DispatcherState, set: DestinationSet, loads: number[]): number {
  let k = -1;
  let t = 0x7fffffff;
  set.dests.forEach((d, j) => {
    if (!skipDst(ds.flagsOf(d)) && (d.attrs.maxload === 0 || loads[j]! < d.attrs.maxload) && loads[j]! < t) {
      k = j;
      t = loads[j]!;
    }
  });
  return k;
}

/** Algorithm 13 without latency statistics: active destinations by priority, rotating from `last`. */
function latencyOrder(ds: DispatcherState, set: DestinationSet, run: SelectRun): number {
  const n = set.dests.length;
  const start = ds.table.take(set.id, 'last', n);
  const sorted: Array<{ idx: number; priority: number; dest: Destination }> = [];
  let z = start;
  for (let y = 0; y < n; y++) {
    const d = set.dests[z]!;
    sorted.push(skipDst(ds.flagsOf(d)) ? { idx: -1, priority: -1, dest: d } : { idx: z, priority: d.priority, dest: d });
    z = ds.settings.useDefault && n !== 1 ? (z + 1) % (n - 1) : (z + 1) % n;
  }
  // Kamailio's bubble sort: stable, highest priority first
  sorted.sort((a, b) => b.priority - a.priority);
  const hash = sorted[0]!.idx;
  if (ds.settings.flags & DS_FAILOVER_ON) {
    for (const s of sorted) {
      if (run.cnt >= run.limit) break;
      if (s.idx < 0 || skipDst(ds.flagsOf(s.dest)) || (ds.settings.useDefault && s.idx === n - 1)) continue;
      run.records.push({ dest: s.dest, alg: run.alg });
      run.cnt++;
    }
  }
  ds.table.compareAndSet(set.id, 'last', (start + 1) % n, (Math.max(hash, 0) + 1) % n);
  return hash;
}

/** ds_push_dst: $du, or the R-URI's host, port and parameters (user kept), or nothing. */
function pushDst(ctx: MsgContext, d: Destination, mode: number): boolean {
  if (mode === SETOP_XAVP) return true;
  if (mode === SETOP_RURI) {
    // Kamailio's rewrite of "host and all after": the R-URI's scheme and user[:password]
    // kept as written, then the destination's text after its scheme, verbatim
    const cur = tryParseUri(ctx.ruri);
    if (!cur || cur.scheme === 'tel') return false;
    const rest = ctx.ruri.trim().replace(/^[a-z]+:/i, '');
    const at = cur.user === '' ? -1 : rest.indexOf('@');
    const userinfo = at >= 0 ? `${rest.slice(0, at)}@` : '';
    if (!setRuri(ctx, `${cur.scheme}:${userinfo}${d.uri.replace(/^sips?:/i, '')}`)) return false;
  } else {
    ctx.dstUri = d.uri;
  }
  const sock = d.attrs.socket ? /^(udp|tcp|tls|sctp|ws|wss):([^:]+|\[[^\]]+\]):(\d+)$/i.exec(d.attrs.socket) : null;
  if (sock && (sock[1]!.toLowerCase() === 'udp' || sock[1]!.toLowerCase() === 'tcp')) {
    ctx.sendSocket = { proto: sock[1]!.toLowerCase() as 'udp' | 'tcp', ip: sock[2]!.replace(/^\[|\]$/g, ''), port: Number(sock[3]) };
  }
  return true;
}

/** Adds the records of a run to the xavp list, before older records, first one first. */
function writeRecords(ctx: MsgContext, ds: DispatcherState, run: SelectRun): boolean {
  const root = xavpRoot(ctx, 'xavp');
  const name = ds.settings.xavpDst;
  for (let i = run.records.length - 1; i >= 0; i--) {
    const { dest, alg } = run.records[i]!;
    const e = root.add(name, root.newChild());
    if (!e) return false;
    const rec = e.value as XavpList;
    const ok = rec.add('uri', dest.uri) && rec.add('grp', dest.setid)
      && ((ds.settings.xavpDstMode & XAVP_DST_SKIP_ATTRS) !== 0 || dest.attrs.body === '' || rec.add('attrs', dest.attrs.body))
      && (!(ds.settings.xavpDstMode & XAVP_DST_ADD_SOCKSTR) || dest.attrs.socket === '' || rec.add('socket', dest.attrs.socket))
      && (alg !== ALG.CALLLOAD || rec.add('dstid', dest.attrs.duid));
    if (!ok) return false;
  }
  run.records.length = 0;
  return true;
}

function fillRecords(ds: DispatcherState, set: DestinationSet, hash: number, run: SelectRun, loads: number[] | null): void {
  const n = set.dests.length;
  run.records.push({ dest: set.dests[hash]!, alg: run.alg });
  run.cnt++;
  const order = [...Array.from({ length: n - hash - 1 }, (_, k) => hash + 1 + k), ...Array.from({ length: hash }, (_, k) => k)];
  for (const i of order) {
    if (run.cnt >= run.limit) break;
    const d = set.dests[i]!;
    if (skipDst(ds.flagsOf(d)) || (ds.settings.useDefault && i === n - 1)) continue;
    if (run.alg === ALG.CALLLOAD && loads && d.attrs.maxload !== 0 && loads[i]! >= d.attrs.maxload) continue;
    run.records.push({ dest: d, alg: run.alg });
    run.cnt++;
  }
}

/** ds_manage_routes: 1 selected, 2 parallel with failed extra branches, -1 none / error. */
function manageRoutes(ctx: MsgContext, ds: DispatcherState, fn: string, run: SelectRun): number {
  const s = ds.settings;
  if (ds.sets().size === 0) { err(ds, fn, 'no destination sets'); return -1; }
  if (run.umode === SETOP_DSTURI && !s.forceDst && ctx.dstUri) { err(ds, fn, `destination already set [${ctx.dstUri}]`); return -1; }
  const set = ds.set(run.setid);
  if (!set || set.dests.length === 0) { err(ds, fn, `destination set [${run.setid}] not found`); return -1; }
  const n = set.dests.length;
  let hash = 0;
  let vlast = -1;
  let filled = false;
  let loads: number[] | null = null;
  switch (run.alg) {
    case ALG.ROUNDROBIN:
    case ALG.OVERLOAD:
      ({ hash, vlast } = roundRobin(ds, set));
      break;
    case ALG.HASHAUTHUSER: {
      const h = messageHash(ctx, ds, fn, run.alg);
      if (h === null) return -1;
      if (h === 'rr') ({ hash, vlast } = roundRobin(ds, set));
      else hash = h;
      break;
    }
    case ALG.RANDOM: hash = Math.floor(Math.random() * 0x7fffffff); break;
    case ALG.SERIAL:
    case ALG.PARALLEL: hash = 0; break;
    case ALG.WEIGHT:
      hash = set.wlist.length === 100 ? set.wlist[ds.table.take(set.id, 'wlast', 100)]! : 0;
      break;
    case ALG.RELWEIGHT: {
      const rw = relativeWeightList(set.dests, (i) => ds.flagsOf(set.dests[i]!), set.id);
      hash = rw.length === 100 ? rw[ds.table.take(set.id, 'rwlast', 100)]! : 0;
      break;
    }
    case ALG.CALLLOAD: {
      if (!ctx.msg.isRequest || ctx.msg.method !== 'INVITE') { hash = 0; run.alg = 0; break; }
      loads = set.dests.map((d) => (d.attrs.duid ? ds.table.loadCount(set.id, d.attrs.duid) : 0));
      const i = leastLoaded(ds, set, loads);
      if (i < 0) return -1;
      hash = i;
      if (!addLoad(ctx, ds, fn, set, i)) run.alg = 0;
      break;
    }
    case ALG.LATENCY:
      hash = latencyOrder(ds, set, run);
      if (hash < 0) return -1;
      filled = true;
      break;
    case ALG.HASHCALLID: case ALG.HASHFROMURI: case ALG.HASHTOURI: case ALG.HASHRURI: case ALG.HASHPV: {
      const h = messageHash(ctx, ds, fn, run.alg);
      if (h === null || h === 'rr') return -1;
      hash = h;
      break;
    }
    default:
      ds.log.log('warn', `KSR.dispatcher.${fn}: algo ${run.alg} not implemented - using first entry`);
      hash = 0;
  }
  const span = s.useDefault && n !== 1 ? n - 1 : n;
  hash %= span;
  let i = hash;
  while (!filled && skipDst(ds.flagsOf(set.dests[i]!))) {
    i = (i + 1) % span;
    if (i === hash) {
      if (!s.useDefault) return -1;
      i = n - 1;
      if (skipDst(ds.flagsOf(set.dests[i]!))) return -1;
      break;
    }
  }
  hash = i;
  if (run.umode !== SETOP_XAVP) {
    if (!pushDst(ctx, set.dests[hash]!, run.umode)) { err(ds, fn, `cannot set next hop address with: ${set.dests[hash]!.uri}`); return -1; }
    run.emode = true;
  }
  if (vlast >= 0) ds.table.compareAndSet(set.id, 'last', vlast, (hash + 1) % n);
  if (run.alg === ALG.PARALLEL) return addBranches(ctx, set, hash, run.umode);
  if (!(s.flags & DS_FAILOVER_ON) || s.xavpDst === '') return 1;
  if (!filled) fillRecords(ds, set, hash, run, loads);
  if (s.useDefault && hash !== n - 1 && run.cnt < run.limit) {
    run.records.push({ dest: set.dests[n - 1]!, alg: run.alg });
    run.cnt++;
  }
  return 1;
}

function addLoad(ctx: MsgContext, ds: DispatcherState, fn: string, set: DestinationSet, i: number): boolean {
  const d = set.dests[i]!;
  const callid = ctx.msg.callId();
  if (!d.attrs.duid) { err(ds, fn, `dst unique id not set for ${set.id} (${callid})`); return false; }
  if (ds.settings.hashSize === 0 || !ds.table.loadAdd(callid, { setid: set.id, duid: d.attrs.duid, state: 0, expires: Date.now() + ds.settings.hashInitExpire * 1000 })) {
    err(ds, fn, `cannot add load to ${set.id} (${callid}) - classic dispatching`);
    return false;
  }
  return true;
}

/** Algorithm 12: the other destinations become branches (the user of the R-URI kept in R-URI mode). */
function addBranches(ctx: MsgContext, set: DestinationSet, hash: number, mode: number): number {
  const start = mode === SETOP_XAVP ? hash : hash + 1;
  const cur = tryParseUri(ctx.ruri);
  for (let i = start; i < set.dests.length; i++) {
    const d = set.dests[i]!;
    if (mode === SETOP_RURI) {
      const u = tryParseUri(d.uri);
      if (!u) continue;
      const uri = cur && cur.user ? formatUri({ ...u, user: cur.user, password: '' }) : d.uri;
      ctx.branches.push({ uri, dstUri: null, path: null, q: null, flags: 0 });
    } else {
      ctx.branches.push({ uri: ctx.ruri, dstUri: d.uri, path: null, q: null, flags: 0 });
    }
  }
  return 1;
}

function addCount(ctx: MsgContext, ds: DispatcherState, cnt: number): boolean {
  if (ds.settings.xavpCtxMode & XAVP_CTX_SKIP_CNT || ds.settings.xavpCtx === '') return true;
  const root = xavpRoot(ctx, 'xavp');
  const e = root.add(ds.settings.xavpCtx, root.newChild());
  return e !== null && (e.value as XavpList).add('cnt', cnt) !== null;
}

/** ds_select_dst_limit: the KSR entry of ds_select*, ds_select_dst*, ds_select_domain*. */
export function selectLimit(ctx: MsgContext, ds: DispatcherState, fn: string, setid: number, alg: number, limit: number, umode: number): number {
  const run: SelectRun = { setid, alg, umode, limit: limit <= 0 ? Infinity : limit, cnt: 0, emode: false, records: [] };
  const ret = manageRoutes(ctx, ds, fn, run);
  if (!writeRecords(ctx, ds, run)) { err(ds, fn, 'failed to add destination in the xavp (the message holds too many)'); return -1; }
  if (ret < 0) return ret;
  if (!addCount(ctx, ds, run.cnt)) { err(ds, fn, 'failed to add cnt value to xavp'); return -1; }
  return ret;
}

/** ds_select_routes(_limit): "grp=alg;grp=alg", mode d/r/x (only the first letter counts). */
export function selectRoutes(ctx: MsgContext, ds: DispatcherState, fn: string, rules: string, mode: string, limit: number): number {
  const run: SelectRun = { setid: 0, alg: 0, umode: SETOP_XAVP, limit: limit === 0 ? Infinity : limit >>> 0, cnt: 0, emode: false, records: [] };
  let vret = -1;
  let gret = -1;
  let i = 0;
  const isDigit = (ch: string) => ch >= '0' && ch <= '9';
  while (i < rules.length) {
    run.setid = 0;
    for (; i < rules.length; i++) {
      if (!isDigit(rules[i]!)) {
        if (rules[i] === '=') { i++; break; }
        err(ds, fn, `invalid character in [${rules.slice(0, 80)}] at [${i}]`);
        return -1;
      }
      run.setid = run.setid * 10 + Number(rules[i]);
      if (run.setid > 0x7fffffff) { err(ds, fn, `set id too large in [${rules.slice(0, 80)}]`); return -1; }
    }
    run.alg = 0;
    for (; i < rules.length; i++) {
      if (!isDigit(rules[i]!)) {
        if (rules[i] === ';') { i++; break; }
        err(ds, fn, `invalid character in [${rules.slice(0, 80)}] at [${i}]`);
        return -1;
      }
      run.alg = Math.min(run.alg * 10 + Number(rules[i]), 0x7fffffff);
    }
    run.umode = SETOP_XAVP;
    if (!run.emode) {
      const m = mode[0] ?? '';
      if ('0dD'.includes(m) && m !== '') run.umode = SETOP_DSTURI;
      else if ('1rR'.includes(m) && m !== '') run.umode = SETOP_RURI;
      else if (!('2xX'.includes(m) && m !== '')) { err(ds, fn, `invalid routing mode parameter: ${mode.slice(0, 40)}`); return -1; }
    }
    vret = manageRoutes(ctx, ds, fn, run);
    if (vret > 0) gret = vret;
  }
  if (!writeRecords(ctx, ds, run)) { err(ds, fn, 'failed to add destination in the xavp (the message holds too many)'); return -1; }
  if (gret < 0) return vret;
  if (!addCount(ctx, ds, run.cnt)) return -1;
  return gret;
}

/** The first record of the xavp list (the current destination), or null. */
function firstRecord(ctx: MsgContext, ds: DispatcherState): XavpList | null {
  const e = ctx.xavps ? xavpRoot(ctx, 'xavp').get(ds.settings.xavpDst, 0) : null;
  return e && e.value !== null && typeof e.value === 'object' ? (e.value as XavpList) : null;
}

/** ds_update_dst: ds_next_dst / ds_next_domain (next: drop the current record first), ds_set_dst / ds_set_domain. */
export function updateDst(ctx: MsgContext, ds: DispatcherState, fn: string, next: boolean, mode: number): number {
  if (next && (!(ds.settings.flags & DS_FAILOVER_ON) || ds.settings.xavpDst === '')) {
    ds.log.log('warn', `KSR.dispatcher.${fn}: failover support disabled (flags has no bit 2)`);
    return -1;
  }
  for (let guard = 0; guard < 4096; guard++) {
    let rec = firstRecord(ctx, ds);
    if (!rec) return -1;
    if (next) {
      xavpRoot(ctx, 'xavp').remove(ds.settings.xavpDst, 0);
      rec = firstRecord(ctx, ds);
      if (!rec) return -1;
    }
    const uri = rec.get('uri', 0)?.value;
    if (typeof uri !== 'string') { ds.log.log('warn', `KSR.dispatcher.${fn}: no xavp uri field in next destination record`); return -1; }
    const sock = rec.get('socket', 0)?.value;
    const d = { uri, attrs: { socket: typeof sock === 'string' ? sock : '' } } as Destination;
    if (!pushDst(ctx, d, mode)) { err(ds, fn, `cannot set dst addr: ${uri}`); return -1; }
    const dstid = rec.get('dstid', 0)?.value;
    if (typeof dstid !== 'string' || !next) return 1;
    const r = replaceLoad(ctx, ds, fn, dstid);
    if (r === 0) return 1;
    if (r !== -2) return -1;
  }
  return -1;
}

/** ds_load_replace: the call's load moves to the destination of duid; -2 when that is gone. */
function replaceLoad(ctx: MsgContext, ds: DispatcherState, fn: string, duid: string): number {
  const callid = ctx.msg.callId();
  const cell = ds.table.loadGet(callid);
  if (!cell) { err(ds, fn, `cannot find load for (${callid})`); return -1; }
  const set = ds.set(cell.setid);
  if (!set) { err(ds, fn, `destination set [${cell.setid}] not found`); return -1; }
  const dest = set.dests.find((d) => d.attrs.duid.toLowerCase() === duid.toLowerCase());
  if (!dest) { err(ds, fn, `new destination address not found for [${cell.setid}, ${duid}]`); return -2; }
  ds.table.loadRemove(callid);
  return addLoad(ctx, ds, fn, set, set.dests.indexOf(dest)) ? 0 : -1;
}

/** ds_mark_dst_mode: the state of the current destination (the first record). */
export function markDst(ctx: MsgContext, ds: DispatcherState, fn: string, markAddr: (group: number, uri: string) => number): number {
  if (!(ds.settings.flags & DS_FAILOVER_ON)) { ds.log.log('warn', `KSR.dispatcher.${fn}: failover support disabled (flags has no bit 2)`); return -1; }
  const rec = firstRecord(ctx, ds);
  const grp = rec?.get('grp', 0)?.value;
  const uri = rec?.get('uri', 0)?.value;
  if (typeof grp !== 'number' || typeof uri !== 'string') return -1;
  return markAddr(grp, uri);
}

/** ds_load_update: BYE/CANCEL end the call's load; a 2xx to INVITE confirms it. */
export function loadUpdate(ctx: MsgContext, ds: DispatcherState, fn: string): number {
  let callid: string;
  let cseqMethod: string;
  try {
    callid = ctx.msg.callId();
    cseqMethod = ctx.msg.cseq().method;
  } catch (e) {
    err(ds, fn, `cannot parse cseq and callid headers: ${(e as Error).message}`);
    return -1;
  }
  if (ctx.msg.isRequest) {
    if (ctx.msg.method === 'BYE' || ctx.msg.method === 'CANCEL') removeLoad(ds, callid, null);
    return 1;
  }
  if (cseqMethod === 'INVITE' && Math.trunc(ctx.msg.status / 100) === 2) {
    const cell = ds.table.loadGet(callid);
    if (cell) ds.table.loadAdd(callid, { ...cell, state: 1, expires: Date.now() + ds.settings.hashExpire * 1000 });
  }
  return 1;
}

function removeLoad(ds: DispatcherState, callid: string, fn: string | null): boolean {
  const cell = ds.table.loadGet(callid);
  if (!cell) {
    if (fn) err(ds, fn, `cannot find load for (${callid})`);
    return false;
  }
  if (!ds.set(cell.setid)) {
    if (fn) err(ds, fn, `destination set [${cell.setid}] not found`);
    return false;
  }
  return ds.table.loadRemove(callid);
}

/** ds_load_unset: drops the call's load (an INVITE without a dstid record has none yet: 1). */
export function loadUnset(ctx: MsgContext, ds: DispatcherState, fn: string): number {
  if (ds.settings.xavpDst === '') return 1;
  if (ctx.msg.isRequest && ctx.msg.method === 'INVITE') {
    const rec = firstRecord(ctx, ds);
    if (!rec || typeof rec.get('dstid', 0)?.value !== 'string') return 1;
  }
  let callid: string;
  try {
    callid = ctx.msg.callId();
  } catch (e) {
    err(ds, fn, `no Call-ID: ${(e as Error).message}`);
    return -1;
  }
  return removeLoad(ds, callid, fn) ? 1 : -1;
}
