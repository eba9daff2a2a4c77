// The data of one transaction (Kamailio's "cell"): the server side facing the request's sender
// (uas) and one client side per outgoing branch (uac). The state machines that move these
// fields live in uas.ts, uac.ts and layer.ts.
import type { MsgContext } from '../core/context.js';
import type { ReplyOptions } from '../core/services.js';
import type { SipMessage } from '../sip/message.js';
import type { Destination } from '../transport/types.js';
import type { Target } from '../dns/resolve-target.js';
import type { TimerHandle } from './timers.js';
import type { TmOptions } from './options.js';

/** The last reply the server side sent, kept to answer retransmissions. */
export type UasReply =
  | { kind: 'local'; code: number; reason: string; ctx: MsgContext; opts: ReplyOptions }
  | { kind: 'relayed'; code: number; buf: Buffer; dst: Destination };

export interface BranchFinal {
  code: number;
  reason: string;
  /** The reply as received; null for a reply we made up (408, 477, 478, faked 487). */
  reply: MsgContext | null;
  local: boolean;
}

export type UacState = 'starting' | 'trying' | 'proceeding' | 'completed' | 'terminated';

export class UacBranch {
  state: UacState = 'starting';
  /** The branch context after the branch route (its R-URI, $du, lumps). */
  ctx: MsgContext | null = null;
  request: Buffer | null = null;
  sent: SipMessage | null = null;
  dst: Destination | null = null;
  /** Highest status received (0: none). */
  lastCode = 0;
  replied = false;
  timedOut = false;
  final: BranchFinal | null = null;
  /** A final reply was received from the network (a faked one may come first). */
  finalReceived = false;
  /** Which t_relay call made it (t_drop_replies("l")). */
  round = 0;
  /** t_drop_replies: left out of the best-response choice. */
  ignored = false;
  /** A CANCEL is owed: sent as soon as a provisional reply arrives. */
  cancelWanted = false;
  cancelSent = false;
  cancelBuf: Buffer | null = null;
  retrTimer: TimerHandle | null = null;
  retrInterval = 0;
  frTimer: TimerHandle | null = null;
  cancelTimer: TimerHandle | null = null;
  endTimer: TimerHandle | null = null;
  ackBuf: Buffer | null = null;
  /** The next hop's other targets, not tried yet (DNS failover tries them in turn). */
  failoverTargets: Target[] = [];

  constructor(
    readonly index: number,
    readonly id: string,
    readonly uri: string,
  ) {}

  get active(): boolean {
    return this.final === null && this.state !== 'terminated';
  }
}

export type UasState = 'proceeding' | 'completed' | 'confirmed' | 'terminated';

export class Transaction {
  readonly branches: UacBranch[] = [];
  /** The request route's context: replies go where it came from. */
  readonly req: MsgContext;
  /** The request as the failure route sees it (refreshed by each t_relay). */
  saved: MsgContext;
  uasState: UasState = 'proceeding';
  lastReply: UasReply | null = null;
  /** Status of the final reply sent upstream (0: none yet). */
  finalCode = 0;
  /** t_relay calls that made branches so far. */
  rounds = 0;
  /** Batches of branches t_relay scheduled that have not started yet. */
  pendingStarts = 0;
  onFailure: string | null;
  onReply: string | null;
  onBranchFailure: string | null;
  frTimeout: number | null;
  frInvTimeout: number | null;
  canceled = false;
  cancelReason: string | null = null;
  expired = false;
  suspended = false;
  /** t_drop: no final reply upstream (and t_drop_rcode's code). */
  dropped = false;
  /** The branch the failure route is looking at, while it runs. */
  failedBranch: UacBranch | null = null;
  uasTimer: TimerHandle | null = null;
  uasEndTimer: TimerHandle | null = null;
  uasRetrInterval = 0;
  lifetimeTimer: TimerHandle | null = null;
  freed = false;
  readonly createdAt = Date.now();

  constructor(
    readonly id: string,
    /** t_suspend's tindex/tlabel pair. */
    readonly index: number,
    readonly label: number,
    readonly key: string,
    readonly dialogKey: string | null,
    ctx: MsgContext,
    readonly options: TmOptions,
  ) {
    this.req = ctx;
    this.saved = ctx;
    this.onFailure = ctx.tmRequests.onFailure;
    this.onReply = ctx.tmRequests.onReply;
    this.onBranchFailure = ctx.tmRequests.onBranchFailure;
    this.frTimeout = ctx.tmRequests.frTimeout;
    this.frInvTimeout = ctx.tmRequests.frInvTimeout;
  }

  get method(): string {
    return this.req.msg.method;
  }

  get isInvite(): boolean {
    return this.req.msg.method === 'INVITE';
  }

  /** Replies to the sender go over UDP: the server side retransmits them itself. */
  get uasUnreliable(): boolean {
    return this.req.rcv.proto === 'udp';
  }
}
