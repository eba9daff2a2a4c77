// One TCP listening socket and its connections. Each connection frames its stream with
// TcpFramer; a stream that breaks a limit (size, header count, idle time, no Content-Length)
// is closed and counted: SIP over TCP cannot resynchronise after a framing error.
import net from 'node:net';
import { FramingError, TcpFramer, type FramerLimits } from './tcp-framer.js';
import type { MessageHandler } from './types.js';

export interface TcpLimits extends FramerLimits {
  idleTimeoutMs: number;
  maxConnections: number;
}

export interface TcpEvents {
  onStreamDropped(reason: string, peer: string): void;
  onRefused(): void;
}

export class TcpListener {
  private readonly server: net.Server;
  /** Open connections by id, for replies that must go back on the connection they came on. */
  readonly connections = new Map<number, net.Socket>();
  /** The newest connection to a peer "ip|port", to reuse for requests sent there. */
  private readonly byPeer = new Map<string, number>();

  constructor(
    readonly ip: string,
    readonly port: number,
    private readonly onMessage: MessageHandler,
    private readonly limits: TcpLimits,
    private readonly events: TcpEvents,
    private readonly nextId: () => number,
  ) {
    this.server = net.createServer((socket) => void this.accept(socket));
    this.server.maxConnections = limits.maxConnections;
    this.server.on('drop', () => events.onRefused());
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host: this.ip, port: this.port, ipv6Only: this.ip.includes(':') }, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** An incoming connection, or one we opened: both are framed and answered alike. */
  private accept(socket: net.Socket, peerIp?: string, peerPort?: number): number {
    const id = this.nextId();
    const framer = new TcpFramer(this.limits);
    const srcIp = normaliseIp(peerIp ?? socket.remoteAddress ?? '');
    const srcPort = peerPort ?? socket.remotePort ?? 0;
    const peer = `${srcIp}|${srcPort}`;
    this.connections.set(id, socket);
    this.byPeer.set(peer, id);
    socket.setNoDelay(true);
    socket.setTimeout(this.limits.idleTimeoutMs, () => this.drop(socket, 'idle timeout', peer));
    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch (e) {
        if (e instanceof FramingError) return this.drop(socket, e.message, peer);
        throw e;
      }
      for (const buf of messages) {
        this.onMessage(buf, { proto: 'tcp', srcIp, srcPort, rcvIp: this.ip, rcvPort: this.port, conId: id, receivedAt: Date.now() });
        if (socket.destroyed) return;
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.connections.delete(id);
      if (this.byPeer.get(peer) === id) this.byPeer.delete(peer);
    });
    return id;
  }

  /**
   * Opens a connection to ip:port and writes buf once it is up. The connection then carries
   * requests and replies both ways like an accepted one. onError is called when it cannot
   * connect within connectTimeoutMs or is refused.
   */
  connect(buf: Buffer, ip: string, port: number, connectTimeoutMs: number, onError?: (reason: string) => void): void {
    const socket = net.connect({ host: ip, port, localAddress: this.ip === '0.0.0.0' || this.ip === '::' ? undefined : this.ip });
    const id = this.accept(socket, ip, port);
    const timer = setTimeout(() => fail('connect timeout'), connectTimeoutMs);
    let failed = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      socket.destroy();
      onError?.(reason);
    };
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.write(buf);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (!socket.connecting && socket.bytesWritten > 0) return;
      fail(e.code ?? e.message);
    });
    void id;
  }

  private drop(socket: net.Socket, reason: string, peer: string): void {
    if (socket.destroyed) return;
    this.events.onStreamDropped(reason, peer.replace('|', ':'));
    socket.destroy();
  }

  /** Sends on connection `conId` if it is still open, else on any open connection to ip:port. */
  send(buf: Buffer, ip: string, port: number, conId?: number): boolean {
    const id = conId !== undefined && this.connections.has(conId) ? conId : this.byPeer.get(`${ip}|${port}`);
    const socket = id !== undefined ? this.connections.get(id) : undefined;
    if (!socket || socket.destroyed) return false;
    socket.write(buf);
    return true;
  }

  close(): Promise<void> {
    for (const s of this.connections.values()) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so v4 peers look alike on dual-stack sockets. */
export function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
