// JavaScript straight in a V8 isolate (isolated-vm). The isolate is the sandbox: only
// ECMAScript built-ins (less what the memory limit cannot count: isolate/lockdown.ts, and
// with bounds on built-ins: js-bounds.ts) and the KSR bridge inside; CPU by the message's
// budget (call-chain.ts), memory by the isolate's memoryLimit (past it the isolate is gone).
// A timeout leaves the isolate sound; a hard stop or an out-of-memory makes the runtime
// broken, and the manager replaces it (v8/declaration.ts).
import type ivm from 'isolated-vm';
import type { Dispatcher } from '../../bindings/registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult } from '../../host/core/router.js';
import { IsolateSandbox } from '../isolate/sandbox.js';
import { BOUNDS_FILE, BOUNDS_SOURCE } from '../js-bounds.js';
import { BOOTSTRAP_FILE, BOOTSTRAP_SOURCE, candidateNames, INVOKE_GLOBAL, NAMES_GLOBAL } from '../js-bootstrap.js';
import { MissingNames, resultOf, scriptLine, stoppedOr } from '../guest-protocol.js';
import { ScriptError, type RuntimeOptions, type ScriptRuntime } from '../runtime.js';
import { CallChain } from '../call-chain.js';

/** The bootstrap only builds objects; this bounds it should something be very wrong. */
const BOOTSTRAP_MS = 2000;

/** An isolate with the KSR bootstrap run in it, and the host's handles to its entry points. */
interface Guest {
  sandbox: IsolateSandbox;
  invokeRef: ivm.Reference<(name: string, arg: string | undefined, facts: string | null, nested: boolean, capMs: number) => number | string>;
  namesRef: ivm.Reference<(candidates: string) => string>;
}

function bootGuest(opts: RuntimeOptions): Guest {
  const sandbox = IsolateSandbox.create(opts.limits.memoryMb);
  try {
    sandbox.lockDown();
    const bounds = sandbox.evalSync(BOUNDS_SOURCE, BOUNDS_FILE, BOOTSTRAP_MS);
    if (bounds.outcome !== 'ok') throw new Error(`v8: the built-in bounds failed (${bounds.outcome}): ${bounds.error?.message}`);
    sandbox.installBridge(opts.dispatcher);
    const boot = sandbox.evalSync(BOOTSTRAP_SOURCE, BOOTSTRAP_FILE, BOOTSTRAP_MS);
    if (boot.outcome !== 'ok') throw new Error(`v8: the KSR bootstrap failed (${boot.outcome}): ${boot.error?.message}`);
    const g = sandbox.context.global;
    const invokeRef = g.getSync(INVOKE_GLOBAL, { reference: true });
    const namesRef = g.getSync(NAMES_GLOBAL, { reference: true });
    g.deleteSync(INVOKE_GLOBAL);
    g.deleteSync(NAMES_GLOBAL);
    return { sandbox, invokeRef, namesRef };
  } catch (e) {
    sandbox.dispose();
    throw e;
  }
}

export class V8Runtime implements ScriptRuntime {
  readonly language = 'js' as const;
  readonly engine = 'v8' as const;
  private file = '<not loaded>';
  private isBroken = false;
  /** The script's callbacks, read once after its top level ran. */
  private callbacks: ReadonlySet<string> = new Set();
  private readonly dispatcher: Dispatcher;
  private readonly cpuMs: number;
  private readonly chain: CallChain;

  /** Explains an error about a KSR name the registry lacks (built at load). */
  private missingNames: MissingNames | null = null;

  private constructor(
    private readonly guest: Guest,
    opts: RuntimeOptions,
  ) {
    this.dispatcher = opts.dispatcher;
    this.cpuMs = opts.limits.cpuMs;
    // past the budget, frames an isolate timeout cannot reach end with the isolate; the
    // manager then replaces the runtime, once the outermost callback has returned
    this.chain = new CallChain(opts.dispatcher, opts.limits.cpuMs, () => this.guest.sandbox.dispose());
  }

  static create(opts: RuntimeOptions): V8Runtime {
    return new V8Runtime(bootGuest(opts), opts);
  }

  private get sandbox(): IsolateSandbox {
    return this.guest.sandbox;
  }

  get broken(): boolean {
    return this.isBroken || this.sandbox.disposed;
  }

  async load(source: string, file: string): Promise<void> {
    this.missingNames = new MissingNames(this.dispatcher.entries, source, file);
    this.file = file;
    this.chain.file = file;
    const r = this.sandbox.evalSync(source, file, this.cpuMs);
    if (r.outcome === 'ok') {
      this.callbacks = this.readCallbacks(source, file);
      return;
    }
    if (r.outcome === 'memory') {
      this.isBroken = true;
      throw new ScriptError(`top level ran out of memory`, file, 0);
    }
    if (r.outcome === 'timeout') throw new ScriptError(`top level ran longer than the CPU limit of ${this.cpuMs} ms`, file, 0);
    throw loadError(r.error, file);
  }

  /** The callbacks the top level defined (guest-protocol: read once, never per message). */
  private readCallbacks(source: string, file: string): Set<string> {
    const candidates = JSON.stringify(candidateNames(source));
    const r = this.sandbox.guard(() => this.guest.namesRef.applySync(undefined, [candidates], { timeout: BOOTSTRAP_MS }));
    if (r.outcome !== 'ok' || typeof r.value !== 'string') throw new ScriptError(`could not list the script's callbacks (${r.outcome})`, file, 0);
    return new Set(JSON.parse(r.value) as string[]);
  }

  has(callback: string): boolean {
    return !this.broken && this.callbacks.has(callback);
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    if (this.broken) return { outcome: 'error', error: { message: 'the v8 isolate is gone and waits to be replaced', file: this.file, line: 0 } };
    // The budget is the message's: KSR.route runs a callback inside a callback, on the same deadline.
    const call = this.chain.enter(ctx);
    let result: InvokeResult;
    try {
      result = this.run(callback, ctx, call.timeoutMs, arg);
    } catch (e) {
      result = { outcome: 'error', error: { message: `v8: ${(e as Error).message}`, file: this.file, line: 0 } };
    }
    return this.chain.leave(call, result);
  }

  private run(callback: string, ctx: MsgContext, timeoutMs: number, arg?: string): InvokeResult {
    if (timeoutMs <= 0) return this.chain.spentResult();
    // the message's facts go with the call: the guest answers the method tests from them
    // and when its budget reaches the cap: past it a stopped callback's calls cross again (admit ends it)
    const args: [string, string | undefined, string | null, boolean, number] = [callback, arg, this.dispatcher.messageFacts(ctx), this.chain.nested, this.chain.msToCap()];
    const r = this.sandbox.guard(() => this.guest.invokeRef.applySync(undefined, args, { timeout: timeoutMs }));
    if (r.outcome !== 'ok' && this.chain.expired()) {
      // the budget ran out here or in a callback nested in this one (whose hard stop disposed the isolate)
      return { outcome: 'timeout', error: { message: `${callback} ran longer than the CPU limit of ${this.cpuMs} ms per message`, file: this.file, line: 0 } };
    }
    switch (r.outcome) {
      case 'timeout':
        return { outcome: 'timeout', error: { message: `${callback} ran longer than the CPU limit of ${this.cpuMs} ms per message`, file: this.file, line: 0 } };
      case 'memory':
        // an isolate still alive after this is not trusted either
        this.isBroken = true;
        return { outcome: 'memory', error: { message: `${callback} ran out of memory`, file: this.file, line: 0 } };
      case 'error':
        // Script errors are caught in the isolate; this is the bridge itself failing.
        return { outcome: 'error', error: { message: `v8: ${r.error?.message ?? 'unknown failure'}`, file: this.file, line: 0 } };
    }
    return stoppedOr(ctx, r.value) ?? resultOf(r.value, this.file, 'v8', this.missingNames);
  }

  memoryUsage(): number {
    return this.sandbox.heapUsed();
  }

  dispose(): void {
    if (!this.sandbox.disposed) {
      this.guest.invokeRef.release();
      this.guest.namesRef.release();
    }
    this.sandbox.dispose();
    this.isBroken = true;
  }
}

/** A compile or top-level error as ScriptError: V8 puts a syntax error's place in the message. */
function loadError(error: Error | undefined, file: string): ScriptError {
  if (!error) return new ScriptError('the script failed to load', file, 0);
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  const where = /^(.*) \[(.*):(\d+):\d+\]$/s.exec(error.message);
  if (where && where[2] === file) return new ScriptError(name + where[1], file, Number(where[3]));
  return new ScriptError(name + error.message, file, scriptLine(error.stack ?? '', file));
}
