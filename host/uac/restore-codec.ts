// The value uac keeps in its Record-Route parameter (vsf / vst) so that a later request of
// the dialog can get the other From/To URI back (Kamailio's auto and manual restore modes):
// the longer URI XOR the shorter one, XOR the restore_passwd, in base64 with '-' for padding.
// Either URI, given the parameter, yields the other one.

const MAX_URI = 1024; // Kamailio's MAX_URI_SIZE
const ENCODED = /^[A-Za-z0-9+/]*-{0,2}$/;

function xorInto(target: Buffer, key: Buffer, cyclic: boolean): void {
  if (key.length === 0) return;
  const n = cyclic ? target.length : Math.min(target.length, key.length);
  for (let i = 0; i < n; i++) target[i] = target[i]! ^ key[i % key.length]!;
}

/** The parameter's value for a URI `oldUri` replaced by `newUri`; null when a URI is too long. */
export function encodeRestore(oldUri: string, newUri: string, passwd: string): string | null {
  const a = Buffer.from(oldUri, 'latin1');
  const b = Buffer.from(newUri, 'latin1');
  if (a.length > MAX_URI || b.length > MAX_URI) return null;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  const buf = Buffer.from(longer);
  xorInto(buf, shorter, false);
  xorInto(buf, Buffer.from(passwd, 'latin1'), true);
  return buf.toString('base64').replace(/=/g, '-');
}

export type Decoded = { ok: true; uri: string } | { ok: false; why: string };

/** The other URI, given the parameter and the URI now in the header. */
export function decodeRestore(param: string, current: string, passwd: string): Decoded {
  if (param === '' || !ENCODED.test(param) || param.length % 4 !== 0) return { ok: false, why: `invalid encoded value "${param.slice(0, 64)}"` };
  const buf = Buffer.from(param.replace(/-/g, '='), 'base64');
  if (buf.length > MAX_URI) return { ok: false, why: 'encoded URI too long' };
  xorInto(buf, Buffer.from(passwd, 'latin1'), true);
  const cur = Buffer.from(current, 'latin1');
  if (buf.length < cur.length) return { ok: false, why: `decoded value shorter than the URI in the header [${current}]` };
  let len = buf.length;
  for (let i = 0; i < cur.length; i++) {
    buf[i] = buf[i]! ^ cur[i]!;
    if (buf[i] === 0) {
      len = i;
      break;
    }
  }
  if (len === 0) return { ok: false, why: 'decoded URI is empty' };
  const out = buf.subarray(0, len);
  // a peer that altered the URI leaves garbage here: Kamailio skips the update then
  if (out.some((c) => c < 0x20 || c > 0x7e)) return { ok: false, why: 'decoded URI has non-printable characters (URI altered by an end point?)' };
  return { ok: true, uri: out.toString('latin1') };
}
