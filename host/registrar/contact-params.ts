// What a REGISTER's Contact says about one binding: URI, lifetime, q, RFC 5626 instance and
// reg-id, and the method bitmask from Allow (for method filtering on lookup).
import type { NameAddr } from '../sip/name-addr.js';
import type { RegistrarSettings } from './settings.js';
import { E } from './errors.js';

export interface IncomingContact {
  uri: string;
  /** Seconds from now; 0 = remove the binding. */
  expires: number;
  /** 0..1, or -1 when not given (Kamailio's Q_UNSPECIFIED). */
  q: number;
  /** +sip.instance value without its quotes, '' when none. */
  instance: string;
  regId: number;
}

const MAX_EXPIRES = 0xffffffff;

/** RFC 3261 §10.2.1.1 then §10.3 step 7: the contact's expires, else Expires, else the default; then clamped. */
export function contactExpires(c: NameAddr, headerExpires: number | undefined, s: RegistrarSettings): number {
  const p = c.params.get('expires');
  let e = p !== undefined && /^\d{1,10}$/.test(p.trim()) ? Math.min(Number(p), MAX_EXPIRES) : (headerExpires ?? s.defaultExpires);
  if (e === 0) return 0;
  if (s.minExpires > 0 && e < s.minExpires) e = s.minExpires;
  if (s.maxExpires > 0 && e > s.maxExpires) e = s.maxExpires;
  return e;
}

/** "0.5", "1", "0.123" → number; a q outside 0..1 or badly written is a 400. */
export function contactQ(c: NameAddr): number {
  const p = c.params.get('q');
  if (p === undefined) return -1;
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(p.trim())) throw E.invalidQ(p);
  return Number(p.trim());
}

export function unquoteParam(v: string | undefined): string {
  if (v === undefined) return '';
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

export function incomingContact(c: NameAddr, headerExpires: number | undefined, s: RegistrarSettings): IncomingContact {
  if (!c.uri) throw E.contactParse(`'${c.uriText}' is not a SIP URI`);
  const regId = c.params.get('reg-id');
  return {
    uri: c.uriText,
    expires: contactExpires(c, headerExpires, s),
    q: contactQ(c),
    instance: unquoteParam(c.params.get('+sip.instance')),
    regId: regId !== undefined && /^\d{1,9}$/.test(regId.trim()) ? Number(regId) : 0,
  };
}

/** Method names in the order of their bit in the `methods` column. */
export const METHOD_BITS = ['INVITE', 'CANCEL', 'ACK', 'BYE', 'INFO', 'REGISTER', 'SUBSCRIBE', 'NOTIFY', 'MESSAGE', 'OPTIONS', 'PRACK', 'UPDATE', 'REFER', 'PUBLISH'];

/** The Allow header values as a bitmask; -1 when the REGISTER has no Allow. */
export function allowMask(values: string[]): number {
  if (values.length === 0) return -1;
  let m = 0;
  for (const v of values) {
    for (const name of v.split(',')) {
      const i = METHOD_BITS.indexOf(name.trim().toUpperCase());
      if (i >= 0) m |= 1 << i;
    }
  }
  return m;
}

export function methodAllowed(mask: number, method: string): boolean {
  if (mask < 0) return true;
  const i = METHOD_BITS.indexOf(method.toUpperCase());
  return i < 0 || (mask & (1 << i)) !== 0;
}
