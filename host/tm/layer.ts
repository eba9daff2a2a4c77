// The transaction layer: the table of transactions, how requests and replies find theirs,
// and the operations KSR.tm.* / KSR.tmx.* and the engine call. One per core (core.tm).
import { randomInt } from 'node:crypto';
import type { MsgContext, Proto } from '../core/context.js';
import type { CoreServices } from '../core/services.js';
import { forwardStateless } from '../forward/stateless.js';
import { parseHop } from '../forward/next-hop.js';
import { newTransactionId } from '../forward/via.js';
import type { SipMessage } from '../sip/message.js';
import { checkCompletion } from './completion.js';
import { copyContext } from '../core/context-copy.js';
import { branchOfKey, dialogKey, replyKey, rfc3261Branch, serverKey } from './keys.js';
import { defaultOptions, pendingOptions } from './options.js';
import { DEFAULT_TM_SETTINGS, type TmSettings } from './settings.js';
import type { LocalClient } from './local-request.js';
import { TimerSet } from './timers.js';
import { TmEvents } from './events.js';
import type { TmCore, TmStats } from './tm-core.js';
import { Transaction, type UacBranch } from './transaction.js';
import { branchReply, cancelBranch, cancelReplied, startBranches, type BranchTarget } from './uac.js';
import { ackReceived, retransmitLastReply, sendLocalReply, terminate } from './uas.js';

/** Where t_relay_to_* sends every branch: a proxy URI and/or a forced protocol. */
export interface RelayTarget {
  uri?: string;
  proto?: Proto;
}

export class TransactionLayer implements TmCore {
  readonly timers = new TimerSet();
  readonly settings: TmSettings;
  readonly stats: TmStats = {
    transactions: 0, created: 0, freed: 0, retransmissionsAbsorbed: 0, repliesRelayed: 0, repliesLocal: 0,
    branchTimeouts: 0, branchSendFailures: 0, cancelsReceived: 0, dnsFailovers: 0,
  };
  private readonly byKey = new Map<string, Transaction>();
  /** How many keys of byKey carry each RFC 3261 branch: a request whose branch has none misses
   *  without its key being built (t_check_trans on every new request is a miss). */
  private readonly keysOfBranch = new Map<string, number>();
  private readonly byDialog = new Map<string, Transaction>();
  private readonly byBranch = new Map<string, { t: Transaction; b: UacBranch }>();
  private readonly byIndex = new Map<number, Transaction>();
  /** Requests the server sent itself (local-request.ts), by branch: their replies end there. */
  readonly localRequests = new Map<string, LocalClient>();
  /** Final replies and failures modules watch (acc): see events.ts. */
  readonly events = new TmEvents(() => this.core.logger);
  private serial = 0;

  constructor(
    readonly core: CoreServices,
    settings: Partial<TmSettings> = {},
  ) {
    this.settings = { ...DEFAULT_TM_SETTINGS, ...settings };
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The transaction attached to a context (set by t_relay/t_newtran, or on tm's own copies). */
  transactionOf(ctx: MsgContext): Transaction | null {
    const t = ctx.transaction;
    return t instanceof Transaction && !t.freed ? t : null;
  }

  byTindex(index: number, label: number): Transaction | null {
    const t = this.byIndex.get(index);
    return t && t.label === label ? t : null;
  }

  /** The INVITE transaction a CANCEL (or ACK) refers to. */
  inviteOf(msg: SipMessage): Transaction | null {
    if (!this.mayMatch(msg)) return null;
    const key = serverKey(msg, 'INVITE');
    return key ? (this.byKey.get(key) ?? null) : null;
  }

  /** The transaction a request belongs to, without acting on it (t_lookup_request). */
  lookup(msg: SipMessage): Transaction | null {
    if (!this.mayMatch(msg)) return null;
    const key = serverKey(msg);
    return key ? (this.byKey.get(key) ?? null) : null;
  }

  /** False when no server key of this request can be in the table: there are none, or its
   *  RFC 3261 branch is in none (an RFC 2543 request has its key built and looked up). */
  private mayMatch(msg: SipMessage): boolean {
    if (this.byKey.size === 0) return false;
    const branch = rfc3261Branch(msg);
    if (branch === null) return false;
    return branch === undefined || this.keysOfBranch.has(branch);
  }

  private addKey(key: string, t: Transaction): void {
    if (!this.byKey.has(key)) {
      const b = branchOfKey(key);
      if (b !== null) this.keysOfBranch.set(b, (this.keysOfBranch.get(b) ?? 0) + 1);
    }
    this.byKey.set(key, t);
  }

  private removeKey(key: string): void {
    if (!this.byKey.delete(key)) return;
    const b = branchOfKey(key);
    if (b === null) return;
    const n = (this.keysOfBranch.get(b) ?? 1) - 1;
    if (n > 0) this.keysOfBranch.set(b, n);
    else this.keysOfBranch.delete(b);
  }

  /** A transaction by Call-ID and CSeq number (tmx t_cancel_callid, t_reply_callid). */
  byCallId(callId: string, cseq: number, method?: string): Transaction | null {
    for (const t of this.byKey.values()) {
      if (method && t.method !== method) continue;
      try {
        if (t.req.msg.callId() === callId && t.req.msg.cseq().seq === cseq) return t;
      } catch {
        // unparsable requests never had a transaction
      }
    }
    return null;
  }

  private create(ctx: MsgContext): Transaction | null {
    const msg = ctx.msg;
    const key = serverKey(msg);
    if (!key || msg.method === 'ACK') return null;
    const index = ++this.serial;
    const isInvite = msg.method === 'INVITE';
    const options = { ...(pendingOptions(ctx) ?? defaultOptions()) };
    const t = new Transaction(newTransactionId(), index, randomInt(1, 2 ** 31 - 1), key, isInvite ? dialogKey(msg) : null, ctx, options);
    this.addKey(key, t);
    this.byIndex.set(index, t);
    if (t.dialogKey) this.byDialog.set(t.dialogKey, t);
    ctx.transaction = t;
    this.stats.created++;
    this.stats.transactions = this.byKey.size;
    const lifetime = isInvite ? (options.maxInvLifetime ?? this.settings.maxInvLifetime) : (options.maxNoninvLifetime ?? this.settings.maxNoninvLifetime);
    t.lifetimeTimer = this.timers.start(lifetime, () => this.expire(t));
    if (isInvite && (options.auto100 ?? this.settings.auto100)) sendLocalReply(this, t, ctx, 100, 'Trying');
    return t;
  }

  /** A request seen again: answered with the last reply. */
  private absorb(t: Transaction): number {
    this.stats.retransmissionsAbsorbed++;
    retransmitLastReply(this, t);
    return 0;
  }

  /**
   * t_newtran: 1 created (or already there), 0 a retransmission was absorbed, -1 cannot. A
   * retransmission's context gets the transaction it belongs to (Kamailio sets T there too),
   * so a reply the script sends next goes to that transaction, which has answered already:
   * the retransmission gets the recorded reply once, not a second, stateless one.
   */
  newTransaction(ctx: MsgContext): number {
    if (!ctx.msg.isRequest || ctx.msg.method === 'ACK') return -1;
    if (this.transactionOf(ctx)) return 1;
    const old = this.lookup(ctx.msg);
    if (old) {
      ctx.transaction = old;
      return this.absorb(old);
    }
    return this.create(ctx) ? 1 : -1;
  }

  /**
   * t_check_trans. Retransmission: last reply resent, 0. CANCEL: 1 when its INVITE transaction
   * exists. ACK: a hop-by-hop ACK for our negative reply is absorbed (0); an ACK for a 2xx of
   * a known INVITE gives 1. Otherwise -1.
   */
  checkTrans(ctx: MsgContext): number {
    const msg = ctx.msg;
    if (!msg.isRequest) return -1;
    if (msg.method === 'ACK') return this.checkAck(msg);
    const own = this.lookup(msg);
    if (own) return this.absorb(own);
    if (msg.method === 'CANCEL') return this.inviteOf(msg) ? 1 : -1;
    return -1;
  }

  private checkAck(msg: SipMessage): number {
    const t = this.inviteOf(msg);
    if (t && ackReceived(this, t)) return 0;
    if (t) return 1;
    const d = dialogKey(msg);
    const inv = d ? this.byDialog.get(d) : undefined;
    return inv && !inv.freed && inv.finalCode >= 200 && inv.finalCode < 300 ? 1 : -1;
  }

  /**
   * t_relay: creates the transaction (100 Trying for INVITE) and schedules one branch per
   * destination (R-URI + appended branches), sent in parallel once the calling route returns.
   * 1 scheduled, 0 a retransmission or hop-by-hop ACK was absorbed, -1 nothing can be sent.
   */
  relay(ctx: MsgContext, target: RelayTarget = {}): number {
    const msg = ctx.msg;
    if (!msg.isRequest || ctx.routeType === 'branch' || ctx.routeType === 'onreply') return -1;
    if (msg.method === 'ACK') {
      if (this.checkAck(msg) === 0) return 0;
      return forwardStateless(ctx, target.uri) ? 1 : -1;
    }
    let t = this.transactionOf(ctx);
    if (!t && msg.method === 'CANCEL') {
      const inv = this.inviteOf(msg);
      if (inv) return this.cancel(ctx, inv);
    }
    let created = false;
    if (!t) {
      const old = this.lookup(msg);
      if (old) return this.absorb(old);
      t = this.create(ctx);
      if (!t) return -1;
      created = true;
    }
    if (t.finalCode >= 200 || t.canceled) return -1;
    const targets = this.targetsOf(ctx, target);
    if (targets.length === 0) {
      // a failure route that changed neither the R-URI nor $du and added no branch
      ctx.core.logger.log('error', `t_relay: no branch to forward to (the Request-URI ${ctx.ruri} already had its branch; set $ru or $du, or append a branch)`);
      if (created) this.release(t);
      return -1;
    }
    if (!targets.some((x) => parseHop(x.dstUri ?? x.uri))) {
      ctx.core.logger.log('error', `t_relay: no destination of ${ctx.ruri} is a SIP URI`);
      if (created) this.release(t);
      return -1;
    }
    const base = copyContext(ctx, 'branch');
    if (target.proto) base.forcedProto = target.proto;
    ctx.branches = [];
    t.saved = copyContext(ctx, 'failure');
    t.saved.transaction = t;
    const onBranch = ctx.tmRequests.onBranch;
    t.pendingStarts++;
    queueMicrotask(() => startBranches(this, t, targets, onBranch, base));
    return 1;
  }

  private targetsOf(ctx: MsgContext, target: RelayTarget): BranchTarget[] {
    const others = ctx.branches.map((b) => ({ uri: b.uri, dstUri: target.uri ?? b.dstUri, path: b.path, flags: b.flags }));
    // in a failure route the R-URI is forked to again only once it was set anew (ruriIsNew)
    if (!ctx.ruriIsNew && !target.uri) return others;
    const first: BranchTarget = { uri: ctx.ruri, dstUri: target.uri ?? ctx.dstUri, path: ctx.path, flags: ctx.bflags[0] ?? 0 };
    return [first, ...others];
  }

  /** A CANCEL for a pending INVITE: 200 to it, CANCEL on every pending branch, 487 follows. */
  private cancel(ctx: MsgContext, inv: Transaction): number {
    this.stats.cancelsReceived++;
    const own = this.create(ctx);
    if (!own) return -1;
    sendLocalReply(this, own, ctx, 200, 'canceling');
    if (inv.finalCode < 200 && !inv.canceled) {
      inv.canceled = true;
      inv.cancelReason = ctx.msg.header('reason')?.value ?? null;
      for (const b of inv.branches) cancelBranch(this, inv, b);
      checkCompletion(this, inv);
    }
    return 1;
  }

  /** t_reply / t_send_reply: a stateful reply; `create` makes the transaction when missing. */
  reply(ctx: MsgContext, code: number, reason: string, create: boolean): number {
    if (!Number.isInteger(code) || code < 100 || code > 699) return -1;
    let t = this.transactionOf(ctx);
    if (!t) {
      if (!create) return -1;
      const r = this.newTransaction(ctx);
      if (r <= 0) return r;
      t = this.transactionOf(ctx)!;
    }
    if (code >= 200 && t.finalCode >= 200) return -1;
    // in an onreply route the context is the branch's reply: the answer goes to the request
    const ok = sendLocalReply(this, t, ctx.msg.isRequest ? ctx : t.req, code, reason);
    if (code >= 200) for (const b of t.branches) cancelBranch(this, t, b);
    if (code >= 200) this.maybeFree(t);
    return ok ? 1 : -1;
  }

  /** Resends the last reply of the context's transaction (t_retransmit_reply). */
  retransmit(ctx: MsgContext): number {
    const t = this.transactionOf(ctx);
    return t && retransmitLastReply(this, t) ? 1 : -1;
  }

  /** Cancels the transaction's pending branches (tmx t_cancel_branches, t_cancel_callid). */
  cancelBranches(t: Transaction, which: (b: UacBranch) => boolean, reason: string | null = null): number {
    if (reason) t.cancelReason = reason;
    let n = 0;
    for (const b of t.branches) {
      if (which(b) && b.active) {
        cancelBranch(this, t, b);
        n++;
      }
    }
    checkCompletion(this, t);
    return n;
  }

  /** A reply from the network. False when it belongs to no transaction of ours. */
  onReply(ctx: MsgContext): boolean {
    const k = replyKey(ctx.msg);
    const local = k && this.localRequests.size > 0 ? this.localRequests.get(k.branch) : undefined;
    if (local) return (local.onReply(ctx.msg), true);
    const e = k ? this.byBranch.get(k.branch) : undefined;
    if (!k || !e) return false;
    if (k.method === 'CANCEL') cancelReplied(this, e.b);
    else if (k.method === e.t.method) branchReply(this, e.t, e.b, ctx);
    return true;
  }

  /** t_continue: resumes a suspended transaction in a named callback (failure-route context). */
  resume(t: Transaction, callback: string): number {
    if (!t.suspended) return -1;
    t.suspended = false;
    const ctx = copyContext(t.saved, 'failure');
    ctx.transaction = t;
    ctx.branches = [];
    this.core.runRoute(callback, ctx);
    if (t.branches.length > 0) checkCompletion(this, t);
    return 1;
  }

  /** t_release: forgets the transaction now. */
  release(t: Transaction): void {
    for (const b of t.branches) b.state = 'terminated';
    t.pendingStarts = 0;
    terminate(this, t);
  }

  linkBranch(t: Transaction, b: UacBranch): void {
    this.byBranch.set(b.id, { t, b });
  }

  unlinkBranch(b: UacBranch): void {
    this.byBranch.delete(b.id);
  }

  checkCompletion(t: Transaction): void {
    checkCompletion(this, t);
  }

  maybeFree(t: Transaction): void {
    if (t.freed || t.uasState !== 'terminated' || t.pendingStarts > 0) return;
    if (t.branches.some((b) => b.state !== 'terminated')) return;
    this.free(t);
  }

  private free(t: Transaction): void {
    t.freed = true;
    this.timers.stop(t.lifetimeTimer);
    this.timers.stop(t.uasTimer);
    this.timers.stop(t.uasEndTimer);
    for (const b of t.branches) {
      for (const h of [b.retrTimer, b.frTimer, b.cancelTimer, b.endTimer]) this.timers.stop(h);
      this.byBranch.delete(b.id);
    }
    if (this.byKey.get(t.key) === t) this.removeKey(t.key);
    if (t.dialogKey && this.byDialog.get(t.dialogKey) === t) this.byDialog.delete(t.dialogKey);
    this.byIndex.delete(t.index);
    this.stats.freed++;
    this.stats.transactions = this.byKey.size;
  }

  /** max_inv_lifetime / max_noninv_lifetime: pending branches time out; then it goes for good. */
  private expire(t: Transaction): void {
    t.lifetimeTimer = null;
    if (t.freed) return;
    t.expired = true;
    t.suspended = false;
    for (const b of t.branches) if (b.active) b.state = 'terminated';
    if (t.finalCode < 200) {
      checkCompletion(this, t);
      if (t.finalCode < 200 && !t.options.disableInternalReply && !t.req.replied) sendLocalReply(this, t, t.req, 408, 'Request Timeout');
    }
    // whatever is still running gets one more 64*T1 to finish, then the entry goes
    t.lifetimeTimer = this.timers.start(64 * (t.options.t1 ?? this.settings.t1), () => this.release(t));
  }

  /** Removes transactions older than their lifetime (t_clean); the count removed. */
  clean(): number {
    const now = Date.now();
    let n = 0;
    for (const t of [...this.byKey.values()]) {
      const life = t.isInvite ? (t.options.maxInvLifetime ?? this.settings.maxInvLifetime) : (t.options.maxNoninvLifetime ?? this.settings.maxNoninvLifetime);
      if (now - t.createdAt > life) {
        this.release(t);
        n++;
      }
    }
    return n;
  }

  /** Engine shutdown: every timer stops, the table empties. */
  stop(): void {
    this.timers.clearAll();
    for (const t of this.byKey.values()) t.freed = true;
    this.byKey.clear();
    this.keysOfBranch.clear();
    this.byDialog.clear();
    this.byBranch.clear();
    this.byIndex.clear();
    this.localRequests.clear();
    this.stats.transactions = 0;
  }

  snapshot(): TmStats & { branches: number; timers: number } {
    return { ...this.stats, transactions: this.byKey.size, branches: this.byBranch.size, timers: this.timers.size };
  }
}
