// KSR.uac.*: From/To replacement with restore, uac_auth, uac_req_send ($uac_req) and remote
// registrations (uacreg). Logic in host/uac/.
import { defineModule } from '../registry.js';
import type { ModuleService } from '../../host/core/module-service.js';
import type { MsgContext } from '../../host/core/context.js';
import { writePvChecked } from '../../host/core/pv.js';
import { UacState } from '../../host/uac/state.js';
import { replaceNameAddr, restoreNameAddr } from '../../host/uac/replace.js';
import { uacAuth } from '../../host/uac/uac-auth.js';
import { uacReqPv, uacReqSend } from '../../host/uac/req-send.js';
import type { UacReg } from '../../host/uac/registrations.js';
import { uacRpc } from '../../host/uac/rpc.js';
import { tryParseUri } from '../../host/sip/uri.js';
import { decl } from './decl.js';

const stateOf = (ctx: MsgContext): UacState => ctx.core.modules.get<UacState>('uac');

function err(ctx: MsgContext, fn: string, text: string): number {
  ctx.core.logger.log('error', `KSR.uac.${fn}: ${text}`);
  return -1;
}

function setPv(ctx: MsgContext, fn: string, pv: string, value: string | null): boolean {
  const w = writePvChecked(ctx, pv, value);
  if (!w.ok) err(ctx, fn, `cannot set ${pv}: ${w.error}`);
  return w.ok;
}

/** uac_reg_lookup(uuid, dst) / uac_reg_lookup_uri(uri, dst): 1 set, -1 no such record or bad dst. */
function regLookup(ctx: MsgContext, fn: string, reg: UacReg | null, dst: string, value: (r: UacReg) => string): number {
  if (!reg) return -1;
  return setPv(ctx, fn, dst, value(reg)) ? 1 : -1;
}

function regRequestTo(ctx: MsgContext, user: string, mode: number): number {
  const fn = 'uac_reg_request_to';
  // Kamailio's ki_uac_reg_request_to refuses any mode above 1 (the HA1 bit of the docs included)
  if (mode > 1 || mode < 0) return err(ctx, fn, `invalid mode ${mode}`);
  const st = stateOf(ctx);
  const s = st.settings;
  if (!s.authUsernameAvp || !s.authPasswordAvp || !s.authRealmAvp) return err(ctx, fn, 'auth_username_avp, auth_password_avp and auth_realm_avp must be set');
  const r = mode & 1 ? st.regs.byUsername(user) : st.regs.byUuid(user);
  if (!r) return -1;
  if (!ctx.msg.isRequest) return err(ctx, fn, 'called for a reply');
  ctx.newUri = `sip:${r.r_username}@${r.r_domain}`;
  if (r.auth_proxy) ctx.dstUri = r.auth_proxy.startsWith('sip') ? r.auth_proxy : `sip:${r.auth_proxy}`;
  const ok = setPv(ctx, fn, s.authUsernameAvp, r.auth_username || r.r_username)
    && setPv(ctx, fn, s.authPasswordAvp, mode & 2 ? r.auth_ha1 : r.auth_password)
    && setPv(ctx, fn, s.authRealmAvp, r.realm);
  return ok ? 1 : -1;
}

function regSwitch(ctx: MsgContext, fn: string, attr: string, value: string, disable: boolean): number {
  const st = stateOf(ctx);
  if (!['l_uuid', 'l_username', 'r_username', 'auth_username'].includes(attr)) return err(ctx, fn, `unknown attribute "${attr}" (l_uuid, l_username, r_username, auth_username)`);
  const found = st.regs.byAttr(attr, value);
  if (found.length === 0) return -1;
  for (const r of found) st.regs.setDisabled(r, disable);
  return 1;
}

const service: ModuleService<UacState> = { create: (host) => new UacState(host), rpc: uacRpc };

export const uacModule = defineModule('uac', {
  uac_auth: decl('', 'int', (ctx) => uacAuth(ctx, stateOf(ctx).settings, stateOf(ctx).authMode, 'uac_auth')),
  uac_auth_mode: decl('int', 'int', (ctx, mode: number) => {
    // Kamailio applies the mode to this uac_auth only
    const st = stateOf(ctx);
    return uacAuth(ctx, st.settings, mode, 'uac_auth_mode');
  }),
  uac_req_send: decl('', 'int', (ctx) => uacReqSend(ctx, stateOf(ctx).settings.eventCallback)),
  uac_replace_from_uri: decl('str', 'int', (ctx, uri: string) => replaceNameAddr(ctx, stateOf(ctx).settings, 'from', null, uri, 'uac_replace_from_uri')),
  uac_replace_from: decl('str,str', 'int', (ctx, display: string, uri: string) => replaceNameAddr(ctx, stateOf(ctx).settings, 'from', display, uri, 'uac_replace_from')),
  uac_restore_from: decl('', 'int', (ctx) => restoreNameAddr(ctx, stateOf(ctx).settings, true, 'uac_restore_from')),
  uac_replace_to_uri: decl('str', 'int', (ctx, uri: string) => replaceNameAddr(ctx, stateOf(ctx).settings, 'to', null, uri, 'uac_replace_to_uri')),
  uac_replace_to: decl('str,str', 'int', (ctx, display: string, uri: string) => replaceNameAddr(ctx, stateOf(ctx).settings, 'to', display, uri, 'uac_replace_to')),
  uac_restore_to: decl('', 'int', (ctx) => restoreNameAddr(ctx, stateOf(ctx).settings, false, 'uac_restore_to')),
  uac_reg_lookup: decl('str,str', 'int', (ctx, uuid: string, dst: string) =>
    regLookup(ctx, 'uac_reg_lookup', stateOf(ctx).regs.byUuid(uuid), dst, (r) => `sip:${r.l_username}@${r.l_domain}`)),
  uac_reg_lookup_uri: decl('str,str', 'int', (ctx, uri: string, dst: string) => {
    const u = tryParseUri(uri);
    if (!u || !u.user) return err(ctx, 'uac_reg_lookup_uri', `expected a SIP URI with a user, got ${JSON.stringify(uri.slice(0, 80))}`);
    return regLookup(ctx, 'uac_reg_lookup_uri', stateOf(ctx).regs.byUsername(u.user), dst, (r) => r.l_uuid);
  }),
  uac_reg_status: decl('str', 'int', (ctx, uuid: string) => stateOf(ctx).regs.status(uuid)),
  uac_reg_request_to: decl('str,int', 'int', (ctx, user: string, mode: number) => regRequestTo(ctx, user, mode)),
  uac_reg_enable: decl('str,str', 'int', (ctx, attr: string, value: string) => regSwitch(ctx, 'uac_reg_enable', attr, value, false)),
  uac_reg_disable: decl('str,str', 'int', (ctx, attr: string, value: string) => regSwitch(ctx, 'uac_reg_disable', attr, value, true)),
  uac_reg_refresh: decl('str', 'int', (ctx, uuid: string) => stateOf(ctx).regs.refresh(uuid)),
}, { pvs: { uac_req: uacReqPv }, service });

