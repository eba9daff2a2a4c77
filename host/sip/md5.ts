// MD5 (RFC 1321) of short strings, written out in JavaScript over kept buffers: the digest
// check of every authenticated request (HA1, the response: 4 blocks for a REGISTER) and the
// To-tag of every reply we build. The input is the strings' UTF-8 bytes, as node:crypto hashes
// a string (a lone surrogate as U+FFFD), fed in pieces so no joined string is made.
//
// Why not node:crypto: between two KSR calls the script runtime pushes OpenSSL's code and data
// out of the CPU caches, and each crypto.hash is a native call that flattens and encodes its
// string, hashes, and makes a hex string (0.4 µs warm, several µs cold); a digest check made
// two, plus two hex decodes into Buffers and a timingSafeEqual. Here a check is four block
// compressions and a compare, all in JavaScript (nonce-mac.ts does the same for the nonces'
// HMAC-SHA256). The tests compare every output with node:crypto's.

/** RFC 1321 §3.4: the sines table, T[i] = floor(2^32 × |sin(i + 1)|). */
const T = new Int32Array(64);
for (let i = 0; i < 64; i++) T[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0;

/** Per-round left rotations, four per round. */
const S = new Int32Array([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);

/** Lower-case hex of every byte value. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const HEX_CODE = new Uint8Array(16);
for (let i = 0; i < 16; i++) HEX_CODE[i] = '0123456789abcdef'.charCodeAt(i);

export const MD5_BYTES = 16;

/**
 * An MD5 being computed, reused from one digest to the next (reset). Not reentrant: one
 * caller at a time, synchronously (each user keeps its own instance).
 */
export class Md5 {
  private readonly state = new Int32Array(4);
  /** The block being filled, as 16 little-endian words. */
  private readonly block = new Int32Array(16);
  /** Bytes in the block; bytes fed in all. */
  private used = 0;
  private total = 0;

  constructor() {
    this.reset();
  }

  reset(): this {
    const s = this.state;
    s[0] = 0x67452301;
    s[1] = 0xefcdab89 | 0;
    s[2] = 0x98badcfe | 0;
    s[3] = 0x10325476;
    this.used = 0;
    this.total = 0;
    return this;
  }

  /** Feeds the UTF-8 bytes of s. */
  add(s: string): this {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        this.byte(c);
      } else if (c < 0x800) {
        this.byte(0xc0 | (c >> 6));
        this.byte(0x80 | (c & 0x3f));
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          this.byte(0xf0 | (cp >> 18));
          this.byte(0x80 | ((cp >> 12) & 0x3f));
          this.byte(0x80 | ((cp >> 6) & 0x3f));
          this.byte(0x80 | (cp & 0x3f));
        } else {
          // a lone surrogate: U+FFFD, as Buffer.from and crypto.hash encode it
          this.byte(0xef);
          this.byte(0xbf);
          this.byte(0xbd);
        }
      } else {
        this.byte(0xe0 | (c >> 12));
        this.byte(0x80 | ((c >> 6) & 0x3f));
        this.byte(0x80 | (c & 0x3f));
      }
    }
    return this;
  }

  /** Feeds one byte (a separator such as ':' given by its code). */
  byte(b: number): this {
    const u = this.used;
    const shift = (u & 3) << 3;
    if (shift === 0) this.block[u >> 2] = b;
    else this.block[u >> 2] |= b << shift;
    this.total++;
    if (u === 63) {
      this.compress();
      this.used = 0;
    } else {
      this.used = u + 1;
    }
    return this;
  }

  /** Feeds the lower-case hex of the first n bytes of d (an HA1 kept as bytes, fed as RFC 2617 writes it). */
  addHex(d: Uint8Array, n = d.length): this {
    for (let i = 0; i < n; i++) {
      const b = d[i]!;
      this.byte(HEX_CODE[b >> 4]!);
      this.byte(HEX_CODE[b & 15]!);
    }
    return this;
  }

  /** Ends the message and writes the 16 digest bytes to out; the hasher must be reset before reuse. */
  digestInto(out: Uint8Array): Uint8Array {
    const bits = this.total * 8;
    this.byte(0x80);
    while (this.used !== 56) this.byte(0);
    const b = this.block;
    b[14] = bits | 0;
    b[15] = Math.floor(bits / 0x100000000) | 0;
    this.compress();
    this.used = 0;
    const s = this.state;
    for (let i = 0; i < 16; i++) out[i] = (s[i >> 2]! >>> ((i & 3) << 3)) & 0xff;
    return out;
  }

  /** RFC 1321 §3.4: one block into the state. */
  private compress(): void {
    const x = this.block;
    const s = this.state;
    let a = s[0]!;
    let b = s[1]!;
    let c = s[2]!;
    let d = s[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const r = S[((i >> 4) << 2) | (i & 3)]!;
      const sum = (a + f + T[i]! + x[g]!) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << r) | (sum >>> (32 - r)))) | 0;
    }
    s[0] = (s[0]! + a) | 0;
    s[1] = (s[1]! + b) | 0;
    s[2] = (s[2]! + c) | 0;
    s[3] = (s[3]! + d) | 0;
  }
}

/** Lower-case hex of the first n bytes of d. */
export function hexOf(d: Uint8Array, n = d.length): string {
  let out = '';
  for (let i = 0; i < n; i++) out += HEX_BYTE[d[i]!]!;
  return out;
}

/**
 * Whether hex (either case) spells the bytes d, in time that does not depend on d: every
 * pair is decoded and compared, the differences gathered, with no early exit. A string of
 * another length or with a non-hex character is false.
 */
export function sameAsHex(d: Uint8Array, hex: string): boolean {
  if (hex.length !== d.length * 2) return false;
  let diff = 0;
  for (let i = 0; i < d.length; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    diff |= (hi | lo) & 0x100; // a non-hex character
    diff |= ((hi << 4) | lo) ^ d[i]!;
  }
  return diff === 0;
}

/** A hex digit's value; 0x100 set for anything else. */
function nibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x57;
  return 0x100;
}

const oneShot = new Md5();
const oneShotOut = new Uint8Array(MD5_BYTES);

/** The MD5 of s's UTF-8 bytes in lower-case hex, the first n bytes (all 16 by default). */
export function md5Hex(s: string, n = MD5_BYTES): string {
  return hexOf(oneShot.reset().add(s).digestInto(oneShotOut), n);
}
