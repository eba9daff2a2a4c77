// SIP/SIPS/tel URIs (RFC 3261 §19.1, RFC 3966). parseUri works on the text of one URI with
// no surrounding <>; user and password come back unescaped, params and headers as written
// (names of params lower-cased). One forward scan; errors are SipParseError.
import { isIPv6 } from 'node:net';
import { SipParseError, excerpt } from './errors.js';

export interface SipUri {
  scheme: 'sip' | 'sips' | 'tel';
  user: string;
  password: string;
  host: string;
  hostType: 'name' | 'ipv4' | 'ipv6';
  /** 0 when absent */
  port: number;
  /** lower-case names; value '' for flag params */
  params: Map<string, string>;
  headers: Map<string, string>;
  raw: string;
}

const MAX_URI = 8192;

// The scanners return a reason string instead of throwing: tryParseUri is used on every
// address of a list, and building (and unwinding) an exception per junk URI would make a
// hostile list of them cost far more than the parse itself.
type Failed = string;

export function parseUri(text: string): SipUri {
  const r = scanUri(text);
  if (typeof r === 'string') throw new SipParseError('Bad URI', `${r} in ${excerpt(text.trim())}`);
  return r;
}

export function tryParseUri(text: string): SipUri | null {
  const r = scanUri(text);
  return typeof r === 'string' ? null : r;
}

function isSupportedScheme(scheme: string): boolean {
  return scheme === 'sip' || scheme === 'sips' || scheme === 'tel';
}

/** 'sip', 'sips' or 'tel' written (in any case) before the colon at s[colon]; undefined for another scheme. */
function schemeOf(s: string, colon: number): SipUri['scheme'] | undefined {
  if (colon === 3) {
    const a = s.charCodeAt(0) | 0x20, b = s.charCodeAt(1) | 0x20, c = s.charCodeAt(2) | 0x20;
    if (a === 0x73 && b === 0x69 && c === 0x70) return 'sip';
    if (a === 0x74 && b === 0x65 && c === 0x6c) return 'tel';
  } else if (colon === 4 && (s.charCodeAt(0) | 0x20) === 0x73 && (s.charCodeAt(1) | 0x20) === 0x69 && (s.charCodeAt(2) | 0x20) === 0x70 && (s.charCodeAt(3) | 0x20) === 0x73) {
    return 'sips';
  }
  // not ASCII letters: as toLowerCase reads them (no other character lower-cases to these)
  const scheme = s.slice(0, colon).toLowerCase();
  return isSupportedScheme(scheme) ? (scheme as SipUri['scheme']) : undefined;
}


function scanUri(text: string): SipUri | Failed {
  const raw = text;
  const s = text.trim();
  if (s.length > MAX_URI) return `longer than ${MAX_URI} chars`;
  const colon = s.indexOf(':');
  if (colon <= 0) return 'missing scheme';
  const scheme = schemeOf(s, colon);
  if (scheme === undefined) return 'unsupported scheme';
  for (let i = colon + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // whitespace, controls, quotes and angle brackets are never part of a URI
    if (c <= 0x20 || c === 0x7f || c === 0x22 || c === 0x3c || c === 0x3e) return 'forbidden character';
  }
  if (scheme === 'tel') return scanTel(s, colon + 1, raw);
  return scanSip(scheme as 'sip' | 'sips', s, colon + 1, raw);
}

function scanSip(scheme: 'sip' | 'sips', s: string, i: number, raw: string): SipUri | Failed {
  // userinfo ends at the first '@': host, params and headers never hold a bare '@'
  const at = s.indexOf('@', i);
  let user = '';
  let password = '';
  if (at >= 0) {
    const userinfo = s.slice(i, at);
    const pc = userinfo.indexOf(':');
    if (userinfo === '' || pc === 0) return 'empty user part';
    const u = unescapeUri(pc >= 0 ? userinfo.slice(0, pc) : userinfo);
    const pw = pc >= 0 ? unescapeUri(userinfo.slice(pc + 1)) : '';
    if (u === null || pw === null) return 'malformed %-escape';
    user = u;
    password = pw;
    i = at + 1;
  }
  const n = s.length;
  let host: string;
  let hostType: SipUri['hostType'];
  if (s.charCodeAt(i) === 0x5b) {
    const close = s.indexOf(']', i);
    if (close < 0) return 'unterminated IPv6 reference';
    host = s.slice(i + 1, close);
    if (host.length > 64 || !isIPv6(host)) return 'invalid IPv6 address';
    hostType = 'ipv6';
    i = close + 1;
  } else {
    const hs = i;
    while (i < n && !endsHostOrPort(s.charCodeAt(i))) i++;
    host = s.slice(hs, i);
    const kind = hostKind(host);
    if (kind !== 'name' && kind !== 'ipv4') return kind;
    hostType = kind;
  }
  let port = 0;
  if (s.charCodeAt(i) === 0x3a) {
    const ps = ++i;
    while (i < n && !endsParam(s.charCodeAt(i))) i++;
    port = parsePort(s, ps, i);
    if (port < 0) return 'invalid port';
  }
  const params = new Map<string, string>();
  while (i < n && s.charCodeAt(i) === 0x3b) {
    const ps = ++i;
    while (i < n && !endsParam(s.charCodeAt(i))) i++;
    if (!addPair(params, s.slice(ps, i), true)) return 'empty parameter name';
  }
  // a new map each: a shared empty Map subclass that refused changes was tried, and every Map
  // call site reading parsed values then saw two shapes (replies built 50 % slower); a shared
  // plain Map could be changed by any reader
  const headers = new Map<string, string>();
  if (i < n) {
    if (s.charCodeAt(i) !== 0x3f) return 'unexpected character after host';
    for (const pair of s.slice(i + 1).split('&')) if (pair !== '' && !addPair(headers, pair, false)) return 'empty header name';
  }
  return { scheme, user, password, host, hostType, port, params, headers, raw };
}

// RFC 3966 telephone-subscriber characters (digits, hex for local numbers, visual separators)
const TEL_CHARS = new Set('0123456789ABCDEFabcdef*#+-.()pPwW%');

function scanTel(s: string, i: number, raw: string): SipUri | Failed {
  const n = s.length;
  const ns = i;
  while (i < n && s[i] !== ';') i++;
  const num = s.slice(ns, i);
  if (num === '') return 'empty telephone number';
  for (let k = 0; k < num.length; k++) if (!TEL_CHARS.has(num[k])) return 'invalid character in telephone number';
  const user = unescapeUri(num);
  if (user === null) return 'malformed %-escape';
  const params = new Map<string, string>();
  while (i < n && s[i] === ';') {
    const ps = ++i;
    while (i < n && s[i] !== ';') i++;
    if (!addPair(params, s.slice(ps, i), true)) return 'empty parameter name';
  }
  return { scheme: 'tel', user, password: '', host: '', hostType: 'name', port: 0, params, headers: new Map(), raw };
}

/** Adds name[=value]; false when the name is empty. The first of duplicate names wins. */
function addPair(map: Map<string, string>, pair: string, lowerName: boolean): boolean {
  const eq = pair.indexOf('=');
  const name = eq >= 0 ? pair.slice(0, eq) : pair;
  if (name === '') return false;
  const key = lowerName ? name.toLowerCase() : name;
  if (!map.has(key)) map.set(key, eq >= 0 ? pair.slice(eq + 1) : '');
  return true;
}

/** ':', ';' or '?': where a host ends. */
function endsHostOrPort(c: number): boolean {
  return c === 0x3a || c === 0x3b || c === 0x3f;
}

/** ';' or '?': where a port or a parameter ends. */
function endsParam(c: number): boolean {
  return c === 0x3b || c === 0x3f;
}

/** s[a, b) as a port: 1..65535, or -1. */
function parsePort(s: string, a: number, b: number): number {
  if (b === a || b - a > 5) return -1;
  let v = 0;
  for (let k = a; k < b; k++) {
    const d = s.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v >= 1 && v <= 65535 ? v : -1;
}

function hostKind(host: string): 'name' | 'ipv4' | Failed {
  if (host === '') return 'empty host';
  if (host.length > 255) return 'host name too long';
  let digitsAndDots = true;
  for (let k = 0; k < host.length; k++) {
    const c = host.charCodeAt(k);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!alnum && c !== 0x2d && c !== 0x2e && c !== 0x5f) return 'invalid character in host';
    if (!(c === 0x2e || (c >= 0x30 && c <= 0x39))) digitsAndDots = false;
  }
  return digitsAndDots && isIPv4(host) ? 'ipv4' : 'name';
}

/** Dotted quad, each part 0..255 with 1-3 digits. */
export function isIPv4(host: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? host.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || value > 255) return false;
      parts++;
      digits = 0;
      value = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (++digits > 3) return false;
      value = value * 10 + (c - 0x30);
    } else return false;
  }
  return parts === 4;
}

/** %XX decoding to UTF-8 text; null for a lone or malformed %. */
function unescapeUri(text: string): string | null {
  if (text.indexOf('%') < 0) return text;
  const bytes: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x25) {
      const hi = hexValue(text.charCodeAt(k + 1));
      const lo = hexValue(text.charCodeAt(k + 2));
      if (hi < 0 || lo < 0) return null;
      bytes.push(hi * 16 + lo);
      k += 2;
    } else if (c < 0x80) bytes.push(c);
    else for (const b of Buffer.from(text[k], 'utf8')) bytes.push(b);
  }
  return Buffer.from(bytes).toString('utf8');
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1; // also NaN past the end
}

// RFC 3261 §25.1: unreserved = alphanum / "-" "_" "." "!" "~" "*" "'" "(" ")"
const UNRESERVED = "-_.!~*'()";
const USER_EXTRA = '&=+$,;?/';
const PASSWORD_EXTRA = '&=+$,';

function escapeUri(text: string, extra: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (ch.length === 1 && (alnum || UNRESERVED.includes(ch) || extra.includes(ch))) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function formatUri(u: SipUri): string {
  let out = u.scheme + ':';
  if (u.scheme === 'tel') {
    out += escapeUri(u.user, USER_EXTRA + '#+');
  } else {
    if (u.user !== '') {
      out += escapeUri(u.user, USER_EXTRA);
      if (u.password !== '') out += ':' + escapeUri(u.password, PASSWORD_EXTRA);
      out += '@';
    }
    out += u.hostType === 'ipv6' ? `[${u.host}]` : u.host;
    if (u.port) out += ':' + u.port;
  }
  for (const [k, v] of u.params) out += v === '' ? `;${k}` : `;${k}=${v}`;
  if (u.scheme !== 'tel' && u.headers.size > 0) {
    out += '?' + [...u.headers].map(([k, v]) => `${k}=${v}`).join('&');
  }
  return out;
}

/** 'udp' by default, the ;transport= value (lower-case) when given, 'tls' for sips. */
export function uriTransport(u: SipUri): string {
  const t = (u.params.get('transport') ?? '').toLowerCase();
  if (u.scheme === 'sips') return t === 'ws' || t === 'wss' ? 'wss' : 'tls';
  return t === '' ? 'udp' : t;
}

/** The protocols we can send over: what a next hop may resolve to. */
export type SendProto = 'udp' | 'tcp' | 'tls' | 'ws' | 'wss';

/** The stream protocols: a message to a peer goes over the connection it has open (by id or address). */
export type ConnectionProto = 'tcp' | 'tls' | 'ws' | 'wss';

export function isConnectionProto(p: string): p is ConnectionProto {
  return p === 'tcp' || p === 'tls' || p === 'ws' || p === 'wss';
}

/**
 * The protocol a next-hop URI asks to be sent over, null when we have no sender for it (sctp,
 * an unknown value). No ;transport= on a sip: URI: null (the caller's default, or DNS, decides);
 * sips: TLS, or WSS with ;transport=ws (RFC 7118 §5.2 registers only "ws": a secure WebSocket
 * is a sips: URI, or "wss" as some UAs write it).
 */
export function sendProtoOf(u: SipUri): SendProto | null {
  const t = (u.params.get('transport') ?? '').toLowerCase();
  if (u.scheme === 'sips') return t === 'ws' || t === 'wss' ? 'wss' : t === '' || t === 'tls' || t === 'tcp' ? 'tls' : null;
  if (t === '') return null;
  return t === 'udp' || t === 'tcp' || t === 'tls' || t === 'ws' || t === 'wss' ? t : null;
}

/**
 * The ";transport=..." of a URI naming one of our sockets (Record-Route, Path, received): none
 * for UDP; "ws" for WS and WSS alike, as Kamailio writes it (RFC 7118 §5.2 has no "wss" value).
 */
export function transportParamOf(proto: string): string {
  const p = proto.toLowerCase();
  if (p === 'udp' || p === '') return '';
  return `;transport=${p === 'wss' ? 'ws' : p}`;
}
