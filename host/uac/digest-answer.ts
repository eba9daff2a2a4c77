// The answer to a digest challenge (RFC 2617 / RFC 7616) as a UAC: uac_auth() and the remote
// registrations. The challenge comes from a peer: its parse is bounded and its values checked.
import { randomBytes } from 'node:crypto';
import { ha1Of, ha2Of, parseAlgorithm, responseOf, type DigestAlgorithm } from '../auth/digest-hash.js';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  /** 'auth' when offered (preferred), else null (auth-int alone is not answered with qop). */
  qop: 'auth' | null;
  algorithm: DigestAlgorithm;
  /** The algorithm parameter was present (it is echoed back then). */
  algorithmGiven: boolean;
}

const MAX_CHALLENGE = 2048;
const SAFE_VALUE = /^[^"\r\n\\]{0,512}$/;

/** The Digest challenge of a WWW-/Proxy-Authenticate value; a string saying why when unusable. */
export function parseDigestChallenge(value: string): DigestChallenge | string {
  if (value.length > MAX_CHALLENGE) return `challenge longer than ${MAX_CHALLENGE} characters`;
  const m = /^\s*Digest\s+/i.exec(value);
  if (!m) return `expected a Digest challenge, got ${JSON.stringify(value.slice(0, 40))}`;
  const params = new Map<string, string>();
  const re = /([A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))\s*,?\s*/gy;
  re.lastIndex = m[0].length;
  let p: RegExpExecArray | null;
  while (params.size < 32 && (p = re.exec(value)) !== null) params.set(p[1]!.toLowerCase(), (p[2] ?? p[3]!).replace(/\\(.)/g, '$1'));
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || !nonce) return 'challenge without realm or nonce';
  const opaque = params.get('opaque') ?? null;
  for (const v of [realm, nonce, opaque ?? '']) if (!SAFE_VALUE.test(v)) return 'challenge value with quotes, CR/LF or too long';
  const algText = params.get('algorithm');
  const algorithm = algText === undefined ? 'MD5' : parseAlgorithm(algText);
  if (!algorithm) return `unsupported algorithm ${JSON.stringify(algText)}`;
  const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
  return { realm, nonce, opaque, qop: qops.includes('auth') ? 'auth' : null, algorithm, algorithmGiven: algText !== undefined };
}

export interface DigestSecret {
  username: string;
  /** The password, or HA1 when isHa1. */
  secret: string;
  isHa1: boolean;
}

/** The credentials value (without header name): Kamailio's field order. */
export function digestCredentials(ch: DigestChallenge, who: DigestSecret, method: string, uri: string, cnonce = randomBytes(8).toString('hex')): string {
  const ha1 = who.isHa1 ? who.secret : ha1Of(ch.algorithm, who.username, ch.realm, who.secret);
  const nc = '00000001';
  const response = responseOf(ch.algorithm, { ha1, nonce: ch.nonce, qop: ch.qop, nc, cnonce, ha2: ha2Of(ch.algorithm, method, uri, null) });
  let out = `Digest username="${who.username}", realm="${ch.realm}", nonce="${ch.nonce}", uri="${uri}"`;
  if (ch.opaque !== null) out += `, opaque="${ch.opaque}"`;
  if (ch.qop) out += `, qop=${ch.qop}, nc=${nc}, cnonce="${cnonce}"`;
  out += `, response="${response}"`;
  out += `, algorithm=${ch.algorithm}`;
  return out;
}
