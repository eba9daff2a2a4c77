// One TCP connection: frames its stream and hands its messages to the engine a bounded number
// per turn of the event loop, and stops reading a peer that does not read its replies.
//
// - Fairness: messages are handled in turns (tcp-turns.ts), at most `messagesPerTurn` per
//   connection per turn; while complete messages wait, the socket is paused (the kernel window
//   then pushes back on the peer), so UDP, new connections and the other connections are
//   served in between.
// - Backpressure: replies go through write(); when the bytes Node holds for the socket pass
//   `writeBufferBytes`, reading stops until they drain; past `writeBufferMaxBytes` the
//   connection is closed. The kernel takes megabytes before Node holds any, so the listener
//   also looks at the kernel's send queue (tcp-send-queue.ts) of connections written much:
//   past `writeBufferMaxBytes` there, reading stops too. One that stays blocked longer than
//   `sendTimeoutMs` is closed by the listener's sweep.
// - Deadline: the listener's sweep closes a connection whose current message has not
//   completed `headerTimeoutMs` after its first byte (slowloris), whatever it trickles in.
import type net from 'node:net';
import { FramingError, TcpFramer } from './tcp-framer.js';
import type { CloseReason, TcpLimits } from './tcp-settings.js';
import type { MessageHandler } from './types.js';
import type { Servable, TurnScheduler } from './tcp-turns.js';

/** How long a stream closed at bad bytes has to take its last replies. */
const CLOSE_GRACE_MS = 2000;

export interface ConnectionPeer {
  srcIp: string;
  srcPort: number;
  rcvIp: string;
  rcvPort: number;
  /** What scripts see as $proto: 'tls' when the socket is a TLS one; absent, 'tcp'. */
  proto?: 'tcp' | 'tls';
}

export interface ConnectionHooks {
  onMessage: MessageHandler;
  /** The connection was closed by us, for `reason` (the listener counts it and forgets it). */
  onClose(conn: TcpConnection, reason: CloseReason, detail: string): void;
  /** Reading stopped because replies are not being read. */
  onReadPaused(): void;
  /** Where connections with messages waiting queue for their turn. */
  turns: TurnScheduler;
}

export class TcpConnection implements Servable {
  private readonly framer: TcpFramer;
  /** Last time bytes were read from the peer (the idlest is evicted first). */
  lastReadAt = Date.now();
  /** Since when replies wait in Node's buffer beyond writeBufferBytes; null when not blocked. */
  blockedSince: number | null = null;
  /** Complete messages wait for a later turn. */
  private backlog = false;
  /** Inside serveTurn, replies corked. */
  private inTurn = false;
  /** Reading was stopped by us; a stall in the current message is then ours, not the peer's. */
  private readPausedAt: number | null = null;
  private resumedAt = 0;
  /** The kernel's send queue was past writeBufferMaxBytes at the last look. */
  private kernelBlocked = false;
  /** socket.bytesWritten at the last look at the kernel's send queue. */
  private writtenAtCheck = 0;
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
    // inside a turn the replies are corked: they are weighed once the turn has sent them
    if (!this.inTurn) this.weighWriteBuffer();
  }

  /** Applies the write-buffer bounds to what Node holds for the socket now. */
  private weighWriteBuffer(): void {
    if (this.closed) return;
    const held = this.socket.writableLength;
    if (held > this.limits.writeBufferMaxBytes) {
      this.close('write-overflow', `${held} bytes of replies not read by the peer`);
    } else if (held > this.limits.writeBufferBytes && this.blockedSince === null) {
      this.blockedSince = Date.now();
      this.hooks.onReadPaused();
      this.pauseReading();
    }
  }

  /**
   * Closes it because the script asked (set_forward_close, set_reply_close): what was written
   * is sent first (end), then the socket goes after a grace time. Not a dropped stream.
   */
  endAfterWrites(): void {
    if (this.closed) return;
    this.closed = true;
    while (this.socket.writableCorked > 0) this.socket.uncork();
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  /**
   * Closes it (once), telling the listener why. At bytes that cannot be framed, the replies
   * to the messages before them are sent first (end, then destroy after a grace time);
   * otherwise at once.
   */
  close(reason: CloseReason, detail: string): void {
    if (this.closed) return;
    this.closed = true;
    if (reason === 'framing') {
      this.socket.pause();
      while (this.socket.writableCorked > 0) this.socket.uncork();
      this.socket.end();
      setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
    } else {
      this.socket.destroy();
    }
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

  /** Written more than writeBufferBytes since the last look at the kernel's queue, or blocked there. */
  get needsKernelCheck(): boolean {
    return !this.closed && (this.kernelBlocked || this.socket.bytesWritten - this.writtenAtCheck > this.limits.writeBufferBytes);
  }

  /** What the kernel holds for the peer now (tx_queue): stops or restarts reading. */
  noteKernelQueue(bytes: number, now: number): void {
    if (this.closed) return;
    this.writtenAtCheck = this.socket.bytesWritten;
    if (bytes > this.limits.writeBufferMaxBytes) {
      if (this.kernelBlocked) return;
      this.kernelBlocked = true;
      if (this.blockedSince !== null) return;
      this.blockedSince = now;
      this.hooks.onReadPaused();
      this.pauseReading();
    } else if (this.kernelBlocked) {
      this.kernelBlocked = false;
      this.onDrain();
    }
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    const now = Date.now();
    this.lastReadAt = now;
    this.framer.append(chunk, now);
    const fresh = !this.backlog;
    this.backlog = true;
    // a read can bring many chunks at once: past one message's worth waiting, stop reading
    // until the turns have caught up, so the kernel's window holds the rest
    if (this.framer.pending > this.limits.maxMessageBytes) this.pauseReading();
    this.hooks.turns.enqueue(this, fresh);
  }

  private onDrain(): void {
    if (this.blockedSince === null || this.closed || this.kernelBlocked) return;
    if (this.socket.writableLength > this.limits.writeBufferBytes) return;
    this.blockedSince = null;
    this.hooks.turns.enqueue(this);
  }

  /** Handles up to messagesPerTurn messages; true when more wait for a later turn. */
  serveTurn(): boolean {
    // the replies of one turn leave in one write
    this.socket.cork();
    this.inTurn = true;
    let more = false;
    try {
      more = this.serveMessages();
    } finally {
      this.inTurn = false;
      if (this.socket.writableCorked > 0) this.socket.uncork();
      this.weighWriteBuffer();
    }
    return more && this.blockedSince === null && !this.closed;
  }

  private serveMessages(): boolean {
    for (let n = 0; n < this.limits.messagesPerTurn; n++) {
      if (this.closed) return false;
      if (this.blockedSince !== null) {
        this.pauseReading();
        return false; // served again when the replies drain
      }
      let m;
      try {
        m = this.framer.next();
      } catch (e) {
        if (e instanceof FramingError) this.close('framing', e.message);
        else throw e;
        return false;
      }
      if (!m) {
        this.backlog = false;
        this.resumeReading();
        return false;
      }
      const p = this.peer;
      this.hooks.onMessage(m.buf, { proto: p.proto ?? 'tcp', srcIp: p.srcIp, srcPort: p.srcPort, rcvIp: p.rcvIp, rcvPort: p.rcvPort, conId: this.id, receivedAt: m.receivedAt });
    }
    this.pauseReading();
    return !this.closed;
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
