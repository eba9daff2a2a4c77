// How long the datagrams read now waited in the kernel's receive buffer. Node reads a UDP
// socket in turns of 32 datagrams and says nothing of when each arrived; a server that falls
// behind builds its queue there, in front of every wait the overload policy can see. When
// that queue holds more than a client's retransmission interval (T1, 500 ms), every request
// read from it was retransmitted already, each copy costs a whole route, and the load doubles:
// the metastable collapse issue 9 saw in Python at 2000 registrations/s (a 7 MB queue, ~3 s,
// then 154 000 retransmissions and 24 000 failures).
//
// So, while the socket is read, a probe datagram from a socket of our own goes into the same
// queue every PROBE_MS, carrying a sequence number and a random token. The queue is FIFO: a
// datagram read while probe k (sent at s_k) is still unread arrived before s_k, so it waited
// at least now - s_k. The oldest unread probe gives that bound, within one PROBE_MS of the
// truth in a steady queue; none unread, the bound is 0. A probe read means every older one was
// read or lost (the kernel drops what overflows the buffer, probes too), so they are forgotten.
// A lost probe overstates the wait until the next one is read, by the time between them.
//
// A probe's time is read after its send returns, when it is in the queue already (its lookup
// answers an IP literal at once, and libuv writes to an empty send queue at once): read before,
// a thread descheduled between the clock and the send (two cores shared by three test files)
// put datagrams that came in meanwhile ahead of a probe stamped earlier than they were sent,
// and their wait was reported 3-4 ms above the real one. Read after, the bound holds.
//
// Probes are sent only while datagrams keep coming (an idle socket sends none) and are taken
// out before anything else sees the datagram: no counter, trace or route meets them.
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { literalLookup } from './literal-lookup.js';

/** How often a probe goes in while the socket is read: the bound's resolution. */
export const PROBE_MS = 25;
/** Probes kept unread at most (10 s of them): a queue older than that is judged 10 s old. */
const MAX_UNREAD = 400;
const TOKEN_BYTES = 16;
const PROBE_BYTES = TOKEN_BYTES + 8;

export class UdpWaitProbe {
  private socket: dgram.Socket | null = null;
  private port = 0;
  private readonly token = randomBytes(TOKEN_BYTES);
  /**
   * When each unread probe was sent (Date.now()), oldest first. Probes are numbered in the
   * order sent, so the unread ones are the last unreadAt.length numbers below nextSeq.
   */
  private readonly unreadAt: number[] = [];
  private nextSeq = 0;
  private readSince = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  private listenPort = 0;

  /** For the listener bound to `ip` (an unspecified address is reached on loopback). */
  constructor(private readonly ip: string) {}

  /** Binds the probe's own socket, to send to the listener's port; a failure leaves the probe off (the bound stays 0). */
  open(listenPort: number): Promise<void> {
    this.listenPort = listenPort;
    const ipv6 = isIPv6(this.ip);
    const from = this.target();
    const socket = dgram.createSocket({ type: ipv6 ? 'udp6' : 'udp4', ipv6Only: ipv6, lookup: literalLookup as never });
    return new Promise((resolve) => {
      socket.once('error', () => {
        socket.close();
        resolve();
      });
      socket.bind(0, from, () => {
        socket.removeAllListeners('error');
        socket.on('error', () => {}); // an ICMP error on a probe is not worth a word
        if (this.closed) {
          socket.close();
        } else {
          this.socket = socket;
          this.port = socket.address().port;
        }
        resolve();
      });
    });
  }

  /**
   * Called for every datagram the listener reads, before anything else: true when it is one
   * of our probes (then it is used up here), false for the rest, which keep the probes going.
   */
  taken(buf: Buffer, srcPort: number): boolean {
    if (srcPort === this.port && buf.length === PROBE_BYTES && this.socket && buf.compare(this.token, 0, TOKEN_BYTES, 0, TOKEN_BYTES) === 0) {
      this.readProbe(buf.readDoubleBE(TOKEN_BYTES));
      return true;
    }
    this.readSince = true;
    if (!this.timer && this.socket) this.timer = setInterval(() => this.tick(), PROBE_MS).unref();
    return false;
  }

  /** The least time (ms) a datagram read now waited in the kernel: now - the oldest unread probe's send time, or 0. */
  waitedAtLeastMs(now: number): number {
    return this.unreadAt.length > 0 ? Math.max(0, now - this.unreadAt[0]!) : 0;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.socket?.close();
    this.socket = null;
  }

  private readProbe(seq: number): void {
    // FIFO: this one and every older one (read before, or dropped by the kernel) are done
    const oldestUnread = this.nextSeq - this.unreadAt.length;
    this.unreadAt.splice(0, Math.max(0, Math.min(this.unreadAt.length, seq - oldestUnread + 1)));
  }

  private tick(): void {
    if (!this.readSince) {
      // idle: stop once the last probes are back (they tell the queue emptied)
      if (this.unreadAt.length === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
      return;
    }
    this.readSince = false;
    this.send();
  }

  private send(): void {
    if (!this.socket) return;
    const seq = this.nextSeq++;
    const buf = Buffer.allocUnsafe(PROBE_BYTES);
    this.token.copy(buf, 0);
    buf.writeDoubleBE(seq, TOKEN_BYTES);
    this.socket.send(buf, this.listenPort, this.target());
    // after the send: the probe is queued by now (see the top), so the bound stays a lower one
    if (this.unreadAt.length >= MAX_UNREAD) this.unreadAt.shift();
    this.unreadAt.push(Date.now());
  }

  /** Where the listener is reached from this host: its address, or loopback for an unspecified one. */
  private target(): string {
    if (this.ip === '0.0.0.0') return '127.0.0.1';
    if (this.ip === '::') return '::1';
    return this.ip;
  }
}
