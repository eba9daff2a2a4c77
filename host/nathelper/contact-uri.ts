// Where the Contacts of the received message are, in bytes of its buffer: what nathelper's
// rewrites anchor their lumps at (Kamailio's get_contact_uri / contact_iterator). The first
// Contact is the one fix_nated_contact, the alias functions and the nat tests look at.
import type { SipMessage } from '../sip/message.js';
import { parseNameAddr } from '../sip/name-addr.js';
import { splitList } from '../sip/params.js';
import { tryParseUri, type SipUri } from '../sip/uri.js';

/** Most Contacts a message may have for add_rcv_param (a REGISTER with more is refused). */
export const MAX_CONTACTS = 64;

export interface ContactSpan {
  /** The whole contact (name-addr and its header params), [start, end) in the buffer. */
  start: number;
  end: number;
  /** The URI text, [uriStart, uriEnd) in the buffer. */
  uriStart: number;
  uriEnd: number;
  uriText: string;
  uri: SipUri;
  /** The host part of the URI ([..] included for IPv6) and the end of host[:port], in the buffer. */
  hostStart: number;
  hostEnd: number;
  hostPortEnd: number;
  /** Whether the URI is enclosed in <>. */
  angled: boolean;
  /** The Contact header line's body, in the buffer (add_contact_alias looks for a '<' in it). */
  headerValueStart: number;
  headerValueEnd: number;
}

/** truncated: there were more than `max` Contacts; the list holds the first `max`. */
export type ContactsResult = { ok: true; list: ContactSpan[]; truncated: boolean } | { ok: false; why: string };

/**
 * Every Contact of the message (at most max), in order. Fails (why) on no Contact header, a
 * star, or a Contact whose URI is not a SIP URI, as Kamailio's parse_contact/parse_uri do.
 */
export function contactSpans(msg: SipMessage, max = MAX_CONTACTS, requireSip = true): ContactsResult {
  const lines = msg.headersNamed('contact');
  if (lines.length === 0) return { ok: false, why: 'no Contact header' };
  const list: ContactSpan[] = [];
  for (const hf of lines) {
    const raw = msg.buf.toString('latin1', hf.valueStart, hf.valueEnd);
    let ranges: Array<[number, number]>;
    try {
      ranges = splitList(raw);
    } catch {
      return { ok: false, why: `Contact ${JSON.stringify(raw.slice(0, 80))} cannot be parsed` };
    }
    for (const [a, b] of ranges) {
      if (list.length >= max) return { ok: true, list, truncated: true };
      const span = spanOf(raw, a, b, hf.valueStart, hf.valueEnd, requireSip);
      if (typeof span === 'string') return { ok: false, why: span };
      list.push(span);
    }
  }
  if (list.length === 0) return { ok: false, why: 'empty Contact header' };
  return { ok: true, list, truncated: false };
}

/**
 * The contact Kamailio's get_contact_uri picks: the LAST contact of the FIRST Contact header
 * line (its parser links the contacts of a line in reverse; checked against Kamailio 5.6).
 * `absent`: the message has no Contact header, which Kamailio's nathelper answers with -1 and
 * no log line (an ACK or a BYE has none: set_contact_alias on every in-dialog request must not
 * log each).
 */
export function firstContact(msg: SipMessage): { ok: true; c: ContactSpan } | { ok: false; why: string; absent?: true } {
  const first = msg.headers.find((h) => h.lname === 'contact');
  if (!first) return { ok: false, why: 'no Contact header', absent: true };
  const r = lineSpans(msg, first.valueStart, first.valueEnd, MAX_CONTACTS);
  if (typeof r === 'string') return { ok: false, why: r };
  if (r.length === 0) return { ok: false, why: 'empty Contact header' };
  return { ok: true, c: r[r.length - 1]! };
}

/** The contacts of one Contact line, at most max; a string says why it cannot be parsed. */
function lineSpans(msg: SipMessage, valueStart: number, valueEnd: number, max: number): ContactSpan[] | string {
  const raw = msg.buf.toString('latin1', valueStart, valueEnd);
  let ranges: Array<[number, number]>;
  try {
    ranges = splitList(raw);
  } catch {
    return `Contact ${JSON.stringify(raw.slice(0, 80))} cannot be parsed`;
  }
  if (ranges.length > max) return `more than ${max} contacts in one Contact header`;
  const out: ContactSpan[] = [];
  for (const [a, b] of ranges) {
    const span = spanOf(raw, a, b, valueStart, valueEnd);
    if (typeof span === 'string') return span;
    out.push(span);
  }
  return out;
}

/** requireSip false: any URI a name-addr holds (tel: too; add_rcv_param needs only where it ends), uri then null-safe. */
function spanOf(raw: string, a: number, b: number, base: number, valueEnd: number, requireSip = true): ContactSpan | string {
  const text = raw.slice(a, b);
  if (text.trim() === '*') return 'Contact is "*"';
  let uriText: string;
  try {
    uriText = parseNameAddr(text, 'Contact').uriText;
  } catch {
    return `Contact ${JSON.stringify(text.slice(0, 80))} cannot be parsed`;
  }
  const parsed = tryParseUri(uriText);
  const sip = parsed !== null && parsed.scheme !== 'tel';
  if (!sip && requireSip) return `Contact URI ${JSON.stringify(uriText.slice(0, 80))} is not a SIP URI`;
  const uri: SipUri = parsed ?? { scheme: 'tel', user: '', password: '', host: '', hostType: 'name', port: 0, params: new Map(), headers: new Map(), raw: uriText };
  const at = text.indexOf(uriText);
  if (at < 0) return `Contact URI ${JSON.stringify(uriText.slice(0, 80))} not found in its header`;
  const uriStart = base + a + at;
  const hp = hostPortOf(uriText) ?? (requireSip ? null : { hostStart: uriText.length, hostEnd: uriText.length, hostPortEnd: uriText.length });
  if (!hp) return `Contact URI ${JSON.stringify(uriText.slice(0, 80))} has no host`;
  return {
    start: base + a, end: base + b, uriStart, uriEnd: uriStart + uriText.length, uriText, uri,
    hostStart: uriStart + hp.hostStart, hostEnd: uriStart + hp.hostEnd, hostPortEnd: uriStart + hp.hostPortEnd,
    angled: raw[at + a - 1] === '<', headerValueStart: base, headerValueEnd: valueEnd,
  };
}

/** Offsets in a SIP URI's text of its host and of the end of host[:port]. */
export function hostPortOf(uriText: string): { hostStart: number; hostEnd: number; hostPortEnd: number } | null {
  const colon = uriText.indexOf(':');
  if (colon < 0) return null;
  let end = uriText.length;
  for (let i = colon + 1; i < uriText.length; i++) {
    const ch = uriText[i];
    if (ch === ';' || ch === '?') {
      end = i;
      break;
    }
  }
  const at = uriText.lastIndexOf('@', end - 1);
  const hostStart = at > colon ? at + 1 : colon + 1;
  let hostEnd: number;
  if (uriText[hostStart] === '[') {
    const close = uriText.indexOf(']', hostStart);
    if (close < 0 || close >= end) return null;
    hostEnd = close + 1;
  } else {
    const c = uriText.indexOf(':', hostStart);
    hostEnd = c >= 0 && c < end ? c : end;
  }
  if (hostEnd <= hostStart) return null;
  return { hostStart, hostEnd, hostPortEnd: end };
}
