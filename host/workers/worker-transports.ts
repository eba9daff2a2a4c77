// The transports an Engine in a worker thread uses: the same interface as host/transport's
// Transports, but the sockets are the socket thread's. A send is checked by the outbound
// guard here (so a refusal is synchronous, as in one thread), then posted in this turn's
// batch; a failure found by the socket thread (connect failed, no connection for a
// no-connect send) comes back by id and calls the sender's onError.
import { isIPv6 } from 'node:net';
import type { MessagePort } from 'node:worker_threads';
import type { OutboundGuard } from '../transport/outbound-guard.js';
import type { Destination, TransportCounters } from '../transport/types.js';
import type { EngineTransports } from '../engine/engine.js';
import { pushAck, pushAlias, pushSend, type BoundAddress } from './protocol.js';
import { isConnectionProto, type SendProto } from '../sip/uri.js';

const ZERO_COUNTERS: TransportCounters = {
  udpDropped: 0, udpKernelDrops: 0, udpRxQueueBytes: 0,
  tcpStreamsDropped: 0, tcpConnectionsRefused: 0, tcpFramingErrors: 0, tcpIdleTimeouts: 0, tcpHeaderTimeouts: 0,
  tcpSendTimeouts: 0, tcpWriteOverflows: 0, tcpEvicted: 0, tcpReadPauses: 0, tcpConnectionsOpen: 0,
  tlsHandshakeTimeouts: 0, tlsHandshakeFailures: 0,
  wsConnectionsOpen: 0, wsHandshakeRefused: 0, wsHandshakeTimeouts: 0, wsFramesTooLarge: 0, wsBadFrames: 0, wsPongTimeouts: 0,
  outboundDenied: 0,
};

/** Messages handled after which the worker acknowledges at once rather than at the end of its turn (worker-pool.ts CHUNK). */
const ACK_EVERY = 32;

/** Failures waited for longer than this are forgotten (a TCP connect times out at 5 s). */
const ERROR_WAIT_MS = 15_000;

export class WorkerTransports implements EngineTransports {
  readonly counters: TransportCounters = { ...ZERO_COUNTERS };
  private out: unknown[] = [];
  /** Messages from the socket thread finished since the last flush (acknowledged with it). */
  private finished = 0;
  private flushScheduled = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { onError: (reason: string) => void; at: number }>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly port: MessagePort,
    private readonly bound: readonly BoundAddress[],
    readonly guard: OutboundGuard,
  ) {}

  async start(): Promise<void> {
    this.sweeper = setInterval(() => this.sweep(), ERROR_WAIT_MS / 3).unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.flush();
  }

  send(buf: Buffer, dst: Destination, from?: { ip: string; port: number }, onError?: (reason: string) => void): boolean {
    // a TCP send on a connection is checked against that connection's real peer by the socket thread too
    if (!this.permits(dst.proto, dst.ip, dst.port, onError)) return false;
    // the family told by a ':' (an IP literal: the guard passed it), not isIPv6's regex per send
    const v6 = dst.ip.includes(':');
    if (!this.bound.some((b) => b.proto === dst.proto && b.ip.includes(':') === v6)) {
      if (onError) queueMicrotask(() => onError(`no ${dst.proto.toUpperCase()} listener for ${dst.ip}`));
      return false;
    }
    let id = 0;
    // only a send over a connection (TCP, TLS, WS, WSS) can fail after it left: connect, no-connect,
    // the connection gone (a WebSocket is never connected by us), its real peer refused
    if (onError && isConnectionProto(dst.proto)) {
      id = this.nextId++;
      this.waiting.set(id, { onError, at: Date.now() });
    }
    pushSend(this.out, buf, id, dst, from);
    this.scheduleFlush();
    return true;
  }

  /** The alias is made by the socket thread, before any later send of this worker. */
  addTcpAlias(conId: number, port: number): boolean {
    if (!conId) return false;
    pushAlias(this.out, conId, port);
    this.scheduleFlush();
    return true;
  }

  /**
   * `count` messages from the socket thread were handled: acknowledged after their sends, at
   * this turn's flush, or at once (with the sends so far) once ACK_EVERY are unacknowledged: a
   * port hands over everything queued in one turn, and a worker that acknowledged only at the
   * end of it would leave the socket thread without credit to send more while it works.
   */
  ack(count: number): void {
    this.finished += count;
    if (this.finished >= ACK_EVERY) this.flush();
    else this.scheduleFlush();
  }

  permits(proto: string, ip: string, port: number, onError?: (reason: string) => void): boolean {
    return this.guard.permits(proto, ip, port, this.counters, onError);
  }

  localAddress(proto: SendProto, ipv6: boolean): { ip: string; port: number } | null {
    const b = this.bound.find((x) => x.proto === proto && isIPv6(x.ip) === ipv6);
    return b ? { ip: b.ip, port: b.port } : null;
  }

  /** This worker's own counters (what its guard refused); the sockets' are the socket thread's. */
  snapshot(): TransportCounters {
    return { ...this.counters };
  }

  /** Failures reported by the socket thread. */
  onSendErrors(ids: readonly number[], reasons: readonly string[]): void {
    for (let i = 0; i < ids.length; i++) {
      const w = this.waiting.get(ids[i]!);
      if (!w) continue;
      this.waiting.delete(ids[i]!);
      w.onError(reasons[i]!);
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.finished > 0) {
      pushAck(this.out, this.finished);
      this.finished = 0;
    }
    if (this.out.length === 0) return;
    this.port.postMessage(this.out);
    this.out = [];
  }

  private sweep(): void {
    const old = Date.now() - ERROR_WAIT_MS;
    for (const [id, w] of this.waiting) if (w.at < old) this.waiting.delete(id);
  }
}
