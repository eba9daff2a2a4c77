// Where the URIs of the Contact header are in the received buffer, for siputils' contact
// encodings: each is replaced in place by a lump, as Kamailio's patch() does. Like Kamailio
// (msg->contact), only the FIRST Contact header is looked at; its addresses are all of them.
import type { SipMessage } from '../sip/message.js';
import { splitList } from '../sip/params.js';
import { SipParseError } from '../sip/errors.js';

export interface ContactUri {
  /** Byte offsets of the URI (without <>) in msg.buf. */
  start: number;
  end: number;
  /** The URI as received, one char per byte. */
  text: string;
}

/** 'none': the message has no Contact header; 'bad': its value does not parse. */
export type ContactUris = ContactUri[] | 'none' | 'bad';

export function firstHeaderContactUris(msg: SipMessage): ContactUris {
  const hf = msg.header('contact');
  if (!hf) return 'none';
  const value = msg.buf.toString('latin1', hf.valueStart, hf.valueEnd);
  let items: Array<[number, number]>;
  try {
    items = splitList(value);
  } catch (e) {
    if (e instanceof SipParseError) return 'bad';
    throw e;
  }
  const out: ContactUri[] = [];
  for (const [a, b] of items) {
    const item = value.slice(a, b);
    if (item === '*') continue;
    const found = uriWithin(item);
    if (!found) return 'bad';
    const start = hf.valueStart + a + found.start;
    out.push({ start, end: start + found.text.length, text: found.text });
  }
  return out;
}

/** The URI of one contact: between <> (outside a quoted display name), else up to ';' or a blank. */
function uriWithin(item: string): { start: number; text: string } | null {
  let i = 0;
  let inQuote = false;
  for (; i < item.length; i++) {
    const c = item[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === '<') break;
  }
  if (i < item.length) {
    const gt = item.indexOf('>', i + 1);
    if (gt < 0) return null;
    let a = i + 1;
    let b = gt;
    while (a < b && isBlank(item[a]!)) a++;
    while (b > a && isBlank(item[b - 1]!)) b--;
    return b > a ? { start: a, text: item.slice(a, b) } : null;
  }
  if (inQuote || item.startsWith('"')) return null;
  let b = 0;
  while (b < item.length && item[b] !== ';' && !isBlank(item[b]!)) b++;
  return b > 0 ? { start: 0, text: item.slice(0, b) } : null;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
