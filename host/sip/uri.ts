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

function bad(reason: string, text: string): SipParseError {
  return new SipParseError('Bad URI', `${reason} in ${excerpt(text)}`);
}

export function parseUri(text: string): SipUri {
  const raw = text;
  const s = text.trim();
  if (s.length > MAX_URI) throw bad(`longer than ${MAX_URI} chars`, s);
  const colon = s.indexOf(':');
  if (colon <= 0) throw bad('missing scheme', s);
  const scheme = s.slice(0, colon).toLowerCase();
  if (scheme !== 'sip' && scheme !== 'sips' && scheme !== 'tel') throw bad(`unsupported scheme "${excerpt(scheme, 10)}"`, s);
  for (let i = colon + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // whitespace, controls, quotes and angle brackets are never part of a URI
    if (c <= 0x20 || c === 0x7f || c === 0x22 || c === 0x3c || c === 0x3e) throw bad('forbidden character', s);
  }
  if (scheme === 'tel') return parseTel(s, colon + 1, raw);
  return parseSip(scheme, s, colon + 1, raw);
}

export function tryParseUri(text: string): SipUri | null {
  try {
    return parseUri(text);
  } catch (e) {
    if (e instanceof SipParseError) return null;
    throw e;
  }
}

function parseSip(scheme: 'sip' | 'sips', s: string, i: number, raw: string): SipUri {
  // userinfo ends at the first '@': host, params and headers never hold a bare '@'
  const at = s.indexOf('@', i);
  let user = '';
  let password = '';
  if (at >= 0) {
    const userinfo = s.slice(i, at);
    const pc = userinfo.indexOf(':');
    user = unescapeUri(pc >= 0 ? userinfo.slice(0, pc) : userinfo, s);
    password = pc >= 0 ? unescapeUri(userinfo.slice(pc + 1), s) : '';
    if (userinfo === '' || (pc === 0)) throw bad('empty user part', s);
    i = at + 1;
  }
  const n = s.length;
  let host: string;
  let hostType: SipUri['hostType'];
  if (s[i] === '[') {
    const close = s.indexOf(']', i);
    if (close < 0) throw bad('unterminated IPv6 reference', s);
    host = s.slice(i + 1, close);
    if (host.length > 64 || !isIPv6(host)) throw bad('invalid IPv6 address', s);
    hostType = 'ipv6';
    i = close + 1;
  } else {
    const hs = i;
    while (i < n && s[i] !== ':' && s[i] !== ';' && s[i] !== '?') i++;
    host = s.slice(hs, i);
    hostType = hostKind(host, s);
  }
  let port = 0;
  if (s[i] === ':') {
    const ps = ++i;
    while (i < n && s[i] !== ';' && s[i] !== '?') i++;
    port = parsePort(s.slice(ps, i), s);
  }
  const params = new Map<string, string>();
  while (i < n && s[i] === ';') {
    const ps = ++i;
    while (i < n && s[i] !== ';' && s[i] !== '?') i++;
    addPair(params, s.slice(ps, i), true, s);
  }
  const headers = new Map<string, string>();
  if (i < n) {
    if (s[i] !== '?') throw bad('unexpected character after host', s);
    for (const pair of s.slice(i + 1).split('&')) if (pair !== '') addPair(headers, pair, false, s);
  }
  return { scheme, user, password, host, hostType, port, params, headers, raw };
}

function parseTel(s: string, i: number, raw: string): SipUri {
  const n = s.length;
  const ns = i;
  while (i < n && s[i] !== ';') i++;
  const num = s.slice(ns, i);
  if (num === '') throw bad('empty telephone number', s);
  for (let k = 0; k < num.length; k++) {
    const c = num[k];
    if (!/[0-9A-Fa-f*#+\-.()pPwW%]/.test(c)) throw bad('invalid character in telephone number', s);
  }
  const params = new Map<string, string>();
  while (i < n && s[i] === ';') {
    const ps = ++i;
    while (i < n && s[i] !== ';') i++;
    addPair(params, s.slice(ps, i), true, s);
  }
  return { scheme: 'tel', user: unescapeUri(num, s), password: '', host: '', hostType: 'name', port: 0, params, headers: new Map(), raw };
}

function addPair(map: Map<string, string>, pair: string, lowerName: boolean, s: string): void {
  const eq = pair.indexOf('=');
  const name = eq >= 0 ? pair.slice(0, eq) : pair;
  if (name === '') throw bad('empty parameter name', s);
  const key = lowerName ? name.toLowerCase() : name;
  if (!map.has(key)) map.set(key, eq >= 0 ? pair.slice(eq + 1) : '');
}

function parsePort(p: string, s: string): number {
  if (p.length === 0 || p.length > 5) throw bad('invalid port', s);
  let v = 0;
  for (let k = 0; k < p.length; k++) {
    const d = p.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9) throw bad('invalid port', s);
    v = v * 10 + d;
  }
  if (v < 1 || v > 65535) throw bad('port out of range', s);
  return v;
}

function hostKind(host: string, s: string): 'name' | 'ipv4' {
  if (host === '') throw bad('empty host', s);
  if (host.length > 255) throw bad('host name too long', s);
  let digitsAndDots = true;
  for (let k = 0; k < host.length; k++) {
    const c = host.charCodeAt(k);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!alnum && c !== 0x2d && c !== 0x2e && c !== 0x5f) throw bad('invalid character in host', s);
    if (!(c === 0x2e || (c >= 0x30 && c <= 0x39))) digitsAndDots = false;
  }
  if (digitsAndDots && isIPv4(host)) return 'ipv4';
  return 'name';
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

/** %XX decoding to UTF-8 text; a lone or malformed % is an error. */
function unescapeUri(text: string, s: string): string {
  if (text.indexOf('%') < 0) return text;
  const bytes: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x25) {
      const h = parseInt(text.slice(k + 1, k + 3), 16);
      if (k + 2 >= text.length || !/^[0-9A-Fa-f]{2}$/.test(text.slice(k + 1, k + 3)) || Number.isNaN(h)) throw bad('malformed %-escape', s);
      bytes.push(h);
      k += 2;
    } else if (c < 0x80) bytes.push(c);
    else for (const b of Buffer.from(text[k], 'utf8')) bytes.push(b);
  }
  return Buffer.from(bytes).toString('utf8');
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
