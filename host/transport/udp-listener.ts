// One UDP socket: receives datagrams (IPv4 or IPv6) and sends from the same socket, so
// replies leave from the address the request reached (what NATs and rport expect).
import dgram from 'node:dgram';
import { lookup as dnsLookup, type LookupOneOptions } from 'node:dns';
import { isIPv6 } from 'node:net';
import type { MessageHandler } from './types.js';
import { UdpWaitProbe } from './udp-wait-probe.js';

const UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string, family: number) => void;

/**
 * The socket's address lookup (dgram's `lookup` option). Node's default, dns.lookup, checks an
 * IP literal with isIP (a large IPv6 regex for every IPv4 address) and answers it on the next
 * tick, so every send waited a tick and allocated for it (node 20 lib/dgram.js: send →
 * handle.lookup → dns.lookup → doSend). What reaches a send here is an IP literal (names are
 * resolved in host/dns; the outbound guard refuses anything else before), so it is answered at
 * once and the datagram leaves inside send(); libuv still validates the address (a malformed
 * one is dropped there, as getaddrinfo's failure dropped it before). A name goes to dns.lookup.
 */
function literalLookup(address: string, family: number | LookupOneOptions, callback: LookupCallback): void {
  const fam = typeof family === 'number' ? family : (family.family as number | undefined) ?? 0;
  if (fam === 6 ? address.includes(':') : isIPv4Shape(address)) return callback(null, address, fam === 6 ? 6 : 4);
  dnsLookup(address, fam, callback);
}

/** Digits and three dots: the shape of an IPv4 literal (libuv checks the numbers). */
function isIPv4Shape(s: string): boolean {
  if (s.length < 7 || s.length > 15) return false;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (c < 0x30 || c > 0x39) return false;
  }
  return dots === 3;
}

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

  /** The port the socket is bound to (the one asked for, or the kernel's pick for 0). */
  boundPort(): number {
    return this.socket.address().port;
  }

  /** Sends at once (no callback: a failure is an ICMP error on the socket, ignored above). The
   *  buffer is handed to the kernel as it is, no copy. */
  send(buf: Buffer, ip: string, port: number): void {
    this.socket.send(buf, port, ip);
  }

  private closing: Promise<void> | null = null;

  /** Closes the socket; a second call waits for the first (dgram throws on closing twice). */
  close(): Promise<void> {
    this.probe.close();
    return (this.closing ??= new Promise((resolve) => this.socket.close(() => resolve())));
  }
}
