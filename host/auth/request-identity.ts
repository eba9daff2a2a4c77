// The identity a request claims, for the realm a challenge defaults to and for auth_check's
// flag 1: To for REGISTER (and PUBLISH, as Kamailio), From for everything else.
import type { MsgContext } from '../core/context.js';
import { fromAddr, messageMethod, toAddr } from '../core/sip-values.js';

function claimsTo(ctx: MsgContext): boolean {
  const m = messageMethod(ctx).toUpperCase();
  return m === 'REGISTER' || m === 'PUBLISH';
}

/** user and host of the To (REGISTER, PUBLISH) or From URI; null when it cannot be read. */
export function claimedIdentity(ctx: MsgContext): { user: string; host: string } | null {
  const addr = claimsTo(ctx) ? toAddr(ctx) : fromAddr(ctx);
  const uri = addr?.uri;
  return uri ? { user: uri.user, host: uri.host } : null;
}

/** Kamailio: an empty realm means the To domain for REGISTER, the From domain otherwise. */
export function realmOrDefault(ctx: MsgContext, realm: string): string {
  if (realm !== '') return realm;
  return claimedIdentity(ctx)?.host ?? '';
}

/** Does the authenticated username (and realm) match the claimed identity? (auth_check flag 1) */
export function identityMatches(ctx: MsgContext, username: string, realm: string): boolean {
  const id = claimedIdentity(ctx);
  if (!id) return false;
  const at = username.indexOf('@');
  const user = at >= 0 ? username.slice(0, at) : username;
  return user === id.user && realm.toLowerCase() === id.host.toLowerCase();
}
