// CoreServices: what the engine offers to the code that acts on a message (KSR adapters in
// bindings/, tm, sl...). Implemented by host/core/engine.ts; tests may build a small one.
import type { MsgContext, Proto } from './context.js';

export type LogLevel = 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'crit';

export interface ScriptLogger {
  log(level: LogLevel, text: string): void;
}

export interface ReplyOptions {
  /** Extra header lines, each ending in CRLF. */
  headers?: string[];
  body?: Buffer | string;
  contentType?: string;
}

export interface CoreServices {
  readonly logger: ScriptLogger;
  /** The Kamailio "myself" test: is host[:port] one of our listen addresses or aliases? */
  isMyself(host: string, port?: number, proto?: Proto): boolean;
  /** Sends a stateless reply to the request in ctx (RFC 3261 §8.2.6), with ctx.replyLumps. */
  sendReply(ctx: MsgContext, code: number, reason: string, opts?: ReplyOptions): boolean;
  /** Values of `#!define`-like settings the script may read (KSR.kx.get_def). */
  readonly defines: ReadonlyMap<string, string>;
  /** Debug level as Kamailio numbers it (KSR.get_debug): -3 alert .. 3 debug. */
  readonly debugLevel: number;
}
