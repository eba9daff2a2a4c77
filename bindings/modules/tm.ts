// KSR.tm.*: thin adapters onto host/tm (TransactionLayer via ctx.core.tm). Return codes
// follow Kamailio's tm: 1 ok, -1 false/failure, 0 "absorbed, stop the script" (t_check_trans,
// t_relay or t_newtran on a retransmission). Left out (bindings/README.md): t_replicate,
// t_uac_send, t_next_contact_flow.
import { defineModule, type KsrDeclaration } from '../registry.js';
import type { MsgContext, Proto } from '../../host/core/context.js';
import type { RelayTarget } from '../../host/tm/layer.js';
import { optionsOf, type TmOptions } from '../../host/tm/options.js';
import { loadContacts, nextContacts } from '../../host/tm/contacts.js';
import { replyCode } from '../../host/tm/pvs.js';
import type { Transaction } from '../../host/tm/transaction.js';
import { decl, intOf, partial } from './decl.js';
import { ownEntry } from '../../host/core/own-entry.js';

const tOf = (ctx: MsgContext): Transaction | null => ctx.core.tm.transactionOf(ctx);

type Callback = 'onFailure' | 'onBranch' | 'onReply' | 'onBranchFailure';

/** t_on_*: the name is stored (looked up when it fires); "" clears it. Always 1. */
const onRoute = (which: Callback) =>
  decl('str', 'int', (ctx, name: string) => {
    const v = name === '' ? null : name;
    ctx.tmRequests[which] = v;
    const t = tOf(ctx);
    if (t && which !== 'onBranch') t[which] = v;
    return 1;
  });

const PROTOS: Record<string, Proto> = { udp: 'udp', tcp: 'tcp', tls: 'tls', sctp: 'sctp', ws: 'ws', wss: 'wss' };

/** "udp:10.0.0.1:5060", "10.0.0.1:5060", "sip:10.0.0.1" → a SIP URI and a forced protocol. */
function proxyTarget(text: string): RelayTarget | null {
  const s = text.trim();
  if (/^sips?:/i.test(s)) return { uri: s };
  const m = /^(?:(udp|tcp|tls|sctp|ws|wss):)?(\[[0-9a-fA-F:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/i.exec(s);
  if (!m) return null;
  const proto = m[1] ? PROTOS[m[1].toLowerCase()] : undefined;
  const uri = `sip:${m[2]}${m[3] ? `:${m[3]}` : ''}${proto ? `;transport=${proto}` : ''}`;
  return { uri, proto };
}

/** Kamailio's t_relay_to flags: 0x1 no 100 Trying, 0x2 no internal error reply, 0x4 no DNS failover. */
function applyRelayFlags(ctx: MsgContext, flags: number): void {
  const o = optionsOf(ctx);
  if (flags & 1) o.auto100 = false;
  if (flags & 2) o.disableInternalReply = true;
  if (flags & 4) o.disableFailover = true;
}

function relayTo(ctx: MsgContext, target: RelayTarget | null, flags = 0): number {
  if (!target) {
    ctx.core.logger.log('error', 'KSR.tm.t_relay_to_*: expected [proto:]host[:port], could not read the address');
    return -1;
  }
  applyRelayFlags(ctx, flags);
  return ctx.core.tm.relay(ctx, target);
}

const setOption = <K extends keyof TmOptions>(key: K, map: (v: number) => TmOptions[K]) =>
  decl('int', 'int', (ctx, v: number) => {
    optionsOf(ctx)[key] = map(v);
    return 1;
  });

/** In failure and branch-failure routes: the branch being looked at; else none. */
const failed = (ctx: MsgContext) => tOf(ctx)?.failedBranch ?? null;

const fn: Record<string, KsrDeclaration> = {
  t_relay: decl('', 'int', (ctx) => ctx.core.tm.relay(ctx)),
  t_relay_to_proxy: decl('str', 'int', (ctx, p: string) => relayTo(ctx, proxyTarget(p))),
  t_relay_to_flags: decl('int', 'int', (ctx, f: number) => relayTo(ctx, {}, f)),
  t_relay_to_proxy_flags: decl('str, int', 'int', (ctx, p: string, f: number) => relayTo(ctx, proxyTarget(p), f)),
  t_relay_to_proto: decl('str', 'int', (ctx, proto: string) => {
    const p = ownEntry(PROTOS, proto.toLowerCase());
    return p ? relayTo(ctx, { proto: p }) : -1;
  }),
  t_relay_to_proto_addr: decl('str, str, int', 'int', (ctx, proto: string, addr: string, port: number) => {
    const p = ownEntry(PROTOS, proto.toLowerCase());
    if (!p || port < 1 || port > 65535) return -1;
    return relayTo(ctx, proxyTarget(`${p}:${addr}:${port}`));
  }),
  t_on_failure: onRoute('onFailure'),
  t_on_branch: onRoute('onBranch'),
  t_on_reply: onRoute('onReply'),
  t_on_branch_failure: onRoute('onBranchFailure'),
  t_reply: decl('int, str', 'int', (ctx, code: number, reason: string) => ctx.core.tm.reply(ctx, code, reason, false)),
  t_send_reply: decl('int, str', 'int', (ctx, code: number, reason: string) => ctx.core.tm.reply(ctx, code, reason, true)),
  t_reply_error: partial(
    'always 500 Server Internal Error: the engine keeps no last internal error to map to a reply',
    decl('', 'int', (ctx) => ctx.core.tm.reply(ctx, 500, 'Server Internal Error', true)),
  ),
  t_check_trans: decl('', 'int', (ctx) => ctx.core.tm.checkTrans(ctx)),
  t_newtran: decl('', 'int', (ctx) => ctx.core.tm.newTransaction(ctx)),
  t_release: decl('', 'int', (ctx) => {
    const t = tOf(ctx);
    if (!t) return -1;
    ctx.core.tm.release(t);
    return 1;
  }),
  t_exists: decl('', 'int', (ctx) => intOf(tOf(ctx) !== null)),
  t_lookup_request: decl('', 'int', (ctx) => intOf(ctx.msg.isRequest && ctx.core.tm.lookup(ctx.msg) !== null)),
  t_lookup_cancel: decl('', 'int', (ctx) => intOf(ctx.msg.method === 'CANCEL' && ctx.core.tm.inviteOf(ctx.msg) !== null)),
  t_lookup_cancel_flags: decl('int', 'int', (ctx, flags: number) => {
    const inv = ctx.msg.method === 'CANCEL' ? ctx.core.tm.inviteOf(ctx.msg) : null;
    if (!inv) return -1;
    if (flags & 1) ctx.flags |= inv.req.flags; // copy the INVITE's message flags
    return 1;
  }),
  t_retransmit_reply: decl('', 'int', (ctx) => ctx.core.tm.retransmit(ctx)),
  t_is_canceled: decl('', 'int', (ctx) => intOf(tOf(ctx)?.canceled === true)),
  t_is_expired: decl('', 'int', (ctx) => {
    const t = tOf(ctx);
    if (!t) return -1;
    const s = ctx.core.tm.settings;
    const life = t.isInvite ? (t.options.maxInvLifetime ?? s.maxInvLifetime) : (t.options.maxNoninvLifetime ?? s.maxNoninvLifetime);
    return intOf(t.expired || Date.now() - t.createdAt > life);
  }),
  t_is_set: decl('str', 'int', (ctx, target: string) => {
    const t = tOf(ctx);
    const r = ctx.tmRequests;
    const set: Record<string, string | null | undefined> = {
      branch_route: r.onBranch,
      failure_route: t ? t.onFailure : r.onFailure,
      onreply_route: t ? t.onReply : r.onReply,
      branch_failure_route: t ? t.onBranchFailure : r.onBranchFailure,
    };
    if (!Object.hasOwn(set, target)) return -1;
    return intOf(!!set[target]);
  }),
  t_set_fr: decl('int, int', 'int', (ctx, inv: number, fr: number) => setFr(ctx, inv, fr)),
  t_set_fr_inv: decl('int', 'int', (ctx, inv: number) => setFr(ctx, inv, 0)),
  t_reset_fr: decl('', 'int', (ctx) => {
    ctx.tmRequests.frInvTimeout = null;
    ctx.tmRequests.frTimeout = null;
    const t = tOf(ctx);
    if (t) t.frInvTimeout = t.frTimeout = null;
    return 1;
  }),
  t_set_max_lifetime: decl('int, int', 'int', (ctx, inv: number, noninv: number) => {
    const o = optionsOf(ctx);
    if (inv > 0) o.maxInvLifetime = inv;
    if (noninv > 0) o.maxNoninvLifetime = noninv;
    return 1;
  }),
  t_reset_max_lifetime: decl('', 'int', (ctx) => {
    const o = optionsOf(ctx);
    o.maxInvLifetime = o.maxNoninvLifetime = null;
    return 1;
  }),
  t_set_retr: decl('int, int', 'int', (ctx, t1: number, t2: number) => {
    const o = optionsOf(ctx);
    if (t1 > 0) o.t1 = t1;
    if (t2 > 0) o.t2 = t2;
    return 1;
  }),
  t_reset_retr: decl('', 'int', (ctx) => {
    const o = optionsOf(ctx);
    o.t1 = o.t2 = null;
    return 1;
  }),
  t_load_contacts: decl('', 'int', (ctx) => loadContacts(ctx, 0)),
  ki_t_load_contacts_mode: decl('int', 'int', (ctx, mode: number) => loadContacts(ctx, mode)),
  t_next_contacts: decl('', 'int', (ctx) => nextContacts(ctx)),
  t_drop_replies: decl('str', 'int', (ctx, mode: string) => dropReplies(ctx, mode)),
  t_drop_replies_all: decl('', 'int', (ctx) => dropReplies(ctx, 'a')),
  // CANCEL and ACK are always built from the request as sent on the branch.
  t_use_uac_headers: decl('', 'int', () => 1),
  t_save_lumps: decl('', 'int', (ctx) => {
    const t = tOf(ctx);
    if (!t || ctx.routeType !== 'request') return -1;
    // before t_relay the saved request is this context itself: clearing first lost its lumps
    const lumps = ctx.lumps.clone();
    t.saved.lumps.clear();
    t.saved.lumps.append(lumps);
    return 1;
  }),
  t_check_status: decl('str', 'int', (ctx, re: string) => {
    let rx: RegExp;
    try {
      rx = new RegExp(re);
    } catch {
      ctx.core.logger.log('error', `KSR.tm.t_check_status: "${re}" is not a regular expression`);
      return -1;
    }
    const code = replyCode(ctx);
    return intOf(code > 0 && rx.test(String(code)));
  }),
  t_grep_status: decl('int', 'int', (ctx, code: number) =>
    intOf(tOf(ctx)?.branches.some((b) => b.lastCode === code || b.final?.code === code) === true),
  ),
  // Replies are never processed asynchronously here.
  t_is_retr_async_reply: decl('', 'int', () => -1),
  t_any_replied: decl('', 'int', (ctx) => intOf(tOf(ctx)?.branches.some((b) => b.replied) === true)),
  t_any_timeout: decl('', 'int', (ctx) => intOf(tOf(ctx)?.branches.some((b) => b.timedOut) === true)),
  t_branch_replied: decl('', 'int', (ctx) => intOf(failed(ctx)?.replied === true)),
  t_branch_timeout: decl('', 'int', (ctx) => intOf(failed(ctx)?.timedOut === true)),
  t_set_auto_inv_100: setOption('auto100', (v) => v !== 0),
  t_set_disable_6xx: setOption('disable6xx', (v) => v !== 0),
  // DNS failover (host/tm/uac.ts): the next SRV/A/AAAA target after a send error, a timeout
  // without reply, or a 503; on unless this (or t_relay flag 0x4) turns it off
  t_set_disable_failover: setOption('disableFailover', (v) => v !== 0),
  t_set_no_e2e_cancel_reason: setOption('noE2eCancelReason', (v) => v !== 0),
  t_set_disable_internal_reply: setOption('disableInternalReply', (v) => v !== 0),
  t_set_no_auto_ack: setOption('noAutoAck', (v) => v !== 0),
  t_get_status_code: decl('', 'int', (ctx) => {
    const t = tOf(ctx);
    if (!t) return -1;
    // t_drop_rcode set a status without sending a reply
    return t.dropped && t.finalCode >= 200 ? t.finalCode : (t.lastReply?.code ?? 0);
  }),
  t_get_branch_index: decl('', 'int', (ctx) => (ctx.branchIndex >= 0 ? ctx.branchIndex : -1)),
  t_clean: decl('', 'int', (ctx) => (ctx.core.tm.clean(), 1)),
};

/** t_set_fr(fr_inv, fr): ms; 0 keeps the current value. Applies to branches created later. */
function setFr(ctx: MsgContext, inv: number, fr: number): number {
  const r = ctx.tmRequests;
  if (inv > 0) r.frInvTimeout = inv;
  if (fr > 0) r.frTimeout = fr;
  const t = tOf(ctx);
  if (t) {
    if (inv > 0) t.frInvTimeout = inv;
    if (fr > 0) t.frTimeout = fr;
  }
  return 1;
}

/** t_drop_replies: "a" every reply so far, "l" the last round's branches, "n" none. */
function dropReplies(ctx: MsgContext, mode: string): number {
  const t = tOf(ctx);
  if (!t) return -1;
  const m = mode === '' ? 'a' : mode[0]!.toLowerCase();
  if (m === 'n') return 1;
  const lastRound = t.failedBranch?.round;
  for (const b of t.branches) if (m === 'a' || b.round === lastRound) b.ignored = true;
  return 1;
}

export const tmModule = defineModule('tm', fn);
