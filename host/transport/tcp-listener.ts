// One TCP listening socket and its connections. Each connection frames its stream and is
// served a bounded number of messages per turn (tcp-connection.ts); a stream that breaks a
// limit (size, header count, no Content-Length, message deadline, idle time, replies not
// read) is closed and counted: SIP over TCP cannot resynchronise after a framing error.
//
// The table is bounded so that a new client always gets in: a source (IP address) holding
// maxConnectionsPerSource is refused further ones, and when the table is full a new
// connection evicts the idlest connection of the source holding the most.
import net from 'node:net';
import { TcpConnection, type ConnectionHooks } from './tcp-connection.js';
import { readTcpSendQueues, procKey } from './tcp-send-queue.js';
import { TurnScheduler } from './tcp-turns.js';
import type { CloseReason, TcpLimits } from './tcp-settings.js';
import type { MessageHandler } from './types.js';

export type { TcpLimits } from './tcp-settings.js';

export interface TcpEvents {
  /** We closed a connection (or refused one: 'source-limit'). */
  onClosed(reason: CloseReason, peer: string, detail: string): void;
  onReadPaused(): void;
}

export class TcpListener {
  private readonly server: net.Server;
  /** Open connections by id, for replies that must go back on the connection they came on. */
  readonly connections = new Map<number, TcpConnection>();
  /** The newest connection to a peer "ip|port", to reuse for requests sent there. */
  private readonly byPeer = new Map<string, number>();
  /** Extra "ip|port" keys of a connection (add_tcp_alias), forgotten with it. */
  private readonly aliases = new Map<number, string[]>();
  /** Open connections per source address. */
  private readonly bySource = new Map<string, Set<TcpConnection>>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly hooks: ConnectionHooks;
  /** A look at the kernel's send queues is under way. */
  private checkingKernel = false;

  constructor(
    readonly ip: string,
    readonly port: number,
    onMessage: MessageHandler,
    private readonly limits: TcpLimits,
    private readonly events: TcpEvents,
    private readonly nextId: () => number,
    turns: TurnScheduler = new TurnScheduler(),
  ) {
    this.server = net.createServer((socket) => void this.accept(socket));
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
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host: this.ip, port: this.port, ipv6Only: this.ip.includes(':'), backlog: 4096 }, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  get size(): number {
    return this.connections.size;
  }

  /** An incoming connection, or one we opened: both are framed and answered alike. */
  private accept(socket: net.Socket, peerIp?: string, peerPort?: number): number | null {
    const srcIp = normaliseIp(peerIp ?? socket.remoteAddress ?? '');
    const srcPort = peerPort ?? socket.remotePort ?? 0;
    socket.on('error', () => {});
    if (!this.makeRoom(srcIp, socket, srcPort)) return null;
    const id = this.nextId();
    const conn = new TcpConnection(id, socket, { srcIp, srcPort, rcvIp: this.ip, rcvPort: this.port }, this.limits, this.hooks);
    this.connections.set(id, conn);
    this.byPeer.set(conn.key, id);
    let set = this.bySource.get(srcIp);
    if (!set) this.bySource.set(srcIp, (set = new Set()));
    set.add(conn);
    socket.setNoDelay(true);
    socket.setTimeout(this.limits.idleTimeoutMs, () => conn.close('idle', `nothing read or written for ${this.limits.idleTimeoutMs} ms`));
    socket.on('close', () => this.forget(conn));
    return id;
  }

  /** Refuses a source at its limit; when the table is full, evicts to make one place. */
  private makeRoom(srcIp: string, socket: net.Socket, srcPort: number): boolean {
    const held = this.bySource.get(srcIp)?.size ?? 0;
    if (held >= this.limits.maxConnectionsPerSource) {
      socket.destroy();
      this.events.onClosed('source-limit', `${srcIp}:${srcPort}`, `${held} connections already open from ${srcIp}`);
      return false;
    }
    if (this.connections.size >= this.limits.maxConnections) {
      const victim = this.evictionCandidate();
      victim?.close('evicted', `table full (${this.connections.size}); idlest of the source holding the most`);
    }
    return true;
  }

  /** The idlest connection of the source holding the most connections. */
  private evictionCandidate(): TcpConnection | undefined {
    let biggest: Set<TcpConnection> | undefined;
    for (const set of this.bySource.values()) if (!biggest || set.size > biggest.size) biggest = set;
    let victim: TcpConnection | undefined;
    for (const c of biggest ?? []) if (!victim || c.lastReadAt < victim.lastReadAt) victim = c;
    return victim;
  }

  private forget(conn: TcpConnection): void {
    if (this.connections.get(conn.id) !== conn) return;
    this.connections.delete(conn.id);
    for (const key of [conn.key, ...(this.aliases.get(conn.id) ?? [])]) if (this.byPeer.get(key) === conn.id) this.byPeer.delete(key);
    this.aliases.delete(conn.id);
    const set = this.bySource.get(conn.peer.srcIp);
    set?.delete(conn);
    if (set?.size === 0) this.bySource.delete(conn.peer.srcIp);
  }

  private sweep(): void {
    const now = Date.now();
    for (const c of [...this.connections.values()]) c.sweep(now);
    void this.checkKernelQueues();
  }

  /** Looks at the kernel's send queue of the connections written much since the last look. */
  private async checkKernelQueues(): Promise<void> {
    if (this.checkingKernel) return;
    const suspects = [...this.connections.values()].filter((c) => c.needsKernelCheck);
    if (suspects.length === 0) return;
    this.checkingKernel = true;
    try {
      const queues = await readTcpSendQueues(suspects.map((c) => c.socket));
      const now = Date.now();
      for (const c of suspects) {
        const key = procKey(c.socket);
        const bytes = key === null ? undefined : queues.get(key);
        if (bytes !== undefined) c.noteKernelQueue(bytes, now);
      }
    } finally {
      this.checkingKernel = false;
    }
  }

  /**
   * Opens a connection to ip:port and writes buf once it is up. The connection then carries
   * requests and replies both ways like an accepted one. onError is called when it cannot
   * connect within connectTimeoutMs or is refused.
   */
  connect(buf: Buffer, ip: string, port: number, connectTimeoutMs: number, onError?: (reason: string) => void, closeAfter = false): void {
    const socket = net.connect({ host: ip, port, localAddress: this.ip === '0.0.0.0' || this.ip === '::' ? undefined : this.ip });
    let failed = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      socket.destroy();
      onError?.(reason);
    };
    const timer = setTimeout(() => fail('connect timeout'), connectTimeoutMs);
    const id = this.accept(socket, ip, port);
    if (id === null) return fail(`too many connections to ${ip}`);
    socket.once('connect', () => {
      clearTimeout(timer);
      const conn = this.connections.get(id);
      conn?.write(buf);
      if (closeAfter) conn?.endAfterWrites();
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (!socket.connecting && socket.bytesWritten > 0) return;
      fail(e.code ?? e.message);
    });
  }

  /**
   * Sends on connection `conId` if it is still open, else on any open connection to ip:port
   * (its own address or an alias); `closeAfter` ends it once the bytes are written.
   */
  send(buf: Buffer, ip: string, port: number, conId?: number, closeAfter = false): boolean {
    const id = conId !== undefined && this.connections.has(conId) ? conId : this.byPeer.get(`${ip}|${port}`);
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
    const key = `${conn.peer.srcIp}|${port}`;
    this.byPeer.set(key, conId);
    const keys = this.aliases.get(conId) ?? [];
    if (!keys.includes(key)) this.aliases.set(conId, [...keys, key]);
    return true;
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const c of this.connections.values()) c.socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so v4 peers look alike on dual-stack sockets. */
export function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
