// Digest authentication of one engine (RFC 2617, RFC 7616, RFC 8760 for SIP): building
// challenges and verifying credentials. One instance per core (core.auth); the engine
// configures it from the `auth:` settings; a test core without a secret gets the
// process-wide random one.
import { randomBytes } from 'node:crypto';
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

export class DigestAuth {
  readonly settings: AuthSettings;
  /** Algorithms offered and accepted; KSR.auth.auth_algorithm changes it. */
  algorithms: DigestAlgorithm[];
  readonly counts: NonceCountTable;
  private readonly signer: NonceSigner;
  private readonly opaque: string | null;
  /** ', opaque="..."' or '': what every challenge carries. */
  private readonly opaqueParam: string;
  /** The last HA2 without auth-int and what it was made from (plainHa2). */
  private lastHa2 = { alg: '', method: '', uri: '', ha2: '' };

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
      ? new SharedNonceCounts(shared.nonceCounts, this.settings.ncTableSize, this.settings.nonceExpireS)
      : new NonceCounts(this.settings.ncTableSize, this.settings.nonceExpireS);
    this.opaque = this.settings.opaque ? this.signer.derive('opaque') : null;
    this.opaqueParam = this.opaque ? `, opaque="${this.opaque}"` : '';
    if (this.settings.secret === null) {
      core.logger.log('warn', 'auth: no auth.secret configured: nonces are signed with a random key of this process; they die with a restart and other nodes refuse them');
    }
  }

  /** Header values for a challenge: one per algorithm, in the configured order. */
  challenge(realm: string, opts: ChallengeOptions): string[] {
    return this.challengeLines('', realm, qopParam(opts.qop), opts.stale, '');
  }

  /**
   * The challenge as header lines: `${prefix}Digest realm=..., algorithm=X${qop}${end}`, one
   * per algorithm, each line whole (the reply copies them as they are, no second list).
   * `qop` is the parameter as written (', qop="auth"' or '', qopParam).
   */
  challengeLines(prefix: string, realm: string, qop: string, stale: boolean, end: string): string[] {
    const nonce = this.signer.issue(this.clock());
    const head = `${prefix}Digest realm="${quoteText(realm)}", nonce="${nonce}"${this.opaqueParam}${stale ? ', stale=true' : ''}, algorithm=`;
    const algs = this.algorithms;
    if (algs.length === 1) return [`${head}${algs[0]}${qop}${end}`];
    const lines: string[] = [];
    for (const alg of algs) lines.push(`${head}${alg}${qop}${end}`);
    return lines;
  }

  /** Verifies the request's credentials for the realm; Kamailio's return codes (auth-codes.ts). */
  authenticate(ctx: MsgContext, req: AuthRequest): AuthCode {
    const found = findCredentials(ctx, req.kind, req.realm);
    if (!found) return AUTH.NO_CREDENTIALS;
    const marks = marksOf(ctx, found);
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
    const ha2 = c.qop === 'auth-int' ? ha2Of(c.algorithm, method, c.uri, c.qop, ctx.msg.body()) : this.plainHa2(c.algorithm, method, c.uri);
    const want = responseOf(c.algorithm, { ha1, nonce: c.nonce, qop: c.qop, nc: c.nc, cnonce: c.cnonce, ha2 });
    return sameHex(want, c.response) ? AUTH.OK : AUTH.INVALID_PASSWORD;
  }

  /**
   * HA2 without auth-int, H(method:uri): the same for every REGISTER to a domain, so the last
   * one is kept with what it was made from (a pure function of public values, nothing secret).
   */
  private plainHa2(alg: DigestAlgorithm, method: string, uri: string): string {
    const last = this.lastHa2;
    if (last.alg === alg && last.method === method && last.uri === uri) return last.ha2;
    const ha2 = ha2Of(alg, method, uri, null);
    this.lastHa2 = { alg, method, uri, ha2 };
    return ha2;
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
  const username = p.get('username');
  const realm = p.get('realm');
  const nonce = p.get('nonce');
  const uri = p.get('uri');
  const response = p.get('response');
  if (!username) return 'no username';
  if (!realm) return 'no realm';
  if (!nonce) return 'no nonce';
  if (!uri) return 'no uri';
  if (!response) return 'no response';
  const algText = p.get('algorithm') ?? 'MD5';
  const algorithm = parseAlgorithm(algText);
  if (!algorithm || !accepted.includes(algorithm)) return `algorithm ${algText} is not one of ${accepted.join(', ')}`;
  const qopText = p.get('qop');
  if (qopText !== undefined && !QOPS.includes(qopText.toLowerCase())) return `qop ${qopText} is neither auth nor auth-int`;
  const qop = qopText === undefined ? null : (qopText.toLowerCase() as Qop);
  const nc = p.get('nc') ?? '';
  const cnonce = p.get('cnonce') ?? '';
  if (qop !== null && (!isHex(nc, 8) || cnonce === '')) return 'qop without nc (8 hex digits) and cnonce';
  if (!isHex(response, HEX_LENGTH[algorithm])) {
    return `response is not ${HEX_LENGTH[algorithm]} hex digits`;
  }
  return {
    username, realm, nonce, uri, response, algorithm, qop, nc, cnonce, opaque: p.get('opaque') ?? null,
  };
}

/** The qop parameter of a challenge as written: '' for none, ', qop="auth"', ', qop="auth,auth-int"'. */
export function qopParam(qop: readonly Qop[]): string {
  return qop.length > 0 ? `, qop="${qop.join(',')}"` : '';
}

/**
 * The response we computed against the one received, in constant time: `want` is lower-case
 * hex (a digest of the algorithm's length), `got` is hex of that length in either case
 * (readDigest checked), so each pair of characters compares after folding got's letters to
 * lower case (`| 0x20` leaves the digits as they are), the differences gathered with no early
 * exit. In JavaScript: decoding both into Buffers and timingSafeEqual were three native calls.
 */
function sameHex(want: string, got: string): boolean {
  if (got.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < want.length; i++) diff |= want.charCodeAt(i) ^ (got.charCodeAt(i) | 0x20);
  return diff === 0;
}

/** s is n hex digits (either case). A loop, not a regex: this runs on every authentication. */
function isHex(s: string, n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66))) return false;
  }
  return true;
}

/** A realm inside a quoted-string: quote and backslash escaped, control characters (CR, LF...) dropped so a realm cannot add header lines. */
function quoteText(s: string): string {
  if (!NEEDS_QUOTING.test(s)) return s;
  return s.replace(CONTROL_CHARS, '').replace(QUOTE_OR_BACKSLASH, '\\$&');
}

// made once (a regex literal in a function is a new RegExp object each time it runs)
const NEEDS_QUOTING = /[\x00-\x1f\x7f"\\]/;
const CONTROL_CHARS = /[\x00-\x1f\x7f]/g;
const QUOTE_OR_BACKSLASH = /["\\]/g;
