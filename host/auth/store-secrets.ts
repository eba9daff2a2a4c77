// The subscriber table as the password side of digest authentication. What is used, in order:
// the plain password (any algorithm, any realm); else HA1b when the username carried @domain,
// HA1 otherwise — both MD5 hashes made with realm = domain, so they serve MD5 challenges whose
// realm is the subscriber's domain only.
import type { CoreServices } from '../core/services.js';
import type { SyncStore } from '../store/store.js';
import type { SecretLookup, UserSecret } from './digest-auth.js';

export function storeSecrets(store: SyncStore): SecretLookup {
  return (user, domain, withDomain): UserSecret | null => {
    // the password column alone where the store can read it so; the whole row only without one
    if (store.subscriberPassword) {
      const password = store.subscriberPassword(user, domain);
      if (password === undefined) return null;
      if (password !== null) return { kind: 'password', password };
    }
    const s = store.subscriber(user, domain);
    if (!s) return null;
    if (s.password !== '') return { kind: 'password', password: s.password };
    const ha1 = withDomain ? s.ha1b : s.ha1;
    if (ha1 === '') throw new Error(`subscriber ${user}@${domain} has neither a password nor ${withDomain ? 'ha1b' : 'ha1'}`);
    return { kind: 'ha1', ha1, alg: 'MD5' };
  };
}

/** The store of an engine; null when it runs without one. */
export function storeOf(core: CoreServices): SyncStore | null {
  return core.store ?? null;
}
