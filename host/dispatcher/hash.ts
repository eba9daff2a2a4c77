// Kamailio's dispatcher hash (ds_get_hash in dispatch.c), written from its description: the
// key's bytes are taken four at a time as a big-endian word w, each adding w ^ (w >> 3); the
// tail (fewer than four bytes) makes one more word; a second key part adds the same way; the
// sum is mixed as h + (h >> 11) + (h >> 13) + (h >> 23). Bytes are signed chars, as Kamailio's
// `char *` reads them on x86 (only bytes above 0x7f differ). All arithmetic is uint32, so a
// hash here picks the same destination index as Kamailio for the same key.
import { tryParseUri } from '../sip/uri.js';

function signedByte(b: number): number {
  return b > 127 ? b - 256 : b;
}

function addPart(h: number, bytes: Buffer): number {
  let p = 0;
  if (bytes.length >= 4) {
    for (; p <= bytes.length - 4; p += 4) {
      const v = ((signedByte(bytes[p]!) << 24) + (signedByte(bytes[p + 1]!) << 16) + (signedByte(bytes[p + 2]!) << 8) + signedByte(bytes[p + 3]!)) >>> 0;
      h = (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
    }
  }
  let v = 0;
  for (; p < bytes.length; p++) v = ((v << 8) + signedByte(bytes[p]!)) >>> 0;
  return (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
}

/** ds_get_hash(x, y): y null for one-part keys (Call-ID, auth user, hash_pvar text). Never 0. */
export function dsHash(x: string | null, y: string | null = null): number {
  if (x === null && y === null) return 0;
  let h = 0;
  if (x !== null) h = addPart(h, Buffer.from(x, 'utf8'));
  if (y !== null) h = addPart(h, Buffer.from(y, 'utf8'));
  h = ((h + (h >>> 11)) >>> 0) + ((h >>> 13) + (h >>> 23));
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** DS_HASH_USER_ONLY: bit 1 of the `flags` modparam. */
export const DS_HASH_USER_ONLY = 1;

/**
 * The two key parts of a URI (get_uri_hash_keys): the user, and "host" or "host:port" when the
 * port is written and not the scheme's default (5060, 5061 for sips); only the user with
 * DS_HASH_USER_ONLY. null when the URI does not parse.
 */
export function uriHashKeys(uri: string, flags: number): [string, string] | null {
  const u = tryParseUri(uri.trim());
  if (!u || u.host === '') return null;
  if (flags & DS_HASH_USER_ONLY) return [u.user, ''];
  const host = u.hostType === 'ipv6' ? `[${u.host}]` : u.host;
  const dflt = u.scheme === 'sips' ? 5061 : 5060;
  return [u.user, u.port !== 0 && u.port !== dflt ? `${host}:${u.port}` : host];
}
