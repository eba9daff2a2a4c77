// KSR.auth.*: digest challenges and the pv_* authentications (password given by the script),
// thin adapters onto host/auth. Return codes: Kamailio's (host/auth/auth-codes.ts); challenges
// 1 sent, -1 not. Differences from Kamailio: bindings/README.md.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { writePv } from '../../host/core/pv.js';
import { AUTH } from '../../host/auth/auth-codes.js';
import { authorize, scriptSecret } from '../../host/auth/authorize.js';
import { challengeLines, sendChallenge } from '../../host/auth/challenge-reply.js';
import { findCredentials, peekMarks, type CredentialsKind } from '../../host/auth/credentials.js';
import { parseAlgorithm, type DigestAlgorithm } from '../../host/auth/digest-hash.js';
import { realmOrDefault } from '../../host/auth/request-identity.js';
import { messageMethod } from '../../host/core/sip-values.js';
import { decl, intOf, partial } from './decl.js';
import { AUTH_PVS } from '../../host/auth/auth-pvs.js';

/** pv_* flags: bit 1 = the password argument is HA1. */
const HA1_FLAG = 1;
/** pv_auth_check checks: bit 1 = auth user/realm must be the From (To for REGISTER) user/domain. */
const IDENTITY_CHECK = 1;

/** Kamailio's pv_* flags 2..32 build a challenge into an AVP or keep the nc: not done here. */
const PV_FLAGS = 'flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored';

const pvAuthenticate = (kind: CredentialsKind) =>
  partial(PV_FLAGS, decl('str, str, int', 'int', (ctx, realm: string, passwd: string, flags: number) =>
    authorize(ctx, { realm, kind, lookup: scriptSecret(passwd, (flags & HA1_FLAG) !== 0) }),
  ));

/** Removes the credentials line the last authentication used (Kamailio's consume_credentials). */
function consumeCredentials(ctx: MsgContext): number {
  const m = peekMarks(ctx);
  if (!m?.used) {
    ctx.core.logger.log('error', 'KSR.auth.consume_credentials: no credentials were used by an authentication of this request');
    return -1;
  }
  ctx.lumps.delete(m.used.start, m.used.end);
  m.used = null;
  return 1;
}

/** "SHA-256", or (an extension) a list "SHA-256,MD5" offered in that order. */
function setAlgorithm(ctx: MsgContext, text: string): number {
  const list = text.split(',').map((a) => parseAlgorithm(a));
  if (list.length === 0 || list.some((a) => a === null)) {
    ctx.core.logger.log('error', `KSR.auth.auth_algorithm: expected MD5, SHA-256 or SHA-512-256 (or a comma list), got "${text}"`);
    return -1;
  }
  ctx.core.auth.algorithms = [...new Set(list as DigestAlgorithm[])];
  return 1;
}

export const authModule = defineModule('auth', {
  consume_credentials: decl('', 'int', consumeCredentials),
  auth_challenge: decl('str, int', 'int', (ctx, realm: string, flags: number) =>
    sendChallenge(ctx, realm, flags, messageMethod(ctx).toUpperCase() === 'REGISTER' ? 'www' : 'proxy'),
  ),
  www_challenge: decl('str, int', 'int', (ctx, realm: string, flags: number) => sendChallenge(ctx, realm, flags, 'www')),
  proxy_challenge: decl('str, int', 'int', (ctx, realm: string, flags: number) => sendChallenge(ctx, realm, flags, 'proxy')),
  pv_auth_check: partial(PV_FLAGS, decl('str, str, int, int', 'int', (ctx, realm: string, passwd: string, flags: number, checks: number) =>
    authorize(ctx, {
      realm, kind: 'auto', lookup: scriptSecret(passwd, (flags & HA1_FLAG) !== 0), checkIdentity: (checks & IDENTITY_CHECK) !== 0,
    }),
  )),
  pv_proxy_authenticate: pvAuthenticate('proxy-authorization'),
  pv_www_authenticate: pvAuthenticate('authorization'),
  pv_www_authenticate_method: partial(PV_FLAGS, decl('str, str, int, str', 'int', (ctx, realm: string, passwd: string, flags: number, method: string) =>
    authorize(ctx, { realm, kind: 'authorization', lookup: scriptSecret(passwd, (flags & HA1_FLAG) !== 0), method }),
  )),
  has_credentials: decl('str', 'int', (ctx, realm: string) => {
    const r = realmOrDefault(ctx, realm);
    return intOf(findCredentials(ctx, 'authorization', r) !== null || findCredentials(ctx, 'proxy-authorization', r) !== null);
  }),
  auth_get_www_authenticate: decl('str, int, str', 'int', (ctx, realm: string, flags: number, pvdest: string) => {
    const text = challengeLines(ctx, realm, flags, 'www').join('');
    if (writePv(ctx, pvdest, text)) return 1;
    ctx.core.logger.log('error', `KSR.auth.auth_get_www_authenticate: "${pvdest}" is not a writable pseudo-variable`);
    return AUTH.ERROR;
  }),
  auth_algorithm: decl('str', 'int', setAlgorithm),
}, {
  // Kamailio declares these in its pv module; here the module that reads credentials declares them
  pvs: AUTH_PVS,
});
