// siputils' contact_param_* functions: a Contact URI carried inside a parameter of another
// URI, Base64URL-encoded without its '=' padding, as Kamailio does it:
//   Contact: <sip:alice@10.0.0.5:5062>  --contact_param_encode("ksu", "sip:1.2.3.4")-->
//   Contact: <sip:1.2.3.4;ksu=c2lwOmFsaWNlQDEwLjAuMC41OjUwNjI>
// Only the first Contact header is looked at (Kamailio's msg->contact); URIs are replaced in
// place by lumps. Byte strings throughout (contact-encoding.ts).
import type { MsgContext } from '../core/context.js';
import { PROTO_IDS } from '../core/sip-values.js';
import { MAX_URI_SIZE, base64urlDecode, base64urlEncode, padBase64 } from './base64url.js';
import { firstHeaderContactUris, type ContactUri } from './contact-uris.js';
import { bytesOf, textOf } from './contact-encoding.js';
import { findParam, splitRawUri } from './raw-uri.js';

function log(ctx: MsgContext, fn: string, text: string): void {
  ctx.core.logger.log('error', `KSR.siputils.${fn}: ${text}`);
}

/**
 * ";alias=ip~port~proto" of the source address, as nathelper's add_contact_alias writes it
 * (proto as Kamailio's number, an IPv6 address in brackets): what contact_param_encode_alias
 * adds to the URI before encoding it.
 */
function aliasParam(ctx: MsgContext): string {
  const ip = ctx.rcv.srcIp.includes(':') ? `[${ctx.rcv.srcIp}]` : ctx.rcv.srcIp;
  return `;alias=${ip}~${ctx.rcv.srcPort}~${PROTO_IDS[ctx.rcv.proto] ?? 0}`;
}

/** contact_param_encode(pname, saddr), and with `alias` contact_param_encode_alias. */
export function encodeContactParam(ctx: MsgContext, fn: string, pname: string, saddr: string, alias: boolean): number {
  const uris = firstHeaderContactUris(ctx.msg);
  if (uris === 'none') return 1;
  if (uris === 'bad') {
    log(ctx, fn, 'the Contact header does not parse');
    return -4;
  }
  const name = bytesOf(pname);
  const addr = bytesOf(saddr);
  for (const u of uris) {
    if (u.text.length <= 4) continue;
    const encoded = base64urlEncode(alias ? u.text + aliasParam(ctx) : u.text);
    if (encoded === null) {
      log(ctx, fn, `contact URI of ${u.text.length} bytes is too long to encode (at most ${MAX_URI_SIZE} encoded)`);
      return -1;
    }
    // Kamailio looks only at the byte before the URI: anything but '<' gets the URI its own <>
    const angled = ctx.msg.buf[u.start - 1] === 0x3c;
    const inner = `${addr};${name}=${encoded.replace(/={1,2}$/, '')}`;
    const uri = angled ? inner : `<${inner}>`;
    if (uri.length >= MAX_URI_SIZE) {
      log(ctx, fn, `the new contact URI would have ${uri.length} bytes, at most ${MAX_URI_SIZE - 1} fit`);
      return -2;
    }
    ctx.lumps.replace(u.start, u.end, Buffer.from(uri, 'latin1'));
  }
  return 1;
}

/** The URI held (encoded) in parameter pname of uri: null none (or empty), false bad. */
function decodedParam(uri: string, pname: string): string | null | false {
  const raw = splitRawUri(uri);
  if (!raw) return false;
  const p = findParam(raw, bytesOf(pname));
  if (!p || p.value === '') return null;
  return base64urlDecode(padBase64(p.value)) ?? false;
}

/** contact_param_decode(pname): each Contact URI holding pname is replaced by the URI decoded from it. */
export function decodeContactParam(ctx: MsgContext, pname: string): number {
  const uris = firstHeaderContactUris(ctx.msg);
  if (uris === 'none') return 1;
  if (uris === 'bad') {
    log(ctx, 'contact_param_decode', 'the Contact header does not parse');
    return -1;
  }
  for (const u of uris) {
    if (u.text.length < 4) continue;
    const decoded = decodedParam(u.text, pname);
    if (decoded === null) continue;
    if (decoded === false) {
      log(ctx, 'contact_param_decode', `cannot decode parameter ${pname} of contact URI "${textOf(u.text)}"`);
      return -1;
    }
    ctx.lumps.replace(u.start, u.end, Buffer.from(decoded, 'latin1'));
  }
  return 1;
}

/** contact_param_decode_ruri(pname): the R-URI in force becomes the URI decoded from its pname. */
export function decodeRuriParam(ctx: MsgContext, pname: string): number {
  if (!ctx.msg.isRequest) return -1;
  const decoded = decodedParam(bytesOf(ctx.ruri), pname);
  if (decoded === null) return 1;
  if (decoded === false) {
    log(ctx, 'contact_param_decode_ruri', `cannot decode parameter ${pname} of R-URI "${ctx.ruri}"`);
    return -1;
  }
  ctx.newUri = textOf(decoded);
  return 1;
}

/** Contact URIs of the first header, each split; null when the header does not parse. */
function splitContacts(ctx: MsgContext): Array<{ u: ContactUri; raw: NonNullable<ReturnType<typeof splitRawUri>> }> | 'none' | null {
  const uris = firstHeaderContactUris(ctx.msg);
  if (uris === 'none') return 'none';
  if (uris === 'bad') return null;
  const out = [];
  for (const u of uris) {
    const raw = splitRawUri(u.text);
    if (!raw) return null;
    out.push({ u, raw });
  }
  return out;
}

/** contact_param_rm(pname): ";pname[=value]" taken out of every Contact URI that has it. */
export function removeContactParam(ctx: MsgContext, pname: string): number {
  const contacts = splitContacts(ctx);
  if (contacts === 'none') return 1;
  if (contacts === null) {
    log(ctx, 'contact_param_rm', 'a contact URI does not parse');
    return -1;
  }
  for (const { u, raw } of contacts) {
    const p = findParam(raw, bytesOf(pname));
    if (p) ctx.lumps.delete(u.start + p.start, u.start + p.end);
  }
  return 1;
}

/** contact_param_check(pname): 1 when a URI of the Contact header has the parameter, else -1. */
export function hasContactParam(ctx: MsgContext, pname: string): number {
  const contacts = splitContacts(ctx);
  if (contacts === 'none') return -1;
  if (contacts === null) {
    log(ctx, 'contact_param_check', 'a contact URI does not parse');
    return -1;
  }
  return contacts.some(({ raw }) => findParam(raw, bytesOf(pname)) !== undefined) ? 1 : -1;
}
