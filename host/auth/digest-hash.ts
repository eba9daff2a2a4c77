// The digest computations of RFC 2617 §3.2.2 and RFC 7616 §3.4 (MD5, SHA-256, SHA-512-256),
// as pure functions over strings: HA1 from a password, HA2 for qop auth / auth-int, and the
// response. Hex digests are lower-case, as both RFCs require.
import * as crypto from 'node:crypto';

/** The algorithms we can compute; the names as they appear in `algorithm=`. */
export type DigestAlgorithm = 'MD5' | 'SHA-256' | 'SHA-512-256';

export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['MD5', 'SHA-256', 'SHA-512-256'];

const NODE_HASH: Readonly<Record<DigestAlgorithm, string>> = {
  MD5: 'md5',
  'SHA-256': 'sha256',
  'SHA-512-256': 'sha512-256',
};

/** Hex length of each algorithm's digest: a response of another length cannot match. */
export const HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { MD5: 32, 'SHA-256': 64, 'SHA-512-256': 64 };

/** "md5", "sha-256" (any case) → the algorithm; null for anything else (incl. the -sess variants). */
export function parseAlgorithm(text: string): DigestAlgorithm | null {
  if (text === 'MD5' || text === 'SHA-256' || text === 'SHA-512-256') return text; // as clients write it
  const up = text.trim().toUpperCase();
  return (DIGEST_ALGORITHMS as readonly string[]).includes(up) ? (up as DigestAlgorithm) : null;
}

// crypto.hash (Node >= 20.12) is a one-shot about twice as fast as createHash().update().digest().
const oneShot: ((alg: string, data: string | Buffer, enc: 'hex') => string) | undefined = (crypto as { hash?: typeof crypto.hash }).hash;

export function hexHash(alg: DigestAlgorithm, data: string | Buffer): string {
  const name = NODE_HASH[alg];
  return oneShot ? oneShot(name, data, 'hex') : crypto.createHash(name).update(data).digest('hex');
}

/** HA1 = H(username:realm:password). */
export function ha1Of(alg: DigestAlgorithm, username: string, realm: string, password: string): string {
  return hexHash(alg, `${username}:${realm}:${password}`);
}

export type Qop = 'auth' | 'auth-int';

/** HA2 = H(method:uri), or H(method:uri:H(body)) for auth-int. */
export function ha2Of(alg: DigestAlgorithm, method: string, uri: string, qop: Qop | null, body?: Buffer): string {
  if (qop === 'auth-int') return hexHash(alg, `${method}:${uri}:${hexHash(alg, body ?? Buffer.alloc(0))}`);
  return hexHash(alg, `${method}:${uri}`);
}

export interface ResponseInput {
  ha1: string;
  nonce: string;
  /** null: RFC 2069 compatibility (no qop, no nc, no cnonce). */
  qop: Qop | null;
  nc: string;
  cnonce: string;
  ha2: string;
}

/** response = H(HA1:nonce:nc:cnonce:qop:HA2), or H(HA1:nonce:HA2) without qop. */
export function responseOf(alg: DigestAlgorithm, r: ResponseInput): string {
  if (r.qop === null) return hexHash(alg, `${r.ha1}:${r.nonce}:${r.ha2}`);
  return hexHash(alg, `${r.ha1}:${r.nonce}:${r.nc}:${r.cnonce}:${r.qop}:${r.ha2}`);
}
