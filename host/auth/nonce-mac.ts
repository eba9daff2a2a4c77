// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256) of a nonce's 13-byte payload under one key,
// written out in JavaScript with the two key blocks hashed once: a MAC is then two SHA-256
// block compressions and no call out of JavaScript.
//
// Why not node:crypto: a challenge and a check each make one MAC, and between two KSR calls
// the script runtime pushes OpenSSL's code and data out of the CPU caches. Through
// crypto.hash a MAC was two one-shot hashes of two blocks each, two Buffer writes and their
// native calls (0.7 µs warm, 4-9 µs cold); here it is the two compressions HMAC needs once
// the padded key blocks are hashed (their states are kept per key, the usual HMAC
// precomputation). The result is the same HMAC-SHA256, compared against node:crypto's in the
// tests. SHA-256 is additions, rotations and logic on 32-bit words, with no table indexed by
// the data, so the time does not depend on the key or the payload.
import { createHash } from 'node:crypto';

/** Payload bytes a MAC covers (the nonce's version, time and randomness). */
export const MAC_PAYLOAD = 13;
/** MAC bytes kept (the first half of the 32). */
export const MAC_BYTES = 16;

const BLOCK = 64;

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// FIPS 180-4 §5.3.3: the initial hash value.
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** The message schedule, kept (not reentrant; a MAC runs synchronously). */
const W = new Int32Array(64);

/** One SHA-256 block compression: W[0..15] holds the block; `state` (8 words) is updated in place. */
function compress(state: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** The state after one key block (key XOR pad), from the initial hash value. */
function padState(key: Uint8Array, pad: number): Int32Array {
  for (let j = 0; j < 16; j++) {
    let w = 0;
    for (let k = 0; k < 4; k++) w = (w << 8) | ((key[j * 4 + k] ?? 0) ^ pad);
    W[j] = w;
  }
  const s = new Int32Array(IV);
  compress(s);
  return s;
}

export class NonceMac {
  private readonly innerStart: Int32Array;
  private readonly outerStart: Int32Array;
  private readonly state = new Int32Array(8);

  constructor(key: Uint8Array) {
    // RFC 2104: a key longer than the block is hashed first
    const k = key.length > BLOCK ? createHash('sha256').update(key).digest() : key;
    this.innerStart = padState(k, 0x36);
    this.outerStart = padState(k, 0x5c);
  }

  /** Writes the first MAC_BYTES of HMAC-SHA256(key, src[at .. at+MAC_PAYLOAD)) to dst at dstAt. */
  mac(src: Uint8Array, at: number, dst: Uint8Array, dstAt: number): void {
    const s = this.state;
    // inner: the payload, 0x80, zeros, the length in bits of key block + payload
    W[0] = (src[at]! << 24) | (src[at + 1]! << 16) | (src[at + 2]! << 8) | src[at + 3]!;
    W[1] = (src[at + 4]! << 24) | (src[at + 5]! << 16) | (src[at + 6]! << 8) | src[at + 7]!;
    W[2] = (src[at + 8]! << 24) | (src[at + 9]! << 16) | (src[at + 10]! << 8) | src[at + 11]!;
    W[3] = (src[at + 12]! << 24) | 0x800000;
    for (let j = 4; j < 15; j++) W[j] = 0;
    W[15] = (BLOCK + MAC_PAYLOAD) * 8;
    s.set(this.innerStart);
    compress(s);
    // outer: the inner hash (8 words), 0x80, zeros, the length in bits of key block + 32 bytes
    for (let j = 0; j < 8; j++) W[j] = s[j]!;
    W[8] = 0x80000000 | 0;
    for (let j = 9; j < 15; j++) W[j] = 0;
    W[15] = (BLOCK + 32) * 8;
    s.set(this.outerStart);
    compress(s);
    for (let j = 0; j < MAC_BYTES / 4; j++) {
      const w = s[j]!;
      const p = dstAt + j * 4;
      dst[p] = w >>> 24;
      dst[p + 1] = (w >>> 16) & 0xff;
      dst[p + 2] = (w >>> 8) & 0xff;
      dst[p + 3] = w & 0xff;
    }
  }
}
