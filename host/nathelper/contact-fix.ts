// fix_nated_contact, add_rcv_param, fix_nated_register: the source address written into the
// Contact (lumps on the received buffer, as Kamailio's del_lump/insert_new_lump) or into the
// AVP registrar.save stores as the binding's `received`.
import type { MsgContext } from '../core/context.js';
import { writePv } from '../core/pv.js';
import { contactSpans, firstContact, type ContactSpan } from './contact-uri.js';
import { sourceHost, sourceUri } from './addresses.js';

export type Log = (text: string) => void;

/** Kamailio refuses a second rewrite of the Contact URI: its text was already replaced by a lump. */
export function contactReplaced(ctx: MsgContext, c: ContactSpan): boolean {
  return ctx.lumps.deletesWithin(c.uriStart, c.uriEnd);
}

/** The Contact URI with host[:port] replaced by the source address; a maddr parameter goes (it no longer applies). */
export function fixNatedContact(ctx: MsgContext, log: Log): number {
  const r = firstContact(ctx.msg);
  if (!r.ok) {
    if (!r.absent) log(`KSR.nathelper.fix_nated_contact: expected a Contact with a SIP URI, got ${r.why}`);
    return -1;
  }
  const c = r.c;
  if (contactReplaced(ctx, c)) {
    log("KSR.nathelper.fix_nated_contact: the Contact was already rewritten: you can't call fix_nated_contact twice");
    return -1;
  }
  const buf = ctx.msg.buf;
  const before = buf.toString('latin1', c.uriStart, c.hostStart);
  let params = buf.toString('latin1', c.hostPortEnd, c.uriEnd);
  if (c.uri.params.has('maddr')) params = withoutMaddr(params);
  // the URI's bytes were read as latin1 (one char per byte): written back the same way, a UTF-8 user part stays intact
  ctx.lumps.replace(c.uriStart, c.uriEnd, Buffer.from(`${before}${sourceHost(ctx.rcv)}:${ctx.rcv.srcPort}${params}`, 'latin1'));
  return 1;
}

/** The URI's ";params?headers" tail without its maddr parameter (Kamailio drops it and trims the ';' before it). */
function withoutMaddr(tail: string): string {
  const q = tail.indexOf('?');
  const params = q >= 0 ? tail.slice(0, q) : tail;
  const headers = q >= 0 ? tail.slice(q) : '';
  const kept = params.split(';').filter((p, i) => i === 0 || !/^\s*maddr\s*(=|$)/i.test(p));
  return kept.join(';') + headers;
}

/**
 * ;received="sip:IP:PORT[;transport=X]" after every Contact (header parameter), or
 * ;received=sip:IP:PORT inside every Contact URI (flag non-zero, UDP only).
 */
export function addRcvParam(ctx: MsgContext, toUri: number, log: Log): number {
  if (toUri && ctx.rcv.proto !== 'udp') {
    log(`KSR.nathelper.add_rcv_param: adding received parameter to Contact URI works only for UDP, the request came over ${ctx.rcv.proto}`);
    return -1;
  }
  // no Contact, or "*": no contact to add to, and no error (Kamailio's contact_iterator yields none)
  const lines = ctx.msg.headersNamed('contact');
  if (lines.length === 0 || lines.every((h) => h.value.trim() === '*')) return 1;
  const r = contactSpans(ctx.msg, undefined, false);
  if (!r.ok) {
    log(`KSR.nathelper.add_rcv_param: expected Contacts with SIP URIs, got ${r.why}`);
    return -1;
  }
  if (r.truncated) {
    log(`KSR.nathelper.add_rcv_param: more than ${r.list.length} Contacts: refused`);
    return -1;
  }
  const uri = sourceUri(ctx.rcv);
  for (const c of r.list) {
    if (toUri) ctx.lumps.insert(c.uriEnd, `;received=${uri}`);
    else ctx.lumps.insert(c.end, `;received="${uri}"`);
  }
  return 1;
}

/** The source URI pushed into the received AVP (registrar.save stores it as the binding's received). '' avp: disabled, 1. */
export function fixNatedRegister(ctx: MsgContext, avp: string, log: Log): number {
  if (avp === '') return 1;
  if (!writePv(ctx, `$avp(${avp})`, sourceUri(ctx.rcv))) {
    log(`KSR.nathelper.fix_nated_register: failed to create AVP ${avp}`);
    return -1;
  }
  return 1;
}
