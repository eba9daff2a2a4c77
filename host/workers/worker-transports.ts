// The transports an Engine in a worker thread uses: the same interface as host/transport's
// Transports, but the sockets are the socket thread's. A send is checked by the outbound
// guard here (so a refusal is synchronous, as in one thread). A UDP send leaves at the end of
// this turn from this worker's own copy of the listening socket (udp-fd-dup.ts: same address
// and port, never read here) when it has one and the SIP trace is off; anything else is posted in this turn's
// batch for the socket thread, and a failure it finds (connect failed, no connection for a
// no-connect send) comes back by id and calls the sender's onError.
import { isIPv6 } from 'node:net';
import type { MessagePort } from 'node:worker_threads';
import type { OutboundGuard } from '../transport/outbound-guard.js';
import type { Destination, TransportCounters } from '../transport/types.js';
import type { EngineTransports } from '../engine/engine.js';
import type dgram from 'node:dgram';
import { pushAlias, pushSend, pushWake, type BoundAddress } from './protocol.js';
import { isConnectionProto, type SendProto } from '../sip/uri.js';
import type { UdpSendBatch } from '../transport/udp-send-batch.js';
import type { WorkerSignals } from './worker-signals.js';

/**
 * This worker's own copy of a UDP listener, opened by its thread's assembly (bin/worker-thread.ts,
 * host/transport/udp-fd-dup.ts openUdpCopy), and the batch its sends wait in for the end of the turn.
 */
export interface OwnUdp {
  ip: string;
  port: number;
  socket: dgram.Socket;
}

export interface OwnUdpSending {
  sockets: OwnUdp[];
  /**
   * The copy a send to `ip` leaves from, chosen as the socket thread chooses its listener
   * (transports.ts pickListener). Given by bin/worker-thread.ts: host/workers importing
   * host/transport's code would close the capability cycle store → workers → transport → store.
   */
  pick(ip: string, from?: { ip: string; port: number }): OwnUdp | undefined;
  batch: UdpSendBatch;
}

const ZERO_COUNTERS: TransportCounters = {
  udpDropped: 0, udpKernelDrops: 0, udpRxQueueBytes: 0,
  tcpStreamsDropped: 0, tcpConnectionsRefused: 0, tcpFramingErrors: 0, tcpIdleTimeouts: 0, tcpHeaderTimeouts: 0,
  tcpSendTimeouts: 0, tcpWriteOverflows: 0, tcpEvicted: 0, tcpReadPauses: 0, tcpConnectionsOpen: 0,
  tlsHandshakeTimeouts: 0, tlsHandshakeFailures: 0,
  wsConnectionsOpen: 0, wsHandshakeRefused: 0, wsHandshakeTimeouts: 0, wsFramesTooLarge: 0, wsBadFrames: 0, wsPongTimeouts: 0,
  outboundDenied: 0,
};

/** Messages finished after which the worker posts a wake without waiting for the end of its turn (worker-pool.ts CHUNK). */
const WAKE_EVERY = 32;

/** Failures waited for longer than this are forgotten (a TCP connect times out at 5 s). */
const ERROR_WAIT_MS = 15_000;

export class WorkerTransports implements EngineTransports {
  readonly counters: TransportCounters = { ...ZERO_COUNTERS };
  private out: unknown[] = [];
  private flushScheduled = false;
  /** This worker's own copies of the UDP listeners and their send batch (null: every send goes through the socket thread). */
  private readonly own: OwnUdpSending | null;
  /** Messages finished since the last wake posted. */
  private unwoken = 0;
  /** Sends since start: from this worker's own UDP copies, and handed to the socket thread. */
  private readonly sent = { ownUdp: 0, viaSocketThread: 0 };
  private nextId = 1;
  private readonly waiting = new Map<number, { onError: (reason: string) => void; at: number }>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly port: MessagePort,
    private readonly bound: readonly BoundAddress[],
    readonly guard: OutboundGuard,
    private readonly signals: WorkerSignals,
    own: OwnUdpSending | null = null,
  ) {
    this.own = own;
  }

  async start(): Promise<void> {
    this.sweeper = setInterval(() => this.sweep(), ERROR_WAIT_MS / 3).unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.flush();
    this.own?.batch.flush();
    for (const u of this.own?.sockets ?? []) u.socket.close();
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
    if (dst.proto === 'udp' && this.sendOwnUdp(buf, dst, from)) return true;
    let id = 0;
    // only a send over a connection (TCP, TLS, WS, WSS) can fail after it left: connect, no-connect,
    // the connection gone (a WebSocket is never connected by us), its real peer refused
    if (onError && isConnectionProto(dst.proto)) {
      id = this.nextId++;
      this.waiting.set(id, { onError, at: Date.now() });
    }
    pushSend(this.out, buf, id, dst, from);
    this.sent.viaSocketThread++;
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
   * `count` messages from the socket thread were handled: counted in shared memory (the socket
   * thread's credit for this worker, worker-signals.ts), and a wake posted at once when the
   * socket thread asked for one (it holds messages for this worker) or every WAKE_EVERY
   * messages, else at the end of this turn. The regular wakes are kept although the credit no
   * longer needs them: under a real-time policy, waking the socket thread only when it asked
   * left it slow to read (v8, 2 workers, 4000 registrations/s under chrt: 162-797
   * retransmissions in 5 runs, against 0-34 with them).
   */
  ack(count: number): void {
    const asked = this.signals.finished(count);
    this.unwoken += count;
    if (asked || this.unwoken >= WAKE_EVERY) {
      this.unwoken = 0;
      pushWake(this.out);
      this.flush();
    } else this.scheduleFlush();
  }

  /**
   * From this worker's copy of the listener that `pickListener` chooses (the `from`
   * address if it is one, else the first of the family); false when there is none or the SIP
   * trace runs (the socket thread must see the send).
   */
  private sendOwnUdp(buf: Buffer, dst: Destination, from: { ip: string; port: number } | undefined): boolean {
    if (!this.own || this.signals.tracing) return false;
    const copy = this.own.pick(dst.ip, from);
    if (!copy) return false;
    this.own.batch.push(copy.socket, buf, dst.port, dst.ip);
    this.sent.ownUdp++;
    return true;
  }

  permits(proto: string, ip: string, port: number, onError?: (reason: string) => void): boolean {
    return this.guard.permits(proto, ip, port, this.counters, onError);
  }

  localAddress(proto: SendProto, ipv6: boolean): { ip: string; port: number } | null {
    const b = this.bound.find((x) => x.proto === proto && isIPv6(x.ip) === ipv6);
    return b ? { ip: b.ip, port: b.port } : null;
  }

  sendCounts(): { ownUdp: number; viaSocketThread: number } {
    return { ...this.sent };
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
    if (this.unwoken > 0) {
      this.unwoken = 0;
      pushWake(this.out);
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
