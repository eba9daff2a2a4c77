// KSR.nathelper.*: NAT detection and traversal helpers (Kamailio's nathelper module): the
// nat_uac_test heuristics, Contact rewrites and aliases, the received AVP for registrar.save,
// SDP address fixes, and the keepalive pinger (the module's state). Logic in host/nathelper/.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { NATHELPER_SERVICE, type NathelperState } from '../../host/nathelper/state.js';
import { natUacTest } from '../../host/nathelper/nat-tests.js';
import { addRcvParam, fixNatedContact, fixNatedRegister } from '../../host/nathelper/contact-fix.js';
import { addContactAlias, addContactAliasAddr, handleRuriAlias, setAliasToPv, setContactAlias } from '../../host/nathelper/alias.js';
import { fixNatedSdp } from '../../host/nathelper/sdp-fix.js';
import { isPrivateIPv4 } from '../../host/nathelper/rfc1918.js';
import { rrCountPv, rrTopCountPv } from '../../host/nathelper/rr-count.js';
import { decl, intOf } from './decl.js';

const state = (ctx: MsgContext) => ctx.core.modules.get<NathelperState>('nathelper');
const settings = (ctx: MsgContext) => state(ctx).settings;
const err = (ctx: MsgContext) => (text: string) => ctx.core.logger.log('error', text);
const aliasName = (ctx: MsgContext) => settings(ctx).alias_name;

function sdp(ctx: MsgContext, flags: number, ip: string, fn: string): number {
  const s = settings(ctx);
  return fixNatedSdp(ctx, flags, ip, { nortpproxy: s.nortpproxy_str, keepOldIp: s.append_sdp_oldmediaip === 1 }, fn, err(ctx));
}

export const nathelperModule = defineModule(
  'nathelper',
  {
    nat_uac_test: decl('int', 'int', (ctx, flags: number) => natUacTest(ctx, flags, settings(ctx).nat_addr_mode === 1)),
    fix_nated_contact: decl('', 'int', (ctx) => fixNatedContact(ctx, err(ctx))),
    fix_nated_register: decl('', 'int', (ctx) => fixNatedRegister(ctx, state(ctx).receivedAvp(), err(ctx))),
    set_contact_alias: decl('', 'int', (ctx) => setContactAlias(ctx, false, aliasName(ctx), err(ctx))),
    set_contact_alias_trim: decl('', 'int', (ctx) => setContactAlias(ctx, true, aliasName(ctx), err(ctx))),
    handle_ruri_alias: decl('', 'int', (ctx) => handleRuriAlias(ctx, 0, aliasName(ctx), err(ctx))),
    handle_ruri_alias_mode: decl('int', 'int', (ctx, mode: number) => handleRuriAlias(ctx, mode, aliasName(ctx), err(ctx))),
    is_rfc1918: decl('str', 'int', (ctx, address: string) => intOf(isPrivateIPv4(address, settings(ctx).nat_addr_mode === 1))),
    add_contact_alias: decl('', 'int', (ctx) => addContactAlias(ctx, aliasName(ctx), err(ctx))),
    add_contact_alias_addr: decl('str, str, str', 'int', (ctx, ip: string, port: string, proto: string) =>
      addContactAliasAddr(ctx, ip, port, proto, aliasName(ctx), err(ctx)),
    ),
    add_rcv_param: decl('int', 'int', (ctx, flag: number) => addRcvParam(ctx, flag, err(ctx))),
    fix_nated_sdp: decl('int', 'int', (ctx, flags: number) => sdp(ctx, flags, '', 'fix_nated_sdp')),
    fix_nated_sdp_ip: decl('int, str', 'int', (ctx, flags: number, ip: string) => sdp(ctx, flags, ip, 'fix_nated_sdp_ip')),
    set_alias_to_pv: decl('str', 'int', (ctx, pv: string) => setAliasToPv(ctx, pv, aliasName(ctx), err(ctx))),
  },
  // Kamailio's nathelper mod_pvs
  { service: NATHELPER_SERVICE, pvs: { rr_count: rrCountPv, rr_top_count: rrTopCountPv } },
);
