// Stateless nonces: version, issue time and randomness, signed with HMAC-SHA256 under the
// server secret. Any node holding the same secret can check a nonce and read when it was
// issued, so nothing is stored per challenge. Layout (base64url, 39 characters):
//   [0] version 1 | [1..4] issue time, s since the epoch, uint32 BE | [5..12] random |
//   [13..28] first 16 bytes of HMAC-SHA256(secret, bytes 0..12)
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 1;
const PAYLOAD = 13;
const MAC = 16;
const TOTAL = PAYLOAD + MAC;
const ENCODED = Math.ceil((TOTAL * 4) / 3);
/** A nonce issued this far in the future (another node's clock) is still believed. */
const MAX_CLOCK_AHEAD_S = 30;

// randomBytes costs a system call each time; nonces draw from a pool refilled 4 KiB at a time.
let pool = Buffer.alloc(0);
let poolAt = 0;

function takeRandom(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

export type NonceCheck =
  | { status: 'ok'; issuedS: number }
  | { status: 'stale'; issuedS: number }
  | { status: 'invalid'; why: string };

export class NonceSigner {
  private readonly key: Buffer;

  constructor(
    secret: string | Buffer,
    readonly expireS: number,
  ) {
    this.key = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
    if (this.key.length === 0) throw new Error('auth: the nonce secret must not be empty');
  }

  issue(nowMs: number): string {
    const buf = Buffer.allocUnsafe(TOTAL);
    buf[0] = VERSION;
    buf.writeUInt32BE(Math.floor(nowMs / 1000) >>> 0, 1);
    takeRandom(8).copy(buf, 5);
    this.mac(buf.subarray(0, PAYLOAD)).copy(buf, PAYLOAD);
    return buf.toString('base64url');
  }

  check(nonce: string, nowMs: number): NonceCheck {
    if (nonce.length !== ENCODED || !/^[A-Za-z0-9_-]+$/.test(nonce)) return { status: 'invalid', why: 'not one of our nonces (format)' };
    const buf = Buffer.from(nonce, 'base64url');
    if (buf.length !== TOTAL || buf[0] !== VERSION) return { status: 'invalid', why: 'not one of our nonces (version)' };
    if (!timingSafeEqual(buf.subarray(PAYLOAD), this.mac(buf.subarray(0, PAYLOAD)))) {
      return { status: 'invalid', why: 'signature does not match (forged, altered, or another secret)' };
    }
    const issuedS = buf.readUInt32BE(1);
    const nowS = Math.floor(nowMs / 1000);
    if (issuedS > nowS + MAX_CLOCK_AHEAD_S) return { status: 'invalid', why: `issued ${issuedS - nowS} s in the future` };
    return nowS - issuedS > this.expireS ? { status: 'stale', issuedS } : { status: 'ok', issuedS };
  }

  /** A value derived from the secret, for opaque=: the same on every node sharing it. */
  derive(label: string): string {
    return createHmac('sha256', this.key).update(label).digest('base64url').slice(0, 22);
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC);
  }
}
