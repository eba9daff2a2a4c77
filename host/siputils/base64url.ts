// Base64URL (RFC 4648 §5) as Kamailio's core basex does it for siputils' contact_param_*
// functions: the encoder pads with '=', the decoder takes the padding off the length, refuses
// any character outside the alphabet, and ignores a lone trailing character (6 bits make no
// byte). Both work on bytes held one per char (latin1), as the message is matched here.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Kamailio's MAX_URI_SIZE: its encode/decode buffers hold one byte less than this. */
export const MAX_URI_SIZE = 1024;

/** Encoded text with '=' padding, or null when it would not fit Kamailio's buffer (osize). */
export function base64urlEncode(bytes: string, osize = MAX_URI_SIZE - 1): string | null {
  const olen = Math.floor((bytes.length + 2) / 3) * 4;
  if (olen >= osize) return null;
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const left = Math.min(bytes.length - i - 1, 2);
    let block = 0;
    for (let k = 0, shift = 16; k <= left; k++, shift -= 8) block += (bytes.charCodeAt(i + k) & 0xff) << shift;
    out += ALPHABET[(block >> 18) & 0x3f]! + ALPHABET[(block >> 12) & 0x3f]!;
    out += left > 0 ? ALPHABET[(block >> 6) & 0x3f]! : '=';
    out += left > 1 ? ALPHABET[block & 0x3f]! : '=';
  }
  return out;
}

/** Decoded bytes (latin1), or null: bad character, nothing to decode, or too long for the buffer. */
export function base64urlDecode(text: string, osize = MAX_URI_SIZE - 1): string | null {
  let pad = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === '='; i--) pad++;
  const olen = ((text.length * 6) >> 3) - pad;
  if (olen <= 0 || olen >= osize) return null;
  const end = text.length - pad;
  const out: number[] = [];
  for (let i = 0, idx = 0; i < end; idx += 3) {
    let block = 0;
    for (let j = 0; j < 4 && i < end; j++) {
      const v = VALUE[text.charCodeAt(i++) & 0xff]!;
      if (v < 0 || text.charCodeAt(i - 1) > 0xff) return null;
      block += v << (18 - 6 * j);
    }
    for (let j = 0, shift = 16; j < 3 && idx + j < olen; j++, shift -= 8) out.push((block >> shift) & 0xff);
  }
  return String.fromCharCode(...out);
}

/** Pads an unpadded value to a multiple of 4 with '=' (contact_param_decode does before decoding). */
export function padBase64(text: string): string {
  return text.length % 4 === 0 ? text : text + '='.repeat(4 - (text.length % 4));
}
