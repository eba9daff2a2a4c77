// What modules may watch on transactions (Kamailio's tm callbacks a module registers): acc
// writes its records here when a final reply goes upstream (TMCB_RESPONSE_OUT) and when an
// INVITE's branches all failed, before the failure route (TMCB_ON_FAILURE). Listeners are
// registered by a module state (ModuleService.create), never imported by tm: tm only calls
// them. A listener that throws is logged and skipped; it never breaks the transaction.
import type { MsgContext } from '../core/context.js';
import type { ScriptLogger } from '../core/services.js';
import type { Transaction } from './transaction.js';

export interface TmFinalEvent {
  readonly t: Transaction;
  readonly code: number;
  readonly reason: string;
  /** The reply as received from a branch (relayed); null for a reply tm made itself (t_reply, 408...). */
  readonly reply: MsgContext | null;
  /** The request as the script left it when it replied or relayed (its flags, AVPs, R-URI). */
  readonly request: MsgContext;
}

export interface TmFailureEvent {
  readonly t: Transaction;
  /** The best failure among the branches (what would go upstream). */
  readonly code: number;
  readonly reason: string;
  readonly reply: MsgContext | null;
  /** The request the failure route will see (t.saved): a listener may change its flags (acc resets its missed flags). */
  readonly request: MsgContext;
}

type Listener<E> = (e: E) => void;

/** At most this many listeners per event: modules register once per core, a loop would be a bug. */
const MAX_LISTENERS = 32;

export class TmEvents {
  private readonly finals: Listener<TmFinalEvent>[] = [];
  private readonly failures: Listener<TmFailureEvent>[] = [];

  constructor(private readonly log: () => ScriptLogger) {}

  /** A final reply went upstream (once per transaction; a late 2xx relayed after it is not one). */
  onFinalReply(fn: Listener<TmFinalEvent>): void {
    add(this.finals, fn);
  }

  /** Every branch of a round failed; runs before the failure route (if any) and before the reply upstream. */
  onFailure(fn: Listener<TmFailureEvent>): void {
    add(this.failures, fn);
  }

  get watched(): boolean {
    return this.finals.length > 0 || this.failures.length > 0;
  }

  emitFinal(e: TmFinalEvent): void {
    for (const fn of this.finals) this.safely(fn, e, 'final reply');
  }

  emitFailure(e: TmFailureEvent): void {
    for (const fn of this.failures) this.safely(fn, e, 'failure');
  }

  private safely<E>(fn: Listener<E>, e: E, what: string): void {
    try {
      fn(e);
    } catch (err) {
      this.log().log('error', `tm: a ${what} listener failed: ${(err as Error)?.stack ?? String(err)}`);
    }
  }
}

function add<E>(list: Listener<E>[], fn: Listener<E>): void {
  if (list.length >= MAX_LISTENERS) throw new Error(`tm events: more than ${MAX_LISTENERS} listeners`);
  list.push(fn);
}
