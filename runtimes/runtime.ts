// The runtime contract (DESIGN.md §4): one adapter per interpreter, all alike to the host.
import type { MsgContext } from '../host/core/context.js';
import type { InvokeResult, ScriptErrorInfo } from '../host/core/router.js';
import type { Dispatcher } from '../bindings/registry.js';

import type { EngineName, Language } from './index.js';

export type { EngineName, Language };

/**
 * What a runtime folder declares of itself (its declaration.ts), read by runtimes/index.ts
 * and the manager without loading the engine. The manager's recovery policy reads `recovery`.
 */
export interface RuntimeDeclaration {
  readonly engine: string;
  readonly language: string;
  /** File name endings (without the dot) whose scripts this engine runs. */
  readonly extensions: readonly string[];
  /** Among the engines of one language, the one used unless another is asked for. */
  readonly preferred?: boolean;
  /** Memory (MB) a runtime of this language gets when the operator sets none; DEFAULT_MEMORY_MB when absent. */
  readonly defaultMemoryMb?: number;
  readonly recovery: {
    /**
     * True when a callback stopped at its CPU limit leaves the runtime sound (it serves on);
     * false: the manager renews it after every timeout (ScriptRuntime.renew), or replaces it.
     */
    readonly fromTimeout: boolean;
    /** The manager keeps a warm spare loaded beside it, so a replacement is instant. */
    readonly keepsSpare: boolean;
  };
  /** Loads the engine's module (only when it is used) and gives its factory. */
  load(): Promise<(opts: RuntimeOptions) => Promise<ScriptRuntime>>;
}

export interface RuntimeLimits {
  /** CPU time one message's callbacks may use, nested ones included, in ms (default 100). */
  cpuMs: number;
  /** Memory of the runtime, in MB (default 128; Python's default is higher). */
  memoryMb: number;
  /** Largest string a KSR call takes or returns, in bytes (Dispatcher's default when absent). */
  maxValueBytes?: number;
  /** How deep callbacks may nest through KSR.route (Dispatcher's default when absent). */
  maxRouteDepth?: number;
}

/**
 * The wall-clock time a script's top level may take to load: more than one callback's CPU
 * budget, because pyodide unpacks and compiles each stdlib module on first import, and
 * fengari's Lua compiler (JavaScript, cold at load) takes 25-60 ms for the sample script on a
 * quiet machine and several times that on a busy one. Still bounded, so a top-level loop is
 * stopped. Only for a load that runs off the serving thread (isolated-vm's asynchronous apply):
 * a synchronous one holds every message that long.
 */
export function loadBudgetMs(cpuMs: number): number {
  return Math.max(cpuMs * 10, 2000);
}

/** What a top level stopped by its load budget reports: not "the CPU limit", which is per message. */
export function loadBudgetMessage(budgetMs: number): string {
  return `the top level ran past its load budget of ${budgetMs} ms (10 × limits.cpu_ms, at least 2000 ms)`;
}

export interface RuntimeOptions {
  dispatcher: Dispatcher;
  limits: RuntimeLimits;
}

export interface ScriptRuntime {
  readonly language: Language;
  readonly engine: EngineName;
  /** Compiles and runs the top level. Rejects with ScriptError (file:line) on failure. */
  load(source: string, file: string): Promise<void>;
  /** Whether the script defines `callback`: from the set read once after its top level ran. */
  has(callback: string): boolean;
  /**
   * Runs `callback(arg?)` against ctx, synchronously. Never throws. After 'timeout' or
   * 'memory' the runtime either recovered by itself or sets `broken`; the manager replaces a
   * broken one, and after a timeout also one whose declaration says recovery.fromTimeout: false.
   */
  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult;
  /** True when the interpreter can no longer be trusted and the runtime must be renewed or replaced. */
  readonly broken: boolean;
  /**
   * Offered by a runtime that does not recover from a timeout by itself but can put a fresh
   * interpreter in its sandbox cheaply (fengari: a new Lua state, the top level run again).
   * Called by the manager only; false when it could not, and the runtime must be replaced.
   */
  renew?(): boolean;
  /** Bytes the runtime holds (isolate heap plus wasm memory), for stats. */
  memoryUsage(): number;
  dispose(): void;
}

/** A script that failed to load or run, with where. */
export class ScriptError extends Error implements ScriptErrorInfo {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly ksrFunction?: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ScriptError';
  }
}

// DEFAULT_LIMITS and limitsFor are built from the runtime folders' declarations (runtimes/index.ts).
export { DEFAULT_CPU_MS, DEFAULT_MEMORY_MB, DEFAULT_LIMITS, limitsFor } from './index.js';

/** The callbacks a script may define, looked up by these names (Kamailio's KEMI names). */
export const STANDARD_CALLBACKS = ['ksr_request_route', 'ksr_reply_route', 'ksr_onsend_route'] as const;
