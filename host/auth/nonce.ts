// Stateless nonces: version, issue time and randomness, signed with HMAC-SHA256 under the
// server secret. Any node holding the same secret can check a nonce and read when it was
// issued, so nothing is stored per challenge. Layout (base64url, 39 characters):
//   [0] version 1 | [1..4] issue time, s since the epoch, uint32 BE | [5..12] random |
//   [13..28] first 16 bytes of HMAC-SHA256(secret, bytes 0..12)
import { createHmac, randomBytes } from 'node:crypto';
import { MAC_BYTES, MAC_PAYLOAD, NonceMac } from './nonce-mac.js';

const VERSION = 1;
const PAYLOAD = MAC_PAYLOAD;
const MAC = MAC_BYTES;
const TOTAL = PAYLOAD + MAC;
const ENCODED = Math.ceil((TOTAL * 4) / 3);
/** A nonce issued this far in the future (another node's clock) is still believed. */
const MAX_CLOCK_AHEAD_S = 30;

// randomBytes costs a system call each time; nonces draw from a pool refilled 4 KiB at a time.
let pool = Buffer.alloc(0);
let poolAt = 0;

/** Copies n random bytes into `dst` at `at`. */
function takeRandom(n: number, dst: Buffer, at: number): void {
  if (poolAt + n > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  for (let i = 0; i < n; i++) dst[at + i] = pool[poolAt + i]!; // a loop: Buffer.copy's call costs more for 8 bytes
  poolAt += n;
}

/** base64url digit values by character code; -1 for a character that is not one. */
const BASE64URL = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries()) BASE64URL[c.charCodeAt(0)] = i;

/**
 * Decodes a nonce's ENCODED base64url characters into dst (TOTAL bytes; the 2 bits left over
 * are ignored, as Buffer's decoder ignores them); false at a character that is not base64url.
 * In JavaScript rather than a regex test and Buffer.write: no native call while checking.
 */
function decodeNonce(nonce: string, dst: Buffer): boolean {
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < ENCODED; i++) {
    const c = nonce.charCodeAt(i);
    const v = c < 128 ? BASE64URL[c]! : -1;
    if (v < 0) return false;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      dst[o++] = (acc >>> bits) & 0xff;
    }
  }
  return o === TOTAL;
}

/** a and b (MAC bytes each) are equal, in time that does not depend on their bytes: every
 *  difference is gathered, no early exit (timingSafeEqual's compare, without its native call). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = 0;
  for (let i = 0; i < MAC; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export type NonceCheck =
  | { status: 'ok'; issuedS: number }
  | { status: 'stale'; issuedS: number }
  | { status: 'invalid'; why: string };

export class NonceSigner {
  private readonly key: Buffer;
  /** HMAC-SHA256 under the key, its key blocks hashed once (nonce-mac.ts). */
  private readonly keyed: NonceMac;
  // Buffers kept for the purpose (not reentrant; issue and check run synchronously): a nonce
  // is written or decoded in place, and the MAC compared from a view made once.
  private readonly issued = Buffer.alloc(TOTAL);
  private readonly decoded = Buffer.alloc(TOTAL + 1);
  private readonly decodedMac = this.decoded.subarray(PAYLOAD, TOTAL);
  private readonly expected = Buffer.alloc(MAC);

  constructor(
    secret: string | Buffer,
    readonly expireS: number,
  ) {
    this.key = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
    if (this.key.length === 0) throw new Error('auth: the nonce secret must not be empty');
    this.keyed = new NonceMac(this.key);
  }

  issue(nowMs: number): string {
    const buf = this.issued;
    buf[0] = VERSION;
    // the issue time, uint32 big-endian, byte by byte (writeUInt32BE's checks showed in profiles)
    const t = Math.floor(nowMs / 1000) >>> 0;
    buf[1] = t >>> 24;
    buf[2] = (t >>> 16) & 0xff;
    buf[3] = (t >>> 8) & 0xff;
    buf[4] = t & 0xff;
    takeRandom(8, buf, 5);
    this.mac(buf, buf, PAYLOAD);
    return buf.toString('base64url');
  }

  check(nonce: string, nowMs: number): NonceCheck {
    const buf = this.decoded;
    if (nonce.length !== ENCODED || !decodeNonce(nonce, buf)) return { status: 'invalid', why: 'not one of our nonces (format)' };
    if (buf[0] !== VERSION) return { status: 'invalid', why: 'not one of our nonces (version)' };
    this.mac(buf, this.expected, 0);
    if (!sameBytes(this.decodedMac, this.expected)) {
      return { status: 'invalid', why: 'signature does not match (forged, altered, or another secret)' };
    }
    const issuedS = ((buf[1]! << 24) | (buf[2]! << 16) | (buf[3]! << 8) | buf[4]!) >>> 0;
    const nowS = Math.floor(nowMs / 1000);
    if (issuedS > nowS + MAX_CLOCK_AHEAD_S) return { status: 'invalid', why: `issued ${issuedS - nowS} s in the future` };
    return nowS - issuedS > this.expireS ? { status: 'stale', issuedS } : { status: 'ok', issuedS };
  }

  /** A value derived from the secret, for opaque=: the same on every node sharing it. */
  derive(label: string): string {
    return createHmac('sha256', this.key).update(label).digest('base64url').slice(0, 22);
  }

  /** Writes the first MAC bytes of HMAC-SHA256(secret, payload's first PAYLOAD bytes) to `dst` at `at`. */
  private mac(payload: Buffer, dst: Buffer, at: number): void {
    this.keyed.mac(payload, 0, dst, at);
  }
}
