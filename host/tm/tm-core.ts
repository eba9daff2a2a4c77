// What the parts of the transaction layer share: the engine's services, the timers, the
// settings, the counters, and the few layer operations one part asks of another.
import type { CoreServices } from '../core/services.js';
import type { TmSettings } from './settings.js';
import type { TimerSet } from './timers.js';
import type { Transaction, UacBranch } from './transaction.js';
import type { TmEvents } from './events.js';

export interface TmStats {
  /** Transactions in the table now. */
  transactions: number;
  created: number;
  freed: number;
  /** Requests answered from a transaction instead of being routed again. */
  retransmissionsAbsorbed: number;
  /** Final replies sent upstream, by who made them. */
  repliesRelayed: number;
  repliesLocal: number;
  /** Branches that timed out (408) or could not be sent (477/478). */
  branchTimeouts: number;
  branchSendFailures: number;
  cancelsReceived: number;
  /** Branches retried at the next DNS target (send error, timeout without reply, 503). */
  dnsFailovers: number;
}

/** tm.stats figures that are levels of now, not counts since start (the snapshot adds `branches` and `timers`). */
export const TM_LEVELS: readonly string[] = ['transactions', 'branches', 'timers'];

export interface TmCore {
  readonly core: CoreServices;
  readonly timers: TimerSet;
  readonly settings: TmSettings;
  readonly stats: TmStats;
  /** What modules watch on transactions (events.ts: acc's records). */
  readonly events: TmEvents;
  /** Forgets a branch id (its replies no longer match). */
  unlinkBranch(b: UacBranch): void;
  /** Frees the transaction once both sides are done. */
  maybeFree(t: Transaction): void;
  /** Every branch has a final reply (or none could start): failure route, then the best reply. */
  checkCompletion(t: Transaction): void;
  /** Makes a branch's id match the replies to it. */
  linkBranch(t: Transaction, b: UacBranch): void;
}

export function t1Of(tm: TmCore, t: Transaction): number {
  return t.options.t1 ?? tm.settings.t1;
}

export function t2Of(tm: TmCore, t: Transaction): number {
  return t.options.t2 ?? tm.settings.t2;
}
