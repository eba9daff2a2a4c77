// uac_auth() (Kamailio's uac auth.c, written anew): in a failure route, answer the 401/407 of
// the failed branch: an Authorization / Proxy-Authorization header for the request's next
// t_relay, computed from the challenge with the credentials of the challenge's realm (the
// auth_*_avp AVPs first, then the `credentials` list). The CSeq is left as it is: Kamailio
// only increments it through the dialog module's CSeq tracking (README.uac).
import type { MsgContext } from '../core/context.js';
import { readPv } from '../core/pv.js';
import { Transaction } from '../tm/transaction.js';
import { digestCredentials, parseDigestChallenge, type DigestSecret } from './digest-answer.js';
import type { UacSettings } from './settings.js';

/** uac_auth_mode flag: the password AVP holds HA1. */
export const AUTH_MODE_HA1 = 1;

function err(ctx: MsgContext, fn: string, text: string): number {
  ctx.core.logger.log('error', `KSR.uac.${fn}: ${text}`);
  return -1;
}

function pvText(ctx: MsgContext, name: string | null): string | null {
  if (!name) return null;
  const r = readPv(ctx, name);
  return r.ok && r.value !== null && r.value !== '' ? String(r.value) : null;
}

/** The credentials for a realm: the AVPs (when set and of this realm, or with no realm AVP), else the list. */
function secretFor(ctx: MsgContext, s: UacSettings, realm: string, mode: number): DigestSecret | null {
  const user = pvText(ctx, s.authUsernameAvp);
  const pass = pvText(ctx, s.authPasswordAvp);
  if (user !== null && pass !== null) {
    const avpRealm = pvText(ctx, s.authRealmAvp);
    if (avpRealm === null || avpRealm === realm) return { username: user, secret: pass, isHa1: (mode & AUTH_MODE_HA1) !== 0 };
  }
  const c = s.credentials.find((x) => x.realm === realm);
  return c ? { username: c.username, secret: c.password, isHa1: false } : null;
}

export function uacAuth(ctx: MsgContext, s: UacSettings, mode: number, fn: string): number {
  const t = ctx.transaction instanceof Transaction ? ctx.transaction : null;
  if (!t || ctx.routeType !== 'failure' || !t.failedBranch) return err(ctx, fn, 'no failed branch: uac_auth runs in a failure route');
  const b = t.failedBranch;
  const reply = b.final?.reply;
  const code = b.final?.code ?? 0;
  if (!reply || (code !== 401 && code !== 407)) return err(ctx, fn, `the failed branch got ${code}, not a 401 or 407 to answer`);
  const hname = code === 401 ? 'www-authenticate' : 'proxy-authenticate';
  const hf = reply.msg.header(hname);
  if (!hf) return err(ctx, fn, `the ${code} reply has no ${code === 401 ? 'WWW' : 'Proxy'}-Authenticate header`);
  const ch = parseDigestChallenge(hf.value);
  if (typeof ch === 'string') return err(ctx, fn, `${code} reply: ${ch}`);
  const secret = secretFor(ctx, s, ch.realm, mode);
  if (!secret) return err(ctx, fn, `no credential for realm "${ch.realm}"`);
  if (/["\r\n\\]/.test(secret.username)) return err(ctx, fn, 'the user name has quotes, backslashes or CR/LF');
  const uri = b.uri;
  const value = digestCredentials(ch, secret, t.method, uri);
  // the challenged branch's R-URI, marked new (Kamailio's apply_urihdr_changes): t_relay re-sends there
  ctx.newUri = uri;
  ctx.lumps.insert(ctx.msg.headersEnd, `${code === 401 ? 'Authorization' : 'Proxy-Authorization'}: ${value}\r\n`);
  return 1;
}
