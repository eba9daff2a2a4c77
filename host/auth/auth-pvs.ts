// The auth PVs Kamailio scripts read ($au is in host/core/pv.ts): from the first Digest
// credentials, Authorization before Proxy-Authorization.
//   $ar realm · $adu digest URI · $aU whole username · $ad domain of a user@domain username
import { registerPvClass, type PvValue } from '../core/pv.js';
import type { MsgContext } from '../core/context.js';
import { anyCredentials } from './credentials.js';

const param = (name: string) => (ctx: MsgContext): PvValue => anyCredentials(ctx)?.params.get(name) ?? null;

function usernameDomain(ctx: MsgContext): PvValue {
  const u = anyCredentials(ctx)?.params.get('username');
  const at = u?.indexOf('@') ?? -1;
  return u && at >= 0 ? u.slice(at + 1) : null;
}

let registered = false;

/** Idempotent: bindings/modules/auth.ts calls it when loaded. */
export function registerAuthPvs(): void {
  if (registered) return;
  registered = true;
  registerPvClass('ar', { hasArg: false, get: param('realm') });
  registerPvClass('adu', { hasArg: false, get: param('uri') });
  registerPvClass('aU', { hasArg: false, get: param('username') });
  registerPvClass('ad', { hasArg: false, get: usernameDomain });
}
