// The pseudo-variable engine behind KSR.pv.* and the core PVs Kamailio scripts use most.
// Names are parsed once and kept in a bounded LRU cache: Kamailio caches every distinct
// name forever (kamailio#1948, #3440), so names built at run time grow its memory without
// end; here the cache holds at most PV_CACHE_LIMIT names.
import type { MsgContext } from './context.js';
import {
  authUser, bodyText, callId, cseqNumber, firstContact, fromAddr, messageMethod, requestUri, toAddr,
} from './sip-values.js';
import { setRuri, setRuriPart } from './ruri-edit.js';
import { setAddrPart, type AddrHeader, type AddrPart } from './nameaddr-edit.js';
import type { NameAddr } from '../sip/message.js';

export type PvValue = string | number | null;

export interface PvClass {
  /** True for $name(arg) classes, false for $name. */
  readonly hasArg: boolean;
  get(ctx: MsgContext, arg: string): PvValue;
  /** Absent: read-only. `value` null means unset ($x = $null). */
  set?(ctx: MsgContext, arg: string, value: PvValue): boolean;
}

export interface PvSpec {
  readonly text: string;
  readonly cls: PvClass;
  readonly arg: string;
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

const PV_CLASSES: Readonly<Record<string, PvClass>> = {
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
  // Kamailio's $au is the user part of the credentials' username ($aU is all of it).
  au: { hasArg: false, get: (ctx) => authUser(ctx)?.split('@')[0] ?? null },
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
    set: (ctx, name, v) => {
      if (v === null) ctx.avps.delete(name);
      else ctx.avps.set(name, [v, ...(ctx.avps.get(name) ?? [])]);
      return true;
    },
  },
  hdr: { hasArg: true, get: (ctx, name) => ctx.msg.header(name)?.value ?? null },
  hdrc: { hasArg: true, get: (ctx, name) => ctx.msg.headersNamed(name).length },
};

/** PV classes other parts of the host add ($T_*, $snd): looked up after the built-in ones. */
const EXTRA_CLASSES = new Map<string, PvClass>();

/** Adds a PV class by name ("T_reply_code" for $T_reply_code); names already known are refused. */
export function registerPvClass(name: string, cls: PvClass): void {
  if (Object.hasOwn(PV_CLASSES, name) || EXTRA_CLASSES.has(name)) throw new Error(`registerPvClass: $${name} is already defined`);
  EXTRA_CLASSES.set(name, cls);
  cache.clear();
}

export const PV_CACHE_LIMIT = 1024;

/** Least-recently-used map of parsed names, capped. Invalid names are cached too (as null). */
class PvNameCache {
  private readonly map = new Map<string, PvSpec | null>();
  constructor(private readonly limit: number) {}

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }

  lookup(text: string): PvSpec | null {
    const hit = this.map.get(text);
    if (hit !== undefined || this.map.has(text)) {
      this.map.delete(text);
      this.map.set(text, hit ?? null);
      return hit ?? null;
    }
    const spec = parsePvName(text);
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    this.map.set(text, spec);
    return spec;
  }
}

const NAME = /^\$([A-Za-z_][A-Za-z0-9_]*)(?:\((.+)\))?$/s;

/** "$ru", "$var(x)", "$hdr(Via)": null when the name is not a PV this engine knows. */
export function parsePvName(text: string): PvSpec | null {
  const m = NAME.exec(text);
  if (!m) return null;
  const cls = Object.hasOwn(PV_CLASSES, m[1]!) ? PV_CLASSES[m[1]!]! : EXTRA_CLASSES.get(m[1]!);
  if (!cls || cls.hasArg !== (m[2] !== undefined)) return null;
  return { text, cls, arg: m[2] ?? '' };
}

const cache = new PvNameCache(PV_CACHE_LIMIT);

export function pvCacheSize(): number {
  return cache.size;
}

export function lookupPv(text: string): PvSpec | null {
  return cache.lookup(text);
}

export type PvRead = { ok: true; value: PvValue } | { ok: false; error: string };

/** Reads a PV; an unknown name is an error (Kamailio logs it and answers $null). */
export function readPv(ctx: MsgContext, text: string): PvRead {
  const spec = lookupPv(text);
  if (!spec) return { ok: false, error: `invalid pseudo-variable name "${text}"` };
  return { ok: true, value: spec.cls.get(ctx, spec.arg) };
}

/** Writes a PV; false when the name is unknown, read-only, or the value does not fit it. */
export function writePv(ctx: MsgContext, text: string, value: PvValue): boolean {
  const spec = lookupPv(text);
  if (!spec?.cls.set) return false;
  return spec.cls.set(ctx, spec.arg, value);
}

/** Kamailio's str2sint: optional sign and digits, anything else is 0. */
export function toInt(value: PvValue): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (value === null) return 0;
  const m = /^\s*([+-]?\d+)\s*$/.exec(value);
  return m ? Number(m[1]) : 0;
}
