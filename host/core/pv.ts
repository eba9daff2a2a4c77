// The pseudo-variable engine behind KSR.pv.* and the message PVs Kamailio scripts use most.
// Which PVs exist is what the KSR modules of a registry declare (PvTable, one per registry,
// reached as ctx.core.pvs). Names are parsed once and kept in a bounded LRU cache: Kamailio
// caches every distinct name forever (kamailio#1948, #3440), so names built at run time grow
// its memory without end; here the cache holds at most PV_CACHE_LIMIT names per table.
import type { MsgContext } from './context.js';
import {
  bodyText, callId, cseqNumber, firstContact, fromAddr, messageMethod, requestUri, toAddr,
} from './sip-values.js';
import { setRuri, setRuriPart } from './ruri-edit.js';
import { setAddrPart, type AddrHeader, type AddrPart } from './nameaddr-edit.js';
import type { NameAddr } from '../sip/message.js';
import type { PvValue } from './pv-value.js';
import { parsePvName, type PvIndex } from './pv-name.js';
import { runChain, type BoundTransformation } from './transformations/chain.js';
import { IDENTITY_PVS } from './pv-identity.js';
import { ROUTING_PVS } from './pv-routing.js';
import { MESSAGE_INFO_PVS } from './pv-message-info.js';

export type { PvValue } from './pv-value.js';

export interface PvClass {
  /** True for $name(arg) classes, false for $name. */
  readonly hasArg: boolean;
  get(ctx: MsgContext, arg: string): PvValue;
  /** Absent: read-only. `value` null means unset ($x = $null). */
  set?(ctx: MsgContext, arg: string, value: PvValue): boolean;
  /** Every value, first is index 0: a class that has it takes $(name[i]), [-i] and [*]. */
  getAll?(ctx: MsgContext, arg: string): PvValue[];
}

export interface PvSpec {
  readonly text: string;
  readonly cls: PvClass;
  readonly arg: string;
  /** $(name[i]): absent for a plain name. */
  readonly index?: PvIndex;
  /** $(name{tr}...): absent when there are none. */
  readonly chain?: readonly BoundTransformation[];
}

/** Why a name is not a PV of a table: what was expected, where. */
export interface PvNameError {
  readonly error: string;
}

const nonEmpty = (s: string | undefined | null): string | null => (s ? s : null);

function addrGetters(read: (ctx: MsgContext) => NameAddr | null, which: AddrHeader): Record<string, PvClass> {
  const setter = (part: AddrPart) => (ctx: MsgContext, _a: string, v: PvValue) =>
    typeof v === 'number' ? false : setAddrPart(ctx, which, part, v);
  const c = which === 'from' ? 'f' : 't';
  return {
    [`${c}u`]: { hasArg: false, get: (ctx) => read(ctx)?.uriText ?? null, set: setter('uri') },
    [`${c}U`]: { hasArg: false, get: (ctx) => nonEmpty(read(ctx)?.uri?.user), set: setter('user') },
    [`${c}d`]: { hasArg: false, get: (ctx) => nonEmpty(read(ctx)?.uri?.host), set: setter('host') },
    [`${c}n`]: { hasArg: false, get: (ctx) => nonEmpty(read(ctx)?.display), set: setter('display') },
    [`${c}t`]: { hasArg: false, get: (ctx) => nonEmpty(read(ctx)?.tag) },
  };
}

const strOnly = (fn: (ctx: MsgContext, v: string | null) => boolean) => (ctx: MsgContext, _a: string, v: PvValue) =>
  typeof v === 'number' ? false : fn(ctx, v);

/** The PVs of Kamailio's pv module that read and write the message; declared by KSR.pv (bindings/modules/pv.ts). */
export const MESSAGE_PVS: PvDeclarations = {
  ru: { hasArg: false, get: (ctx) => (ctx.msg.isRequest ? ctx.ruri : null), set: strOnly((ctx, v) => v !== null && setRuri(ctx, v)) },
  rU: { hasArg: false, get: (ctx) => nonEmpty(requestUri(ctx)?.user), set: (ctx, _a, v) => setRuriPart(ctx, 'user', v) },
  rd: { hasArg: false, get: (ctx) => nonEmpty(requestUri(ctx)?.host), set: (ctx, _a, v) => setRuriPart(ctx, 'host', v) },
  // Kamailio answers 5060 when the R-URI has no port (pv_get_5060).
  rp: {
    hasArg: false,
    get: (ctx) => {
      const u = requestUri(ctx);
      return u ? u.port || 5060 : null;
    },
    set: (ctx, _a, v) => setRuriPart(ctx, 'port', v),
  },
  rz: { hasArg: false, get: (ctx) => requestUri(ctx)?.scheme ?? null },
  ...addrGetters(fromAddr, 'from'),
  ...addrGetters(toAddr, 'to'),
  ci: { hasArg: false, get: (ctx) => callId(ctx) },
  cs: { hasArg: false, get: (ctx) => cseqNumber(ctx) },
  rm: { hasArg: false, get: (ctx) => nonEmpty(messageMethod(ctx)) },
  rs: { hasArg: false, get: (ctx) => (ctx.msg.isRequest ? null : ctx.msg.status) },
  rr: { hasArg: false, get: (ctx) => (ctx.msg.isRequest ? null : ctx.msg.reason) },
  si: { hasArg: false, get: (ctx) => ctx.rcv.srcIp },
  sp: { hasArg: false, get: (ctx) => ctx.rcv.srcPort },
  Ri: { hasArg: false, get: (ctx) => ctx.rcv.rcvIp },
  Rp: { hasArg: false, get: (ctx) => ctx.rcv.rcvPort },
  pr: { hasArg: false, get: (ctx) => ctx.rcv.proto },
  proto: { hasArg: false, get: (ctx) => ctx.rcv.proto },
  ua: { hasArg: false, get: (ctx) => ctx.msg.header('user-agent')?.value ?? null },
  ct: { hasArg: false, get: (ctx) => firstContact(ctx)?.raw ?? null },
  du: {
    hasArg: false,
    get: (ctx) => ctx.dstUri,
    set: strOnly((ctx, v) => {
      ctx.dstUri = v === '' ? null : v;
      return true;
    }),
  },
  ml: { hasArg: false, get: (ctx) => ctx.msg.buf.length },
  mb: { hasArg: false, get: (ctx) => ctx.msg.buf.toString('utf8') },
  rb: { hasArg: false, get: (ctx) => nonEmpty(bodyText(ctx)) },
  // A $var that was never set reads as int 0, as Kamailio creates it with value 0.
  var: {
    hasArg: true,
    get: (ctx, name) => ctx.vars.get(name) ?? 0,
    set: (ctx, name, v) => {
      if (v === null) ctx.vars.set(name, 0);
      else ctx.vars.set(name, v);
      return true;
    },
  },
  // $avp(x) = v adds a value on top; $avp(x) = $null removes them all.
  avp: {
    hasArg: true,
    get: (ctx, name) => ctx.avps.get(name)?.[0] ?? null,
    getAll: (ctx, name) => [...(ctx.avps.get(name) ?? [])],
    set: (ctx, name, v) => {
      if (v === null) ctx.avps.delete(name);
      else ctx.avps.set(name, [v, ...(ctx.avps.get(name) ?? [])]);
      return true;
    },
  },
  hdr: {
    hasArg: true,
    get: (ctx, name) => ctx.msg.header(name)?.value ?? null,
    getAll: (ctx, name) => ctx.msg.headersNamed(name).map((h) => h.value),
  },
  hdrc: { hasArg: true, get: (ctx, name) => ctx.msg.headersNamed(name).length },
  ...IDENTITY_PVS,
  ...ROUTING_PVS,
  ...MESSAGE_INFO_PVS,
};

/** A named PV class as a module declares it (Kamailio's mod_pvs[]): "T_reply_code" for $T_reply_code. */
export type PvDeclarations = Readonly<Record<string, PvClass>>;

export const PV_CACHE_LIMIT = 1024;

/** Least-recently-used map of parsed names, capped. Invalid names are cached too (as null). */
class PvNameCache {
  private readonly map = new Map<string, PvSpec | PvNameError>();
  constructor(
    private readonly limit: number,
    private readonly parse: (text: string) => PvSpec | PvNameError,
  ) {}

  get size(): number {
    return this.map.size;
  }

  lookup(text: string): PvSpec | PvNameError {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const spec = this.parse(text);
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    this.map.set(text, spec);
    return spec;
  }
}

/**
 * The pseudo-variables one registry offers: the classes its modules declare, by name, with
 * the cache of parsed names. A core is given one (CoreServices.pvs, from the registry) and
 * every PV read or write of a message goes through it: which PVs exist is decided by the
 * modules a registry holds, not by what happened to be imported.
 */
export class PvTable {
  private readonly classes = new Map<string, PvClass>();
  private readonly cache = new PvNameCache(PV_CACHE_LIMIT, (text) => this.parse(text));

  /** `declarations`: [who declares them (a module name, for errors), their classes]. A name declared twice is refused. */
  constructor(declarations: ReadonlyArray<readonly [string, PvDeclarations]>) {
    const owner = new Map<string, string>();
    for (const [who, pvs] of declarations) {
      for (const [name, cls] of Object.entries(pvs)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`pseudo-variables of ${who}: '${name}' is not a PV name (letters, digits, _)`);
        const first = owner.get(name);
        if (first !== undefined) throw new Error(`pseudo-variables: $${name} is declared by ${first} and again by ${who}`);
        owner.set(name, who);
        this.classes.set(name, cls);
      }
    }
  }

  /** The names this table knows, without the $. */
  get names(): string[] {
    return [...this.classes.keys()];
  }

  /** How many parsed names the cache holds now (at most PV_CACHE_LIMIT). */
  get cacheSize(): number {
    return this.cache.size;
  }

  /** "$ru", "$var(x)", "$(hdr(Via)[1]{s.len})": null when the name is not a PV of this table. Cached. */
  lookup(text: string): PvSpec | null {
    const r = this.cache.lookup(text);
    return 'error' in r ? null : r;
  }

  /** As lookup, with why a name is refused. */
  resolve(text: string): PvSpec | PvNameError {
    return this.cache.lookup(text);
  }

  private parse(text: string): PvSpec | PvNameError {
    const p = parsePvName(text);
    if ('error' in p) return p;
    const cls = this.classes.get(p.name);
    const bad = (why: string): PvNameError => ({ error: `invalid pseudo-variable name "${text}": ${why}` });
    if (!cls) return bad(`no pseudo-variable $${p.name} is declared`);
    if (cls.hasArg !== (p.arg !== undefined)) {
      return bad(cls.hasArg ? `expected a name in parentheses, as $${p.name}(name)` : `$${p.name} takes no name in parentheses`);
    }
    if (p.index && !cls.getAll) return bad(`$${p.name} takes no index`);
    return { text, cls, arg: p.arg ?? '', ...(p.index ? { index: p.index } : {}), ...(p.chain.length > 0 ? { chain: p.chain } : {}) };
  }
}

export type PvRead = { ok: true; value: PvValue } | { ok: false; error: string };

/** Reads a PV of the context's core; an unknown name is an error (Kamailio logs it and answers $null). */
export function readPv(ctx: MsgContext, text: string): PvRead {
  const spec = ctx.core.pvs.resolve(text);
  if ('error' in spec) return { ok: false, error: spec.error };
  return { ok: true, value: specValue(ctx, spec) };
}

/** The value of a parsed name: its class's value, at its index, through its transformations. */
export function specValue(ctx: MsgContext, spec: PvSpec): PvValue {
  const raw = spec.index ? indexedValue(ctx, spec, spec.index) : spec.cls.get(ctx, spec.arg);
  if (!spec.chain) return raw;
  return runChain(spec.chain, raw, (name) => {
    const r = readPv(ctx, name);
    return r.ok ? r.value : null;
  });
}

/** [i] from the start, [-i] from the end, [*] every value joined with ',' (Kamailio's PV_IDX_ALL). */
function indexedValue(ctx: MsgContext, spec: PvSpec, index: PvIndex): PvValue {
  const all = spec.cls.getAll!(ctx, spec.arg);
  if (index.all) return all.length === 0 ? null : all.map(String).join(',');
  const i = indexNumber(ctx, index);
  if (i === null) return null;
  return all[i < 0 ? all.length + i : i] ?? null;
}

function indexNumber(ctx: MsgContext, index: PvIndex): number | null {
  if (index.pv === undefined) return index.n ?? 0;
  const r = readPv(ctx, index.pv);
  return r.ok && typeof r.value === 'number' ? r.value : null;
}

export type PvWrite = { ok: true } | { ok: false; error: string };

/** Writes a PV; false when the name is unknown, read-only, or the value does not fit it. */
export function writePv(ctx: MsgContext, text: string, value: PvValue): boolean {
  return writePvChecked(ctx, text, value).ok;
}

/** As writePv, saying why a write is refused. */
export function writePvChecked(ctx: MsgContext, text: string, value: PvValue): PvWrite {
  const spec = ctx.core.pvs.resolve(text);
  if ('error' in spec) return { ok: false, error: spec.error };
  if (!spec.cls.set) return { ok: false, error: `"${text}" is read-only` };
  if (spec.chain) return { ok: false, error: `"${text}" has transformations: it cannot be assigned` };
  if (spec.index) return writeIndexed(ctx, spec, spec.index, value);
  if (spec.cls.set(ctx, spec.arg, value)) return { ok: true };
  return { ok: false, error: `"${text}" does not take the value ${JSON.stringify(value)}` };
}

/** $(avp(x)[*]) = v: all removed, then v added; $(avp(x)[i]) = v replaces the i-th ($null removes it). */
function writeIndexed(ctx: MsgContext, spec: PvSpec, index: PvIndex, value: PvValue): PvWrite {
  if (spec.cls !== MESSAGE_PVS.avp) return { ok: false, error: `"${spec.text}": only $avp takes an index on assignment` };
  if (index.all) {
    ctx.avps.delete(spec.arg);
    if (value !== null) spec.cls.set!(ctx, spec.arg, value);
    return { ok: true };
  }
  const list = ctx.avps.get(spec.arg) ?? [];
  const i = indexNumber(ctx, index);
  const at = i === null ? -1 : i < 0 ? list.length + i : i;
  if (at < 0 || at >= list.length) return { ok: false, error: `"${spec.text}": no value at that index` };
  if (value === null) list.splice(at, 1);
  else list[at] = value;
  if (list.length === 0) ctx.avps.delete(spec.arg);
  return { ok: true };
}

/** Kamailio's str2sint: optional sign and digits, anything else is 0. */
export function toInt(value: PvValue): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (value === null) return 0;
  const m = /^\s*([+-]?\d+)\s*$/.exec(value);
  return m ? Number(m[1]) : 0;
}
