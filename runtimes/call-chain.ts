// One CPU budget per message (issue 7, items 3, 7, 10). A callback the host starts (the
// request route, a reply route, a failure route fired by a timer) opens a budget of
// `cpuMs` of CPU, or spends what its message has left in this turn of the event loop
// (MessageBudget); every callback run synchronously inside it (KSR.route, t_continue...)
// runs against the same deadline and one nesting counter. Once the budget is spent:
// - every further KSR call answers STOP (Dispatcher.admit), as after KSR.x.exit;
// - a callback that still runs is stopped: QuickJS by its interrupt handler, an isolate by its
//   timeout, or, when that cannot be trusted, by `hardStop` (the isolate is disposed): an
//   isolate's timeout is paused while the host runs a KSR call, so the timer of an outer
//   callback still holds its own time after an inner one spent the budget;
// - the outermost callback reports 'timeout', so the message gets its 500.
//
// The deadline is wall-clock, set to cpuMs × CpuShare.stretch() (1 on an idle machine, at most
// MAX_STRETCH); past it, the process's CPU time decides: a callback that has not used cpuMs
// of CPU yet (the machine was busy) may go on, up to the stretched cap. The CPU time at a
// budget's start is not read per message (getrusage: 5.7 % of the serving thread under load)
// but taken from a reading at most a few ms old plus the wall-clock time since, times
// the cores: never less than the truth, so a route may run up to 5 % of the limit longer.
import { takeBlockedWait } from '../host/core/blocked-wait.js';
import { KsrUsageError, type Dispatcher } from '../bindings/registry.js';
import type { MsgContext } from '../host/core/context.js';
import type { InvokeResult } from '../host/core/router.js';
import { cpuShare, MAX_STRETCH, processCpuUs, processCpuUsAtLeast } from './cpu-time.js';

/**
 * The share of the CPU limit a budget may count short at its start (a reused CPU reading,
 * cpu-time.ts processCpuUsAtLeast): 5 %, so a 100 ms limit lets a route run 105 ms of CPU at most
 * (on 2 cores a reading then serves 2.5 ms: at 4000 messages/s one read per ~10 messages).
 */
const START_ERROR = 0.05;

/**
 * The grid, as a share of the CPU limit, that callbacks' timeouts end on (alignedTimeoutMs).
 * isolated-vm gives every call with a timeout a timer on its timer thread and leaves a finished
 * call's timer queued until it expires; the thread wakes once per distinct expiry (~20 µs of
 * CPU each, a context switch). At 6000 routes/s that thread took 8 % of the server. Timers that
 * end on one grid point (within isolated-vm's whole-ms resolution) expire in a few wake-ups.
 * A callback that loops is then stopped up to this share of the limit later (10 ms of 100).
 */
const TIMEOUT_GRID_SHARE = 0.1;

export interface ChainCall {
  /** The context of the callback this one runs inside (null for a top-level callback). */
  readonly outer: MsgContext | null;
  /** Wall-clock ms the callback may run (an isolate's timeout); 0 when the budget is spent. */
  readonly timeoutMs: number;
}

/** Turns of the event loop so far (counted lazily: one setImmediate per turn that needs it). */
let turn = 0;
let turnEnding = false;

function currentTurn(): number {
  if (!turnEnding) {
    turnEnding = true;
    setImmediate(() => {
      turn++;
      turnEnding = false;
    });
  }
  return turn;
}

/**
 * The CPU budget of one message in one turn of the event loop. It travels on the context
 * (MsgContext.cpuBudget) and so with the copies tm makes of it: the branch and onsend routes
 * that run right after the request route, in the same turn, spend what it left (a script
 * with 12 branches cannot get 25 budgets). A callback in a later turn (a reply, a failure
 * route fired by a timer) opens a fresh one.
 */
/**
 * How much blocked waiting (a synchronous store, HTTP or media relay call) one message's
 * budget takes off its wall clock: a script looping on slow calls is still stopped.
 */
const MAX_BLOCKED_CREDIT_MS = 10_000;

class MessageBudget {
  readonly turn = currentTurn();
  /** Wall-clock deadline (performance.now ms): moved on while CPU is left, up to capMs. */
  deadlineMs: number;
  capMs: number;
  /** Blocked waits credited so far (host/core/blocked-wait.ts), at most MAX_BLOCKED_CREDIT_MS. */
  creditedMs = 0;
  /** The process's CPU time at the start, or up to START_ERROR × cpuMs more (never less). */
  readonly cpuStartUs: number;
  spent = false;
  /** KSR calls answered STOP because the budget was spent. */
  stopsAnswered = 0;

  constructor(readonly cpuMs: number) {
    this.cpuStartUs = processCpuUsAtLeast(cpuMs * START_ERROR);
    const now = performance.now();
    this.deadlineMs = now + cpuMs * cpuShare.stretch();
    this.capMs = now + cpuMs * MAX_STRETCH;
  }

  /** Moves the wall-clock deadline and cap on by time the thread spent blocked (no CPU used), bounded per message. */
  creditBlockedWait(ms: number): void {
    const credit = Math.min(ms, MAX_BLOCKED_CREDIT_MS - this.creditedMs);
    if (credit <= 0) return;
    this.creditedMs += credit;
    this.deadlineMs += credit;
    this.capMs += credit;
  }
}

export class CallChain {
  /** The script's file, named in the error of a spent budget (set by the runtime on load). */
  file = '';
  private depth = 0;
  private budget = new MessageBudget(0);

  /** Spent: mirrored into the Dispatcher, which answers STOP after a call that spent it. */
  private get spent(): boolean {
    return this.budget.spent;
  }

  private set spent(v: boolean) {
    this.budget.spent = v;
    this.dispatcher.budgetSpent = v;
  }

  /**
   * @param hardStop ends every frame of the interpreter now running (an isolate: dispose it).
   *   Called when the budget is spent while frames that a timeout cannot reach may run on.
   */
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly cpuMs: number,
    private readonly hardStop: () => void,
  ) {
    cpuShare.start();
    dispatcher.admit = () => this.admit();
  }

  /** True while a callback runs inside another one of the same chain. */
  get nested(): boolean {
    return this.depth > 1;
  }

  get running(): boolean {
    return this.depth > 0;
  }

  /**
   * Starts a callback against ctx. Throws KsrUsageError when callbacks already nest
   * maxRouteDepth deep: a nested callback only starts from inside a KSR call (KSR.route),
   * whose Dispatcher turns it into that call's error, at the script's line.
   */
  enter(ctx: MsgContext): ChainCall {
    const d = this.dispatcher;
    if (this.depth === 0) {
      // waits noted outside any callback (a timer's store call) are no message's
      takeBlockedWait();
      const shared = ctx.cpuBudget;
      this.budget = shared instanceof MessageBudget && shared.turn === currentTurn() && shared.cpuMs === this.cpuMs ? shared : new MessageBudget(this.cpuMs);
      ctx.cpuBudget = this.budget;
      this.dispatcher.budgetSpent = this.budget.spent;
    } else if (this.depth >= d.limits.maxRouteDepth) {
      throw new KsrUsageError(`callbacks nested deeper than ${d.limits.maxRouteDepth} (limits.max_route_depth)`);
    }
    this.depth++;
    const outer = d.context;
    d.context = ctx;
    return { outer, timeoutMs: this.alignedTimeoutMs(this.remainingMs()) };
  }

  /**
   * Ends a callback started by enter(). The result of the outermost one says 'timeout' when
   * the budget was spent anywhere in the chain.
   */
  leave(call: ChainCall, result: InvokeResult): InvokeResult {
    this.depth--;
    this.dispatcher.context = call.outer;
    if (result.outcome === 'timeout') this.spent = true;
    if (this.depth > 0) {
      if (!this.spent) return result;
      this.hardStop();
      // only the outermost callback reports the spent budget: one log line per message, not
      // one per nested level (100 of them would turn a cheap request into a log flood)
      return { outcome: result.outcome };
    }
    const out = this.spent && result.outcome !== 'timeout' && result.outcome !== 'memory' ? this.spentResult() : result;
    // the budget stays spent for the message's other callbacks in this turn; no chain runs now
    this.dispatcher.budgetSpent = false;
    return out;
  }

  /** What a callback stopped because the message's budget was spent reports. */
  spentResult(message = `the CPU limit of ${this.cpuMs} ms per message was exceeded (nested callbacks included)`): InvokeResult {
    return { outcome: 'timeout', error: { message, file: this.file, line: 0 } };
  }

  /**
   * `ms` from now, moved later to end on the next point of a grid of TIMEOUT_GRID_SHARE of the
   * CPU limit (performance.now's clock is isolated-vm's steady clock, less a constant): the
   * timeouts of all callbacks started within one grid step expire together. 0 stays 0.
   */
  private alignedTimeoutMs(ms: number): number {
    if (ms <= 0) return ms;
    const grid = Math.max(1, Math.ceil(this.cpuMs * TIMEOUT_GRID_SHARE));
    const now = performance.now();
    return Math.ceil(Math.ceil((now + ms) / grid) * grid - now);
  }

  /** Wall-clock ms from now to the budget's cap, past which a caught stop's next call ends the callback (admit). */
  msToCap(): number {
    return this.budget.capMs - performance.now();
  }

  /** Wall-clock ms left before the deadline, at least 1; 0 once the budget is spent. */
  remainingMs(): number {
    if (this.spent) return 0;
    const left = Math.ceil(this.budget.deadlineMs - performance.now());
    if (left > 0) return left;
    return this.expired() ? 0 : Math.max(1, Math.ceil(this.budget.deadlineMs - performance.now()));
  }

  /**
   * True once the budget is spent. Cheap until the wall-clock deadline; past it, reads the CPU
   * time used and moves the deadline on by what is left of the CPU limit (up to the cap).
   */
  expired(): boolean {
    const b = this.budget;
    if (b.spent) return true;
    const waited = takeBlockedWait();
    if (waited > 0) b.creditBlockedWait(waited);
    const now = performance.now();
    if (now <= b.deadlineMs) return false;
    const usedMs = (processCpuUs() - b.cpuStartUs) / 1000;
    if (now >= b.capMs || usedMs >= this.cpuMs) {
      this.spent = true;
      return true;
    }
    b.deadlineMs = Math.min(b.capMs, now + (this.cpuMs - usedMs));
    return false;
  }

  /**
   * Dispatcher.admit: may a KSR call run? Once the budget is spent, no. Nested frames are
   * ended at once; a top-level callback is left to its own timeout unless it has already been
   * answered STOP, caught it and is still calling past the cap (its timer is paused while the
   * host answers, so a loop of caught stops would otherwise run on).
   */
  private admit(): boolean {
    if (this.depth === 0) return true;
    if (!this.expired()) return true;
    if (this.nested || (this.budget.stopsAnswered++ > 0 && performance.now() >= this.budget.capMs)) this.hardStop();
    return false;
  }
}
