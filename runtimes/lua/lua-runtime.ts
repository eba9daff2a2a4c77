// Lua 5.3 (fengari) inside an isolate of its own. The isolate gives the limits: CPU by
// TerminateExecution (no pcall can catch it), memory by memoryLimit. After a timeout the Lua
// state is rebuilt and the script's top level re-run, synchronously (a few ms); after an
// out-of-memory the isolate is gone, so a new one is built, also synchronously (~15 ms with
// the code cache), and `broken` is set only when that rebuild itself fails.
import type ivm from 'isolated-vm';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult, ScriptErrorInfo } from '../../host/core/router.js';
import { IsolateSandbox, type Guarded } from '../isolate/sandbox.js';
import { ScriptError, type RuntimeOptions, type ScriptRuntime } from '../runtime.js';
import type { GuestBundle } from './bundle.js';
import { runGuest } from './guest-script.js';
import { CallChain } from '../call-chain.js';

/** Guest results (see guest/main.js): 0 ok, 1 stopped, 2 missing, or a JSON error string. */
const OK = 0;
const STOPPED = 1;
const MISSING = 2;
/** Starting fengari is not the script's time: it gets its own, generous, limit. */
const BOOT_TIMEOUT_MS = 5000;

type Arg = string | boolean;
type Fn = ivm.Reference<(...args: Arg[]) => unknown>;

interface Guest {
  sandbox: IsolateSandbox;
  load: Fn;
  has: Fn;
  invoke: Fn;
  where: Fn;
  reset: Fn;
}

export class LuaRuntime implements ScriptRuntime {
  readonly language = 'lua' as const;
  readonly engine = 'fengari' as const;
  private guest: Guest;
  private script: { source: string; file: string } | null = null;
  private isBroken = false;

  private readonly chain: CallChain;

  constructor(
    private readonly opts: RuntimeOptions,
    private readonly bundle: GuestBundle,
  ) {
    this.guest = this.boot();
    // Past the budget the isolate is disposed, though no pcall can hold Lua's stop: a callback
    // stopped inside fengari leaves the Lua state unsound (its error handlers are not restored),
    // so the outer frames could not even raise the stop (measured: each ran to its own timeout).
    // The outermost callback then builds a new isolate (recover).
    this.chain = new CallChain(opts.dispatcher, opts.limits.cpuMs, () => this.guest.sandbox.dispose());
  }

  get broken(): boolean {
    return this.isBroken;
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
      return { sandbox, load: fn('load'), has: fn('has'), invoke: fn('invoke'), where: fn('where'), reset: fn('reset') };
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

  async load(source: string, file: string): Promise<void> {
    this.chain.file = file;
    const r = this.run(this.guest.load, [source, file]);
    if (r.outcome === 'ok') {
      if (r.value === OK) {
        this.script = { source, file };
        return;
      }
      const e = parseError(r.value, file);
      throw new ScriptError(e.message, e.file, e.line, e.ksrFunction);
    }
    const e = this.recover(r, file, false);
    throw new ScriptError(`top level: ${e.message}`, e.file, e.line);
  }

  has(callback: string): boolean {
    if (this.isBroken) return false;
    const r = this.run(this.guest.has, [callback]);
    return r.outcome === 'ok' && r.value === true;
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    const file = this.script?.file ?? '';
    if (this.isBroken) return { outcome: 'error', error: { message: 'the Lua runtime is broken and awaits rebuilding', file, line: 0 } };
    if (this.guest.sandbox.disposed) return { outcome: 'memory', error: { message: 'the Lua isolate is gone (rebuilt when the outermost callback returns)', file, line: 0 } };
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
    const r = this.guest.sandbox.guard(() => this.guest.invoke.applySync(undefined, arg === undefined ? [callback] : [callback, arg], { timeout }));
    if (r.outcome !== 'ok') {
      const spent = this.chain.expired();
      const outcome = spent ? 'timeout' : r.outcome === 'error' ? 'error' : r.outcome;
      // A nested callback leaves the repair to the outermost one: frames of the state (or the
      // isolate) it would replace are still on the stack.
      if (this.chain.nested) return { outcome, error: { message: `${callback} stopped (${outcome})`, file, line: 0 } };
      const error = this.recover(r, file, true);
      if (spent) error.message = `CPU limit of ${this.opts.limits.cpuMs} ms per message exceeded`;
      return { outcome, error };
    }
    if (r.value === MISSING) return { outcome: 'missing' };
    if (r.value === STOPPED || ctx.stopped) return { outcome: 'stopped' };
    if (r.value === OK) return { outcome: 'ok' };
    return { outcome: 'error', error: parseError(r.value, file) };
  }

  /**
   * After a timeout: a fresh Lua state (the old one may be corrupt) and, when a script was
   * loaded, its top level re-run. After an out-of-memory: a new isolate. Both synchronous, so
   * the next invoke works; if that fails, `broken` asks the manager for a rebuild.
   */
  private recover(r: Guarded<unknown>, file: string, rerun: boolean): ScriptErrorInfo {
    const limits = this.opts.limits;
    if (r.outcome === 'timeout') {
      const at = this.run(this.guest.where, []);
      const pos = at.outcome === 'ok' && typeof at.value === 'string' ? (JSON.parse(at.value) as { file: string; line: number }) : { file, line: 0 };
      const reset = this.run(this.guest.reset, [rerun]);
      if (reset.outcome !== 'ok' || reset.value !== OK) this.isBroken = true;
      return { message: `CPU limit of ${limits.cpuMs} ms exceeded`, file: pos.file, line: pos.line };
    }
    if (r.outcome === 'memory') {
      this.guest.sandbox.dispose();
      this.rebuild(rerun);
      return { message: `memory limit of ${limits.memoryMb} MB exceeded`, file, line: 0 };
    }
    // A JS exception out of the guest itself is a bug of this runtime, not of the script.
    this.isBroken = true;
    return { message: 'internal error in the Lua runtime', file, line: 0 };
  }

  private rebuild(rerun: boolean): void {
    try {
      this.guest = this.boot();
    } catch {
      this.isBroken = true;
      return;
    }
    if (!rerun || !this.script) return;
    const r = this.run(this.guest.load, [this.script.source, this.script.file]);
    if (r.outcome !== 'ok' || r.value !== OK) this.isBroken = true;
  }

  memoryUsage(): number {
    return this.guest.sandbox.heapUsed();
  }

  dispose(): void {
    this.guest.sandbox.dispose();
  }
}

function parseError(value: unknown, file: string): ScriptErrorInfo {
  try {
    const e = JSON.parse(String(value)) as ScriptErrorInfo;
    return { message: e.message, file: e.file || file, line: e.line, ...(e.ksrFunction ? { ksrFunction: e.ksrFunction } : {}) };
  } catch {
    return { message: 'unexpected result from the Lua runtime', file, line: 0 };
  }
}
