// Kamailio's static branch ($sbranch(key), sbranch_set_ruri/append/reset): a branch a script
// fills field by field, then makes the R-URI of (set_ruri) or appends to the destination set.
// Kamailio keeps one per process; here one per message (as $var), so nothing of one message's
// routing reaches the next message a worker handles.
import type { MsgContext, Branch } from '../core/context.js';
import type { PvClass, PvValue } from '../core/pv.js';
import { setRuri } from '../core/ruri-edit.js';
import { tryParseUri } from '../sip/uri.js';

/** Kamailio's default MAX_BRANCHES: the R-URI's branch and 11 more (as corex.append_branch). */
const MAX_BRANCHES = 12;

export interface StaticBranch {
  uri: string;
  dstUri: string;
  path: string;
  /** Kamailio's q x1000 (-1: none), as $sbranch(q) reads it. */
  q: number;
  flags: number;
}

const empty = (): StaticBranch => ({ uri: '', dstUri: '', path: '', q: -1, flags: 0 });
function branchOf(ctx: MsgContext): StaticBranch {
  return (ctx.staticBranch ??= empty());
}

const nonEmpty = (s: string | undefined): string | null => (s ? s : null);

type Field = { get(b: StaticBranch): PvValue; set(b: StaticBranch, v: PvValue): boolean };

const str = (k: 'uri' | 'dstUri' | 'path'): Field => ({
  get: (b) => nonEmpty(b[k]),
  set: (b, v) => {
    if (typeof v === 'number') return false;
    b[k] = v ?? '';
    return true;
  },
});
const int = (k: 'q' | 'flags', reset: number): Field => ({
  get: (b) => b[k],
  set: (b, v) => {
    const n = v === null ? reset : typeof v === 'number' ? v : /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n)) return false;
    b[k] = n;
    return true;
  },
});

const FIELDS: Readonly<Record<string, Field>> = { uri: str('uri'), dst_uri: str('dstUri'), path: str('path'), q: int('q', -1), flags: int('flags', 0) };

/** $sbranch(uri|dst_uri|path|q|flags); q as Kamailio's x1000 int (-1 none). */
export const SBRANCH_PV: PvClass = {
  hasArg: true,
  get: (ctx, key) => {
    const f = FIELDS[key];
    const b = ctx.staticBranch;
    return f && b ? f.get(b) : f ? f.get(empty()) : null;
  },
  set: (ctx, key, v) => FIELDS[key]?.set(branchOf(ctx), v) ?? false,
};

export function sbranchReset(ctx: MsgContext): number {
  ctx.staticBranch = null;
  return 1;
}

function filled(ctx: MsgContext, fn: string): StaticBranch | null {
  const b = ctx.staticBranch;
  if (!b || b.uri === '') {
    ctx.core.logger.log('error', `KSR.pvx.${fn}: the static branch has no uri ($sbranch(uri) is not set)`);
    return null;
  }
  return b;
}

/** The static branch becomes the R-URI's branch: R-URI, $du, path, branch flags. */
export function sbranchSetRuri(ctx: MsgContext): number {
  const b = filled(ctx, 'sbranch_set_ruri');
  if (!b) return -1;
  if (!setRuri(ctx, b.uri)) {
    ctx.core.logger.log('error', `KSR.pvx.sbranch_set_ruri: "${b.uri}" is not a SIP URI (or the message is a reply)`);
    return -1;
  }
  ctx.dstUri = b.dstUri === '' ? null : b.dstUri;
  ctx.path = b.path === '' ? null : b.path;
  ctx.bflags[0] = b.flags;
  return 1;
}

/** The static branch is appended to the destination set. */
export function sbranchAppend(ctx: MsgContext): number {
  const b = filled(ctx, 'sbranch_append');
  if (!b) return -1;
  if (!ctx.msg.isRequest || ctx.branches.length + 1 >= MAX_BRANCHES || !tryParseUri(b.uri)) return -1;
  const branch: Branch = { uri: b.uri, dstUri: b.dstUri || null, path: b.path || null, q: b.q < 0 ? null : b.q / 1000, flags: b.flags };
  ctx.branches.push(branch);
  return 1;
}
