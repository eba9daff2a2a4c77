// Contact aliases (RFC-friendly NAT traversal): ;alias=IP~PORT~PROTO added to the Contact URI
// (set_contact_alias, add_contact_alias, add_contact_alias_addr) and consumed from the R-URI of
// in-dialog requests (handle_ruri_alias: $du from it, the parameter removed), or read from the
// Contact into a PV (set_alias_to_pv). PROTO is Kamailio's number: 1 udp, 2 tcp, 3 tls, 4 sctp, 5 ws, 6 wss.
import type { MsgContext } from '../core/context.js';
import { writePv } from '../core/pv.js';
import { setRuri } from '../core/ruri-edit.js';
import { firstContact } from './contact-uri.js';
import { splitList } from '../sip/params.js';
import { contactReplaced, type Log } from './contact-fix.js';
import { isKamailioIp, sameAddress, sourceHost } from './addresses.js';
import { PROTO_BY_NUMBER, PROTO_NUMBER } from '../transport/types.js';
import type { Proto } from '../transport/types.js';

const MAX_URI = 1024;

function aliasValue(ctx: MsgContext): string {
  return `${sourceHost(ctx.rcv)}~${ctx.rcv.srcPort}~${PROTO_NUMBER[ctx.rcv.proto]}`;
}

/**
 * set_contact_alias([trim]): the whole Contact URI replaced by itself plus ;alias=source
 * (appended at its end), enclosed in <> when it was not. trim: an alias already there goes first.
 */
export function setContactAlias(ctx: MsgContext, trim: boolean, name: string, log: Log): number {
  const fn = trim ? 'set_contact_alias_trim' : 'set_contact_alias';
  const r = firstContact(ctx.msg);
  if (!r.ok) {
    if (!r.absent) log(`KSR.nathelper.${fn}: expected a Contact with a SIP URI, got ${r.why}`);
    return -1;
  }
  const c = r.c;
  if (contactReplaced(ctx, c)) {
    log(`KSR.nathelper.${fn}: the Contact was already rewritten: you can't update the contact twice`);
    return -1;
  }
  let uri = c.uriText;
  if (trim) uri = trimAlias(uri, name);
  const next = `${uri};${name}=${aliasValue(ctx)}`;
  if (next.length > MAX_URI) {
    log(`KSR.nathelper.${fn}: the Contact URI with its alias would exceed ${MAX_URI} characters`);
    return -1;
  }
  // uriText holds the buffer's bytes as latin1: written back the same way
  ctx.lumps.replace(c.uriStart, c.uriEnd, Buffer.from(c.angled ? next : `<${next}>`, 'latin1'));
  return 1;
}

/** The URI without its first `;name=...` parameter (Kamailio's uri_trim_rcv_alias). */
function trimAlias(uri: string, name: string): string {
  const lower = uri.toLowerCase();
  const key = `;${name.toLowerCase()}=`;
  const at = lower.indexOf(key);
  if (at < 0) return uri;
  let end = at + key.length;
  while (end < uri.length && uri[end] !== ';' && uri[end] !== '?') end++;
  return uri.slice(0, at) + uri.slice(end);
}

/**
 * add_contact_alias(): ;alias=source inserted after the Contact URI's host[:port] unless the
 * Contact already names the source (same IP, port and transport): then 2. No Contact: 2.
 */
export function addContactAlias(ctx: MsgContext, name: string, log: Log): number {
  if (!ctx.msg.header('contact')) return 2;
  const r = firstContact(ctx.msg);
  if (!r.ok) {
    log(`KSR.nathelper.add_contact_alias: expected a Contact with a SIP URI, got ${r.why}`);
    return -1;
  }
  const u = r.c.uri;
  // Kamailio 5.6 compares the URI's transport parameter itself: a Contact without one never
  // matches (not even over UDP), so it gets an alias
  const sameProto = (u.params.get('transport') ?? '').toLowerCase() === ctx.rcv.proto;
  const samePort = u.port === ctx.rcv.srcPort || (u.port === 0 && ctx.rcv.srcPort === 5060);
  if (u.hostType !== 'name' && sameAddress(ctx.rcv.srcIp, u.host) && samePort && sameProto) return 2;
  return insertAlias(ctx, 'add_contact_alias', name, aliasValue(ctx), log);
}

/** add_contact_alias(ip, port, proto): ;alias=ip~port~proto from the arguments, checked first. */
export function addContactAliasAddr(ctx: MsgContext, ip: string, port: string, proto: string, name: string, log: Log): number {
  const fn = 'add_contact_alias_addr';
  if (!ctx.msg.header('contact')) return 2;
  if (!isKamailioIp(ip)) {
    log(`KSR.nathelper.${fn}: ip param value ${JSON.stringify(ip.slice(0, 64))} is not a valid IP address`);
    return -1;
  }
  // Kamailio's str2int: digits, a leading '+' allowed
  const p = /^\+?\d{1,10}$/.test(port) ? Number(port) : NaN;
  if (!(p >= 1 && p <= 65535)) {
    log(`KSR.nathelper.${fn}: port param value ${JSON.stringify(port.slice(0, 16))} is not a valid port (1..65535)`);
    return -1;
  }
  const number = PROTO_NUMBER[proto.toLowerCase() as Proto];
  if (number === undefined) {
    log(`KSR.nathelper.${fn}: proto param value ${JSON.stringify(proto.slice(0, 16))} is not a known protocol (udp, tcp, tls, sctp, ws, wss)`);
    return -1;
  }
  const r = firstContact(ctx.msg);
  if (!r.ok) {
    log(`KSR.nathelper.${fn}: expected a Contact with a SIP URI, got ${r.why}`);
    return -1;
  }
  return insertAlias(ctx, fn, name, `${ip}~${port}~${number}`, log);
}

function insertAlias(ctx: MsgContext, fn: string, name: string, value: string, log: Log): number {
  const c = firstContact(ctx.msg);
  if (!c.ok) return -1;
  const span = c.c;
  if (contactReplaced(ctx, span)) {
    log(`KSR.nathelper.${fn}: the Contact was already rewritten: you can't call ${fn} twice`);
    return -1;
  }
  const buf = ctx.msg.buf;
  const hasBracket = buf.subarray(span.headerValueStart, span.headerValueEnd).includes(0x3c /* < */);
  if (!hasBracket) ctx.lumps.insert(span.headerValueStart, '<');
  ctx.lumps.insert(span.hostPortEnd, `;${name}=${value}${hasBracket ? '' : '>'}`);
  return 1;
}

/** Kamailio's scan needs at least "alias=" and five characters ("a~b~c") from where the parameter starts. */
const MIN_ALIAS_REST = 5;

/**
 * handle_ruri_alias([mode]): the R-URI's alias parameter (the first, or the last when mode is
 * not 0) becomes $du and leaves the R-URI. 1 done, 2 no alias parameter, -1 a malformed one.
 * The value is read as Kamailio 5.6 reads it: from "alias=" to the end of the URI parameters,
 * IP and port up to the second '~' (the first one becomes ':'), then one protocol digit that
 * must end the value or be followed by ';' or '?'.
 */
export function handleRuriAlias(ctx: MsgContext, mode: number, name: string, log: Log): number {
  const fn = mode === 0 ? 'handle_ruri_alias' : 'handle_ruri_alias_mode';
  if (!ctx.msg.isRequest) {
    log(`KSR.nathelper.${fn}: a reply has no Request-URI`);
    return -1;
  }
  const ruri = ctx.ruri;
  const q = ruri.indexOf('?');
  const paramsEnd = q >= 0 ? q : ruri.length;
  const firstSemi = ruri.indexOf(';');
  if (firstSemi < 0 || firstSemi >= paramsEnd) return 2;
  const key = `${name}=`;
  // where each parameter starts (just after its ';')
  const starts: number[] = [];
  for (let at = firstSemi; at >= 0 && at < paramsEnd; at = ruri.indexOf(';', at + 1)) starts.push(at + 1);
  const enough = (p: number) => paramsEnd - p >= key.length + MIN_ALIAS_REST;
  let rest = -1;
  if (mode === 0) {
    for (const p of starts) {
      if (!enough(p)) break;
      if (ruri.startsWith(key, p)) {
        rest = p;
        break;
      }
    }
  } else {
    for (const p of starts) if (enough(p) && ruri.startsWith(key, p)) rest = p;
  }
  if (rest < 0) return 2;
  const valStart = rest + key.length;
  const val = ruri.slice(valStart, paramsEnd);
  const port = val.indexOf('~');
  if (port < 0) return malformed(log, fn, name, val, "no '~'");
  const trans = val.indexOf('~', port + 1);
  if (trans < 0) return malformed(log, fn, name, val, "no second '~'");
  const protoChar = val[trans + 1];
  if (protoChar === undefined || protoChar === ';' || protoChar === '?') return malformed(log, fn, name, val, 'no proto');
  const proto = PROTO_BY_NUMBER[protoChar.charCodeAt(0) - 48];
  if (!proto) return malformed(log, fn, name, val, 'unknown proto');
  const next = val[trans + 2];
  if (next !== undefined && next !== ';' && next !== '?') return malformed(log, fn, name, val, 'junk after the proto');
  const ipPort = `${val.slice(0, port)}:${val.slice(port + 1, trans)}`;
  const du = `sip:${ipPort}${proto === 'udp' ? '' : `;transport=${proto === 'wss' ? 'ws' : proto}`}`;
  const newRuri = ruri.slice(0, rest - 1) + ruri.slice(valStart + trans + 2);
  if (!setRuri(ctx, newRuri)) {
    log(`KSR.nathelper.${fn}: the R-URI without its alias is not a valid URI: ${JSON.stringify(newRuri.slice(0, 120))}`);
    return -1;
  }
  ctx.dstUri = du;
  return 1;
}

function malformed(log: Log, fn: string, name: string, val: string, why: string): number {
  log(`KSR.nathelper.${fn}: ${why} in the R-URI's ${name} parameter: expected ${name}=IP~PORT~PROTO (PROTO 1..6), got ${JSON.stringify(val.slice(0, 80))}`);
  return -1;
}

/** Kamailio's proto_type_to_str for an alias's number: WSS is written "ws"; an unknown one is empty. */
const ALIAS_TRANSPORT: Readonly<Record<number, string>> = { 1: 'udp', 2: 'tcp', 3: 'tls', 4: 'sctp', 5: 'ws', 6: 'ws' };

/**
 * set_alias_to_pv(pv): the first ";alias=IP~PORT~PROTO" of the Contact header (one contact in it)
 * as "sip:IP:PORT;transport=X" into the PV, read as leniently as Kamailio's nh_alias_to_uri: the
 * IP up to the first '~' (not empty), the port up to the second (any text), PROTO the digits after
 * it (transport empty when unknown). 1, or -1 when there is no such alias.
 */
export function setAliasToPv(ctx: MsgContext, pv: string, name: string, log: Log): number {
  const fn = 'set_alias_to_pv';
  const hf = ctx.msg.header('contact');
  if (!hf) {
    log(`KSR.nathelper.${fn}: no Contact header`);
    return -1;
  }
  const raw = ctx.msg.buf.toString('latin1', hf.valueStart, hf.valueEnd);
  let count = 0;
  try {
    count = splitList(raw).length;
  } catch {
    count = 0;
  }
  if (count !== 1) {
    log(`KSR.nathelper.${fn}: couldn't parse the Contact header (expected one contact, got ${JSON.stringify(raw.slice(0, 80))})`);
    return -1;
  }
  const key = `;${name}=`;
  const at = raw.indexOf(key);
  if (at < 0) return -1;
  const rest = raw.slice(at + key.length);
  const t1 = rest.indexOf('~');
  const t2 = t1 > 0 ? rest.indexOf('~', t1 + 1) : -1;
  if (t2 < 0) {
    log(`KSR.nathelper.${fn}: expected ${name}=IP~PORT~PROTO in the Contact, got ${JSON.stringify(rest.slice(0, 80))}`);
    return -1;
  }
  const digits = /^\d{0,9}/.exec(rest.slice(t2 + 1))![0];
  const transport = ALIAS_TRANSPORT[digits === '' ? 0 : Number(digits)] ?? '';
  const uri = `sip:${rest.slice(0, t1)}:${rest.slice(t1 + 1, t2)};transport=${transport}`;
  if (!writePv(ctx, pv, Buffer.from(uri, 'latin1').toString('utf8'))) {
    log(`KSR.nathelper.${fn}: ${JSON.stringify(pv.slice(0, 64))} is not a writable pseudo-variable`);
    return -1;
  }
  return 1;
}
