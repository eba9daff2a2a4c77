// One UDP socket: receives datagrams (IPv4 or IPv6) and sends from the same socket, so
// replies leave from the address the request reached (what NATs and rport expect).
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { MessageHandler } from './types.js';
import { UdpWaitProbe } from './udp-wait-probe.js';
import { literalLookup } from './literal-lookup.js';
import { UdpSendBatch } from './udp-send-batch.js';

const UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

export class UdpListener {
  private readonly socket: dgram.Socket;
  private readonly probe: UdpWaitProbe;
  /** Told of every datagram read, before anything else looks at it (probes and oversized ones too): Transports counts the turns' reads. */
  onRead: (() => void) | null = null;

  constructor(
    readonly ip: string,
    readonly port: number,
    private readonly onMessage: MessageHandler,
    private readonly maxBytes: number,
    private readonly onOversize: () => void,
  ) {
    const ipv6 = isIPv6(ip);
    this.socket = dgram.createSocket({ type: ipv6 ? 'udp6' : 'udp4', reuseAddr: false, ipv6Only: ipv6, lookup: literalLookup as never });
    this.probe = new UdpWaitProbe(ip);
    this.socket.on('message', (buf, r) => {
      this.onRead?.();
      if (this.probe.taken(buf, r.port)) return;
      if (buf.length > this.maxBytes) return this.onOversize();
      const now = Date.now();
      this.onMessage(buf, {
        proto: 'udp',
        srcIp: r.address,
        srcPort: r.port,
        rcvIp: this.ip,
        rcvPort: this.port,
        conId: 0,
        // when it reached the kernel's queue, as far as the probe tells (udp-wait-probe.ts):
        // while overloaded, a new request that waited past overload.udp_max_wait_ms is shed
        receivedAt: now - this.probe.waitedAtLeastMs(now),
      });
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(this.port, this.ip, () => {
        this.socket.off('error', reject);
        // A large receive buffer rides out bursts while a route runs (the kernel caps it at
        // net.core.rmem_max); what still overflows is what a UDP peer retransmits.
        try {
          this.socket.setRecvBufferSize(UDP_RECEIVE_BUFFER);
        } catch {
          /* kept at the system default */
        }
        this.socket.on('error', () => {}); // ICMP errors on send surface here; a send failure is not fatal
        this.probe.open(this.socket.address().port).then(resolve);
      });
    });
  }

  /** The socket itself, for the copies of its descriptor a worker sends from (host/transport/udp-copies.ts); nothing else. */
  get socketForCopies(): dgram.Socket {
    return this.socket;
  }

  /** The port the socket is bound to (the one asked for, or the kernel's pick for 0). */
  boundPort(): number {
    return this.socket.address().port;
  }

  /** Sends at the end of this turn of the event loop, in order (udp-send-batch.ts; no callback:
   *  a failure is an ICMP error on the socket, ignored above). The buffer is handed to the kernel
   *  as it is, no copy: the caller does not change it afterwards (every sender builds a new one). */
  send(buf: Buffer, ip: string, port: number): void {
    this.sends.push(this.socket, buf, port, ip);
  }

  /** Sends wait for the end of the turn (udp-send-batch.ts). */
  private readonly sends = new UdpSendBatch();

  private closing: Promise<void> | null = null;

  /** Closes the socket; a second call waits for the first (dgram throws on closing twice). */
  close(): Promise<void> {
    this.probe.close();
    if (!this.closing) this.sends.flush();
    return (this.closing ??= new Promise((resolve) => this.socket.close(() => resolve())));
  }
}
