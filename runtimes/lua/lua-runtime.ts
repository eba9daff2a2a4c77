// Lua 5.3 (fengari) inside an isolate of its own. The isolate gives the limits: CPU by
// TerminateExecution (no pcall can catch it), memory by memoryLimit. A Lua state stopped at
// its CPU limit is unsound (fengari's error handlers are not restored): the runtime is
// `broken` until the manager renews it (a fresh Lua state in the same isolate, the top level
// run again: ~5 ms) or replaces it; after an out-of-memory the isolate is gone and the manager
// replaces it. The runtime never decides that itself (lua/declaration.ts).
import type ivm from 'isolated-vm';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult, ScriptErrorInfo } from '../../host/core/router.js';
import { IsolateSandbox, type Guarded } from '../isolate/sandbox.js';
import { loadBudgetMessage, loadBudgetMs, ScriptError, type RuntimeOptions, type ScriptRuntime } from '../runtime.js';
import type { GuestBundle } from './bundle.js';
import { runGuest } from './guest-script.js';
import { CallChain } from '../call-chain.js';
import { errorFromReport, RESULT, MissingNames, resultOf, stoppedOr } from '../guest-protocol.js';

/** Starting fengari is not the script's time: it gets its own, generous, limit. */
const BOOT_TIMEOUT_MS = 5000;

type Arg = string | boolean | number | null;
type Fn = ivm.Reference<(...args: Arg[]) => unknown>;

interface Guest {
  sandbox: IsolateSandbox;
  load: Fn;
  names: Fn;
  invoke: Fn;
  where: Fn;
  renew: Fn;
}

export class LuaRuntime implements ScriptRuntime {
  readonly language = 'lua' as const;
  readonly engine = 'fengari' as const;
  private readonly guest: Guest;
  private file = '';
  private isBroken = false;
  /** The Lua state was stopped from outside (a timeout): nothing runs in it until renew(). */
  private unsound = false;
  /** The script's callbacks, read once after its top level ran. */
  private callbacks: ReadonlySet<string> = new Set();

  private readonly chain: CallChain;

  /** Explains an error about a KSR name the registry lacks (built at load). */
  private missingNames: MissingNames | null = null;

  constructor(
    private readonly opts: RuntimeOptions,
    private readonly bundle: GuestBundle,
  ) {
    this.guest = this.boot();
    // Past the budget the isolate is disposed, though no pcall can hold Lua's stop: a callback
    // stopped inside fengari leaves the Lua state unsound (its error handlers are not restored),
    // so the outer frames could not even raise the stop (measured: each ran to its own timeout).
    // The manager then replaces the runtime, once the outermost callback has returned.
    this.chain = new CallChain(opts.dispatcher, opts.limits.cpuMs, () => this.guest.sandbox.dispose());
  }

  get broken(): boolean {
    return this.isBroken || this.unsound || this.guest.sandbox.disposed;
  }

  /**
   * A fresh Lua state in the same isolate with the script's top level run again, after a
   * timeout (the isolate survives TerminateExecution). False when that is not possible (the
   * isolate is gone) or failed: then the runtime must be replaced.
   */
  renew(): boolean {
    if (this.isBroken || this.guest.sandbox.disposed) return false;
    const r = this.run(this.guest.renew, []);
    if (r.outcome !== 'ok' || r.value !== RESULT.ok) {
      this.isBroken = true;
      return false;
    }
    this.unsound = false;
    return true;
  }

  private boot(): Guest {
    const sandbox = IsolateSandbox.create(this.opts.limits.memoryMb);
    try {
      sandbox.lockDown();
    } catch (e) {
      sandbox.dispose();
      throw e;
    }
    sandbox.installBridge(this.opts.dispatcher);
    const started = sandbox.guard(() => {
      runGuest(sandbox.isolate, sandbox.context, this.bundle, BOOT_TIMEOUT_MS);
      const api = sandbox.context.global.getSync('__lua', { reference: true }) as ivm.Reference<Record<string, unknown>>;
      const fn = (name: string) => api.getSync(name, { reference: true }) as Fn;
      return { sandbox, load: fn('load'), names: fn('names'), invoke: fn('invoke'), where: fn('where'), renew: fn('renew') };
    });
    if (started.outcome !== 'ok' || !started.value) {
      sandbox.dispose();
      throw new Error(`lua runtime: fengari did not start in its isolate (${started.outcome}: ${started.error?.message})`);
    }
    return started.value;
  }

  private run(fn: Fn, args: Arg[]): Guarded<unknown> {
    const timeout = this.opts.limits.cpuMs;
    return this.guest.sandbox.guard(() => fn.applySync(undefined, args, { timeout }));
  }

  /**
   * Compiles and runs the top level on the isolate's own thread (isolated-vm's async apply),
   * with the load budget (loadBudgetMs): fengari's compiler is slow when cold, and a busy
   * machine stretches it further, so one message's CPU limit refused scripts that load fine on a
   * quiet one; meanwhile the event loop serves on, so a top level that loops holds no message.
   * Its KSR calls are answered on the serving thread, outside any route. renew() stays
   * synchronous: it runs inside a message's call, and falls back to a replacement.
   */
  async load(source: string, file: string): Promise<void> {
    this.missingNames = new MissingNames(this.opts.dispatcher.entries, source, file);
    this.chain.file = file;
    this.file = file;
    const budget = loadBudgetMs(this.opts.limits.cpuMs);
    const r = await this.guest.sandbox.guardAsync(() => this.guest.load.apply(undefined, [source, file], { timeout: budget }));
    if (r.outcome === 'ok') {
      if (r.value !== RESULT.ok) {
        const e = errorFromReport(String(r.value), file);
        throw new ScriptError(e.message, e.file, e.line, e.ksrFunction);
      }
      const names = this.run(this.guest.names, []);
      if (names.outcome !== 'ok') throw new ScriptError(`could not list the script's callbacks (${names.outcome})`, file, 0);
      this.callbacks = new Set(JSON.parse(String(names.value)) as string[]);
      return;
    }
    const e = this.stopped(r, file);
    throw new ScriptError(r.outcome === 'timeout' ? loadBudgetMessage(budget) : `top level: ${e.message}`, e.file, e.line);
  }

  has(callback: string): boolean {
    return !this.isBroken && this.callbacks.has(callback);
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    const file = this.file;
    if (this.broken) return { outcome: 'error', error: { message: 'the Lua runtime is broken and waits to be replaced', file, line: 0 } };
    // The budget is the message's: KSR.route runs a callback inside a callback, on the same deadline.
    const call = this.chain.enter(ctx);
    let result: InvokeResult;
    try {
      result = this.runCallback(callback, ctx, file, call.timeoutMs, arg);
    } catch (e) {
      this.isBroken = true;
      result = { outcome: 'error', error: { message: `lua runtime: ${(e as Error).message}`, file, line: 0 } };
    }
    return this.chain.leave(call, result);
  }

  private runCallback(callback: string, ctx: MsgContext, file: string, timeoutMs: number, arg?: string): InvokeResult {
    if (timeoutMs <= 0) return this.chain.spentResult();
    const timeout = timeoutMs;
    // the message's facts go with the call: the guest answers the method tests from them; and
    // the budget's cap, past which a stopped callback's calls cross again (admit ends it then)
    const args: Arg[] = [callback, arg ?? null, this.opts.dispatcher.messageFacts(ctx), this.chain.nested, this.chain.msToCap()];
    const r = this.guest.sandbox.guard(() => this.guest.invoke.applySync(undefined, args, { timeout }));
    if (r.outcome !== 'ok') {
      const spent = this.chain.expired();
      const outcome = spent ? 'timeout' : r.outcome === 'error' ? 'error' : r.outcome;
      // A nested callback leaves the report to the outermost one: its frames are still on the stack.
      if (this.chain.nested) {
        this.unsound = true;
        return { outcome, error: { message: `${callback} stopped (${outcome})`, file, line: 0 } };
      }
      const error = this.stopped(r, file);
      if (spent) error.message = `CPU limit of ${this.opts.limits.cpuMs} ms per message exceeded`;
      return { outcome, error };
    }
    return stoppedOr(ctx, r.value) ?? resultOf(r.value, file, 'fengari', this.missingNames);
  }

  /**
   * What stopped the Lua code from outside (the isolate's timeout or memory limit), with where
   * it was; the runtime is broken from then on (a stopped Lua state is unsound until renewed,
   * an isolate out of memory is gone).
   */
  private stopped(r: Guarded<unknown>, file: string): ScriptErrorInfo {
    const limits = this.opts.limits;
    if (r.outcome !== 'timeout') this.isBroken = true;
    else this.unsound = true;
    if (r.outcome === 'timeout') {
      const at = this.run(this.guest.where, []);
      const pos = at.outcome === 'ok' && typeof at.value === 'string' ? (JSON.parse(at.value) as { file: string; line: number }) : { file, line: 0 };
      return { message: `CPU limit of ${limits.cpuMs} ms exceeded`, file: pos.file, line: pos.line };
    }
    if (r.outcome === 'memory') return { message: `memory limit of ${limits.memoryMb} MB exceeded`, file, line: 0 };
    // A JS exception out of the guest itself is a bug of this runtime, not of the script.
    return { message: 'internal error in the Lua runtime', file, line: 0 };
  }

  memoryUsage(): number {
    return this.guest.sandbox.heapUsed();
  }

  dispose(): void {
    this.guest.sandbox.dispose();
  }
}
