// JavaScript in QuickJS (quickjs-emscripten): a wasm sandbox of its own (no std/os, no
// timers, no modules), run in the host process. Each runtime gets its own wasm module, so its
// wasm memory is its alone: an abort or a memory blow-up cannot touch another runtime.
//
// Limits:
// - CPU: an interrupt handler with a deadline per callback; QuickJS's interrupt is uncatchable.
//   QuickJS asks the handler only every 10 000 ticks, however slow each is; past the deadline
//   a watchdog thread (watchdog.ts) makes it ask at the next tick.
// - Memory: the module's wasm memory is capped at the limit (capped-module.ts), so malloc fails
//   there and QuickJS throws "out of memory" at once; setMemoryLimit refuses single allocations
//   larger than the limit before they are tried. Once an allocation has failed at the cap, the
//   interrupt handler stops the script (uncatchably) and the runtime is broken: its memory sits
//   at the cap and never shrinks, so it is rebuilt (the manager keeps a warm spare).
// - Stack: 256 KB of QuickJS stack; more lets deep recursion overflow the host's own stack
//   (a host RangeError thrown through the wasm, which leaves the module unusable).
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import { newCappedModule, type CappedModule } from './capped-module.js';
import { askForInterrupt, findInterruptCounter } from './interrupt-counter.js';
import { Watchdog } from './watchdog.js';
import { CallChain } from '../call-chain.js';
import type { Dispatcher } from '../../bindings/registry.js';
import { installFastBridge } from './fast-bridge.js';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult, ScriptErrorInfo } from '../../host/core/router.js';
import { BOOTSTRAP_FILE, BOOTSTRAP_SOURCE, BRIDGE_CALL, BRIDGE_ENTRIES, BRIDGE_LIMITS, candidateNames, INVOKE_GLOBAL, NAMES_GLOBAL } from '../js-bootstrap.js';
import { BOUNDS_FILE, BOUNDS_SOURCE } from '../js-bounds.js';
import { BRIDGE_PROTOCOL, GUEST_PROTOCOL_JSON, MissingNames, RESULT, resultOf, scriptLine, stoppedOr } from '../guest-protocol.js';
import { ScriptError, type RuntimeOptions, type ScriptRuntime } from '../runtime.js';

const MB = 1024 * 1024;
const MAX_STACK_BYTES = 256 * 1024;
const BOOTSTRAP_MS = 2000;
/** Callback names and facts texts kept as QuickJS strings; past it they are made again. */
const MAX_KEPT_STRINGS = 64;

export class QuickJSScriptRuntime implements ScriptRuntime {
  readonly language = 'js' as const;
  readonly engine = 'quickjs' as const;
  private readonly rt: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private readonly invokeFn: QuickJSHandle;
  private readonly namesFn: QuickJSHandle;
  /** The script's callbacks, read once after its top level ran. */
  private callbacks: ReadonlySet<string> = new Set();
  private readonly wasm: CappedModule;
  /** Null when the interrupt counter was not found (QuickJS keeps its own pace then). */
  private readonly watchdog: Watchdog | null;
  /** Callbacks running (KSR.route runs one inside another): the watchdog is off at 0. */
  private depth = 0;
  private readonly chain: CallChain;
  private readonly dispatcher: Dispatcher;
  private readonly cpuMs: number;
  private readonly memoryBytes: number;
  private file = '<not loaded>';
  private deadline = 0;
  private timedOut = false;
  private overMemory = false;
  private isBroken = false;
  /** Strings passed to the guest again and again (guestString). */
  private readonly strings = new Map<string, QuickJSHandle>();

  /** Explains an error about a KSR name the registry lacks (built at load). */
  private missingNames: MissingNames | null = null;

  private constructor(wasm: CappedModule, opts: RuntimeOptions) {
    this.dispatcher = opts.dispatcher;
    this.cpuMs = opts.limits.cpuMs;
    // the interrupt handler stops every frame once the budget is spent: no hard stop needed
    this.chain = new CallChain(opts.dispatcher, opts.limits.cpuMs, () => {});
    this.wasm = wasm;
    this.memoryBytes = wasm.capBytes;
    const module = wasm.module;
    this.rt = module.newRuntime();
    this.rt.setMemoryLimit(this.memoryBytes);
    this.rt.setMaxStackSize(MAX_STACK_BYTES);
    this.vm = this.rt.newContext();
    const contextPointer = (this.vm as unknown as { ctx: { value: number } }).ctx.value;
    const counter = findInterruptCounter(this.vm, wasm.memory, contextPointer, (h) => this.rt.setInterruptHandler(h));
    this.rt.setInterruptHandler(() => this.shouldInterrupt());
    this.watchdog = counter === undefined ? null : new Watchdog(wasm.memory, counter);
    // A refused allocation: the handler is asked at the next tick, and stops the script.
    if (counter !== undefined) wasm.onRefused = () => askForInterrupt(wasm.memory, counter);
    this.installBridge(module);
    this.deadline = Date.now() + BOOTSTRAP_MS;
    this.evalOrThrow(BOUNDS_SOURCE, BOUNDS_FILE);
    this.evalOrThrow(BOOTSTRAP_SOURCE, BOOTSTRAP_FILE);
    this.invokeFn = this.vm.getProp(this.vm.global, INVOKE_GLOBAL);
    this.namesFn = this.vm.getProp(this.vm.global, NAMES_GLOBAL);
    this.evalOrThrow(`delete globalThis.${INVOKE_GLOBAL}; delete globalThis.${NAMES_GLOBAL};`, BOOTSTRAP_FILE);
  }

  static async create(opts: RuntimeOptions): Promise<QuickJSScriptRuntime> {
    const rt = new QuickJSScriptRuntime(await newCappedModule(opts.limits.memoryMb * MB), opts);
    // Not in service before its watchdog runs (a thread takes tens of ms to start, more under load).
    await rt.watchdog?.ready;
    return rt;
  }

  get broken(): boolean {
    return this.isBroken;
  }

  private shouldInterrupt(): boolean {
    if (this.isBroken) return true;
    if (this.wasm.refused()) return (this.overMemory = true);
    // a callback runs against its message's budget (shared by nested callbacks, CPU-time based)
    if (this.chain.running) return this.chain.expired() ? (this.timedOut = true) : false;
    if (Date.now() > this.deadline) return (this.timedOut = true);
    return false;
  }

  /** `__ksr_call(index, ...args)` and the registry rows, taken and deleted by the bootstrap. */
  private installBridge(module: QuickJSWASMModule): void {
    const vm = this.vm;
    installFastBridge(module, vm, BRIDGE_CALL, this.dispatcher);
    const entries = vm.newString(this.dispatcher.guestEntries());
    vm.setProp(vm.global, BRIDGE_ENTRIES, entries);
    entries.dispose();
    const limits = vm.newString(this.dispatcher.guestLimits());
    vm.setProp(vm.global, BRIDGE_LIMITS, limits);
    limits.dispose();
    const protocol = vm.newString(GUEST_PROTOCOL_JSON);
    vm.setProp(vm.global, BRIDGE_PROTOCOL, protocol);
    protocol.dispose();
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
    this.missingNames = new MissingNames(this.dispatcher.entries, source, file);
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
    } finally {
      this.stopClock();
    }
    if (!r.error && !this.wasm.refused()) {
      r.value.dispose();
      this.callbacks = this.readCallbacks(source, file);
      return;
    }
    if (!r.error) {
      r.value.dispose();
      this.isBroken = true;
      throw new ScriptError(`top level used more than ${this.memoryBytes / MB} MB`, file, 0);
    }
    const e = this.vm.dump(r.error) as { name?: string; message?: string; stack?: string; lineNumber?: number } | null;
    r.error.dispose();
    if (this.overMemory || this.wasm.refused()) {
      this.isBroken = true;
      throw new ScriptError(`top level used more than ${this.memoryBytes / MB} MB`, file, 0);
    }
    if (this.timedOut) throw new ScriptError(`top level ran longer than the CPU limit of ${this.cpuMs} ms`, file, 0);
    const name = e?.name && e.name !== 'Error' ? `${e.name}: ` : '';
    const line = scriptLine(e?.stack ?? '', file) || (typeof e?.lineNumber === 'number' ? e.lineNumber : 0);
    throw new ScriptError(name + (e?.message ?? String(e)), file, line);
  }

  /** A callback starts with `ms` to run (a callback's: what its message has left). */
  private startClock(ms = this.cpuMs): void {
    this.deadline = Date.now() + ms;
    this.timedOut = false;
    this.overMemory = false;
    this.depth++;
    this.watchdog?.arm(this.deadline);
  }

  /** A callback ended: the watchdog goes back to the one that called it, or off. */
  private stopClock(): void {
    this.depth--;
    if (this.depth > 0) this.watchdog?.arm(this.deadline);
    else this.watchdog?.disarm();
  }

  /** The callbacks the top level defined (guest-protocol: read once, never per message). */
  private readCallbacks(source: string, file: string): Set<string> {
    this.deadline = Date.now() + BOOTSTRAP_MS;
    const candidates = this.vm.newString(JSON.stringify(candidateNames(source)));
    try {
      const r = this.vm.callFunction(this.namesFn, this.vm.undefined, candidates);
      if (r.error) {
        r.error.dispose();
        throw new ScriptError("could not list the script's callbacks", file, 0);
      }
      const names = this.vm.getString(r.value);
      r.value.dispose();
      return new Set(JSON.parse(names) as string[]);
    } finally {
      candidates.dispose();
    }
  }

  has(callback: string): boolean {
    return !this.isBroken && this.callbacks.has(callback);
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    if (this.isBroken) return this.failure('memory', 'the QuickJS runtime is broken and waits to be rebuilt');
    // The budget is the message's: KSR.route runs a callback inside a callback, on the same deadline.
    const call = this.chain.enter(ctx);
    const timedOutBefore = this.timedOut;
    let result: InvokeResult;
    try {
      result = call.timeoutMs <= 0 ? this.chain.spentResult() : this.run(callback, ctx, call.timeoutMs, arg);
    } finally {
      // an outer callback's interrupt state is its own
      this.timedOut ||= timedOutBefore;
    }
    return this.chain.leave(call, result);
  }

  private run(callback: string, ctx: MsgContext, timeoutMs: number, arg?: string): InvokeResult {
    const vm = this.vm;
    this.startClock(timeoutMs);
    // room for this call's two kept strings first: making room between taking them freed the first
    if (this.strings.size > MAX_KEPT_STRINGS - 2) this.forgetStrings();
    const name = this.guestString(callback);
    const argument = arg === undefined ? undefined : vm.newString(arg);
    // the message's facts go with the call: the guest answers the method tests from them
    const factText = this.dispatcher.messageFacts(ctx);
    const facts = factText === null ? undefined : this.guestString(factText);
    let r;
    let answer: number | string = RESULT.ok;
    try {
      r = vm.callFunction(this.invokeFn, vm.undefined, name, argument ?? vm.undefined, facts ?? vm.null, this.chain.nested ? vm.true : vm.false);
      if (!r.error) {
        answer = this.answerOf(r.value);
        // a callback that stopped itself (KSR.x.exit in the guest) stops its message before the
        // promise jobs it queued run: a KSR call in one answers STOP, as after the host's exit
        if (answer === RESULT.stopped) ctx.stopped = true;
      }
      this.drainJobs();
    } catch (e) {
      // A host exception out of the wasm (native stack overflow, abort): the module is unusable.
      this.isBroken = true;
      return this.failure('error', `quickjs failed: ${(e as Error).message}`);
    } finally {
      this.stopClock();
      argument?.dispose();
    }
    // Even when the script caught the "out of memory" and returned before an interrupt.
    if (this.wasm.refused()) this.isBroken = true;
    if (r.error) return this.uncatchable(r.error, callback);
    // a refused large allocation reports 'memory': the context is sound, the callback just could not have it
    return stoppedOr(ctx, answer) ?? resultOf(answer, this.file, 'quickjs', this.missingNames);
  }

  /** The invoke's answer (a result code, or an error report as JSON text); the handle is disposed. */
  private answerOf(h: QuickJSHandle): number | string {
    const code = this.vm.getNumber(h);
    const answer = code === code ? code : this.vm.getString(h);
    h.dispose();
    return answer;
  }

  /**
   * A callback's name or a facts text as a QuickJS string, made once: a handful of each is
   * used over and over (a new one per invoke and its disposal were ~0.5 µs of an empty callback).
   */
  private guestString(s: string): QuickJSHandle {
    let h = this.strings.get(s);
    if (h === undefined) {
      h = this.vm.newString(s);
      this.strings.set(s, h);
    }
    return h;
  }

  /** Frees the kept strings (a callback running now holds its own references to its arguments). */
  private forgetStrings(): void {
    for (const old of this.strings.values()) old.dispose();
    this.strings.clear();
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
    return this.wasm.memory.buffer.byteLength;
  }

  dispose(): void {
    this.watchdog?.close();
    // Nothing is freed inside: the wasm module and its memory are this runtime's alone and go
    // with it to the garbage collector. Freeing QuickJS's heap object by object (rt.dispose())
    // took 25-46 ms on the serving thread for a heap at the cap.
  }
}
