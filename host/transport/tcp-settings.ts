// The bounds every TCP connection lives within (settings `tcp:`; defaults and meaning in
// README.md), and why we may close one.
import type { FramerLimits } from './tcp-framer.js';

export interface TcpLimits extends FramerLimits {
  /** No byte read or written for this long: closed. */
  idleTimeoutMs: number;
  /** Connections in the table; when full, a new one evicts the idlest of the source holding the most. */
  maxConnections: number;
  /** Connections one source address may hold; more are refused at once. */
  maxConnectionsPerSource: number;
  /** From a message's first byte to its last (headers and body): slower is closed. */
  headerTimeoutMs: number;
  /** Replies held for a peer that does not read them, past which reading stops... */
  writeBufferBytes: number;
  /** ...and past which the connection is closed. */
  writeBufferMaxBytes: number;
  /** Reading stopped for replies not read this long: closed. */
  sendTimeoutMs: number;
  /** Messages handled per connection per turn of the event loop. */
  messagesPerTurn: number;
}

export type CloseReason =
  | 'framing'
  | 'idle'
  | 'header-timeout'
  | 'send-timeout'
  | 'write-overflow'
  | 'evicted'
  | 'source-limit';

export const DEFAULT_TCP_SETTINGS: Readonly<TcpLimits> = Object.freeze({
  maxMessageBytes: 65535,
  maxHeaders: 256,
  idleTimeoutMs: 120_000,
  maxConnections: 2048,
  maxConnectionsPerSource: 256,
  headerTimeoutMs: 10_000,
  writeBufferBytes: 64 * 1024,
  writeBufferMaxBytes: 1024 * 1024,
  sendTimeoutMs: 10_000,
  messagesPerTurn: 16,
});
