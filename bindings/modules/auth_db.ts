// KSR.auth_db.*: digest authentication against the store's subscriber table (host/auth over
// host/store). Kamailio's return codes (host/auth/auth-codes.ts); differences in
// bindings/README.md.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { authorize, subscriberLookup } from '../../host/auth/authorize.js';
import { storeOf } from '../../host/auth/store-secrets.js';
import { tryParseUri } from '../../host/sip/uri.js';
import { decl, partial } from './decl.js';

/** auth_check flags: bit 1 = auth user/realm must be the From (To for REGISTER/PUBLISH) user/domain. */
const CHECK_IDENTITY = 1;

/** is_subscriber: 1 when the URI's user@host is in the subscriber table, -1 otherwise (or on error). */
function isSubscriber(ctx: MsgContext, uri: string, table: string): number {
  const u = tryParseUri(uri);
  const store = storeOf(ctx.core);
  if (!u || u.user === '' || table !== 'subscriber' || !store) {
    const why = !u || u.user === '' ? `"${uri}" is not a URI with a user` : table !== 'subscriber' ? `table "${table}" is not available` : 'no store configured';
    ctx.core.logger.log('error', `KSR.auth_db.is_subscriber: ${why}`);
    return -1;
  }
  try {
    return store.subscriber(u.user, u.host) ? 1 : -1;
  } catch (e) {
    ctx.core.logger.log('error', `KSR.auth_db.is_subscriber: ${(e as Error).message}`);
    return -1;
  }
}

export const authDbModule = defineModule('auth_db', {
  auth_check: partial('flag 2 (skip the identity check for requests from other domains) is ignored', decl('str, str, int', 'int', (ctx, realm: string, table: string, flags: number) =>
    authorize(ctx, { realm, kind: 'auto', lookup: subscriberLookup(ctx, table), checkIdentity: (flags & CHECK_IDENTITY) !== 0 }),
  )),
  is_subscriber: partial(
    'flags are ignored: the domain is always matched, credential AVPs are never loaded',
    decl('str, str, int', 'int', (ctx, uri: string, table: string) => isSubscriber(ctx, uri, table)),
  ),
  www_authenticate: decl('str, str', 'int', (ctx, realm: string, table: string) =>
    authorize(ctx, { realm, kind: 'authorization', lookup: subscriberLookup(ctx, table) }),
  ),
  www_authenticate_method: decl('str, str, str', 'int', (ctx, realm: string, table: string, method: string) =>
    authorize(ctx, { realm, kind: 'authorization', lookup: subscriberLookup(ctx, table), method }),
  ),
});
