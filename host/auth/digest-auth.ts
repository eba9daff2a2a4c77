// Digest authentication of one engine (RFC 2617, RFC 7616, RFC 8760 for SIP): building
// challenges and verifying credentials. One instance per core (core.auth); the engine
// configures it from the `auth:` settings; a test core without a secret gets the
// process-wide random one.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MsgContext } from '../core/context.js';
import type { CoreServices } from '../core/services.js';
import { AUTH, type AuthCode } from './auth-codes.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth-settings.js';
import { findCredentials, marksOf, type CredentialsKind, type FoundCredentials } from './credentials.js';
import { HEX_LENGTH, ha1Of, ha2Of, parseAlgorithm, responseOf, type DigestAlgorithm, type Qop } from './digest-hash.js';
import { NonceCounts, type NonceCountTable } from './nonce-counts.js';
import { SharedNonceCounts } from './shared-nonce-counts.js';
import type { SharedState } from '../shared/shared-state.js';
import { NonceSigner } from './nonce.js';

/** What the password side knows about a user. `ha1` with alg null: good for whatever algorithm was used (pv_* with HA1). */
export type UserSecret =
  | { kind: 'password'; password: string }
  | { kind: 'ha1'; ha1: string; alg: DigestAlgorithm | null };

/**
 * Looks a user up: `user` is the username without @domain, `domain` the username's domain or
 * else the realm, `withDomain` whether the username carried @domain (HA1b). null: unknown user.
 * May throw (StoreUnavailable): the caller answers -1.
 */
export type SecretLookup = (user: string, domain: string, withDomain: boolean) => UserSecret | null;

export interface AuthRequest {
  realm: string;
  kind: CredentialsKind;
  lookup: SecretLookup;
  /** Method for HA2 (www_authenticate_method); default the request's. */
  method?: string;
}

export interface ChallengeOptions {
  qop: Qop[];
  stale: boolean;
}

/** Random per process: every engine without a configured secret, and every test core, shares it. */
const PROCESS_SECRET = randomBytes(32);

const QOPS: readonly string[] = ['auth', 'auth-int'];
const REQUIRED_PARAMS = ['username', 'realm', 'nonce', 'uri', 'response'];

export class DigestAuth {
  readonly settings: AuthSettings;
  /** Algorithms offered and accepted; KSR.auth.auth_algorithm changes it. */
  algorithms: DigestAlgorithm[];
  readonly counts: NonceCountTable;
  private readonly signer: NonceSigner;
  private readonly opaque: string | null;

  constructor(
    readonly core: CoreServices,
    settings: Partial<AuthSettings> = {},
    /** ms since the epoch; tests move it. */
    readonly clock: () => number = Date.now,
    /** The workers' shared state: nonce counts are kept there, so a count used in one worker is refused in all. */
    shared: SharedState | null = null,
  ) {
    this.settings = { ...DEFAULT_AUTH_SETTINGS, ...settings };
    if (this.settings.algorithms.length === 0) throw new Error('auth: algorithms must list at least one of MD5, SHA-256, SHA-512-256');
    this.algorithms = [...this.settings.algorithms];
    this.signer = new NonceSigner(this.settings.secret ?? PROCESS_SECRET, this.settings.nonceExpireS);
    this.counts = shared
      ? new SharedNonceCounts(shared, this.settings.ncTableSize, this.settings.nonceExpireS)
      : new NonceCounts(this.settings.ncTableSize, this.settings.nonceExpireS);
    this.opaque = this.settings.opaque ? this.signer.derive('opaque') : null;
    if (this.settings.secret === null) {
      core.logger.log('warn', 'auth: no auth.secret configured: nonces are signed with a random key of this process; they die with a restart and other nodes refuse them');
    }
  }

  /** Header values for a challenge: one per algorithm, in the configured order. */
  challenge(realm: string, opts: ChallengeOptions): string[] {
    const nonce = this.signer.issue(this.clock());
    const qop = opts.qop.length > 0 ? `, qop="${opts.qop.join(',')}"` : '';
    const opaque = this.opaque ? `, opaque="${this.opaque}"` : '';
    const stale = opts.stale ? ', stale=true' : '';
    return this.algorithms.map(
      (alg) => `Digest realm="${quoteText(realm)}", nonce="${nonce}"${opaque}${stale}, algorithm=${alg}${qop}`,
    );
  }

  /** Verifies the request's credentials for the realm; Kamailio's return codes (auth-codes.ts). */
  authenticate(ctx: MsgContext, req: AuthRequest): AuthCode {
    const found = findCredentials(ctx, req.kind, req.realm);
    if (!found) return AUTH.NO_CREDENTIALS;
    const marks = marksOf(ctx);
    marks.used = found.line;
    marks.stale = false;
    const c = readDigest(found, this.algorithms);
    if (typeof c === 'string') return this.refuse(ctx, AUTH.ERROR, `malformed or unusable credentials: ${c}`);
    if (this.opaque !== null && c.opaque !== this.opaque) return this.refuse(ctx, AUTH.ERROR, 'opaque is not the one we sent');
    const nonce = this.signer.check(c.nonce, this.clock());
    if (nonce.status === 'invalid') return this.refuse(ctx, AUTH.ERROR, `nonce refused: ${nonce.why}`);

    const code = this.verifyResponse(ctx, c, req);
    if (code !== AUTH.OK) return code;

    const method = ctx.msg.isRequest ? ctx.msg.method.toUpperCase() : '';
    if (nonce.status === 'stale') {
      // ACK and CANCEL cannot be challenged again (Kamailio's post_auth accepts them too).
      if (method === 'ACK' || method === 'CANCEL') return AUTH.OK;
      marks.stale = true;
      return AUTH.STALE_NONCE;
    }
    if (c.qop !== null) {
      const branch = ctx.msg.isRequest ? ctx.msg.topVia().branch : undefined;
      const verdict = this.counts.use(c.nonce, nonce.issuedS, parseInt(c.nc, 16), Math.floor(this.clock() / 1000), branch);
      if (verdict !== 'ok') {
        marks.stale = true;
        return verdict === 'reused' ? AUTH.NONCE_REUSED : AUTH.STALE_NONCE;
      }
    }
    return AUTH.OK;
  }

  private verifyResponse(ctx: MsgContext, c: Digest, req: AuthRequest): AuthCode {
    const at = c.username.indexOf('@');
    const user = at >= 0 ? c.username.slice(0, at) : c.username;
    const domain = at >= 0 ? c.username.slice(at + 1) : req.realm;
    let secret: UserSecret | null;
    try {
      secret = req.lookup(user, domain, at >= 0);
    } catch (e) {
      ctx.core.logger.log('error', `auth: cannot look up ${user}@${domain}: ${(e as Error).message}`);
      return AUTH.ERROR;
    }
    if (!secret) return AUTH.USER_UNKNOWN;
    const ha1 = this.ha1For(secret, c);
    if (ha1 === null) {
      return this.refuse(ctx, AUTH.ERROR, `${c.username}: only an MD5 HA1 is stored, ${c.algorithm} needs the plain password`, 'warn');
    }
    const method = req.method ?? (ctx.msg.isRequest ? ctx.msg.method : '');
    const ha2 = ha2Of(c.algorithm, method, c.uri, c.qop, c.qop === 'auth-int' ? ctx.msg.body() : undefined);
    const want = responseOf(c.algorithm, { ha1, nonce: c.nonce, qop: c.qop, nc: c.nc, cnonce: c.cnonce, ha2 });
    return sameHex(want, c.response) ? AUTH.OK : AUTH.INVALID_PASSWORD;
  }

  private ha1For(secret: UserSecret, c: Digest): string | null {
    if (secret.kind === 'password') return ha1Of(c.algorithm, c.username, c.realm, secret.password);
    if (secret.alg !== null && secret.alg !== c.algorithm) return null;
    return secret.ha1.toLowerCase();
  }

  private refuse(ctx: MsgContext, code: AuthCode, why: string, level: 'info' | 'warn' = 'info'): AuthCode {
    ctx.core.logger.log(level, `auth: ${why}`);
    return code;
  }
}

interface Digest {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  algorithm: DigestAlgorithm;
  qop: Qop | null;
  nc: string;
  cnonce: string;
  opaque: string | null;
}

/** The parameters a verification needs, checked (Kamailio's check_dig_cred); a string says what is wrong. */
function readDigest(found: FoundCredentials, accepted: readonly DigestAlgorithm[]): Digest | string {
  const p = found.params;
  for (const name of REQUIRED_PARAMS) {
    if (!p.get(name)) return `no ${name}`;
  }
  const algText = p.get('algorithm') ?? 'MD5';
  const algorithm = parseAlgorithm(algText);
  if (!algorithm || !accepted.includes(algorithm)) return `algorithm ${algText} is not one of ${accepted.join(', ')}`;
  const qopText = p.get('qop');
  if (qopText !== undefined && !QOPS.includes(qopText.toLowerCase())) return `qop ${qopText} is neither auth nor auth-int`;
  const qop = qopText === undefined ? null : (qopText.toLowerCase() as Qop);
  const nc = p.get('nc') ?? '';
  const cnonce = p.get('cnonce') ?? '';
  if (qop !== null && (!NC_HEX.test(nc) || cnonce === '')) return 'qop without nc (8 hex digits) and cnonce';
  const response = p.get('response')!;
  if (response.length !== HEX_LENGTH[algorithm] || !HEX.test(response)) {
    return `response is not ${HEX_LENGTH[algorithm]} hex digits`;
  }
  return {
    username: p.get('username')!, realm: p.get('realm')!, nonce: p.get('nonce')!, uri: p.get('uri')!,
    response, algorithm, qop, nc, cnonce, opaque: p.get('opaque') ?? null,
  };
}

function sameHex(want: string, got: string): boolean {
  const a = Buffer.from(want, 'latin1');
  const b = Buffer.from(got.toLowerCase(), 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A realm inside a quoted-string: quote and backslash escaped, control characters (CR, LF...) dropped so a realm cannot add header lines. */
function quoteText(s: string): string {
  if (!NEEDS_QUOTING.test(s)) return s;
  return s.replace(CONTROL_CHARS, '').replace(QUOTE_OR_BACKSLASH, '\\$&');
}

// made once (a regex literal in a function is a new RegExp object each time it runs)
const NC_HEX = /^[0-9a-fA-F]{8}$/;
const HEX = /^[0-9a-fA-F]+$/;
const NEEDS_QUOTING = /[\x00-\x1f\x7f"\\]/;
const CONTROL_CHARS = /[\x00-\x1f\x7f]/g;
const QUOTE_OR_BACKSLASH = /["\\]/g;
