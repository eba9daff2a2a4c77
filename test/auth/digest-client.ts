// The client side of digest authentication, written independently of host/auth (straight from
// RFC 2617 §3.2.2 / RFC 7616 §3.4 with node:crypto), so the tests check the server against
// the RFCs rather than against itself.
import { createHash } from 'node:crypto';

const NODE: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

export const H = (alg: string, s: string | Buffer): string => createHash(NODE[alg.toUpperCase()]!).update(s).digest('hex');

/** The parameters of one challenge header value ('Digest realm="x", nonce="y", ...'). */
export function challengeParams(value: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([a-zA-Z-]+)=("((?:[^"\\]|\\.)*)"|[^,\s]+)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out.set(m[1]!.toLowerCase(), m[3] !== undefined ? m[3] : m[2]!);
  return out;
}

export interface ClientInput {
  username: string;
  password?: string;
  /** Use this HA1 instead of computing it from the password. */
  ha1?: string;
  realm: string;
  nonce: string;
  method: string;
  uri: string;
  algorithm?: string;
  qop?: 'auth' | 'auth-int' | null;
  nc?: string;
  cnonce?: string;
  body?: string;
  opaque?: string;
}

export function clientResponse(c: ClientInput): string {
  const alg = c.algorithm ?? 'MD5';
  const ha1 = c.ha1 ?? H(alg, `${c.username}:${c.realm}:${c.password}`);
  const qop = c.qop === undefined ? 'auth' : c.qop;
  const ha2 = qop === 'auth-int' ? H(alg, `${c.method}:${c.uri}:${H(alg, c.body ?? '')}`) : H(alg, `${c.method}:${c.uri}`);
  if (qop === null) return H(alg, `${ha1}:${c.nonce}:${ha2}`);
  return H(alg, `${ha1}:${c.nonce}:${c.nc ?? '00000001'}:${c.cnonce ?? '0a4f113b'}:${qop}:${ha2}`);
}

/** An Authorization / Proxy-Authorization header value answering the challenge. */
export function credentialsValue(c: ClientInput): string {
  const qop = c.qop === undefined ? 'auth' : c.qop;
  const parts = [
    `username="${c.username}"`, `realm="${c.realm}"`, `nonce="${c.nonce}"`, `uri="${c.uri}"`,
    `response="${clientResponse(c)}"`, `algorithm=${c.algorithm ?? 'MD5'}`,
  ];
  if (qop !== null) parts.push(`qop=${qop}`, `nc=${c.nc ?? '00000001'}`, `cnonce="${c.cnonce ?? '0a4f113b'}"`);
  if (c.opaque !== undefined) parts.push(`opaque="${c.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}
