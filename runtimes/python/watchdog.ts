// A Python call's deadline, enforced cheaply: at the deadline Python raises KeyboardInterrupt
// where it is, the call unwinds normally and the interpreter stays usable. pyodide reads its
// interrupt buffer every few dozen bytecodes; ours (guest/interrupts.js) lives in a
// SharedArrayBuffer the isolate shares (isolated-vm shares one, it does not copy it) and is
// raised two ways:
// - by the guest itself: the buffer's read compares the isolate's clock with the deadline the
//   host wrote next to the flag, so it fires on time even when the machine is too busy to
//   schedule another thread promptly;
// - by a thread of its own (watchdog-worker.mjs), since the host thread is blocked inside the
//   isolate (applySync) while Python runs: the second line, with no clock in the isolate.
// The host tells both about each call through shared memory only (a few stores); the worker
// is woken (Atomics.notify) only when it went idle or for a nested, sooner deadline.
import { Worker } from 'node:worker_threads';

/** Word indices in the control block, and the worker's timing; passed to the worker. */
const LAYOUT = {
  /** 0: no call; else the generation of the call being watched. */
  ARMED: 0,
  /** The generation the flag was last raised for. */
  FIRED: 1,
  /** 1 while the worker decides whether to raise the flag (see `leave`). */
  WRITING: 2,
  /** 1 while the worker sleeps until notified. */
  IDLE: 3,
  /** 1: the worker ends. */
  STOP: 4,
  INTS: 6,
  /** Byte offset of the deadline (Float64, ms on the monotonic clock). */
  DEADLINE_BYTE: 24,
  /** Byte offset of when the flag was first raised for the call (Float64, same clock). */
  RAISED_BYTE: 32,
  BYTES: 40,
  SIGINT: 2,
  /** Raise the flag again this often while an overdue call goes on. */
  REPEAT_MS: 2,
  /** While busy, the worker looks for a new call this often without being woken. */
  TICK_MS: 10,
  /** Idle this long, the worker sleeps until the host wakes it. */
  IDLE_AFTER_MS: 1000,
} as const;

const WORKER = new URL('./watchdog-worker.mjs', import.meta.url);

/** Milliseconds on the monotonic clock the worker reads too (hrtime is the same in every thread). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** One watched call; nested calls chain to the call they run in. */
export interface WatchedCall {
  gen: number;
  deadline: number;
  /** The same deadline on the isolate's clock (Date.now()). */
  wallDeadline: number;
  /** The flag was raised during this call (or during a call nested in it, once it resumed). */
  fired: boolean;
  readonly outer: WatchedCall | null;
}

/**
 * The block shared with the isolate: Int32 [0] the signal number pyodide reads (SIGINT = 2),
 * Int32 [1] set by the guest when it raised the interrupt itself, Float64 at byte 8 the
 * deadline of the call running now on the isolate's clock (Date.now(); Infinity: none).
 */
export const FLAG_LAYOUT = { SIGNAL: 0, GUEST_RAISED: 1, DEADLINE_BYTE: 8, BYTES: 16 } as const;

export class Watchdog {
  /** Shared with the isolate: pyodide's interrupt buffer and the call's deadline (FLAG_LAYOUT). */
  readonly flag = new SharedArrayBuffer(FLAG_LAYOUT.BYTES);
  private readonly control = new SharedArrayBuffer(LAYOUT.BYTES);
  private readonly ctl = new Int32Array(this.control, 0, LAYOUT.INTS);
  private readonly deadline = new Float64Array(this.control, LAYOUT.DEADLINE_BYTE, 1);
  private readonly raisedAt = new Float64Array(this.control, LAYOUT.RAISED_BYTE, 1);
  /** How late past a deadline the flag was raised, at most (thread scheduling), for diagnostics. */
  maxLateMs = 0;
  private readonly interrupt = new Int32Array(this.flag, 0, 2);
  private readonly guestDeadline = new Float64Array(this.flag, FLAG_LAYOUT.DEADLINE_BYTE, 1).fill(Infinity);
  private readonly worker: Worker;
  private gen = 0;
  private current: WatchedCall | null = null;

  private constructor() {
    // plain JavaScript: no loader (execArgv would hand it the parent's tsx), a small heap
    this.worker = new Worker(WORKER, {
      workerData: { control: this.control, flag: this.flag, layout: LAYOUT },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    });
    // a watchdog must never take the process down
    this.worker.on('error', () => {});
  }

  /** Starts the worker and waits until it watches (so the first call is watched). */
  static async start(): Promise<Watchdog> {
    const w = new Watchdog();
    await new Promise<void>((resolve, reject) => {
      w.worker.once('message', () => resolve());
      w.worker.once('error', reject);
      w.worker.once('exit', (code) => reject(new Error(`the Python watchdog thread exited with ${code} before it watched`)));
    });
    // nor keep it alive
    w.worker.unref();
    return w;
  }

  /** Starts watching a call of at most `budgetMs`; a nested call ends no later than its outer one. */
  enter(budgetMs: number): WatchedCall {
    const outer = this.current;
    const now = monotonicMs();
    const deadline = Math.min(now + budgetMs, outer?.deadline ?? Infinity);
    const call: WatchedCall = { gen: 0, deadline, wallDeadline: Date.now() + (deadline - now), fired: false, outer };
    if (outer) this.disarm(outer);
    this.arm(call);
    this.current = call;
    // the worker sleeps toward the outer deadline or until woken: a nested, sooner one must wake it
    if (outer || Atomics.load(this.ctl, LAYOUT.IDLE) === 1) Atomics.notify(this.ctl, LAYOUT.ARMED);
    return call;
  }

  /** Stops watching `call` (and resumes its outer call); true when the flag was raised during it. */
  leave(call: WatchedCall): boolean {
    this.disarm(call);
    this.current = call.outer;
    if (call.outer) this.arm(call.outer);
    return call.fired;
  }

  /**
   * True when the call running now is past its deadline: KSR calls stop from then on, and the
   * call counts as timed out (even if no interrupt reached Python before it ended).
   */
  overdue(): boolean {
    const call = this.current;
    if (!call) return false;
    if (!call.fired && Atomics.load(this.ctl, LAYOUT.FIRED) !== call.gen && Date.now() <= call.wallDeadline) return false;
    call.fired = true;
    return true;
  }

  private arm(call: WatchedCall): void {
    this.gen = this.gen >= 0x7ffffff0 ? 1 : this.gen + 1;
    call.gen = this.gen;
    this.guestDeadline[0] = call.wallDeadline; // same thread as the guest while it runs
    this.deadline[0] = call.deadline; // published by the atomic store below
    Atomics.store(this.ctl, LAYOUT.ARMED, call.gen);
  }

  /**
   * The worker may be between reading ARMED and raising the flag: it sets WRITING around
   * both, so after ARMED is cleared, WRITING at 0 means it will not raise it any more
   * (Dekker's argument, with sequentially consistent atomics on both sides).
   */
  private disarm(call: WatchedCall): void {
    this.guestDeadline[0] = Infinity;
    if (this.interrupt[FLAG_LAYOUT.GUEST_RAISED] !== 0) {
      this.interrupt[FLAG_LAYOUT.GUEST_RAISED] = 0;
      call.fired = true;
    }
    Atomics.store(this.ctl, LAYOUT.ARMED, 0);
    while (Atomics.load(this.ctl, LAYOUT.WRITING) === 1) {
      // the worker's critical section is two stores; yield the core if it was preempted there
      Atomics.wait(this.ctl, LAYOUT.STOP, 0, 0.05);
    }
    if (Atomics.load(this.ctl, LAYOUT.FIRED) === call.gen) {
      call.fired = true;
      this.maxLateMs = Math.max(this.maxLateMs, this.raisedAt[0]! - call.deadline);
    }
    // a flag Python has not read yet must not interrupt the next call
    if (call.fired) Atomics.store(this.interrupt, FLAG_LAYOUT.SIGNAL, 0);
  }

  dispose(): void {
    Atomics.store(this.ctl, LAYOUT.STOP, 1);
    Atomics.store(this.ctl, LAYOUT.ARMED, 0);
    Atomics.notify(this.ctl, LAYOUT.ARMED);
    void this.worker.terminate();
  }
}
