// The one interface through which host/ calls a script. host/ owns it; the runtime layer
// (runtimes/manager.ts) implements it. host/ never imports bindings/ or runtimes/.
import type { MsgContext } from './context.js';

/** How a callback ended. */
export type InvokeOutcome =
  | 'ok' // returned normally
  | 'stopped' // KSR.x.exit() / KSR.x.drop()
  | 'missing' // the script defines no such callback
  | 'error' // the script threw; error says where
  | 'timeout' // CPU limit hit; the interpreter was stopped
  | 'memory'; // memory limit hit; the interpreter was stopped

export interface ScriptErrorInfo {
  message: string;
  file: string;
  line: number;
  /** The KSR function being called when it failed, e.g. "KSR.hdr.get". */
  ksrFunction?: string;
}

export interface InvokeResult {
  outcome: InvokeOutcome;
  error?: ScriptErrorInfo;
}

export interface ScriptRouter {
  has(callback: string): boolean;
  /**
   * Runs a callback to its end, synchronously, against ctx. Never throws, except for a
   * callback started from inside another one (KSR.route) when they nest too deep: that error
   * reaches the KSR call that started it.
   */
  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult;
}
