// One SIP-over-WebSocket connection (RFC 7118): each frame, text or binary, is one whole SIP
// message. Frames are queued and handed to the engine in turns (tcp-turns.ts), as TCP's
// messages are, so a client that pipelines many small frames does not hold the event loop;
// while frames wait, reading stops. The TCP bounds apply: write buffers (reading stops past
// writeBufferBytes, closed past writeBufferMaxBytes or when blocked longer than
// sendTimeoutMs), idle time; and keepalive: a ping every keepaliveIntervalMs, closed when
// its pong does not come within pongTimeoutMs.
import { isUtf8 } from 'node:buffer';
import type net from 'node:net';
import type { WebSocket } from 'ws';
import type { CloseReason, TcpLimits } from './tcp-settings.js';
import type { Servable, TurnScheduler } from './tcp-turns.js';
import type { MessageHandler } from './types.js';
import type { WsCloseReason, WsSettings } from './ws-settings.js';

/** A frame that looks like the start of a SIP request or reply. */
const START_LINE = /^(?:[A-Za-z0-9.!%*_+`'~-]+ \S+ SIP\/2\.0|SIP\/2\.0 \d{3}(?: |\r?\n))/;
/** A keepalive some clients send (SIP.js: "\r\n\r\n", answered "\r\n", RFC 5626 §4.4.1 style). */
const CRLF_ONLY = /^(?:\r?\n)+$/;
/** A frame whose Content-Length is shorter than its body (RFC 7118 §5: one message per frame). */
const SHORT_LENGTH = 'Content-Length shorter than the body';
/** How long a closing handshake may take before the socket is destroyed. */
const CLOSE_GRACE_MS = 2000;

export type WsConnectionCloseReason = CloseReason | WsCloseReason;

/** The TCP peer of a connection and the listener that took it. */
export interface WsPeer {
  proto: 'ws' | 'wss';
  srcIp: string;
  srcPort: number;
  rcvIp: string;
  rcvPort: number;
}

export interface WsConnectionHooks {
  onMessage: MessageHandler;
  onClose(conn: WsConnection, reason: WsConnectionCloseReason, detail: string): void;
  /** The socket went away (closed by either side): forget the connection. */
  onGone(conn: WsConnection): void;
  onReadPaused(): void;
  /** A frame that is not a SIP message (still handed to the engine, which answers or drops it). */
  onBadFrame(): void;
  turns: TurnScheduler;
}

interface Frame {
  buf: Buffer;
  receivedAt: number;
}

export class WsConnection implements Servable {
  lastReadAt = Date.now();
  blockedSince: number | null = null;
  closed = false;
  private readonly frames: Frame[] = [];
  private readPaused = false;
  private badFrames = 0;
  private lastPingAt = Date.now();
  private pingSentAt: number | null = null;
  private kernelBlocked = false;
  private writtenAtCheck = 0;

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    /** The socket under it (a TLSSocket for wss): its addresses and write queue. */
    readonly socket: net.Socket,
    readonly peer: WsPeer,
    private readonly limits: TcpLimits,
    private readonly settings: WsSettings,
    private readonly hooks: WsConnectionHooks,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(toBuffer(data), isBinary));
    ws.on('pong', () => this.onPong());
    ws.on('ping', () => { this.lastReadAt = Date.now(); });
    ws.on('error', (e: Error & { code?: string }) => this.onError(e));
    ws.on('close', () => this.gone());
  }

  get key(): string {
    return `${this.peer.srcIp}|${this.peer.srcPort}`;
  }

  /** Sends one SIP message as one frame: text when it is valid UTF-8, else binary. */
  write(buf: Buffer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(buf, { binary: !isUtf8(buf) });
    this.weighWriteBuffer();
  }

  /** set_reply_close / set_forward_close: a normal close once the bytes are written. */
  endAfterWrites(): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(1000);
    setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  /**
   * Closes it (once) and tells the listener why. Protocol reasons close with a code (the
   * library has sent its own, `byLibrary`: 1009, 1007, 1002) and a grace time; the rest at once.
   */
  close(reason: WsConnectionCloseReason, detail: string, byLibrary = false): void {
    if (this.closed) return;
    this.closed = true;
    if (reason === 'bad-frames' || byLibrary) {
      if (reason === 'bad-frames') this.ws.close(1008, 'not SIP');
      setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
    } else {
      this.ws.terminate();
    }
    this.hooks.onClose(this, reason, detail);
  }

  /** The listener's periodic check: keepalive, idle time, a writer blocked too long. */
  sweep(now: number): void {
    if (this.closed) return;
    if (this.blockedSince !== null) {
      if (this.ws.bufferedAmount <= this.limits.writeBufferBytes && !this.kernelBlocked) this.unblock();
      else if (now - this.blockedSince > this.limits.sendTimeoutMs) return this.close('send-timeout', `replies not read for ${now - this.blockedSince} ms`);
    }
    if (this.pingSentAt !== null && now - this.pingSentAt > this.settings.pongTimeoutMs) {
      return this.close('pong-timeout', `no pong ${now - this.pingSentAt} ms after a ping`);
    }
    if (now - this.lastReadAt > this.limits.idleTimeoutMs) return this.close('idle', `nothing read for ${now - this.lastReadAt} ms`);
    const every = this.settings.keepaliveIntervalMs;
    if (every > 0 && this.pingSentAt === null && now - this.lastPingAt >= every) {
      this.lastPingAt = now;
      this.pingSentAt = now;
      this.ws.ping();
    }
  }

  /** Written more than writeBufferBytes since the last look at the kernel's queue, or blocked there. */
  get needsKernelCheck(): boolean {
    return !this.closed && (this.kernelBlocked || this.socket.bytesWritten - this.writtenAtCheck > this.limits.writeBufferBytes);
  }

  /** What the kernel holds for the peer now (tx_queue): stops or restarts reading. */
  noteKernelQueue(bytes: number, now: number): void {
    if (this.closed) return;
    this.writtenAtCheck = this.socket.bytesWritten;
    this.kernelBlocked = bytes > this.limits.writeBufferMaxBytes;
    if (this.kernelBlocked) this.block(now);
  }

  /** Handles up to messagesPerTurn frames; true when more wait. */
  serveTurn(): boolean {
    for (let n = 0; n < this.limits.messagesPerTurn; n++) {
      if (this.closed || this.blockedSince !== null) return false;
      const f = this.frames.shift();
      if (!f) break;
      const p = this.peer;
      this.hooks.onMessage(f.buf, { proto: p.proto, srcIp: p.srcIp, srcPort: p.srcPort, rcvIp: p.rcvIp, rcvPort: p.rcvPort, conId: this.id, receivedAt: f.receivedAt });
    }
    if (this.frames.length > 0) return !this.closed && this.blockedSince === null;
    this.resumeReading();
    return false;
  }

  private onFrame(buf: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    const now = Date.now();
    this.lastReadAt = now;
    if (!isBinary && CRLF_ONLY.test(buf.toString('latin1'))) {
      if (buf.length >= 4) this.write(Buffer.from('\r\n'));
      return;
    }
    const why = frameProblem(buf);
    if (why !== null) {
      this.hooks.onBadFrame();
      if (++this.badFrames > this.settings.maxBadFrames) return this.close('bad-frames', `${this.badFrames} frames that are not SIP messages; last: ${why}`);
      // a Content-Length shorter than the frame would let the parser read part of it as the message
      if (why.startsWith(SHORT_LENGTH)) return;
    }
    const fresh = this.frames.length === 0;
    this.frames.push({ buf, receivedAt: now });
    // frames already read keep coming from the current chunk; the kernel's window holds the rest
    this.pauseReading();
    this.hooks.turns.enqueue(this, fresh);
  }

  private onPong(): void {
    this.lastReadAt = Date.now();
    this.pingSentAt = null;
  }

  private onError(e: Error & { code?: string }): void {
    // the library closes with 1009 itself; only the count and the table are ours
    if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.close('frame-too-large', `a frame over ${this.settings.maxMessageBytes} bytes (websocket.max_message_bytes)`, true);
    else if (e.code?.startsWith('WS_ERR_')) this.close('framing', `${e.code}: ${e.message}`, true);
    else this.close('framing', `${e.code ?? 'error'}: ${e.message}`);
  }

  private gone(): void {
    this.closed = true;
    this.frames.length = 0;
    this.hooks.onGone(this);
  }

  private weighWriteBuffer(): void {
    const held = this.ws.bufferedAmount;
    if (held > this.limits.writeBufferMaxBytes) this.close('write-overflow', `${held} bytes of replies not read by the peer`);
    else if (held > this.limits.writeBufferBytes) this.block(Date.now());
  }

  private block(now: number): void {
    if (this.blockedSince !== null) return;
    this.blockedSince = now;
    this.hooks.onReadPaused();
    this.pauseReading();
  }

  private unblock(): void {
    this.blockedSince = null;
    if (this.frames.length > 0) this.hooks.turns.enqueue(this);
    else this.resumeReading();
  }

  private pauseReading(): void {
    if (this.readPaused) return;
    this.readPaused = true;
    this.ws.pause();
  }

  private resumeReading(): void {
    if (!this.readPaused || this.blockedSince !== null || this.closed) return;
    this.readPaused = false;
    this.ws.resume();
  }
}

/** Why a frame is not one whole SIP message, or null. The engine's parser judges the rest. */
export function frameProblem(buf: Buffer): string | null {
  const head = buf.subarray(0, Math.min(buf.length, 8192)).toString('latin1');
  if (!START_LINE.test(head)) return `no SIP start line (begins ${JSON.stringify(head.slice(0, 24))})`;
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const m = /\r\n(?:content-length|l)[ \t]*:[ \t]*(\d+)[ \t]*\r\n/i.exec(buf.subarray(0, end + 2).toString('latin1'));
  if (!m) return null;
  const body = buf.length - end - 4;
  const declared = Number(m[1]);
  if (declared === body) return null;
  // a longer one is left to the parser, which answers it 400 (Content-Length exceeds data)
  return declared < body ? `${SHORT_LENGTH}: ${declared}, but ${body} bytes of body in the frame` : `Content-Length ${declared}, but ${body} bytes of body in the frame`;
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
