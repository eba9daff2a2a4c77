// The server side of a transaction (RFC 3261 §17.2): the replies we send toward the request's
// sender, kept for retransmitted requests; for a non-2xx final to an INVITE over UDP, Timer G
// retransmits it until the ACK comes (Timer H gives up); Timers I and J absorb stragglers.
import type { MsgContext } from '../core/context.js';
import type { ReplyOptions } from '../core/services.js';
import { replyDestination } from '../core/reply-destination.js';
import { buildForwardedReply } from '../sip/builder.js';
import { t1Of, t2Of, type TmCore } from './tm-core.js';
import type { Transaction } from './transaction.js';

/** A reply we make (100, t_reply, 408...). False when a final reply was already sent. */
export function sendLocalReply(tm: TmCore, t: Transaction, ctx: MsgContext, code: number, reason: string, opts: ReplyOptions = {}): boolean {
  if (t.finalCode >= 200) return false;
  if (code >= 200 && t.dropped) return false;
  const ok = tm.core.sendReply(ctx, code, reason, opts);
  t.lastReply = { kind: 'local', code, reason, ctx, opts };
  if (code >= 200) {
    tm.stats.repliesLocal++;
    finalSent(tm, t, code);
    if (tm.events.watched) tm.events.emitFinal({ t, code, reason, reply: null, request: ctx });
  }
  return ok;
}

/** Relays a reply received on a branch (our Via removed, the onreply route's lumps applied).
 *  Once a final reply went upstream only a 2xx to an INVITE still goes (RFC 3261 §16.7 step
 *  5), also after a 408/487 of ours: the caller must see the answer to ACK it and hang up. */
export function relayReply(tm: TmCore, t: Transaction, reply: MsgContext): boolean {
  const code = reply.msg.status;
  const late2xx = t.isInvite && code < 300 && code >= 200 && t.finalCode >= 200;
  if (t.finalCode >= 200 && !late2xx) return false;
  const buf = buildForwardedReply(reply.msg, reply.lumps);
  const dst = replyDestination(t.req, t.req.msg.topVia(), code);
  const ok = tm.core.send(buf, dst);
  if (late2xx) return ok; // the server side keeps its own final reply for retransmissions
  t.lastReply = { kind: 'relayed', code, buf, dst };
  if (code >= 200) {
    tm.stats.repliesRelayed++;
    finalSent(tm, t, code);
    if (tm.events.watched) tm.events.emitFinal({ t, code, reason: reply.msg.reason, reply, request: t.saved });
  }
  return ok;
}

/**
 * t_drop_rcode: the transaction counts as answered with `code` (its status, $T_reply_code,
 * t_get_status_code) but nothing is sent upstream; it is released as after a final reply
 * (Kamailio tmx sets uas.status and calls t_release_transaction). Later replies from branches
 * are not relayed (a 2xx to an INVITE still is, RFC 3261 §16.7); pending branches run on.
 */
export function dropWithStatus(tm: TmCore, t: Transaction, code: number): void {
  t.dropped = true;
  if (t.finalCode >= 200) return;
  t.finalCode = code;
  t.uasState = 'completed';
  // no reply to retransmit (Timer G) and no ACK to wait for: kept a while to absorb the
  // request's retransmissions (64*T1 over UDP, as Timer J), then freed
  t.uasEndTimer = tm.timers.start(t.uasUnreliable ? 64 * t1Of(tm, t) : 0, () => terminate(tm, t));
}

/** Answers a retransmitted request with the last reply sent, if any. */
export function retransmitLastReply(tm: TmCore, t: Transaction): boolean {
  const r = t.lastReply;
  if (!r) return false;
  if (r.kind === 'local') return tm.core.sendReply(r.ctx, r.code, r.reason, r.opts);
  return tm.core.send(r.buf, r.dst);
}

function finalSent(tm: TmCore, t: Transaction, code: number): void {
  t.finalCode = code;
  t.uasState = 'completed';
  const t1 = t1Of(tm, t);
  if (t.isInvite && code >= 300) {
    if (t.uasUnreliable) {
      t.uasRetrInterval = t1;
      t.uasTimer = tm.timers.start(t1, () => timerG(tm, t));
    }
    t.uasEndTimer = tm.timers.start(64 * t1, () => terminate(tm, t)); // Timer H: no ACK came
    return;
  }
  // 2xx to an INVITE: kept a while to absorb the INVITE's retransmissions;
  // non-INVITE: Timer J (64*T1 over UDP, 0 over a reliable transport)
  const wait = t.isInvite ? tm.settings.t4 : t.uasUnreliable ? 64 * t1 : 0;
  t.uasEndTimer = tm.timers.start(wait, () => terminate(tm, t));
}

function timerG(tm: TmCore, t: Transaction): void {
  t.uasTimer = null;
  if (t.uasState !== 'completed' || t.freed) return;
  retransmitLastReply(tm, t);
  t.uasRetrInterval = Math.min(2 * t.uasRetrInterval, t2Of(tm, t));
  t.uasTimer = tm.timers.start(t.uasRetrInterval, () => timerG(tm, t));
}

/** The ACK for our non-2xx final reply: stop Timer G, wait Timer I. False when not expected. */
export function ackReceived(tm: TmCore, t: Transaction): boolean {
  if (!t.isInvite || t.finalCode < 300) return false;
  if (t.uasState === 'completed') {
    t.uasTimer = tm.timers.stop(t.uasTimer);
    t.uasEndTimer = tm.timers.stop(t.uasEndTimer);
    t.uasState = 'confirmed';
    t.uasEndTimer = tm.timers.start(t.uasUnreliable ? tm.settings.t4 : 0, () => terminate(tm, t));
  }
  return true;
}

export function terminate(tm: TmCore, t: Transaction): void {
  t.uasTimer = tm.timers.stop(t.uasTimer);
  t.uasEndTimer = tm.timers.stop(t.uasEndTimer);
  t.uasState = 'terminated';
  tm.maybeFree(t);
}
