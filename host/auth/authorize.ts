// One authentication as the KSR functions ask for it: realm defaulting, the header kind by
// method (auth_check, pv_auth_check), the password side (store or script), and the optional
// From/To identity check of auth_check's flag 1.
import type { MsgContext } from '../core/context.js';
import { messageMethod } from '../core/sip-values.js';
import { AUTH, type AuthCode } from './auth-codes.js';
import { usedParams, type CredentialsKind } from './credentials.js';
import type { SecretLookup } from './digest-auth.js';
import { identityMatches, realmOrDefault } from './request-identity.js';
import { storeOf, storeSecrets } from './store-secrets.js';

export interface AuthorizeOptions {
  realm: string;
  /** 'auto': Authorization for REGISTER, Proxy-Authorization otherwise (Kamailio's auth_check). */
  kind: CredentialsKind | 'auto';
  lookup: SecretLookup;
  method?: string;
  checkIdentity?: boolean;
}

export function authorize(ctx: MsgContext, o: AuthorizeOptions): AuthCode {
  const realm = realmOrDefault(ctx, o.realm);
  const kind = o.kind !== 'auto' ? o.kind : messageMethod(ctx).toUpperCase() === 'REGISTER' ? 'authorization' : 'proxy-authorization';
  const code = ctx.core.auth.authenticate(ctx, { realm, kind, lookup: o.lookup, method: o.method });
  if (code !== AUTH.OK || !o.checkIdentity) return code;
  // the line authenticate just used (found by kind and realm), not a second search
  const username = usedParams(ctx)?.get('username') ?? '';
  return identityMatches(ctx, username, realm) ? AUTH.OK : AUTH.USER_MISMATCH;
}

/**
 * The password side for the auth_db functions: the engine's store, subscriber table only. A
 * missing store or another table fails at lookup time, so a request without credentials still
 * gets -5 (and a challenge) first.
 */
export function subscriberLookup(ctx: MsgContext, table: string): SecretLookup {
  if (table !== 'subscriber') return failingLookup(`table "${table}" is not available; the store has "subscriber"`);
  const store = storeOf(ctx.core);
  if (!store) return failingLookup('no store configured (config `store:`)');
  // the lookup of the last store asked for, kept: no closure per authentication. It holds no
  // message state and reads the store each time, so nothing about a user is cached.
  if (lastStore !== store) {
    lastStore = store;
    lastLookup = storeSecrets(store);
  }
  return lastLookup!;
}

let lastStore: object | null = null;
let lastLookup: SecretLookup | null = null;

function failingLookup(why: string): SecretLookup {
  return () => {
    throw new Error(why);
  };
}

/** The password side for the pv_* functions: the value the script gave, a plain password or (flag 1) HA1. */
export function scriptSecret(passwd: string, isHa1: boolean): SecretLookup {
  if (passwd === '') return () => null;
  return () => (isHa1 ? { kind: 'ha1', ha1: passwd, alg: null } : { kind: 'password', password: passwd });
}
