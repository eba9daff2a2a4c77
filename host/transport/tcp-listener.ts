// One TCP listening socket and its connections. Each connection frames its stream and is
// served a bounded number of messages per turn (tcp-connection.ts); a stream that breaks a
// limit (size, header count, no Content-Length, message deadline, idle time, replies not
// read) is closed and counted: SIP over TCP cannot resynchronise after a framing error.
//
// The table is bounded so that a new client always gets in: a source (IP address) holding
// maxConnectionsPerSource is refused further ones, and when the table is full a new
// connection evicts the idlest connection of the source holding the most.
//
// A `tls:` listener is the same machinery behind a TLS handshake (tls-endpoint.ts): the raw
// TCP connection takes its place in the table's bounds from its first byte (a handshake flood
// holds no more than a source's share), is handed to a tls.Server that is never listening,
// and joins the table as a connection once its handshake is done; a handshake not done within
// tls.handshake_timeout_ms is closed and counted.
import net from 'node:net';
import tls from 'node:tls';
import type { TlsEndpoint } from './tls-endpoint.js';
import { TcpConnection, type ConnectionHooks } from './tcp-connection.js';
import { KernelQueueCheck } from './tcp-send-queue.js';
import { PeerIndex } from './peer-index.js';
import { listenStream } from './listen-stream.js';
import { SourceTable } from './source-table.js';
import { TurnScheduler } from './tcp-turns.js';
import type { CloseReason, TcpLimits } from './tcp-settings.js';
import type { MessageHandler } from './types.js';

export type { TcpLimits } from './tcp-settings.js';

export interface TcpEvents {
  /** We closed a connection (or refused one: 'source-limit'). */
  onClosed(reason: CloseReason, peer: string, detail: string): void;
  onReadPaused(): void;
  /** TLS: a handshake that failed or took too long (the connection is closed). */
  onHandshakeFailed?(timeout: boolean, peer: string, detail: string): void;
}

export class TcpListener {
  private readonly server: net.Server;
  /** Open connections by id, for replies that must go back on the connection they came on. */
  readonly connections = new Map<number, TcpConnection>();
  /** The connection reaching a peer: by "ip|port" and by add_tcp_alias's ports (peer-index.ts). */
  private readonly peers = new PeerIndex();
  /** Open connections per source address. */
  private readonly bySource = new SourceTable<TcpConnection>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly hooks: ConnectionHooks;
  /** Looks at the kernel's send queues of the connections written much (tcp-send-queue.ts). */
  private readonly kernelQueues = new KernelQueueCheck();
  /** TLS: raw connections whose handshake is under way, by "ip|port", and how many per source. */
  private readonly handshaking = new Map<string, net.Socket>();
  private readonly handshakingBySource = new Map<string, number>();
  /** TLS: the server that does the handshakes of accepted connections (never listening itself). */
  private readonly tlsServer: tls.Server | null = null;
  private untrackTls: (() => void) | null = null;

  constructor(
    readonly ip: string,
    readonly port: number,
    onMessage: MessageHandler,
    private readonly limits: TcpLimits,
    private readonly events: TcpEvents,
    private readonly nextId: () => number,
    turns: TurnScheduler = new TurnScheduler(),
    /** Set: a `tls:` listener, and outbound connections from it use TLS. */
    private readonly tlsEndpoint: TlsEndpoint | null = null,
  ) {
    this.server = net.createServer((socket) => (tlsEndpoint ? this.handshake(socket) : void this.accept(socket)));
    if (tlsEndpoint) {
      this.tlsServer = this.makeTlsServer(tlsEndpoint);
      this.untrackTls = tlsEndpoint.track(this.tlsServer);
    }
    this.hooks = {
      onMessage,
      onClose: (conn, reason, detail) => {
        this.forget(conn);
        events.onClosed(reason, `${conn.peer.srcIp}:${conn.peer.srcPort}`, detail);
      },
      onReadPaused: () => events.onReadPaused(),
      turns,
    };
    const every = Math.max(50, Math.min(1000, limits.headerTimeoutMs / 4, limits.sendTimeoutMs / 4));
    this.sweeper = setInterval(() => this.sweep(), every).unref();
  }

  listen(): Promise<void> {
    return listenStream(this.server, this.ip, this.port);
  }

  get size(): number {
    return this.connections.size;
  }

  get proto(): 'tcp' | 'tls' {
    return this.tlsEndpoint ? 'tls' : 'tcp';
  }

  private makeTlsServer(endpoint: TlsEndpoint): tls.Server {
    const server = tls.createServer(endpoint.serverOptions());
    server.on('secureConnection', (socket: tls.TLSSocket) => {
      this.handshakeDone(socket);
      const refusal = endpoint.refusal(socket);
      if (refusal !== null) {
        socket.destroy();
        this.events.onHandshakeFailed?.(false, `${normaliseIp(socket.remoteAddress ?? '')}:${socket.remotePort ?? 0}`, refusal);
        return;
      }
      this.accept(socket);
    });
    server.on('tlsClientError', (e: NodeJS.ErrnoException, socket: tls.TLSSocket) => {
      this.handshakeDone(socket);
      socket.destroy();
      const peer = `${normaliseIp(socket.remoteAddress ?? '')}:${socket.remotePort ?? 0}`;
      this.events.onHandshakeFailed?.(e.code === 'ERR_TLS_HANDSHAKE_TIMEOUT', peer, e.message);
    });
    return server;
  }

  /** TLS: a raw connection takes a place in the table's bounds, then does its handshake. */
  private handshake(raw: net.Socket): void {
    raw.on('error', () => {});
    const srcIp = normaliseIp(raw.remoteAddress ?? '');
    const srcPort = raw.remotePort ?? 0;
    if (!this.makeRoom(srcIp, raw, srcPort)) return;
    const key = `${srcIp}|${srcPort}`;
    this.handshaking.set(key, raw);
    this.handshakingBySource.set(srcIp, (this.handshakingBySource.get(srcIp) ?? 0) + 1);
    raw.once('close', () => this.forgetHandshake(key, raw));
    this.tlsServer!.emit('connection', raw);
  }

  private handshakeDone(socket: tls.TLSSocket): void {
    const key = `${normaliseIp(socket.remoteAddress ?? '')}|${socket.remotePort ?? 0}`;
    const raw = this.handshaking.get(key);
    if (raw) this.forgetHandshake(key, raw);
  }

  private forgetHandshake(key: string, raw: net.Socket): void {
    if (this.handshaking.get(key) !== raw) return;
    this.handshaking.delete(key);
    const ip = key.slice(0, key.lastIndexOf('|'));
    const n = (this.handshakingBySource.get(ip) ?? 1) - 1;
    if (n > 0) this.handshakingBySource.set(ip, n);
    else this.handshakingBySource.delete(ip);
  }

  /** An incoming connection, or one we opened: both are framed and answered alike. */
  private accept(socket: net.Socket, peerIp?: string, peerPort?: number): number | null {
    const srcIp = normaliseIp(peerIp ?? socket.remoteAddress ?? '');
    const srcPort = peerPort ?? socket.remotePort ?? 0;
    socket.on('error', () => {});
    if (!this.makeRoom(srcIp, socket, srcPort)) return null;
    const id = this.nextId();
    const conn = new TcpConnection(id, socket, { srcIp, srcPort, rcvIp: this.ip, rcvPort: this.port, proto: this.proto }, this.limits, this.hooks);
    this.connections.set(id, conn);
    this.peers.add(id, conn.key);
    this.bySource.add(srcIp, conn);
    socket.setNoDelay(true);
    socket.setTimeout(this.limits.idleTimeoutMs, () => conn.close('idle', `nothing read or written for ${this.limits.idleTimeoutMs} ms`));
    socket.on('close', () => this.forget(conn));
    return id;
  }

  /** Refuses a source at its limit; when the table is full, evicts to make one place. */
  private makeRoom(srcIp: string, socket: net.Socket, srcPort: number): boolean {
    const held = this.bySource.held(srcIp) + (this.handshakingBySource.get(srcIp) ?? 0);
    if (held >= this.limits.maxConnectionsPerSource) {
      socket.destroy();
      this.events.onClosed('source-limit', `${srcIp}:${srcPort}`, `${held} connections already open from ${srcIp}`);
      return false;
    }
    if (this.connections.size + this.handshaking.size >= this.limits.maxConnections) {
      // a handshake under way is the cheapest to lose: the oldest goes first
      const [key, raw] = this.handshaking.entries().next().value ?? [];
      if (key !== undefined && raw) {
        this.forgetHandshake(key, raw);
        raw.destroy();
        this.events.onClosed('evicted', key.replace(/\|(\d+)$/, ':$1'), `table full (${this.connections.size + this.handshaking.size + 1}); oldest TLS handshake`);
        return true;
      }
      const victim = this.bySource.evictionCandidate((c) => c.lastReadAt);
      victim?.close('evicted', `table full (${this.connections.size}); idlest of the source holding the most`);
    }
    return true;
  }

  private forget(conn: TcpConnection): void {
    if (this.connections.get(conn.id) !== conn) return;
    this.connections.delete(conn.id);
    this.peers.forget(conn.id, conn.key);
    this.bySource.delete(conn.peer.srcIp, conn);
  }

  private sweep(): void {
    const now = Date.now();
    for (const c of [...this.connections.values()]) c.sweep(now);
    void this.kernelQueues.look(this.connections.values());
  }

  /**
   * Opens a connection to ip:port and writes buf once it is up (TLS: once the handshake is
   * done and the server's certificate verified against `host`, else the IP). The connection
   * then carries requests and replies both ways like an accepted one. onError is called when
   * it cannot connect (or finish the handshake) within connectTimeoutMs, is refused, or the
   * server's certificate does not verify.
   */
  connect(buf: Buffer, ip: string, port: number, connectTimeoutMs: number, onError?: (reason: string) => void, closeAfter = false, host?: string): void {
    const localAddress = this.ip === '0.0.0.0' || this.ip === '::' ? undefined : this.ip;
    const endpoint = this.tlsEndpoint;
    const socket = endpoint ? tls.connect(endpoint.connectOptions(ip, port, host, localAddress)) : net.connect({ host: ip, port, localAddress });
    let failed = false;
    let up = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      socket.destroy();
      onError?.(reason);
    };
    const timer = setTimeout(() => fail(endpoint ? 'connect or TLS handshake timeout' : 'connect timeout'), connectTimeoutMs + (endpoint?.settings.handshakeTimeoutMs ?? 0));
    const id = this.accept(socket, ip, port);
    if (id === null) return fail(`too many connections to ${ip}`);
    socket.once(endpoint ? 'secureConnect' : 'connect', () => {
      up = true;
      clearTimeout(timer);
      const conn = this.connections.get(id);
      conn?.write(buf);
      if (closeAfter) conn?.endAfterWrites();
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (up) return;
      if (endpoint && !socket.connecting) {
        this.events.onHandshakeFailed?.(false, `${ip}:${port}`, e.message);
        return fail(`TLS to ${host ?? ip}:${port} failed: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' '));
      }
      fail(e.code ?? e.message);
    });
  }

  /**
   * Sends on connection `conId` if it is still open, else on any open connection to ip:port
   * (its own address or an alias); `closeAfter` ends it once the bytes are written.
   */
  send(buf: Buffer, ip: string, port: number, conId?: number, closeAfter = false): boolean {
    const id = conId !== undefined && this.connections.has(conId) ? conId : this.peers.find(ip, port);
    const conn = id !== undefined ? this.connections.get(id) : undefined;
    if (!conn || conn.closed || conn.socket.destroyed) return false;
    conn.write(buf);
    if (closeAfter) conn.endAfterWrites();
    return true;
  }

  /**
   * add_tcp_alias: requests sent to the connection's peer address at `port` go on this
   * connection (the peer's listening port, behind a NAT or a client that connects from an
   * ephemeral port). False when the connection is not ours or closed.
   */
  alias(conId: number, port: number): boolean {
    const conn = this.connections.get(conId);
    if (!conn || conn.closed) return false;
    this.peers.alias(conId, conn.peer.srcIp, port);
    return true;
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.untrackTls?.();
    for (const raw of this.handshaking.values()) raw.destroy();
    for (const c of this.connections.values()) c.socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so v4 peers look alike on dual-stack sockets. */
export function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
