// Settings of digest authentication (config key `auth:`), with Kamailio's defaults where it
// has one (nonce_expire 300 s, MD5).
import type { DigestAlgorithm } from './digest-hash.js';

export interface AuthSettings {
  /**
   * Key of the nonce signature (HMAC-SHA256). Nodes that share it accept each other's nonces;
   * null: a random key per start (a warning is logged; nonces die with a restart).
   */
  secret: string | null;
  /** How long a nonce is good for, seconds (Kamailio nonce_expire). */
  nonceExpireS: number;
  /** Algorithms offered in a challenge, one header each, in this order; verified: only these. */
  algorithms: DigestAlgorithm[];
  /** Upper bound on the nonces whose highest nonce-count is remembered (replay check). */
  ncTableSize: number;
  /** Add an opaque value to challenges and require it back. */
  opaque: boolean;
}

export const DEFAULT_AUTH_SETTINGS: Readonly<AuthSettings> = Object.freeze({
  secret: null,
  nonceExpireS: 300,
  algorithms: ['MD5'] as DigestAlgorithm[],
  ncTableSize: 100_000,
  opaque: false,
});
