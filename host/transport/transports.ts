// All listeners of the server: starts them from the settings and sends a buffer to a
// destination through the right one.
import { isIPv6 } from 'node:net';
import type { ListenAddress } from '../config/settings.js';
import { normaliseIp, TcpListener, type TcpLimits } from './tcp-listener.js';
import { OutboundGuard } from './outbound-guard.js';
import { DEFAULT_OUTBOUND } from './outbound-policy.js';
import { UdpListener } from './udp-listener.js';
import type { Destination, MessageHandler, TransportCounters } from './types.js';

export interface TransportLog {
  warn(obj: object, msg: string): void;
}

export class Transports {
  readonly udp: UdpListener[] = [];
  readonly tcp: TcpListener[] = [];
  readonly counters: TransportCounters = { udpDropped: 0, tcpStreamsDropped: 0, tcpConnectionsRefused: 0, outboundDenied: 0 };
  private conIds = 0;

  constructor(
    private readonly addresses: readonly ListenAddress[],
    private readonly onMessage: MessageHandler,
    private readonly limits: { udpMaxBytes: number; tcp: TcpLimits; tcpConnectTimeoutMs?: number },
    private readonly log: TransportLog,
    /** Where sends may go (outbound-guard.ts): every send below passes it, whoever calls. */
    readonly guard: OutboundGuard = new OutboundGuard(DEFAULT_OUTBOUND, log),
  ) {}

  async start(): Promise<void> {
    for (const a of this.addresses) {
      if (a.proto === 'udp') {
        const l = new UdpListener(a.ip, a.port, this.onMessage, this.limits.udpMaxBytes, () => this.counters.udpDropped++);
        await l.listen();
        this.udp.push(l);
      } else {
        const l = new TcpListener(a.ip, a.port, this.onMessage, this.limits.tcp, {
          onStreamDropped: (reason, peer) => {
            this.counters.tcpStreamsDropped++;
            this.log.warn({ peer, reason }, 'TCP stream dropped');
          },
          onRefused: () => this.counters.tcpConnectionsRefused++,
        }, () => ++this.conIds);
        await l.listen();
        this.tcp.push(l);
      }
    }
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
      const l = this.pick(this.udp, dst.ip, from);
      if (!l) return fail(onError, `no UDP listener for ${dst.ip}`);
      l.send(buf, dst.ip, dst.port);
      return true;
    }
    for (const l of this.tcp) if (l.send(buf, dst.ip, dst.port, dst.conId)) return true;
    const l = this.pick(this.tcp, dst.ip, from);
    if (!l) return fail(onError, `no TCP listener for ${dst.ip}`);
    l.connect(buf, dst.ip, dst.port, this.limits.tcpConnectTimeoutMs ?? 5000, onError);
    return true;
  }

  /** Where the bytes really go: over TCP on connection conId, that connection's peer. */
  private peerOf(dst: Destination): { ip: string; port: number } {
    if (dst.proto !== 'tcp' || dst.conId === undefined) return dst;
    for (const l of this.tcp) {
      const s = l.connections.get(dst.conId);
      // a connection still connecting is one we opened, to the address checked when we did
      if (s && !s.destroyed && s.remoteAddress && s.remotePort) return { ip: normaliseIp(s.remoteAddress), port: s.remotePort };
    }
    return dst;
  }

  /** The guard's verdict on a destination; a refusal is counted, logged and reported to onError. */
  permits(proto: string, ip: string, port: number, onError?: (reason: string) => void): boolean {
    const verdict = this.guard.check(ip, port);
    if (verdict.allowed) return true;
    this.counters.outboundDenied++;
    this.guard.logDenied(proto, ip, port, verdict);
    onError?.(`outbound send to ${proto}:${ip}:${port} denied by ${verdict.rule}`);
    return false;
  }

  /** The listener address used toward a family, for Via and Record-Route. */
  localAddress(proto: 'udp' | 'tcp', ipv6: boolean): { ip: string; port: number } | null {
    const l = (proto === 'udp' ? this.udp : this.tcp).find((x) => isIPv6(x.ip) === ipv6);
    return l ? { ip: l.ip, port: l.port } : null;
  }

  private pick<T extends { ip: string; port: number }>(list: T[], ip: string, from?: { ip: string; port: number }): T | undefined {
    const family = isIPv6(ip);
    return (
      (from && list.find((l) => l.ip === from.ip && l.port === from.port)) ?? list.find((l) => isIPv6(l.ip) === family)
    );
  }

  async stop(): Promise<void> {
    await Promise.all([...this.udp, ...this.tcp].map((l) => l.close()));
  }
}

function fail(onError: ((reason: string) => void) | undefined, reason: string): false {
  if (onError) queueMicrotask(() => onError(reason));
  return false;
}
