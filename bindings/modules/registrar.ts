// KSR.registrar.*: thin adapters onto host/registrar (usrloc as ctx.core.usrloc).
// Return codes as Kamailio: save 1 inserted / 2 updated / 3 deleted / 4 query, -1 error;
// lookup 1 found, -1 not found, -2 method not allowed, -3 internal error. Left out
// (bindings/README.md): lookup_xavp (no xavps in this build).
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { appendHeader } from '../../host/core/header-edit.js';
import { save, setQOverride } from '../../host/registrar/save.js';
import { lookup, lookupBranches, lookupToDset, registered, regFromUser, unregister } from '../../host/registrar/lookup.js';
import { contactAttr, fetchContacts, freeContacts, resultAttr } from '../../host/registrar/fetched-contacts.js';
import { sendPreparedReply } from '../../host/registrar/register-reply.js';
import { decl, intOf, partial } from './decl.js';
import { ulcPv } from '../../host/registrar/fetched-contacts.js';

/** Kamailio's ulc_*get: the value, or int 0 when the result, attribute or index is undefined. */
const orZero = (v: string | number | null): string | number => v ?? 0;

function sockHdr(ctx: MsgContext, name: string): number {
  if (!/^[A-Za-z0-9!%*_+`'~.-]+$/.test(name)) {
    ctx.core.logger.log('error', `KSR.registrar.add_sock_hdr: expected a header name, got '${name}'`);
    return -1;
  }
  const r = ctx.rcv;
  const ip = r.rcvIp.includes(':') ? `[${r.rcvIp}]` : r.rcvIp;
  return intOf(appendHeader(ctx, `${name}: ${r.proto}:${ip}:${r.rcvPort}`));
}

export const registrarModule = defineModule('registrar', {
  save: decl('str, int', 'int', (ctx, table: string, flags: number) => save(ctx, table, flags)),
  save_uri: decl('str, int, str', 'int', (ctx, table: string, flags: number, uri: string) => save(ctx, table, flags, uri)),
  lookup: decl('str', 'int', (ctx, table: string) => lookup(ctx, table)),
  lookup_uri: decl('str, str', 'int', (ctx, table: string, uri: string) => lookup(ctx, table, uri)),
  lookup_to_dset: decl('str, str', 'int', (ctx, table: string, uri: string) => lookupToDset(ctx, table, uri)),
  lookup_branches: decl('str', 'int', (ctx, table: string) => lookupBranches(ctx, table)),
  registered: decl('str', 'int', (ctx, table: string) => registered(ctx, table, ctx.ruri)),
  registered_uri: decl('str, str', 'int', (ctx, table: string, uri: string) => registered(ctx, table, uri)),
  registered_flags: decl('str, str, int', 'int', (ctx, table: string, uri: string, f: number) => registered(ctx, table, uri, f)),
  // Kamailio's action fills an xavp with the match (ruid...): there are no xavps here
  registered_action: partial(
    'the action is ignored (it fills xavps, which this build has not): as registered_flags',
    decl('str, str, int, int', 'int', (ctx, table: string, uri: string, f: number) => registered(ctx, table, uri, f)),
  ),
  set_q_override: decl('str', 'int', (ctx, q: string) => setQOverride(ctx, q)),
  add_sock_hdr: decl('str', 'int', sockHdr),
  unregister: decl('str, str', 'int', (ctx, table: string, uri: string) => unregister(ctx, table, uri)),
  unregister_ruid: decl('str, str, str', 'int', (ctx, table: string, uri: string, ruid: string) => unregister(ctx, table, uri, ruid === '' ? '\0' : ruid)),
  reg_fetch_contacts: decl('str, str, str', 'int', (ctx, table: string, uri: string, name: string) => fetchContacts(ctx, table, uri, name)),
  reg_free_contacts: decl('str', 'int', (ctx, name: string) => freeContacts(ctx, name)),
  reg_from_user: decl('str, str, int', 'int', (ctx, table: string, uri: string, mode: number) => regFromUser(ctx, table, uri, mode)),
  reg_send_reply: decl('', 'int', (ctx) => intOf(sendPreparedReply(ctx))),
  ulc_rget: decl('str, str', 'xval', (ctx, name: string, attr: string) => orZero(resultAttr(ctx, name, attr))),
  ulc_cget: decl('str, str, int', 'xval', (ctx, name: string, attr: string, i: number) => orZero(contactAttr(ctx, name, attr, i))),
}, {
  // Kamailio's registrar mod_pvs: $ulc(name=>attr), the contacts reg_fetch_contacts fetched
  pvs: { ulc: ulcPv },
});
