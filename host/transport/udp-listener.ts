// One UDP socket: receives datagrams (IPv4 or IPv6) and sends from the same socket, so
// replies leave from the address the request reached (what NATs and rport expect).
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { MessageHandler } from './types.js';

const UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

export class UdpListener {
  private readonly socket: dgram.Socket;

  constructor(
    readonly ip: string,
    readonly port: number,
    private readonly onMessage: MessageHandler,
    private readonly maxBytes: number,
    private readonly onOversize: () => void,
  ) {
    this.socket = dgram.createSocket({ type: isIPv6(ip) ? 'udp6' : 'udp4', reuseAddr: false, ipv6Only: isIPv6(ip) });
    this.socket.on('message', (buf, r) => {
      if (buf.length > this.maxBytes) return this.onOversize();
      this.onMessage(buf, {
        proto: 'udp',
        srcIp: r.address,
        srcPort: r.port,
        rcvIp: this.ip,
        rcvPort: this.port,
        conId: 0,
        receivedAt: Date.now(),
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
        resolve();
      });
    });
  }

  send(buf: Buffer, ip: string, port: number): void {
    this.socket.send(buf, port, ip);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
