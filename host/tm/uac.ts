// The client side of a transaction (RFC 3261 §17.1), one per outgoing branch: branch route,
// send, retransmissions over UDP (Timer A for INVITE, doubling; Timer E for the others, capped
// at T2), Kamailio's fr_timer / fr_inv_timer instead of Timers B and F (408 when they fire),
// the hop-by-hop ACK for a non-2xx final, CANCEL, and Timers D and K before the branch ends.
import type { MsgContext } from '../core/context.js';
import { SipMessage } from '../sip/message.js';
import { SEND_FAILED, sendRequest, type SendOutcome } from '../forward/send-request.js';
import type { Target } from '../dns/resolve-target.js';
import { copyContext } from '../core/context-copy.js';
import { shareXavps } from '../core/xavp.js';
import { t1Of, t2Of, type TmCore } from './tm-core.js';
import { UacBranch, type Transaction } from './transaction.js';
import { buildAck, buildCancel } from './uac-requests.js';
import { relayReply } from './uas.js';

export interface BranchTarget {
  uri: string;
  dstUri: string | null;
  /** Path of the binding the branch goes to (Route headers on this branch only). */
  path: string | null;
  flags: number;
}

const REASONS: Record<number, string> = {
  408: 'Request Timeout',
  477: 'Unfortunately error on sending to next hop occurred',
  478: 'Unresolvable destination',
  487: 'Request Terminated',
};

/** Runs after the route that called t_relay returned: the branch route runs outside it. */
export function startBranches(tm: TmCore, t: Transaction, targets: BranchTarget[], onBranch: string | null, base: MsgContext): void {
  t.pendingStarts--;
  if (t.freed) return;
  t.rounds++;
  for (const target of targets) startBranch(tm, t, target, onBranch, base);
  tm.checkCompletion(t);
}

function startBranch(tm: TmCore, t: Transaction, target: BranchTarget, onBranch: string | null, base: MsgContext): void {
  const index = t.branches.length;
  const b = new UacBranch(index, `${t.id}.${index}`, target.uri);
  b.round = t.rounds;
  t.branches.push(b);
  if (t.canceled || t.finalCode >= 200) {
    b.state = 'terminated';
    return;
  }
  const ctx = copyContext(base, 'branch');
  ctx.newUri = target.uri === ctx.msg.ruri ? null : target.uri;
  ctx.dstUri = target.dstUri;
  ctx.path = target.path;
  ctx.branchIndex = index;
  ctx.branches = [];
  ctx.bflags[0] = target.flags;
  ctx.transaction = t;
  ctx.dropped = false;
  if (onBranch && tm.core.hasRoute(onBranch)) {
    tm.core.runRoute(onBranch, ctx);
    if (ctx.dropped) {
      b.state = 'terminated'; // KSR.x.drop in a branch route: this branch is not sent
      return;
    }
  }
  b.ctx = ctx;
  tm.linkBranch(t, b);
  sendRequest(ctx, b.id, (o) => branchSent(tm, t, b, o), (reason) => lateSendError(tm, t, b, reason));
}

function branchSent(tm: TmCore, t: Transaction, b: UacBranch, o: SendOutcome): void {
  // canceled while its next hop was being resolved: cancelBranch gave it a faked 487 and
  // left it 'completed', but what went out still needs its CANCEL and its end
  const canceledEarly = b.state === 'completed' && b.cancelWanted && !b.request;
  if (t.freed || (b.state !== 'starting' && !canceledEarly)) return;
  if (!o.ok && canceledEarly) {
    endBranch(tm, t, b, 0);
    tm.checkCompletion(t);
    return;
  }
  if (!o.ok) {
    if (o.code !== 0) {
      tm.stats.branchSendFailures++;
      tm.core.logger.log('warn', `tm: ${t.method} branch ${b.index} to ${b.uri}: ${o.reason}`);
    }
    if (o.code === 0) b.final = null;
    else localFinal(tm, t, b, o.code);
    endBranch(tm, t, b, 0);
    // as Kamailio's use_dns_failover: a send error or a drop in the onsend route tries the next target
    if (o.code === SEND_FAILED || o.code === 0) failover(tm, t, b, o.others);
    tm.checkCompletion(t);
    return;
  }
  b.request = o.buf;
  b.dst = o.dst;
  b.failoverTargets = o.others;
  if (canceledEarly) {
    // no retransmissions: a provisional reply gets the CANCEL, a final one its ACK (or a
    // 2xx relayed); the branch ends 64*T1 later at the latest
    endBranch(tm, t, b, 64 * t1Of(tm, t));
    return;
  }
  b.state = 'trying';
  b.frTimer = tm.timers.start(t.frTimeout ?? tm.settings.frTimer, () => frExpired(tm, t, b));
  if (o.dst.proto === 'udp') {
    b.retrInterval = t1Of(tm, t);
    b.retrTimer = tm.timers.start(b.retrInterval, () => retransmit(tm, t, b));
  }
}

function lateSendError(tm: TmCore, t: Transaction, b: UacBranch, reason: string): void {
  if (t.freed || !b.active || b.replied) return;
  tm.stats.branchSendFailures++;
  tm.core.logger.log('warn', `tm: ${t.method} branch ${b.index} to ${b.uri}: ${reason}`);
  localFinal(tm, t, b, 477);
  endBranch(tm, t, b, 0);
  failover(tm, t, b, b.failoverTargets);
  tm.checkCompletion(t);
}

/**
 * DNS failover (Kamailio's use_dns_failover, on here unless t_set_disable_failover(1) or
 * t_relay flag 0x4): a branch whose send failed (or that ksr_onsend_route dropped), that
 * timed out without any reply, or that got a 503 is retried as a new branch at the next
 * target its next hop resolved to (same branch context, the branch route is not run again).
 * The failed branch is left out of the best-response choice; the last target's outcome
 * counts. True when a new branch was started.
 */
function failover(tm: TmCore, t: Transaction, b: UacBranch, targets: Target[]): boolean {
  if (targets.length === 0 || t.options.disableFailover || !b.ctx || t.canceled || t.finalCode >= 200 || t.freed) return false;
  b.ignored = true;
  tm.stats.dnsFailovers++;
  const next = new UacBranch(t.branches.length, `${t.id}.${t.branches.length}`, b.uri);
  next.round = b.round;
  next.ctx = b.ctx;
  t.branches.push(next);
  tm.linkBranch(t, next);
  tm.core.logger.log('info', `tm: ${t.method} branch ${b.index} failed over to ${targets[0]!.proto}:${targets[0]!.ip}:${targets[0]!.port} (branch ${next.index})`);
  sendRequest(b.ctx, next.id, (o) => branchSent(tm, t, next, o), (reason) => lateSendError(tm, t, next, reason), targets);
  return true;
}

function retransmit(tm: TmCore, t: Transaction, b: UacBranch): void {
  b.retrTimer = null;
  if (t.freed || !b.active || !b.request || !b.dst) return;
  if (t.isInvite && b.state !== 'trying') return;
  tm.core.send(b.request, b.dst);
  const doubled = 2 * b.retrInterval;
  b.retrInterval = t.isInvite ? doubled : b.state === 'proceeding' ? t2Of(tm, t) : Math.min(doubled, t2Of(tm, t));
  b.retrTimer = tm.timers.start(b.retrInterval, () => retransmit(tm, t, b));
}

/** fr_timer (no reply at all) or fr_inv_timer (no final after a provisional): 408. */
function frExpired(tm: TmCore, t: Transaction, b: UacBranch): void {
  b.frTimer = null;
  if (t.freed || !b.active) return;
  b.timedOut = true;
  tm.stats.branchTimeouts++;
  const canCancel = t.isInvite && b.replied;
  localFinal(tm, t, b, 408);
  if (canCancel) sendCancel(tm, t, b);
  // a late reply still finds the branch for a while: a late final is ACKed (or, a 2xx,
  // relayed) instead of being relayed statelessly as a stranger
  endBranch(tm, t, b, t.isInvite ? 64 * t1Of(tm, t) : tm.settings.t4);
  if (!b.replied) failover(tm, t, b, b.failoverTargets);
  tm.checkCompletion(t);
}

function localFinal(tm: TmCore, t: Transaction, b: UacBranch, code: number): void {
  b.retrTimer = tm.timers.stop(b.retrTimer);
  b.frTimer = tm.timers.stop(b.frTimer);
  b.final = { code, reason: REASONS[code] ?? 'Server Internal Error', reply: null, local: true };
  if (b.state !== 'terminated') b.state = 'completed';
}

/** Ends the branch after `ms` (Timers D, K, or a wait for a late reply to ACK or CANCEL). */
function endBranch(tm: TmCore, t: Transaction, b: UacBranch, ms: number): void {
  tm.timers.stop(b.endTimer);
  const end = () => {
    b.endTimer = null;
    b.retrTimer = tm.timers.stop(b.retrTimer);
    b.frTimer = tm.timers.stop(b.frTimer);
    b.cancelTimer = tm.timers.stop(b.cancelTimer);
    b.state = 'terminated';
    tm.unlinkBranch(b);
    tm.maybeFree(t);
  };
  if (ms <= 0) end();
  else b.endTimer = tm.timers.start(ms, end);
}

/** CANCEL toward a branch: now when it has a provisional reply; otherwise a faked 487 now and
 *  the CANCEL when a provisional one comes (Kamailio's default cancel_b_method). */
export function cancelBranch(tm: TmCore, t: Transaction, b: UacBranch): void {
  if (!t.isInvite || b.state === 'terminated' || b.finalReceived || b.cancelSent) return;
  if (b.state === 'proceeding') {
    sendCancel(tm, t, b);
    return;
  }
  b.cancelWanted = true;
  if (!b.final) localFinal(tm, t, b, 487);
  if (b.state === 'completed' && b.request) endBranch(tm, t, b, 64 * t1Of(tm, t));
}

function sentRequest(b: UacBranch): SipMessage | null {
  if (!b.sent && b.request) b.sent = SipMessage.parse(b.request);
  return b.sent;
}

function sendCancel(tm: TmCore, t: Transaction, b: UacBranch): void {
  const sent = sentRequest(b);
  if (!sent || !b.dst || b.cancelSent) return;
  b.cancelSent = true;
  b.cancelWanted = false;
  b.cancelBuf = buildCancel(sent, t.options.noE2eCancelReason ? null : t.cancelReason);
  tm.core.send(b.cancelBuf, b.dst);
  if (b.dst.proto !== 'udp') return;
  let interval = t1Of(tm, t);
  let elapsed = 0;
  const again = () => {
    b.cancelTimer = null;
    elapsed += interval;
    if (t.freed || b.state === 'terminated' || elapsed >= 64 * t1Of(tm, t) || !b.cancelBuf || !b.dst) return;
    tm.core.send(b.cancelBuf, b.dst);
    interval = Math.min(2 * interval, t2Of(tm, t));
    b.cancelTimer = tm.timers.start(interval, again);
  };
  b.cancelTimer = tm.timers.start(interval, again);
}

/** The reply to a CANCEL we sent: it only stops that CANCEL's retransmissions. */
export function cancelReplied(tm: TmCore, b: UacBranch): void {
  b.cancelTimer = tm.timers.stop(b.cancelTimer);
  b.cancelBuf = null;
}

/** A reply received on a branch (matched by our Via branch and the CSeq method). */
export function branchReply(tm: TmCore, t: Transaction, b: UacBranch, reply: MsgContext): void {
  const code = reply.msg.status;
  reply.transaction = t;
  reply.branchIndex = b.index;
  // modules' edits of every received reply (Kamailio's TMCB_RESPONSE_IN: uac's From/To restore)
  if (t.req.replyInHooks) for (const edit of t.req.replyInHooks) edit(reply, t.req);
  // Kamailio's onreply route works on the transaction's xavp list
  shareXavps(t.saved, reply);
  if (b.finalReceived) return finalRetransmitted(tm, t, b, reply);
  if (b.state === 'terminated' || b.state === 'starting') return;
  let dropped = false;
  if (t.onReply && tm.core.hasRoute(t.onReply)) {
    reply.routeType = 'onreply';
    reply.dropped = false;
    reply.stopped = false; // an exit in ksr_reply_route does not end this route
    tm.core.runRoute(t.onReply, reply);
    dropped = reply.dropped && code < 200; // only a provisional reply may be dropped
  }
  b.replied = true;
  if (code < 200) provisional(tm, t, b, reply, dropped);
  else finalReply(tm, t, b, reply);
}

function finalRetransmitted(tm: TmCore, t: Transaction, b: UacBranch, reply: MsgContext): void {
  const code = reply.msg.status;
  if (t.isInvite && code >= 300 && b.ackBuf && b.dst) tm.core.send(b.ackBuf, b.dst);
  else if (t.isInvite && code >= 200 && code < 300) relayReply(tm, t, reply);
}

function provisional(tm: TmCore, t: Transaction, b: UacBranch, reply: MsgContext, dropped: boolean): void {
  const code = reply.msg.status;
  const first = b.state === 'trying';
  b.lastCode = Math.max(b.lastCode, code);
  if (first) b.state = 'proceeding';
  if (t.isInvite) {
    b.retrTimer = tm.timers.stop(b.retrTimer);
    if (first && !b.final) {
      tm.timers.stop(b.frTimer);
      b.frTimer = tm.timers.start(t.frInvTimeout ?? tm.settings.frInvTimer, () => frExpired(tm, t, b));
    }
  }
  if (b.cancelWanted) sendCancel(tm, t, b);
  if (!dropped && code > 100 && !b.final) relayReply(tm, t, reply);
}

function finalReply(tm: TmCore, t: Transaction, b: UacBranch, reply: MsgContext): void {
  const code = reply.msg.status;
  b.retrTimer = tm.timers.stop(b.retrTimer);
  b.frTimer = tm.timers.stop(b.frTimer);
  b.lastCode = code;
  b.finalReceived = true;
  const givenUp = b.final !== null; // 408 or faked 487 already counted for this branch
  if (!givenUp || code < 300) b.final = { code, reason: reply.msg.reason, reply, local: false };
  if (b.state !== 'terminated') b.state = 'completed';
  const t1 = t1Of(tm, t);
  const udp = b.dst?.proto === 'udp';
  if (t.isInvite && code >= 300) {
    const sent = sentRequest(b);
    if (sent && b.dst && !t.options.noAutoAck) {
      b.ackBuf = buildAck(sent, reply.msg);
      tm.core.send(b.ackBuf, b.dst);
    }
    endBranch(tm, t, b, udp ? 64 * t1 : 0); // Timer D
  } else if (t.isInvite) {
    endBranch(tm, t, b, tm.settings.t4); // 2xx retransmissions are relayed meanwhile
  } else {
    endBranch(tm, t, b, udp ? tm.settings.t4 : 0); // Timer K
  }
  if (code < 300) {
    relayReply(tm, t, reply);
    for (const other of t.branches) if (other !== b) cancelBranch(tm, t, other);
  } else if (!givenUp) {
    if (code >= 600 && !t.options.disable6xx) for (const other of t.branches) if (other !== b) cancelBranch(tm, t, other);
    if (code !== 503 || !failover(tm, t, b, b.failoverTargets)) runBranchFailure(tm, t, b);
  }
  tm.checkCompletion(t);
}

/** The branch-failure route (Kamailio's event_route[tm:branch-failure]) for a negative reply. */
function runBranchFailure(tm: TmCore, t: Transaction, b: UacBranch): void {
  const name = t.onBranchFailure;
  if (!name || !tm.core.hasRoute(name)) return;
  const ctx = copyContext(t.saved, 'event');
  ctx.transaction = t;
  ctx.branchIndex = b.index;
  ctx.branches = [];
  const previous = t.failedBranch;
  t.failedBranch = b;
  try {
    tm.core.runRoute(name, ctx, 'tm:branch-failure');
  } finally {
    t.failedBranch = previous;
  }
}
