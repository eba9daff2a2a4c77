// UDP sends made together at the end of the event loop's turn (setImmediate), in order, instead
// of one system call in the middle of each route. Measured in a worker thread (issue 9's
// sixteenth pass, v8, 2 workers, 4000 registrations/s): sending inside the route cost 346-349 µs
// per registration against 249-285 made at the end of the turn. On this VM a system call
// empties the TLB (page-table isolation without PCID) and, on loopback, wakes the peer at once:
// the route's code after it runs cold. A reply leaves at most one turn later (the turn's
// datagrams are read and routed first: a few ms under load, nothing when idle).
import type dgram from 'node:dgram';

export class UdpSendBatch {
  /** socket, bytes, port, ip; four entries per send. */
  private queue: unknown[] = [];
  private scheduled = false;
  private readonly flushNow = () => this.flush();

  push(socket: dgram.Socket, buf: Buffer, port: number, ip: string): void {
    this.queue.push(socket, buf, port, ip);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flushNow);
  }

  /** Sends everything queued, in order (also before a socket closes). */
  flush(): void {
    this.scheduled = false;
    const q = this.queue;
    if (q.length === 0) return;
    this.queue = [];
    for (let i = 0; i < q.length; i += 4) (q[i] as dgram.Socket).send(q[i + 1] as Buffer, q[i + 2] as number, q[i + 3] as string);
  }
}
