// ScriptRuntime for Python: pyodide in an isolate of its own (see boot.ts). The host enters
// the isolate once per callback; the guest answers in the guest protocol (ksr.py, guest-protocol.ts).
// A callback that overruns its budget is interrupted by the watchdog (KeyboardInterrupt in
// Python, every later KSR call stops it): the call unwinds, the interpreter is checked
// (settle) and kept. Only when that fails, or the script outlives the interrupt until the
// isolate's own timeout stops it (the backstop), is the instance broken and rebuilt.
import type { Dispatcher } from '../../bindings/registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult, ScriptErrorInfo } from '../../host/core/router.js';
import { loadBudgetMessage, loadBudgetMs, ScriptError, type RuntimeLimits, type ScriptRuntime } from '../runtime.js';
import type { Guarded } from '../isolate/sandbox.js';
import type { PythonGuest } from './boot.js';
import type { Watchdog } from './watchdog.js';
import { CallChain } from '../call-chain.js';
import { MAX_STRETCH } from '../cpu-time.js';
import { errorFromReport, RESULT, MissingNames, resultOf, stoppedOr } from '../guest-protocol.js';

/**
 * When the isolate's own timeout stops a call the watchdog's interrupt did not end (a script
 * that catches KeyboardInterrupt in a loop): a little after the budget (1.25 × it, at least
 * 15 ms more). An interrupted call unwinds within a few ms (median 0.6 ms, 21 ms seen under
 * heavy load, when it then costs a rebuild instead); with the message budget stretched on a
 * busy core, 1.5 × put a swallowing script's stop past the 2 × limit a client may wait.
 */
export function backstopMs(budgetMs: number, cpuMs = budgetMs): number {
  const late = budgetMs + Math.max(15, Math.round(cpuMs / 4));
  // A stretched budget (a busy core) already gave the script its time: then the backstop comes
  // at most 15 ms after the stretched cap (measured under npm test: a swallowing script nested
  // 100 deep held a new TCP client 201 ms with 1.25 × the stretched budget, against a bound of 200).
  return Math.min(late, Math.max(budgetMs + 15, Math.round(cpuMs * MAX_STRETCH) + 15));
}

/**
 * Time allowed to drain a pending interrupt and check the interpreter after one (it takes
 * ~0.05 ms; generous because the isolate's timeout is wall-clock time and a busy machine
 * can leave the thread unscheduled for tens of ms: a settle cut short costs a rebuild).
 */
const SETTLE_MS = 100;

export class PythonRuntime implements ScriptRuntime {
  readonly language = 'python' as const;
  readonly engine = 'pyodide' as const;
  private isBroken = false;
  private file = '<script>';
  private callbacks = new Set<string>();
  /** A nested call was interrupted: the outermost one settles the interpreter when it ends. */
  private unsettled = false;

  private readonly chain: CallChain;

  /** Explains an error about a KSR name the registry lacks (built at load). */
  private missingNames: MissingNames | null = null;

  constructor(
    private readonly guest: PythonGuest,
    private readonly dispatcher: Dispatcher,
    private readonly limits: RuntimeLimits,
    private readonly watchdog: Watchdog,
  ) {
    // past the budget, frames an isolate timeout cannot reach end with the isolate
    this.chain = new CallChain(dispatcher, limits.cpuMs, () => this.guest.sandbox.dispose());
  }

  get broken(): boolean {
    return this.isBroken || this.guest.sandbox.disposed;
  }

  /** Runs on the isolate's own thread (isolated-vm's async apply): the event loop serves on meanwhile. */
  async load(source: string, file: string): Promise<void> {
    this.missingNames = new MissingNames(this.dispatcher.entries, source, file);
    this.chain.file = file;
    const budget = loadBudgetMs(this.limits.cpuMs);
    const sandbox = this.guest.sandbox;
    const g = await sandbox.guardAsync(() => this.guest.load.apply(undefined, [source, file], { timeout: budget }));
    if (g.outcome !== 'ok') {
      this.isBroken = true;
      throw new ScriptError(g.outcome === 'timeout' ? loadBudgetMessage(budget) : this.limitMessage(g.outcome, budget), file, 0);
    }
    if (g.value !== RESULT.ok) {
      const e = errorFromReport(String(g.value), file);
      throw new ScriptError(e.message, file, e.line, e.ksrFunction);
    }
    const names = await sandbox.guardAsync(() => this.guest.names.apply(undefined, [], { timeout: budget }));
    if (names.outcome !== 'ok') {
      this.isBroken = names.outcome !== 'error';
      throw new ScriptError(`could not list the script's callbacks (${names.outcome})`, file, 0);
    }
    this.callbacks = new Set(JSON.parse(names.value!) as string[]);
    this.file = file;
  }

  has(callback: string): boolean {
    return this.callbacks.has(callback);
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    if (this.broken) return { outcome: 'error', error: this.where('the Python runtime is broken and must be rebuilt') };
    // The budget is the message's: KSR.route runs a callback inside a callback, on the same deadline.
    const call = this.chain.enter(ctx);
    let result: InvokeResult;
    try {
      result = this.runCallback(callback, ctx, call.timeoutMs, arg);
    } catch (e) {
      this.isBroken = true;
      result = { outcome: 'error', error: this.where(`python runtime: ${(e as Error).message}`) };
    }
    return this.chain.leave(call, result);
  }

  /**
   * Runs one callback with `budgetMs` left of its message's budget: the watchdog interrupts
   * Python at the deadline; the isolate's own timeout (backstopMs) is the last resort.
   */
  private runCallback(callback: string, ctx: MsgContext, budgetMs: number, arg?: string): InvokeResult {
    if (budgetMs <= 0) return this.chain.spentResult();
    const cpuMs = this.limits.cpuMs;
    const watched = this.watchdog.enter(budgetMs);
    let g: Guarded<number | string>;
    let interrupted: boolean;
    try {
      g = this.guest.sandbox.guard(() =>
        // the message's facts go with the call: the guest answers the method tests from them
        this.guest.invoke.applySync(undefined, [callback, arg ?? null, this.dispatcher.messageFacts(ctx), this.chain.nested], { timeout: backstopMs(budgetMs, cpuMs) }),
      );
    } finally {
      interrupted = this.watchdog.leave(watched);
    }
    if (g.outcome !== 'ok' && this.chain.expired()) {
      // stopped here or in a callback nested in this one (whose hard stop disposed the isolate)
      this.isBroken = true;
      return { outcome: 'timeout', error: this.where(this.limitMessage('timeout', cpuMs)) };
    }
    if (g.outcome === 'timeout' || g.outcome === 'memory') {
      // stopped by the isolate itself, in the middle of the interpreter: not trusted any more
      this.isBroken = true;
      return { outcome: g.outcome, error: this.where(this.limitMessage(g.outcome, cpuMs)) };
    }
    if (interrupted) return this.interrupted(ctx, cpuMs, watched.outer !== null);
    if (g.outcome === 'error') {
      // ksr.py catches every Python exception: an error here is pyodide itself failing
      this.isBroken = true;
      return { outcome: 'error', error: this.where('the Python interpreter failed (pyodide fatal error)') };
    }
    if (this.unsettled && watched.outer === null) this.settle();
    return this.result(g.value!, ctx);
  }

  /**
   * The watchdog interrupted the call: whatever the script answered (it may have caught the
   * KeyboardInterrupt), the callback timed out and the message is done with. The interpreter
   * is kept if it settles; a nested call leaves that to the outermost one, whose frames are
   * still on the stack.
   */
  private interrupted(ctx: MsgContext, budgetMs: number, nested: boolean): InvokeResult {
    ctx.stopped = true;
    if (nested) this.unsettled = true;
    else this.settle();
    return { outcome: 'timeout', error: this.where(this.limitMessage('timeout', budgetMs)) };
  }

  private settle(): void {
    this.unsettled = false;
    const s = this.guest.sandbox.guard(() => this.guest.settle.applySync(undefined, [], { timeout: SETTLE_MS }));
    if (s.outcome !== 'ok' || s.value !== 'ok') this.isBroken = true;
  }

  private result(answer: number | string, ctx: MsgContext): InvokeResult {
    return (answer !== RESULT.missing ? stoppedOr(ctx, answer) : null) ?? resultOf(answer, this.file, 'pyodide', this.missingNames);
  }

  private where(message: string): ScriptErrorInfo {
    return { message, file: this.file, line: 0 };
  }

  private limitMessage(outcome: string, ms: number): string {
    if (outcome === 'timeout') return `CPU limit of ${ms} ms exceeded`;
    if (outcome === 'memory') return `memory limit of ${this.limits.memoryMb} MB exceeded`;
    return 'the Python interpreter failed (pyodide fatal error)';
  }

  memoryUsage(): number {
    const s = this.guest.sandbox;
    if (s.disposed) return 0;
    const wasm = s.guard(() => this.guest.wasmBytes.applySync(undefined, [], { timeout: 100 }));
    return s.heapUsed() + (wasm.outcome === 'ok' ? (wasm.value as number) : 0);
  }

  dispose(): void {
    this.watchdog.dispose();
    this.guest.sandbox.dispose();
  }
}
