// CoreServices: what the engine offers to the code that acts on a message (KSR adapters in
// bindings/, tm, sl...). Implemented by host/core/engine.ts; tests may build a small one.
import type { MsgContext, Proto } from './context.js';
import type { InvokeResult } from './router.js';
import type { Destination } from '../transport/types.js';
import type { SyncStore } from '../store/store.js';
import type { Usrloc } from '../registrar/usrloc.js';

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
  /** Runs a named script callback against ctx, timed into the route statistics. */
  runRoute(callback: string, ctx: MsgContext, arg?: string): InvokeResult;
  /** True when the current script defines that callback. */
  hasRoute(callback: string): boolean;
  /**
   * Sends a buffer. UDP is sent at once; TCP uses an open connection to dst (or dst.conId) or
   * opens one. `onError` is called (asynchronously) when it cannot be delivered: no listener
   * for the family, TCP connect refused or timed out; and at once, with false returned, when
   * the outbound guard refuses the destination (host/transport/outbound-guard.ts).
   */
  send(buf: Buffer, dst: Destination, onError?: (reason: string) => void): boolean;
  /**
   * May a send go to dst? (the outbound guard; a refusal is counted and logged). For callers
   * that send later and want to fail at once; the send itself is checked again regardless.
   * Absent in test doubles: there every destination may be tried.
   */
  permitsOutbound?(dst: Destination): boolean;
  /**
   * add_tcp_alias: requests to the peer of TCP connection conId at `port` reuse that
   * connection. False when the connection is gone. Absent in test doubles without transports.
   */
  addTcpAlias?(conId: number, port: number): boolean;
  /** The local address we send from and advertise (Via, Record-Route) for a protocol and family. */
  localAddress(proto: Proto, ipv6: boolean): { ip: string; port: number } | null;
  /** The subscriber/location database (host/store), null when the server runs without one. */
  readonly store: SyncStore | null;
  /** The location table (host/registrar); absent in test doubles, which get a memory one on first use. */
  readonly usrloc?: Usrloc | null;
}
