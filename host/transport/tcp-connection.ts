// One TCP connection: frames its stream and hands its messages to the engine a bounded number
// per turn of the event loop, and stops reading a peer that does not read its replies.
//
// - Fairness: at most `messagesPerTurn` messages are handled per turn; the rest wait with the
//   socket paused (the kernel window then pushes back on the peer) until setImmediate, so UDP,
//   new connections and the other connections are served in between.
// - Backpressure: replies go through write(); when the bytes Node holds for the socket pass
//   `writeBufferBytes`, reading stops until they drain; past `writeBufferMaxBytes` the
//   connection is closed, and one that stays blocked longer than `sendTimeoutMs` is closed by
//   the listener's sweep.
// - Deadline: the listener's sweep closes a connection whose current message has not
//   completed `headerTimeoutMs` after its first byte (slowloris), whatever it trickles in.
import type net from 'node:net';
import { FramingError, TcpFramer } from './tcp-framer.js';
import type { CloseReason, TcpLimits } from './tcp-settings.js';
import type { MessageHandler } from './types.js';

export interface ConnectionPeer {
  srcIp: string;
  srcPort: number;
  rcvIp: string;
  rcvPort: number;
}

export interface ConnectionHooks {
  onMessage: MessageHandler;
  /** The connection was closed by us, for `reason` (the listener counts it and forgets it). */
  onClose(conn: TcpConnection, reason: CloseReason, detail: string): void;
  /** Reading stopped because replies are not being read. */
  onReadPaused(): void;
}

export class TcpConnection {
  private readonly framer: TcpFramer;
  /** Last time bytes were read from the peer (the idlest is evicted first). */
  lastReadAt = Date.now();
  /** Since when replies wait in Node's buffer beyond writeBufferBytes; null when not blocked. */
  blockedSince: number | null = null;
  /** Complete messages wait for a later turn. */
  private backlog = false;
  private scheduled = false;
  /** Reading was stopped by us; a stall in the current message is then ours, not the peer's. */
  private readPausedAt: number | null = null;
  private resumedAt = 0;
  closed = false;

  constructor(
    readonly id: number,
    readonly socket: net.Socket,
    readonly peer: ConnectionPeer,
    private readonly limits: TcpLimits,
    private readonly hooks: ConnectionHooks,
  ) {
    this.framer = new TcpFramer(limits);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
  }

  get key(): string {
    return `${this.peer.srcIp}|${this.peer.srcPort}`;
  }

  /** Writes a reply or request; applies the write-buffer bounds. */
  write(buf: Buffer): void {
    if (this.closed) return;
    this.socket.write(buf);
    const held = this.socket.writableLength;
    if (held > this.limits.writeBufferMaxBytes) {
      this.close('write-overflow', `${held} bytes of replies not read by the peer`);
    } else if (held > this.limits.writeBufferBytes && this.blockedSince === null) {
      this.blockedSince = Date.now();
      this.hooks.onReadPaused();
      this.pauseReading();
    }
  }

  /** Closes it (once), telling the listener why. */
  close(reason: CloseReason, detail: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.hooks.onClose(this, reason, detail);
  }

  /**
   * The listener's periodic check: a writer blocked too long, or a message that has not
   * completed within the deadline from its first byte. Returns true when it closed.
   */
  sweep(now: number): boolean {
    if (this.closed) return false;
    if (this.blockedSince !== null) {
      if (now - this.blockedSince > this.limits.sendTimeoutMs) {
        this.close('send-timeout', `replies not read for ${now - this.blockedSince} ms`);
        return true;
      }
      return false;
    }
    if (this.backlog || this.readPausedAt !== null) return false;
    const since = this.framer.pendingSince;
    if (since === null) return false;
    const from = Math.max(since, this.resumedAt);
    if (now - from > this.limits.headerTimeoutMs) {
      this.close('header-timeout', `message incomplete ${now - from} ms after its first byte`);
      return true;
    }
    return false;
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    const now = Date.now();
    this.lastReadAt = now;
    this.framer.append(chunk, now);
    this.pump();
  }

  private onDrain(): void {
    if (this.blockedSince === null || this.closed) return;
    if (this.socket.writableLength > this.limits.writeBufferBytes) return;
    this.blockedSince = null;
    this.pump();
  }

  /** Handles up to messagesPerTurn messages; leaves the rest for a later turn. */
  private pump(): void {
    for (let n = 0; n < this.limits.messagesPerTurn; n++) {
      if (this.closed) return;
      if (this.blockedSince !== null) {
        this.backlog = true;
        return this.pauseReading();
      }
      let m;
      try {
        m = this.framer.next();
      } catch (e) {
        if (e instanceof FramingError) return this.close('framing', e.message);
        throw e;
      }
      if (!m) {
        this.backlog = false;
        return this.resumeReading();
      }
      const p = this.peer;
      this.hooks.onMessage(m.buf, { proto: 'tcp', srcIp: p.srcIp, srcPort: p.srcPort, rcvIp: p.rcvIp, rcvPort: p.rcvPort, conId: this.id, receivedAt: m.receivedAt });
    }
    this.backlog = true;
    this.pauseReading();
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    }
  }

  private pauseReading(): void {
    if (this.readPausedAt !== null) return;
    this.readPausedAt = Date.now();
    this.socket.pause();
  }

  private resumeReading(): void {
    if (this.readPausedAt === null) return;
    this.readPausedAt = null;
    // the message in progress was not read while we held it: its deadline restarts now
    this.resumedAt = Date.now();
    this.socket.resume();
  }
}
