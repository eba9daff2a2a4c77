// siputils' encode_contact / decode_contact / decode_contact_header: Kamailio's mangler
// format, so that a contact encoded by Kamailio decodes here and the reverse.
//   sip:user:pass@host:port;transport=tcp  <->  sip:PREFIX*user*pass*host*port*tcp@public_ip
// '*' is Kamailio's default contact_flds_separator. Like Kamailio, encoding keeps only the
// scheme and those five fields: other URI parameters and headers are dropped (its FIXME), and
// a sips: URI cannot be encoded (its parser is handed "ips:..."). Decoding keeps whatever
// follows the public address from the first ';' or '>' on.
// Return codes are Kamailio's, including the offsets it adds on the way up (-20 per layer).
// Everything here is a byte string (one char per byte): the buffer as received, script
// arguments as their UTF-8 bytes.
import type { MsgContext } from '../core/context.js';
import { findParam, splitRawUri } from './raw-uri.js';
import { firstHeaderContactUris } from './contact-uris.js';

/** Kamailio's default contact_flds_separator (ksr-host has no setting for it). */
export const SEPARATOR = '*';
/** Kamailio's E_BAD_URI, what its parse_uri returns for an unparsable URI. */
const E_BAD_URI = -475;

export const bytesOf = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
export const textOf = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

/** encode_uri: the encoded URI, or Kamailio's (negative) code. */
export function encodeUri(uri: string, prefix: string, publicIp: string): string | number {
  if (uri.length <= 1) return -1;
  const colon = uri.indexOf(':');
  if (colon < 0) return -5 - 20;
  if (colon < 3) return -6 - 20;
  const raw = splitRawUri(uri.slice(colon - 3));
  if (!raw) return E_BAD_URI - 10 - 20;
  const transport = findParam(raw, 'transport')?.value ?? '';
  const fields = [prefix, raw.user, raw.password, raw.host, raw.port, transport];
  return `${uri.slice(0, colon + 1)}${fields.join(SEPARATOR)}@${publicIp}`;
}

/** decode_uri: the decoded URI, or Kamailio's (negative) code. */
export function decodeUri(uri: string): string | number {
  if (uri.length === 0) return -1;
  const colon = uri.indexOf(':');
  if (colon < 0) return -2 - 20;
  const at = uri.indexOf('@', colon + 1);
  if (at < 0) return -3 - 20;
  const fields = uri.slice(colon + 1, at).split(SEPARATOR);
  if (fields.length > 6) return -4 - 20;
  if (fields.length < 6) return -6 - 20;
  const [, user, password, ip, port, proto] = fields as [string, string, string, string, string, string];
  if (ip === '') return -2;
  if (password !== '' && user === '') return -3;
  let second = at;
  while (second < uri.length && uri[second] !== ';' && uri[second] !== '>') second++;
  let out = uri.slice(0, colon + 1);
  if (user !== '') out += user + (password !== '' ? ':' : '@');
  if (password !== '') out += password + '@';
  out += ip;
  if (port !== '') out += ':' + port;
  if (proto !== '') out += ';transport=' + proto;
  return out + uri.slice(second);
}

function log(ctx: MsgContext, fn: string, text: string): void {
  ctx.core.logger.log('error', `KSR.siputils.${fn}: ${text}`);
}

/** encode_contact(prefix, public_ip): every URI of the first Contact header, encoded in place. */
export function encodeContact(ctx: MsgContext, prefix: string, publicIp: string): number {
  const uris = firstHeaderContactUris(ctx.msg);
  if (uris === 'none') {
    log(ctx, 'encode_contact', 'no Contact header present');
    return -1;
  }
  if (uris === 'bad') {
    log(ctx, 'encode_contact', 'the Contact header does not parse');
    return -4;
  }
  const p = bytesOf(prefix);
  const ip = bytesOf(publicIp);
  for (const u of uris) {
    const r = encodeUri(u.text, p, ip);
    if (typeof r === 'number') {
      log(ctx, 'encode_contact', `cannot encode contact URI "${textOf(u.text)}" (code ${r})`);
      return r;
    }
    ctx.lumps.replace(u.start, u.end, Buffer.from(r, 'latin1'));
  }
  return 1;
}

/** decode_contact(): the R-URI in force, decoded into a new R-URI. */
export function decodeContactRuri(ctx: MsgContext): number {
  if (!ctx.msg.isRequest) return -1;
  const r = decodeUri(bytesOf(ctx.ruri));
  if (typeof r === 'number') {
    log(ctx, 'decode_contact', `cannot decode R-URI "${ctx.ruri}" (code ${r})`);
    return r;
  }
  ctx.newUri = textOf(r);
  return 1;
}

/** decode_contact_header(): every URI of the first Contact header, decoded in place. */
export function decodeContactHeader(ctx: MsgContext): number {
  const uris = firstHeaderContactUris(ctx.msg);
  if (uris === 'none') {
    log(ctx, 'decode_contact_header', 'no Contact header present');
    return -1;
  }
  if (uris === 'bad') {
    log(ctx, 'decode_contact_header', 'the Contact header does not parse');
    return -4;
  }
  for (const u of uris) {
    const r = decodeUri(u.text);
    if (typeof r === 'number') {
      log(ctx, 'decode_contact_header', `cannot decode contact URI "${textOf(u.text)}" (code ${r})`);
      return r;
    }
    ctx.lumps.replace(u.start, u.end, Buffer.from(r, 'latin1'));
  }
  return 1;
}
