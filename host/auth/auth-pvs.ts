// The auth PVs Kamailio scripts read, from the first Digest credentials, Authorization before
// Proxy-Authorization. Declared by KSR.auth (bindings/modules/auth.ts).
//   $au user part of the username · $ar realm · $adu digest URI · $aU whole username
//   $ad domain of a user@domain username
import type { PvClass, PvDeclarations, PvValue } from '../core/pv.js';
import type { MsgContext } from '../core/context.js';
import { authUser } from '../core/sip-values.js';
import { anyCredentials } from './credentials.js';

const param = (name: string) => (ctx: MsgContext): PvValue => anyCredentials(ctx)?.params.get(name) ?? null;

function usernameDomain(ctx: MsgContext): PvValue {
  const u = anyCredentials(ctx)?.params.get('username');
  const at = u?.indexOf('@') ?? -1;
  return u && at >= 0 ? u.slice(at + 1) : null;
}

const plain = (get: PvClass['get']): PvClass => ({ hasArg: false, get });

/** By name, as KSR.auth declares them. */
export const AUTH_PVS: PvDeclarations = {
  // Kamailio's $au is the user part of the credentials' username ($aU is all of it).
  au: plain((ctx) => authUser(ctx)?.split('@')[0] ?? null),
  ar: plain(param('realm')),
  adu: plain(param('uri')),
  aU: plain(param('username')),
  ad: plain(usernameDomain),
};
