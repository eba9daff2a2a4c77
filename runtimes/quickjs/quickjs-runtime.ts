// JavaScript in QuickJS (quickjs-emscripten): a wasm sandbox of its own (no std/os, no
// timers, no modules), run in the host process. Each runtime gets its own wasm module, so its
// wasm memory is its alone: an abort or a memory blow-up cannot touch another runtime.
//
// Limits:
// - CPU: an interrupt handler with a deadline per callback; QuickJS's interrupt is uncatchable.
// - Memory: this build's setMemoryLimit only refuses single large allocations (it cannot
//   measure block sizes, "malloc_usable_size unavailable"), so the interrupt handler also
//   stops the script once the wasm memory has grown past the limit. Wasm memory never shrinks,
//   so after that the runtime is broken and must be rebuilt.
// - Stack: 256 KB of QuickJS stack; more lets deep recursion overflow the host's own stack
//   (a host RangeError thrown through the wasm, which leaves the module unusable).
import { newQuickJSWASMModule, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from 'quickjs-emscripten';
import type { Dispatcher } from '../../bindings/registry.js';
import { installFastBridge } from './fast-bridge.js';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult, ScriptErrorInfo } from '../../host/core/router.js';
import { BOOTSTRAP_FILE, BOOTSTRAP_SOURCE, BRIDGE_CALL, BRIDGE_ENTRIES, BRIDGE_LIMITS, HAS_GLOBAL, INVOKE_GLOBAL, INVOKE_MISSING, INVOKE_OK, INVOKE_STOPPED } from '../js-bootstrap.js';
import { errorFromReport, scriptLine } from '../js-errors.js';
import { ScriptError, type RuntimeOptions, type ScriptRuntime } from '../runtime.js';
import { CallChain } from '../call-chain.js';

const MB = 1024 * 1024;
const MAX_STACK_BYTES = 256 * 1024;
const BOOTSTRAP_MS = 2000;

/** The emscripten module behind a QuickJSWASMModule: read for its wasm memory size only. */
interface EmscriptenHeap {
  module: { HEAPU8: Uint8Array };
}

export class QuickJSScriptRuntime implements ScriptRuntime {
  readonly language = 'js' as const;
  readonly engine = 'quickjs' as const;
  private readonly rt: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private readonly invokeFn: QuickJSHandle;
  private readonly hasFn: QuickJSHandle;
  private readonly heap: EmscriptenHeap['module'];
  private readonly dispatcher: Dispatcher;
  private readonly cpuMs: number;
  private readonly memoryBytes: number;
  private readonly chain: CallChain;
  private file = '<not loaded>';
  private deadline = 0;
  private timedOut = false;
  private overMemory = false;
  private isBroken = false;

  private constructor(module: QuickJSWASMModule, opts: RuntimeOptions) {
    this.dispatcher = opts.dispatcher;
    this.cpuMs = opts.limits.cpuMs;
    this.memoryBytes = opts.limits.memoryMb * MB;
    // the interrupt handler stops every frame once the budget is spent: no hard stop needed
    this.chain = new CallChain(opts.dispatcher, opts.limits.cpuMs, () => {});
    this.heap = (module as unknown as EmscriptenHeap).module;
    this.rt = module.newRuntime();
    this.rt.setMemoryLimit(this.memoryBytes);
    this.rt.setMaxStackSize(MAX_STACK_BYTES);
    this.rt.setInterruptHandler(() => this.shouldInterrupt());
    this.vm = this.rt.newContext();
    this.installBridge(module);
    this.deadline = Date.now() + BOOTSTRAP_MS;
    this.evalOrThrow(BOOTSTRAP_SOURCE, BOOTSTRAP_FILE);
    this.invokeFn = this.vm.getProp(this.vm.global, INVOKE_GLOBAL);
    this.hasFn = this.vm.getProp(this.vm.global, HAS_GLOBAL);
    this.evalOrThrow(`delete globalThis.${INVOKE_GLOBAL}; delete globalThis.${HAS_GLOBAL};`, BOOTSTRAP_FILE);
  }

  static async create(opts: RuntimeOptions): Promise<QuickJSScriptRuntime> {
    return new QuickJSScriptRuntime(await newQuickJSWASMModule(), opts);
  }

  get broken(): boolean {
    return this.isBroken;
  }

  private shouldInterrupt(): boolean {
    if (this.isBroken) return true;
    if (this.heap.HEAPU8.byteLength > this.memoryBytes) return (this.overMemory = true);
    // a callback runs against its message's budget (shared by nested callbacks, CPU-time based)
    if (this.chain.running) return this.chain.expired() ? (this.timedOut = true) : false;
    if (Date.now() > this.deadline) return (this.timedOut = true);
    return false;
  }

  /** `__ksr_call(index, ...args)` and the registry rows, taken and deleted by the bootstrap. */
  private installBridge(module: QuickJSWASMModule): void {
    const vm = this.vm;
    installFastBridge(module, vm, BRIDGE_CALL, this.dispatcher);
    const entries = vm.newString(JSON.stringify(this.dispatcher.entries));
    vm.setProp(vm.global, BRIDGE_ENTRIES, entries);
    entries.dispose();
    const limits = vm.newString(this.dispatcher.guestLimits());
    vm.setProp(vm.global, BRIDGE_LIMITS, limits);
    limits.dispose();
  }

  private evalOrThrow(code: string, file: string): void {
    const r = this.vm.evalCode(code, file, { type: 'global' });
    if (r.error) {
      const e = this.vm.dump(r.error) as { message?: string };
      r.error.dispose();
      throw new Error(`quickjs: ${file} failed: ${e?.message ?? String(e)}`);
    }
    r.value.dispose();
  }

  /** Runs promise jobs the callback queued, while its context is still current (as V8 does). */
  private drainJobs(): void {
    if (!this.rt.hasPendingJob()) return;
    const r = this.rt.executePendingJobs();
    if (r.error) r.error.dispose();
  }

  async load(source: string, file: string): Promise<void> {
    this.file = file;
    this.chain.file = file;
    if (this.isBroken) throw new ScriptError('the QuickJS runtime is broken', file, 0);
    this.startClock();
    let r;
    try {
      r = this.vm.evalCode(source, file, { type: 'global' });
      if (!r.error) this.drainJobs();
    } catch (e) {
      this.isBroken = true;
      throw new ScriptError(`quickjs failed while loading: ${(e as Error).message}`, file, 0);
    }
    if (!r.error) return r.value.dispose();
    const e = this.vm.dump(r.error) as { name?: string; message?: string; stack?: string; lineNumber?: number } | null;
    r.error.dispose();
    if (this.overMemory) {
      this.isBroken = true;
      throw new ScriptError(`top level used more than ${this.memoryBytes / MB} MB`, file, 0);
    }
    if (this.timedOut) throw new ScriptError(`top level ran longer than the CPU limit of ${this.cpuMs} ms`, file, 0);
    const name = e?.name && e.name !== 'Error' ? `${e.name}: ` : '';
    const line = scriptLine(e?.stack ?? '', file) || (typeof e?.lineNumber === 'number' ? e.lineNumber : 0);
    throw new ScriptError(name + (e?.message ?? String(e)), file, line);
  }

  private startClock(): void {
    this.deadline = Date.now() + this.cpuMs;
    this.timedOut = false;
    this.overMemory = false;
  }

  has(callback: string): boolean {
    if (this.isBroken) return false;
    this.startClock();
    const name = this.vm.newString(callback);
    try {
      const r = this.vm.callFunction(this.hasFn, this.vm.undefined, name);
      if (r.error) {
        r.error.dispose();
        return false;
      }
      const yes = this.vm.getNumber(r.value) === 1;
      r.value.dispose();
      return yes;
    } finally {
      name.dispose();
    }
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    if (this.isBroken) return this.failure('memory', 'the QuickJS runtime is broken and waits to be rebuilt');
    // The budget is the message's: KSR.route runs a callback inside a callback, on the same deadline.
    const call = this.chain.enter(ctx);
    const timedOutBefore = this.timedOut;
    this.timedOut = false;
    this.overMemory = false;
    let result: InvokeResult;
    try {
      result = call.timeoutMs <= 0 ? this.chain.spentResult() : this.run(callback, ctx, arg);
    } finally {
      // an outer callback's interrupt state is its own
      this.timedOut ||= timedOutBefore;
    }
    return this.chain.leave(call, result);
  }

  private run(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    const vm = this.vm;
    const d = this.dispatcher;
    const name = vm.newString(callback);
    const argument = arg === undefined ? undefined : vm.newString(arg);
    let r;
    try {
      r = argument ? vm.callFunction(this.invokeFn, vm.undefined, name, argument) : vm.callFunction(this.invokeFn, vm.undefined, name);
      this.drainJobs();
    } catch (e) {
      // A host exception out of the wasm (native stack overflow, abort): the module is unusable.
      this.isBroken = true;
      return this.failure('error', `quickjs failed: ${(e as Error).message}`);
    } finally {
      name.dispose();
      argument?.dispose();
    }
    if (r.error) return this.uncatchable(r.error, callback);
    const h = r.value;
    const code = vm.getNumber(h);
    const report = code === code ? undefined : vm.getString(h);
    h.dispose();
    if (ctx.stopped || code === INVOKE_STOPPED) return { outcome: 'stopped' };
    if (code === INVOKE_OK) return { outcome: 'ok' };
    if (code === INVOKE_MISSING) return { outcome: 'missing' };
    if (report === undefined) return this.failure('error', `quickjs: unexpected invoke result ${code}`);
    const error = errorFromReport(report, this.file, d.entries);
    // A refused large allocation: the context is sound, the callback just could not have it.
    return { outcome: /^InternalError: out of memory$/.test(error.message) ? 'memory' : 'error', error };
  }

  /** What escaped the bootstrap's catch: an interrupt (CPU or memory) or an error while reporting. */
  private uncatchable(errorHandle: QuickJSHandle, callback: string): InvokeResult {
    const e = this.vm.dump(errorHandle) as { message?: string } | null;
    errorHandle.dispose();
    if (this.overMemory) {
      this.isBroken = true;
      return this.failure('memory', `${callback} grew the memory past ${this.memoryBytes / MB} MB`);
    }
    if (this.timedOut) return this.failure('timeout', `${callback} ran longer than the CPU limit of ${this.cpuMs} ms per message`);
    if (/out of memory/.test(String(e?.message))) return this.failure('memory', `${callback} ran out of memory`);
    return this.failure('error', `quickjs: ${String(e?.message ?? e)}`);
  }

  private failure(outcome: 'error' | 'timeout' | 'memory', message: string): InvokeResult {
    const error: ScriptErrorInfo = { message, file: this.file, line: 0 };
    return { outcome, error };
  }

  memoryUsage(): number {
    return this.heap.HEAPU8.byteLength;
  }

  dispose(): void {
    try {
      this.invokeFn.dispose();
      this.hasFn.dispose();
      this.vm.dispose();
      this.rt.dispose();
    } catch {
      // A broken module may abort while freeing; it is dropped with this runtime either way.
    }
  }
}
