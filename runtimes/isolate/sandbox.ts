// A V8 isolate with the KSR dispatcher as its only way out. Every interpreter (JS itself,
// fengari, pyodide) runs inside one of these; limits and containment are the isolate's:
// CPU by TerminateExecution (a `timeout`, which neither try, pcall nor except can catch),
// memory by `memoryLimit` (V8 heap and ArrayBuffers, not WebAssembly.Memory: see notes, and
// lockdown.ts for what is taken away because it is not counted).
import ivm from 'isolated-vm';
import type { Dispatcher } from '../../bindings/registry.js';
import { BRIDGE_PROTOCOL, GUEST_PROTOCOL_JSON } from '../guest-protocol.js';
import { drainIsolateHandlesAtExit } from './exit-drain.js';
import { LOCKDOWN_FILE, LOCKDOWN_SOURCE, PYTHON_LOCKDOWN_SOURCE } from './lockdown.js';

export type GuardOutcome = 'ok' | 'timeout' | 'memory' | 'error';

export interface Guarded<T> {
  outcome: GuardOutcome;
  value?: T;
  /** The guest's error (message and stack as copied out of the isolate). */
  error?: Error;
}

/** Global names the bootstrap code of a runtime reads once and deletes. */
export const BRIDGE_CALL = '__ksr_call';
export const BRIDGE_ENTRIES = '__ksr_entries';
export const BRIDGE_LIMITS = '__ksr_limits';

export class IsolateSandbox {
  readonly isolate: ivm.Isolate;
  readonly context: ivm.Context;

  private constructor(isolate: ivm.Isolate, context: ivm.Context) {
    this.isolate = isolate;
    this.context = context;
  }

  static create(memoryMb: number): IsolateSandbox {
    drainIsolateHandlesAtExit();
    const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, memoryMb) });
    const context = isolate.createContextSync();
    return new IsolateSandbox(isolate, context);
  }

  /**
   * Known to be gone: disposed here, or found disposed after a call failed (isolated-vm disposes
   * an isolate at its memory limit while it runs, and that call then throws). Kept in a field:
   * isolated-vm's isDisposed is a native getter, read per message by runtimes' `broken` (0.4 %
   * of the serving thread under load); an isolate is only ever disposed while something runs
   * in it or by dispose().
   */
  private gone = false;

  get disposed(): boolean {
    return this.gone;
  }

  /**
   * Removes what the memoryLimit does not count (WebAssembly, resizable buffers, Intl, ...;
   * see lockdown.ts). Runs before any guest code ('python': after pyodide's boot, keeping
   * WebAssembly and shared buffers); throws when the lockdown did not complete.
   */
  lockDown(variant: 'all' | 'python' = 'all'): void {
    const r = this.evalSync(variant === 'all' ? LOCKDOWN_SOURCE : PYTHON_LOCKDOWN_SOURCE, LOCKDOWN_FILE, 1000);
    if (r.outcome !== 'ok') throw new Error(`isolate lockdown failed (${r.outcome}): ${r.error?.message}`);
  }

  /**
   * Installs the KSR bridge as temporary globals: `__ksr_call(index, ...args)`, an
   * ivm.Callback (never a Reference: a Reference would let the guest read host objects),
   * `__ksr_entries`, the registry rows as a JSON string, and `__ksr_limits`, the
   * Dispatcher's CallLimits as JSON, and `__ksr_protocol`, guest-protocol.ts's codes and
   * texts as JSON. The runtime's bootstrap captures them in a closure and
   * deletes the globals.
   */
  installBridge(dispatcher: Dispatcher): void {
    const g = this.context.global;
    g.setSync(BRIDGE_CALL, new ivm.Callback((index: number, ...args: unknown[]) => dispatcher.call(index, args)));
    g.setSync(BRIDGE_ENTRIES, dispatcher.guestEntries());
    g.setSync(BRIDGE_LIMITS, dispatcher.guestLimits());
    g.setSync(BRIDGE_PROTOCOL, GUEST_PROTOCOL_JSON);
  }

  /** Compiles and runs code synchronously under the CPU limit. */
  evalSync(code: string, filename: string, timeoutMs: number): Guarded<unknown> {
    return this.guard(() => {
      const script = this.isolate.compileScriptSync(code, { filename });
      return script.runSync(this.context, { timeout: timeoutMs });
    });
  }

  /** Runs code that may await (e.g. pyodide's boot), under a wall-clock limit. */
  async evalAsync(code: string, filename: string, timeoutMs: number): Promise<Guarded<unknown>> {
    try {
      const script = await this.isolate.compileScript(code, { filename });
      const value = await script.run(this.context, { timeout: timeoutMs, promise: true, copy: true });
      return { outcome: 'ok', value };
    } catch (e) {
      return this.classify(e);
    }
  }

  guard<T>(fn: () => T): Guarded<T> {
    if (this.gone) return { outcome: 'memory', error: new Error('isolate was disposed') };
    try {
      return { outcome: 'ok', value: fn() };
    } catch (e) {
      return this.classify(e);
    }
  }

  /** As guard, for isolated-vm's asynchronous calls (which run on the isolate's own thread). */
  async guardAsync<T>(fn: () => Promise<T>): Promise<Guarded<T>> {
    if (this.gone) return { outcome: 'memory', error: new Error('isolate was disposed') };
    try {
      return { outcome: 'ok', value: await fn() };
    } catch (e) {
      return this.classify(e);
    }
  }

  private classify(e: unknown): Guarded<never> {
    const error = e instanceof Error ? e : new Error(String(e));
    if (this.isolate.isDisposed) this.gone = true;
    if (this.gone || /memory limit|Array buffer allocation failed/i.test(error.message)) {
      return { outcome: 'memory', error };
    }
    if (/Script execution timed out/.test(error.message)) return { outcome: 'timeout', error };
    return { outcome: 'error', error };
  }

  /**
   * Bytes the isolate holds: its committed V8 heap, V8's own malloc'd memory, and what
   * isolated-vm's allocator counts outside the heap (ArrayBuffers). With the lockdown there is
   * no wasm memory or uncounted buffer left to add.
   */
  heapUsed(): number {
    if (this.gone || (this.gone = this.isolate.isDisposed)) return 0;
    const s = this.isolate.getHeapStatisticsSync();
    return s.total_heap_size + s.malloced_memory + s.externally_allocated_size;
  }

  dispose(): void {
    this.gone = true;
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}
