// One `ws:` or `wss:` listening socket (RFC 7118) and its connections: an HTTP(S) server that
// upgrades only requests for the `sip` subprotocol from an allowed Origin, on the `ws`
// library (noServer: the sockets, the table and the deadlines stay ours).
//
// The table is TCP's (tcp-listener.ts): it counts every accepted socket from its first byte,
// upgraded or not, so a source holding tcp.max_connections_per_source is refused more, and a
// full table evicts the idlest socket of the source holding the most. A socket that has not
// finished its TLS handshake and its upgrade within tcp.header_timeout_ms is closed
// (slowloris on the upgrade, a handshake flood).
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type tls from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import { normaliseIp } from './tcp-listener.js';
import { KernelQueueCheck } from './tcp-send-queue.js';
import { PeerIndex } from './peer-index.js';
import { listenStream } from './listen-stream.js';
import { SourceTable } from './source-table.js';
import type { TcpLimits } from './tcp-settings.js';
import { TurnScheduler } from './tcp-turns.js';
import type { TlsEndpoint } from './tls-endpoint.js';
import type { MessageHandler } from './types.js';
import { WsConnection, type WsConnectionCloseReason, type WsConnectionHooks } from './ws-connection.js';
import { originAllowed, type WsSettings } from './ws-settings.js';

export interface WsEvents {
  /** We closed a socket or refused one, for `reason`. */
  onClosed(reason: WsConnectionCloseReason, peer: string, detail: string): void;
  onReadPaused(): void;
  onBadFrame(): void;
  /** A wss TLS handshake failed (the socket is closed by node:tls). */
  onTlsFailed(peer: string, detail: string): void;
}

/** An accepted socket: waiting for its upgrade, then carrying a WebSocket connection. */
interface Slot {
  key: string;
  srcIp: string;
  srcPort: number;
  socket: net.Socket;
  acceptedAt: number;
  conn?: WsConnection;
}

/** The subprotocol RFC 7118 registers. */
const SIP_SUBPROTOCOL = 'sip';

export class WsListener {
  private readonly server: http.Server | https.Server;
  private readonly wss: WebSocketServer;
  readonly connections = new Map<number, WsConnection>();
  /** Every accepted socket by "ip|port" of its peer, upgraded or not. */
  private readonly slots = new Map<string, Slot>();
  private readonly bySource = new SourceTable<Slot>();
  /** The connection reaching a peer: by "ip|port" and by add_tcp_alias's ports (peer-index.ts). */
  private readonly peers = new PeerIndex();
  private readonly hooks: WsConnectionHooks;
  private readonly sweeper: NodeJS.Timeout;
  /** Looks at the kernel's send queues of the connections written much (tcp-send-queue.ts). */
  private readonly kernelQueues = new KernelQueueCheck();
  /** Connections we closed that are still saying goodbye (close frame, grace time): ended at stop. */
  private readonly closing = new Set<WebSocket>();
  /** Stops the TLS endpoint reloading this server's certificate (wss). */
  private readonly untrack: () => void;

  constructor(
    readonly ip: string,
    readonly port: number,
    readonly proto: 'ws' | 'wss',
    onMessage: MessageHandler,
    private readonly limits: TcpLimits,
    private readonly settings: WsSettings,
    private readonly events: WsEvents,
    private readonly nextId: () => number,
    turns: TurnScheduler = new TurnScheduler(),
    /** wss: the certificates in service, reloaded with the script (tls-endpoint.ts). */
    tlsEndpoint: TlsEndpoint | null = null,
  ) {
    if (proto === 'wss' && !tlsEndpoint) throw new Error(`listen 'wss:${ip}:${port}' needs tls.certificate and tls.private_key`);
    const httpOptions = { headersTimeout: limits.headerTimeoutMs, requestTimeout: limits.headerTimeoutMs, maxHeaderSize: 16 * 1024 };
    if (proto === 'wss' && tlsEndpoint) {
      const server = https.createServer({ ...tlsEndpoint.serverOptions(), ...httpOptions });
      this.untrack = tlsEndpoint.track(server);
      this.server = server;
    } else {
      this.server = http.createServer(httpOptions);
      this.untrack = () => {};
    }
    this.server.maxHeadersCount = limits.maxHeaders;
    this.wss = new WebSocketServer({
      noServer: true, maxPayload: settings.maxMessageBytes, perMessageDeflate: false, clientTracking: false,
      // one frame per turn of the event loop and connection: a chunk of a thousand tiny frames is
      // not turned into a thousand queued messages at once (memory, fairness), it waits in the socket
      allowSynchronousEvents: false,
      handleProtocols: (offered) => [...offered].find((p) => p.toLowerCase() === SIP_SUBPROTOCOL) ?? false,
    });
    // our listener answers a bad handshake (and counts it) instead of the library
    this.wss.on('wsClientError', (err: Error, socket: net.Socket) => this.refuse(socket, 400, 'Bad Request', err.message));
    this.server.on('connection', (socket: net.Socket) => this.accept(socket));
    this.server.on('request', (req, res) => this.plainRequest(req, res));
    this.server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => this.upgrade(req, socket, head));
    this.server.on('clientError', (err: Error & { code?: string }, socket: net.Socket) => this.clientError(err, socket));
    this.server.on('tlsClientError', (err: Error & { code?: string }, socket: tls.TLSSocket) => {
      events.onTlsFailed(`${normaliseIp(socket.remoteAddress ?? '')}:${socket.remotePort ?? 0}`, err.code ?? err.message);
    });
    this.hooks = {
      onMessage,
      onClose: (conn, reason, detail) => {
        this.forgetConnection(conn);
        if (conn.ws.readyState !== conn.ws.CLOSED) {
          this.closing.add(conn.ws);
          conn.ws.once('close', () => this.closing.delete(conn.ws));
        }
        events.onClosed(reason, `${conn.peer.srcIp}:${conn.peer.srcPort}`, detail);
      },
      onGone: (conn) => this.forgetConnection(conn),
      onReadPaused: () => events.onReadPaused(),
      onBadFrame: () => events.onBadFrame(),
      turns,
    };
    const quarters = [limits.headerTimeoutMs, limits.sendTimeoutMs, settings.pongTimeoutMs, settings.keepaliveIntervalMs || Infinity].map((v) => v / 4);
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(1000, ...quarters))).unref();
  }

  get secure(): boolean {
    return this.proto === 'wss';
  }

  listen(): Promise<void> {
    return listenStream(this.server, this.ip, this.port);
  }

  /** Open WebSocket connections (sockets still in their handshake not counted). */
  get size(): number {
    return this.connections.size;
  }

  /** Every TCP socket, from its first byte: the table's bounds apply before any TLS or HTTP work. */
  private accept(socket: net.Socket): void {
    socket.on('error', () => {});
    const srcIp = normaliseIp(socket.remoteAddress ?? '');
    const srcPort = socket.remotePort ?? 0;
    if (!this.makeRoom(srcIp, srcPort, socket)) return;
    const slot: Slot = { key: `${srcIp}|${srcPort}`, srcIp, srcPort, socket, acceptedAt: Date.now() };
    this.slots.set(slot.key, slot);
    this.bySource.add(srcIp, slot);
    socket.once('close', () => this.forgetSlot(slot));
  }

  private makeRoom(srcIp: string, srcPort: number, socket: net.Socket): boolean {
    const held = this.bySource.held(srcIp);
    if (held >= this.limits.maxConnectionsPerSource) {
      socket.destroy();
      this.events.onClosed('source-limit', `${srcIp}:${srcPort}`, `${held} connections already open from ${srcIp}`);
      return false;
    }
    if (this.slots.size >= this.limits.maxConnections) {
      // the idlest of the source holding the most (one still in its handshake: idle since accepted)
      const victim = this.bySource.evictionCandidate((s) => s.conn?.lastReadAt ?? s.acceptedAt);
      if (victim) this.closeSlot(victim, 'evicted', `table full (${this.slots.size}); idlest of the source holding the most`);
    }
    return true;
  }

  private closeSlot(slot: Slot, reason: WsConnectionCloseReason, detail: string): void {
    if (slot.conn) return slot.conn.close(reason, detail);
    slot.socket.destroy();
    this.forgetSlot(slot);
    this.events.onClosed(reason, `${slot.srcIp}:${slot.srcPort}`, detail);
  }

  /** A plain HTTP request: this port speaks SIP over WebSocket only. */
  private plainRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.shouldKeepAlive = false;
    res.writeHead(426, { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': SIP_SUBPROTOCOL, Connection: 'close', 'Content-Type': 'text/plain' });
    res.end(`expected a WebSocket upgrade with Sec-WebSocket-Protocol: ${SIP_SUBPROTOCOL} (RFC 7118), got ${req.method ?? '?'} without one\n`);
    this.events.onClosed('handshake-refused', `${normaliseIp(req.socket.remoteAddress ?? '')}:${req.socket.remotePort ?? 0}`, 'plain HTTP request');
  }

  private upgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    socket.on('error', () => {});
    const srcIp = normaliseIp(socket.remoteAddress ?? '');
    const slot = this.slots.get(`${srcIp}|${socket.remotePort ?? 0}`);
    if (!slot || slot.conn) return void socket.destroy();
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim().toLowerCase());
    if (!offered.includes(SIP_SUBPROTOCOL)) {
      return this.refuse(socket, 400, 'Bad Request', `expected Sec-WebSocket-Protocol: ${SIP_SUBPROTOCOL} (RFC 7118), got ${JSON.stringify(req.headers['sec-websocket-protocol'] ?? 'none')}`);
    }
    const origin = req.headers.origin;
    if (!originAllowed(origin, this.settings.allowedOrigins)) {
      return this.refuse(socket, 403, 'Forbidden', `Origin ${JSON.stringify(origin)} is not in websocket.allowed_origins`);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.opened(slot, ws, socket));
  }

  private opened(slot: Slot, ws: WebSocket, socket: net.Socket): void {
    if (socket.destroyed) return;
    const id = this.nextId();
    const peer = { proto: this.proto, srcIp: slot.srcIp, srcPort: slot.srcPort, rcvIp: this.ip, rcvPort: this.port };
    const conn = new WsConnection(id, ws, socket, peer, this.limits, this.settings, this.hooks);
    slot.conn = conn;
    this.connections.set(id, conn);
    this.peers.add(id, conn.key);
  }

  /** Bad HTTP before an upgrade: answered 400 and counted; a peer that went away is only let go. */
  private clientError(err: Error & { code?: string }, socket: net.Socket): void {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    this.refuse(socket, 400, 'Bad Request', `${err.code ?? 'bad HTTP'}: ${err.message}`);
  }

  /** Answers a handshake we refuse (the reason in the body and a log line) and closes the socket. */
  private refuse(socket: net.Socket, status: number, text: string, why: string): void {
    if (socket.writable) {
      const body = `${why}\n`;
      socket.end(`HTTP/1.1 ${status} ${text}\r\nSec-WebSocket-Protocol: ${SIP_SUBPROTOCOL}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    setTimeout(() => socket.destroy(), 1000).unref();
    this.events.onClosed('handshake-refused', `${normaliseIp(socket.remoteAddress ?? '')}:${socket.remotePort ?? 0}`, `${status}: ${why}`);
  }

  private forgetConnection(conn: WsConnection): void {
    if (this.connections.get(conn.id) !== conn) return;
    this.connections.delete(conn.id);
    this.peers.forget(conn.id, conn.key);
    const slot = this.slots.get(conn.key);
    if (slot) this.forgetSlot(slot);
  }

  private forgetSlot(slot: Slot): void {
    if (this.slots.get(slot.key) !== slot) return;
    this.slots.delete(slot.key);
    this.bySource.delete(slot.srcIp, slot);
    if (slot.conn) this.forgetConnection(slot.conn);
  }

  private sweep(): void {
    const now = Date.now();
    for (const slot of [...this.slots.values()]) {
      if (slot.conn) slot.conn.sweep(now);
      else if (now - slot.acceptedAt > this.limits.headerTimeoutMs) {
        this.closeSlot(slot, 'handshake-timeout', `no WebSocket upgrade ${now - slot.acceptedAt} ms after connecting (tcp.header_timeout_ms)`);
      }
    }
    void this.kernelQueues.look(this.connections.values());
  }

  /** Sends on connection `conId` if open, else on the connection to ip:port (or an alias of one). */
  send(buf: Buffer, ip: string, port: number, conId?: number, closeAfter = false): boolean {
    const id = conId !== undefined && this.connections.has(conId) ? conId : this.peers.find(ip, port);
    const conn = id !== undefined ? this.connections.get(id) : undefined;
    // a connection the peer is closing takes nothing more: the send fails at once
    if (!conn || conn.closed || conn.ws.readyState !== conn.ws.OPEN) return false;
    conn.write(buf);
    if (closeAfter) conn.endAfterWrites();
    return true;
  }

  /** add_tcp_alias for a WebSocket connection: requests to its peer's address at `port` go on it. */
  alias(conId: number, port: number): boolean {
    const conn = this.connections.get(conId);
    if (!conn || conn.closed) return false;
    this.peers.alias(conId, conn.peer.srcIp, port);
    return true;
  }

  /** The peer of connection conId, when it is ours and open. */
  peerOf(conId: number): { ip: string; port: number } | null {
    const c = this.connections.get(conId);
    return c && !c.closed ? { ip: c.peer.srcIp, port: c.peer.srcPort } : null;
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.untrack();
    for (const slot of this.slots.values()) slot.socket.destroy();
    for (const c of this.connections.values()) c.ws.terminate();
    for (const ws of this.closing) ws.terminate();
    this.wss.close();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
