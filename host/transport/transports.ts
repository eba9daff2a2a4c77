// All listeners of the server: starts them from the settings and sends a buffer to a
// destination through the right one.
import { isIPv6 } from 'node:net';
import { normaliseIp, TcpListener, type TcpLimits } from './tcp-listener.js';
import { OutboundGuard } from './outbound-guard.js';
import { DEFAULT_OUTBOUND } from './outbound-policy.js';
import { UdpListener } from './udp-listener.js';
import { readUdpKernelStats, readUdpKernelStatsAsync, type UdpKernelStats } from './udp-kernel-stats.js';
import type { CloseReason } from './tcp-settings.js';
import { TurnScheduler } from './tcp-turns.js';
import { TlsEndpoint, type TlsReloadOutcome } from './tls-endpoint.js';
import type { TlsSettings } from './tls-settings.js';
import { WsListener } from './ws-listener.js';
import { DEFAULT_WS_SETTINGS, type WsCloseReason, type WsSettings } from './ws-settings.js';
import type { Destination, ListenAddress, MessageHandler, ReceiveInfo, TransportCounters } from './types.js';

/** How often the kernel's UDP drop counters are read in the background (and a rise logged). */
const KERNEL_SAMPLE_MS = 1000;

const CLOSE_COUNTER: Record<CloseReason, keyof TransportCounters> = {
  framing: 'tcpFramingErrors',
  idle: 'tcpIdleTimeouts',
  'header-timeout': 'tcpHeaderTimeouts',
  'send-timeout': 'tcpSendTimeouts',
  'write-overflow': 'tcpWriteOverflows',
  evicted: 'tcpEvicted',
  'source-limit': 'tcpConnectionsRefused',
};

export interface TransportLog {
  /** Optional: a reload of the TLS certificates that went into service. */
  info?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** Datagrams libuv reads from a socket per turn of the loop: a turn that got this many left
 *  more queued, one that got fewer emptied the socket (libuv's read came back EAGAIN). */
const UDP_READ_BATCH = 32;

/**
 * Sees every message read off a socket and every one handed to a socket, once (the SIP trace,
 * host/trace/sip-trace.ts). Set only while a trace runs: when none does, a message costs one
 * null check. TCP sends are reported with the listener's address as their source.
 */
export interface TransportTap {
  received(buf: Buffer, rcv: ReceiveInfo): void;
  sent(buf: Buffer, proto: Destination['proto'], from: { ip: string; port: number }, to: { ip: string; port: number }): void;
}

export class Transports {
  /** The SIP trace's tap while one runs (TransportTap). */
  tap: TransportTap | null = null;
  readonly udp: UdpListener[] = [];
  readonly tcp: TcpListener[] = [];
  /** The `tls:` listeners: TCP listeners behind a TLS handshake (tcp-listener.ts). */
  readonly tls: TcpListener[] = [];
  /** The `ws:` and `wss:` listeners (RFC 7118, ws-listener.ts). */
  readonly ws: WsListener[] = [];
  /** The TLS contexts in service (config `tls:`), null when none are configured. */
  tlsEndpoint: TlsEndpoint | null = null;
  readonly counters: TransportCounters = {
    udpDropped: 0, udpKernelDrops: 0, udpRxQueueBytes: 0,
    tcpStreamsDropped: 0, tcpConnectionsRefused: 0, tcpFramingErrors: 0, tcpIdleTimeouts: 0, tcpHeaderTimeouts: 0,
    tcpSendTimeouts: 0, tcpWriteOverflows: 0, tcpEvicted: 0, tcpReadPauses: 0, tcpConnectionsOpen: 0,
    tlsHandshakeTimeouts: 0, tlsHandshakeFailures: 0,
    wsConnectionsOpen: 0, wsHandshakeRefused: 0, wsHandshakeTimeouts: 0, wsFramesTooLarge: 0, wsBadFrames: 0, wsPongTimeouts: 0,
    outboundDenied: 0,
  };
  private conIds = 0;
  /** Told at the end of each turn of the loop that read UDP datagrams whether it read a full batch (watchUdpTurns). */
  private udpTurnWatch: ((full: boolean) => void) | null = null;
  /** Datagrams read in this turn of the loop, from every UDP socket (reset at its check phase). */
  private udpReadsThisTurn = 0;
  private readonly udpRead = () => {
    if (this.udpReadsThisTurn++ === 0) setImmediate(this.endUdpTurn);
  };
  private readonly endUdpTurn = () => {
    this.udpTurnWatch?.(this.udpReadsThisTurn >= UDP_READ_BATCH);
    this.udpReadsThisTurn = 0;
  };
  private kernelSampler: NodeJS.Timeout | null = null;
  /** One round of turns for the connections of every TCP listener. */
  private readonly tcpTurns = new TurnScheduler();

  constructor(
    private readonly addresses: readonly ListenAddress[],
    private readonly onMessage: MessageHandler,
    private readonly limits: { udpMaxBytes: number; tcp: TcpLimits; tcpConnectTimeoutMs?: number; tls?: TlsSettings; websocket?: WsSettings },
    private readonly log: TransportLog,
    /** Where sends may go (outbound-guard.ts): every send below passes it, whoever calls. */
    readonly guard: OutboundGuard = new OutboundGuard(DEFAULT_OUTBOUND, log),
  ) {}

  /** Every message read off any socket passes here: the tap sees it, then the handler. */
  private readonly received: MessageHandler = (buf, rcv) => {
    if (this.tap) this.tap.received(buf, rcv);
    this.onMessage(buf, rcv);
  };

  async start(): Promise<void> {
    // the certificate files are read now: one that cannot be read stops the start, naming it
    if (this.limits.tls) this.tlsEndpoint = new TlsEndpoint(this.limits.tls);
    for (const a of this.addresses) {
      if (a.proto === 'udp') {
        const l = new UdpListener(a.ip, a.port, this.received, this.limits.udpMaxBytes, () => this.counters.udpDropped++);
        if (this.udpTurnWatch) l.onRead = this.udpRead;
        await l.listen();
        this.udp.push(l);
      } else if (a.proto === 'tcp' || a.proto === 'tls') {
        const l = this.streamListener(a.proto, a.ip, a.port);
        await l.listen();
        (a.proto === 'tls' ? this.tls : this.tcp).push(l);
      } else if (a.proto === 'ws' || a.proto === 'wss') {
        const l = this.wsListener(a.proto, a.ip, a.port);
        await l.listen();
        this.ws.push(l);
      }
    }
    if (this.udp.length > 0) {
      this.kernelSampler = setInterval(() => void this.sampleKernel(), KERNEL_SAMPLE_MS).unref();
    }
  }

  /** A TCP listener, or (`tls`) one whose connections do a TLS handshake first. */
  private streamListener(proto: 'tcp' | 'tls', ip: string, port: number): TcpListener {
    if (proto === 'tls' && !this.tlsEndpoint) throw new Error(`listen 'tls:${ip}:${port}' needs tls.certificate and tls.private_key`);
    return new TcpListener(ip, port, this.received, this.limits.tcp, {
      onClosed: (reason, peer, detail) => this.onTcpClosed(reason, peer, detail),
      onReadPaused: () => this.counters.tcpReadPauses++,
      onHandshakeFailed: (timeout, peer, detail) => this.onHandshakeFailed(timeout, peer, detail),
    }, () => ++this.conIds, this.tcpTurns, proto === 'tls' ? this.tlsEndpoint : null);
  }

  private onHandshakeFailed(timeout: boolean, peer: string, detail: string): void {
    this.counters[timeout ? 'tlsHandshakeTimeouts' : 'tlsHandshakeFailures']++;
    // floods of them come under attack: not worth a warning each
    this.log.debug({ peer, reason: detail }, timeout ? 'TLS handshake timed out' : 'TLS handshake failed');
  }

  /** A `ws:` or `wss:` listener: the TCP table's bounds, the turns shared with TCP, the TLS certificates (wss). */
  private wsListener(proto: 'ws' | 'wss', ip: string, port: number): WsListener {
    const settings = this.limits.websocket ?? DEFAULT_WS_SETTINGS;
    return new WsListener(ip, port, proto, this.received, this.limits.tcp, settings, {
      onClosed: (reason, peer, detail) => this.onWsClosed(reason, peer, detail),
      onReadPaused: () => this.counters.tcpReadPauses++,
      onBadFrame: () => this.counters.wsBadFrames++,
      onTlsFailed: (peer, detail) => this.onHandshakeFailed(false, peer, detail),
    }, () => ++this.conIds, this.tcpTurns, proto === 'wss' ? this.tlsEndpoint : null);
  }

  /** WebSocket reasons have their own counters; the table's (idle, eviction...) count with TCP's. */
  private onWsClosed(reason: CloseReason | WsCloseReason, peer: string, detail: string): void {
    const own: Record<WsCloseReason, keyof TransportCounters> = {
      'handshake-refused': 'wsHandshakeRefused', 'handshake-timeout': 'wsHandshakeTimeouts',
      'frame-too-large': 'wsFramesTooLarge', 'bad-frames': 'tcpFramingErrors', 'pong-timeout': 'wsPongTimeouts',
    };
    if (reason in own) this.counters[own[reason as WsCloseReason]]++;
    else this.onTcpClosed(reason as CloseReason, peer, detail);
    if (reason === 'bad-frames') this.counters.tcpStreamsDropped++;
    if (reason in own) this.log.debug({ peer, reason, detail }, 'WebSocket connection closed');
  }

  /**
   * Reads the TLS certificate files again and swaps them into every TLS server (the script
   * reload calls it); null when no TLS is configured. On failure the running ones stay.
   */
  reloadTls(): TlsReloadOutcome | null {
    if (!this.tlsEndpoint) return null;
    const r = this.tlsEndpoint.reload();
    if (r.ok) this.log.info?.({}, 'TLS certificates reloaded');
    else this.log.warn({ reason: r.error }, 'TLS certificates not reloaded: the running ones stay');
    return r;
  }

  /**
   * Tells `watch`, at the end of every turn of the loop that read UDP datagrams, whether it
   * read libuv's whole batch (more were waiting) or fewer (the sockets were emptied): the
   * overload monitor's UDP signal (load-monitor.ts). Every datagram read counts, probes
   * (udp-wait-probe.ts) and oversized ones too: 31 SIP datagrams and a probe did not empty a socket.
   */
  watchUdpTurns(watch: (full: boolean) => void): void {
    this.udpTurnWatch = watch;
    for (const l of this.udp) l.onRead = this.udpRead;
  }

  /**
   * Bytes waiting in the UDP sockets' receive buffers now (the kernel's rx_queue, read from
   * /proc/net/udp{,6}); null where that file cannot be read. The overload monitor asks how deep
   * a queue it sees standing is (load-monitor.ts).
   */
  udpQueueBytes(): number | null {
    let bytes: number | null = null;
    for (const l of this.udp) {
      const s = readUdpKernelStats(l.ip, l.port);
      if (s) bytes = (bytes ?? 0) + s.rxQueueBytes;
    }
    return bytes;
  }

  /** The counters, with the kernel's UDP figures read now and the open connections counted. */
  snapshot(): TransportCounters {
    this.applyKernel(this.udp.map((l) => readUdpKernelStats(l.ip, l.port)));
    this.counters.tcpConnectionsOpen = [...this.tcp, ...this.tls].reduce((n, l) => n + l.size, 0);
    this.counters.wsConnectionsOpen = this.ws.reduce((n, l) => n + l.size, 0);
    return { ...this.counters };
  }

  private onTcpClosed(reason: CloseReason, peer: string, detail: string): void {
    this.counters[CLOSE_COUNTER[reason]]++;
    if (reason !== 'source-limit') this.counters.tcpStreamsDropped++;
    // a framing error is the peer's bug, worth a warning; the rest come in floods under attack
    if (reason === 'framing') this.log.warn({ peer, reason: detail }, 'TCP stream dropped');
    else this.log.debug({ peer, reason, detail }, 'TCP connection closed');
  }

  private async sampleKernel(): Promise<void> {
    const before = this.counters.udpKernelDrops;
    this.applyKernel(await Promise.all(this.udp.map((l) => readUdpKernelStatsAsync(l.ip, l.port))));
    const lost = this.counters.udpKernelDrops - before;
    if (lost > 0) this.log.warn({ dropped: lost, rxQueueBytes: this.counters.udpRxQueueBytes }, 'UDP receive buffer overflowed: datagrams dropped by the kernel');
  }

  private applyKernel(stats: (UdpKernelStats | null)[]): void {
    let drops = 0;
    let queued = 0;
    for (const s of stats) {
      drops += s?.drops ?? 0;
      queued += s?.rxQueueBytes ?? 0;
    }
    // a socket missing from /proc for a moment must not make the counter go backwards
    this.counters.udpKernelDrops = Math.max(this.counters.udpKernelDrops, drops);
    this.counters.udpRxQueueBytes = queued;
  }

  /**
   * Sends from the listener that took the message (rcvIp:rcvPort) when known, else the first
   * of the destination's family. TCP reuses an open connection, or opens one (the buffer is
   * written once connected; onError says why it could not be). A destination the outbound
   * guard refuses gets nothing, is counted, and onError is called at once with the rule.
   */
  send(buf: Buffer, dst: Destination, from?: { ip: string; port: number }, onError?: (reason: string) => void): boolean {
    const peer = this.peerOf(dst);
    if (!this.permits(dst.proto, peer.ip, peer.port, onError)) return false;
    if (dst.proto === 'udp') {
      const l = pickListener(this.udp, dst.ip, from);
      if (!l) return fail(onError, `no UDP listener for ${dst.ip}`);
      l.send(buf, dst.ip, dst.port);
      if (this.tap) this.tap.sent(buf, 'udp', l, dst);
      return true;
    }
    if (dst.proto === 'ws' || dst.proto === 'wss') return this.sendWs(buf, dst, peer, onError);
    return this.sendStream(buf, dst, peer, from, onError);
  }

  /**
   * WS or WSS: only over an open connection (by id, else to the peer's address or an alias),
   * whichever of ws/wss it is (a browser's Contact says `transport=ws` over WSS too). A server
   * never opens a WebSocket connection: with none open the send fails at once.
   */
  private sendWs(buf: Buffer, dst: Destination, peer: { ip: string; port: number }, onError?: (reason: string) => void): boolean {
    for (const l of this.ws) {
      if (!l.send(buf, dst.ip, dst.port, dst.conId, dst.close)) continue;
      if (this.tap) this.tap.sent(buf, l.proto, l, peer);
      return true;
    }
    return fail(onError, `no open WebSocket connection to ${dst.ip}:${dst.port}${dst.conId !== undefined ? ` (connection ${dst.conId} is closed)` : ''}: a server does not open WebSocket connections`);
  }

  /** TCP or TLS: on an open connection (by id, else to the peer), else a new one from the listener. */
  private sendStream(buf: Buffer, dst: Destination, peer: { ip: string; port: number }, from?: { ip: string; port: number }, onError?: (reason: string) => void): boolean {
    const proto = dst.proto === 'tls' ? 'tls' : 'tcp';
    const name = proto.toUpperCase();
    const list = proto === 'tls' ? this.tls : this.tcp;
    for (const l of list) {
      if (!l.send(buf, dst.ip, dst.port, dst.conId, dst.close)) continue;
      if (this.tap) this.tap.sent(buf, proto, l, peer);
      return true;
    }
    if (dst.noConnect) return fail(onError, `no open ${name} connection to ${dst.ip}:${dst.port} and no new one may be opened (no-connect)`);
    const l = pickListener(list, dst.ip, from);
    if (!l) return fail(onError, `no ${name} listener for ${dst.ip}${proto === 'tls' ? ' (a tls: listen entry of its family is needed to send over TLS)' : ''}`);
    l.connect(buf, dst.ip, dst.port, this.limits.tcpConnectTimeoutMs ?? 5000, onError, dst.close, dst.host);
    // traced when handed over: a connect that fails later is reported to onError, not to the trace
    if (this.tap) this.tap.sent(buf, proto, l, dst);
    return true;
  }

  /** add_tcp_alias: requests to the peer of connection conId at `port` reuse that connection. */
  addTcpAlias(conId: number, port: number): boolean {
    return this.tcp.some((l) => l.alias(conId, port)) || this.tls.some((l) => l.alias(conId, port)) || this.ws.some((l) => l.alias(conId, port));
  }

  /** Where the bytes really go: over TCP on connection conId, that connection's peer. */
  private peerOf(dst: Destination): { ip: string; port: number } {
    if ((dst.proto === 'ws' || dst.proto === 'wss') && dst.conId !== undefined) {
      for (const l of this.ws) {
        const p = l.peerOf(dst.conId);
        if (p) return p;
      }
      return dst;
    }
    if ((dst.proto !== 'tcp' && dst.proto !== 'tls') || dst.conId === undefined) return dst;
    for (const l of dst.proto === 'tls' ? this.tls : this.tcp) {
      const s = l.connections.get(dst.conId)?.socket;
      // a connection still connecting is one we opened, to the address checked when we did
      if (s && !s.destroyed && s.remoteAddress && s.remotePort) return { ip: normaliseIp(s.remoteAddress), port: s.remotePort };
    }
    return dst;
  }

  /** The guard's verdict on a destination; a refusal is counted, logged and reported to onError. */
  permits(proto: string, ip: string, port: number, onError?: (reason: string) => void): boolean {
    return this.guard.permits(proto, ip, port, this.counters, onError);
  }

  /** The listener address used toward a family, for Via and Record-Route. */
  localAddress(proto: Destination['proto'], ipv6: boolean): { ip: string; port: number } | null {
    const list = proto === 'ws' || proto === 'wss' ? this.ws.filter((x) => x.proto === proto) : proto === 'udp' ? this.udp : proto === 'tls' ? this.tls : this.tcp;
    const l = list.find((x) => isIPv6(x.ip) === ipv6);
    return l ? { ip: l.ip, port: l.port } : null;
  }

  async stop(): Promise<void> {
    if (this.kernelSampler) clearInterval(this.kernelSampler);
    await Promise.all([...this.udp, ...this.tcp, ...this.tls, ...this.ws].map((l) => l.close()));
  }
}

/**
 * The listener a send to `ip` leaves from: the `from` address when it is one of them (the
 * script chose it, or the listener that took the message), else the first of the destination's
 * family (told by a ':': the address is an IP literal, the guard passed it). Per send: plain
 * loops. Also a worker's own UDP copies' choice (bin/worker-thread.ts), so both send from the
 * same socket.
 */
export function pickListener<T extends { ip: string; port: number }>(list: readonly T[], ip: string, from?: { ip: string; port: number }): T | undefined {
  if (from) for (const l of list) if (l.port === from.port && l.ip === from.ip) return l;
  const v6 = ip.includes(':');
  for (const l of list) if (l.ip.includes(':') === v6) return l;
  return undefined;
}

function fail(onError: ((reason: string) => void) | undefined, reason: string): false {
  if (onError) queueMicrotask(() => onError(reason));
  return false;
}
