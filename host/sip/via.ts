// Via values (RFC 3261 §20.42): "SIP / 2.0 / UDP host:port ;params". One Via line may
// carry several values separated by commas; the list split lives in params.ts.
import { isIPv6 } from 'node:net';
import { SipParseError, excerpt } from './errors.js';
import { parseParams, skipWs, isWsp } from './params.js';
import { SLASH } from './char-codes.js';

export interface Via {
  /** 'SIP/2.0/UDP' */
  protocol: string;
  /** 'UDP' (upper-case) */
  transport: string;
  host: string;
  /** 0 if absent */
  port: number;
  /** lower-case names; '' for flag params like rport */
  params: Map<string, string>;
  branch: string | undefined;
  raw: string;
}

function bad(why: string, text: string): SipParseError {
  return new SipParseError('Bad Via', `${why} in ${excerpt(text)}`);
}

/** End of a token of the sent-protocol: at '/', whitespace or the end. */
function protoEnd(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) !== SLASH && !isWsp(s.charCodeAt(i))) i++;
  return i;
}

export function parseVia(raw: string): Via {
  const s = raw;
  // the three parts of the sent-protocol by offsets (no object per part)
  const nameStart = skipWs(s, 0);
  const nameEnd = protoEnd(s, nameStart);
  let i = skipWs(s, nameEnd);
  if (s.charCodeAt(i) !== SLASH) throw bad('expected "/" after protocol name', s);
  const verStart = skipWs(s, i + 1);
  const verEnd = protoEnd(s, verStart);
  i = skipWs(s, verEnd);
  if (s.charCodeAt(i) !== SLASH) throw bad('expected "/" after protocol version', s);
  const trStart = skipWs(s, i + 1);
  const trEnd = protoEnd(s, trStart);
  i = trEnd;
  if (nameEnd === nameStart || verEnd === verStart || trEnd === trStart) throw bad('incomplete sent-protocol', s);
  const name = s.slice(nameStart, nameEnd);
  if (name !== 'SIP' && name.toUpperCase() !== 'SIP') throw bad('protocol is not SIP', s);
  if (i >= s.length || !isWsp(s.charCodeAt(i))) throw bad('expected space after sent-protocol', s);
  i = skipWs(s, i);

  let host: string;
  if (s[i] === '[') {
    const close = s.indexOf(']', i);
    if (close < 0) throw bad('unterminated IPv6 reference', s);
    host = s.slice(i + 1, close);
    if (host.length > 64 || !isIPv6(host)) throw bad('invalid IPv6 address', s);
    i = close + 1;
  } else {
    const hs = i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e || c === 0x5f;
      if (!ok) break;
      i++;
    }
    host = s.slice(hs, i);
  }
  if (host === '') throw bad('missing host', s);
  i = skipWs(s, i);
  let port = 0;
  if (s[i] === ':') {
    i = skipWs(s, i + 1);
    const ps = i;
    while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) port = port * 10 + s.charCodeAt(i++) - 0x30;
    if (i === ps || i - ps > 5) throw bad('invalid port', s);
    if (port < 1 || port > 65535) throw bad('port out of range', s);
  }
  // a trailing comment "(...)" is allowed by the grammar and carries nothing we use
  let end = s.length;
  if (endsWithParen(s)) {
    const paren = s.lastIndexOf('(');
    if (paren >= i) end = paren;
  }
  const { params, end: pend } = parseParams(end === s.length ? s : s.slice(0, end), i, 'Via');
  if (pend < end) throw bad('junk after parameters', s);
  const transport = s.slice(trStart, trEnd);
  // written without blanks around the slashes (the usual "SIP/2.0/UDP"): the text itself
  const protocol = nameEnd + 1 === verStart && verEnd + 1 === trStart ? s.slice(nameStart, trEnd) : `${name}/${s.slice(verStart, verEnd)}/${transport}`;
  return { protocol, transport: upperTransport(transport), host, port, params, branch: params.get('branch'), raw };
}

/** The last character that is not whitespace (as String.trimEnd sees it) is ')'. */
function endsWithParen(s: string): boolean {
  for (let e = s.length - 1; e >= 0; e--) {
    const c = s.charCodeAt(e);
    if (c === 0x29) return true;
    if ((c > 0x20 && c < 0x7f) || !WHITE.test(s[e]!)) return false;
  }
  return false;
}
const WHITE = /\s/;

/** The transport in upper case: the text itself when it is so already (no copy). */
function upperTransport(t: string): string {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) return t.toUpperCase();
    if (c > 0x7f) return t.toUpperCase();
  }
  return t;
}
