// KSR.permissions.*: address and trusted-peer checks against the cached address and trusted
// tables (Kamailio's permissions). Logic in host/permissions/.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { ModuleService } from '../../host/core/module-service.js';
import { writePvChecked } from '../../host/core/pv.js';
import { fromAddr } from '../../host/core/sip-values.js';
import { RpcError } from '../../host/control/jsonrpc.js';
import { PermissionsState } from '../../host/permissions/permissions-state.js';
import type { AddressMatch } from '../../host/permissions/address-list.js';
import { decl } from './decl.js';

const state = (ctx: MsgContext) => ctx.core.modules.get<PermissionsState>('permissions');

/** Adds the tag on top of peer_tag_avp (when configured and the entry has one); false if the write failed. */
function setTag(ctx: MsgContext, fn: string, tag: string | null): boolean {
  const avp = state(ctx).settings.peerTagAvp;
  if (avp === null || tag === null) return true;
  const w = writePvChecked(ctx, avp, tag);
  if (!w.ok) ctx.core.logger.log('error', `KSR.permissions.${fn}: setting of tag_avp ${avp} failed: ${w.error}`);
  return w.ok;
}

function portOk(ctx: MsgContext, fn: string, port: number): boolean {
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return true;
  ctx.core.logger.log('error', `KSR.permissions.${fn}: expected a port from 0 to 65535, got ${port}`);
  return false;
}

function allowAddress(ctx: MsgContext, fn: string, grp: number, addr: string, port: number): number {
  if (!portOk(ctx, fn, port)) return -1;
  const m = state(ctx).address().match(grp, addr, port);
  if (!m) return -1;
  return setTag(ctx, fn, m.tag) ? 1 : -1;
}

function addressGroup(ctx: MsgContext, fn: string, addr: string, port: number): number {
  if (!portOk(ctx, fn, port)) return -1;
  const m: AddressMatch | null = state(ctx).address().findGroup(addr, port);
  if (!m) return -1;
  return setTag(ctx, fn, m.tag) ? m.grp : -1;
}

/** allow_trusted(): the source address and transport, the From URI; 1 (or the number of matches with peer_tag_mode 1) or -1. */
function allowTrusted(ctx: MsgContext): number {
  const from = fromAddr(ctx);
  if (!from) {
    ctx.core.logger.log('error', 'KSR.permissions.allow_trusted: error while parsing From header: expected a From header with a URI, got none that parses');
    return -1;
  }
  const st = state(ctx);
  const all = st.settings.peerTagMode === 1;
  const tags = st.trusted().match(ctx.rcv.srcIp, ctx.rcv.proto, from.uriText, ctx.msg.isRequest ? ctx.msg.ruri : null, all);
  if (tags.length === 0) return -1;
  for (const t of tags) if (!setTag(ctx, 'allow_trusted', t)) return -1;
  return all ? tags.length : 1;
}

function reload(which: 'address' | 'trusted') {
  return {
    scope: 'all' as const,
    help: `rereads the ${which} table (config or store) in every worker; the old one serves on when the new one is refused`,
    handler: (st: PermissionsState) => {
      const r = which === 'address' ? st.reloadAddress() : st.reloadTrusted();
      if (!r.ok) throw new RpcError(500, r.message);
      return r.message;
    },
  };
}

const service: ModuleService<PermissionsState> = {
  create: (host) => new PermissionsState(host),
  rpc: {
    'permissions.addressReload': reload('address'),
    'permissions.trustedReload': reload('trusted'),
    'permissions.addressDump': { readOnly: true, help: 'the address table entries given by IP address: group, address, port, tag', handler: (st) => st.address().dumpAddresses().filter((e) => e.item.ip !== undefined) },
    'permissions.domainDump': { readOnly: true, help: 'the address table entries given by domain name: group, domain, port, tag', handler: (st) => st.address().dumpAddresses().filter((e) => e.item.domain_name !== undefined) },
    'permissions.subnetDump': { readOnly: true, help: 'the address table entries given as subnets: group, subnet, mask, port, tag', handler: (st) => st.address().dumpSubnets() },
    'permissions.trustedDump': { readOnly: true, help: 'the trusted table: source address, protocol, From pattern, R-URI pattern, tag, priority', handler: (st) => st.trusted().dump() },
  },
};

export const permissionsModule = defineModule(
  'permissions',
  {
    allow_source_address: decl('int', 'int', (ctx, grp: number) => allowAddress(ctx, 'allow_source_address', grp, ctx.rcv.srcIp, ctx.rcv.srcPort)),
    allow_address: decl('int, str, int', 'int', (ctx, grp: number, addr: string, port: number) => allowAddress(ctx, 'allow_address', grp, addr, port)),
    allow_source_address_group: decl('', 'int', (ctx) => addressGroup(ctx, 'allow_source_address_group', ctx.rcv.srcIp, ctx.rcv.srcPort)),
    allow_address_group: decl('str, int', 'int', (ctx, addr: string, port: number) => addressGroup(ctx, 'allow_address_group', addr, port)),
    allow_trusted: decl('', 'int', (ctx) => allowTrusted(ctx)),
  },
  { service },
);
