// The bounds and checks of the `ws:`/`wss:` listeners (config `websocket:`; defaults and meaning
// in README.md). The connection table, deadlines and write buffers are the `tcp:` ones
// (tcp-settings.ts): a WebSocket connection is a TCP connection to the table.

export interface WsSettings {
  /** The largest frame (one SIP message), the `ws` library's maxPayload: a larger one closes with 1009. */
  maxMessageBytes: number;
  /** Origins a browser page may connect from, exactly as the Origin header spells them, or '*' for any. */
  allowedOrigins: string[];
  /** A ping every this many ms; 0: none (the tcp idle timeout then closes a quiet connection). */
  keepaliveIntervalMs: number;
  /** No pong this long after a ping: closed. */
  pongTimeoutMs: number;
  /** Frames that are not SIP messages one connection may send before it is closed. */
  maxBadFrames: number;
}

export const DEFAULT_WS_SETTINGS: Readonly<WsSettings> = Object.freeze({
  maxMessageBytes: 65535,
  // any origin by default, as Kamailio's websocket module: a SIP client authenticates by digest,
  // not by the page it runs in; list origins to keep other sites' pages out
  allowedOrigins: ['*'],
  keepaliveIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  maxBadFrames: 10,
});

/** Why a WebSocket connection or upgrade was closed by us, beside the TCP reasons. */
export type WsCloseReason = 'handshake-refused' | 'handshake-timeout' | 'frame-too-large' | 'bad-frames' | 'pong-timeout';

/** True when a browser page from `origin` may connect (no Origin header: not a browser, let in). */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined || allowed.includes('*')) return true;
  return allowed.includes(origin);
}
