// Digest credentials computed by the test itself (RFC 2617 / 7616, MD5, qop=auth), so a test
// can answer a challenge, wait, replay, or spoil a response at will.
import { createHash } from 'node:crypto';

export interface Challenge {
  realm: string;
  nonce: string;
  qop?: string;
  opaque?: string;
  algorithm?: string;
  stale?: boolean;
}

export function parseChallenge(headerValue: string): Challenge {
  const params = new Map<string, string>();
  for (const m of headerValue.replace(/^Digest\s+/i, '').matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|([^,\s]+))/g)) {
    params.set(m[1]!.toLowerCase(), m[2] ?? m[3]!);
  }
  return {
    realm: params.get('realm') ?? '',
    nonce: params.get('nonce') ?? '',
    qop: params.get('qop'),
    opaque: params.get('opaque'),
    algorithm: params.get('algorithm'),
    stale: params.get('stale')?.toLowerCase() === 'true',
  };
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** The Authorization (or Proxy-Authorization) header value answering `ch`. */
export function digestAuthorization(ch: Challenge, o: { username: string; password: string; method: string; uri: string; nc?: number; cnonce?: string }): string {
  const ha1 = md5(`${o.username}:${ch.realm}:${o.password}`);
  const ha2 = md5(`${o.method}:${o.uri}`);
  const nc = (o.nc ?? 1).toString(16).padStart(8, '0');
  const cnonce = o.cnonce ?? 'ksrtestcnonce';
  const qop = ch.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const response = qop ? md5(`${ha1}:${ch.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${ch.nonce}:${ha2}`);
  const parts = [
    `username="${o.username}"`, `realm="${ch.realm}"`, `nonce="${ch.nonce}"`, `uri="${o.uri}"`, `response="${response}"`, 'algorithm=MD5',
    ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
    ...(ch.opaque ? [`opaque="${ch.opaque}"`] : []),
  ];
  return `Digest ${parts.join(', ')}`;
}
