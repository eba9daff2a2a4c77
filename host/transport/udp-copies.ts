// Each worker's own copies of the UDP listeners (udp-fd-dup.ts), so that its UDP sends leave
// from the listening address and port without crossing to the socket thread. The copies for the
// first start of every worker are made together (one helper process); a worker that restarts
// gets fresh ones (its old copies closed with its thread). If copies cannot be made, the workers
// send through the socket thread as before, and that is logged once.
import type dgram from 'node:dgram';
import { dupUdpDescriptors, type UdpCopy, type UdpCopyInit } from './udp-fd-dup.js';

export interface UdpListenerSocket {
  ip: string;
  port: number;
  socket: dgram.Socket;
}

export class UdpCopiesForWorkers {
  private first: Promise<UdpCopy[][] | null> | null = null;
  private readonly firstTaken = new Set<number>();
  /**
   * The sockets of this thread that hold the copies. Never closed: a copy is the worker's once
   * given, and closes with its thread; closing the holder later would close whatever descriptor
   * has that number by then. They do not read and do not keep the event loop alive.
   */
  private readonly holders: dgram.Socket[] = [];
  private failedOnce = false;

  constructor(
    private readonly listeners: readonly UdpListenerSocket[],
    private readonly workers: number,
    private readonly warn: (obj: object, msg: string) => void,
  ) {}

  /** Copies for worker `index` now starting, one per UDP listener in order; [] when none could be made. */
  async forWorker(index: number): Promise<UdpCopyInit[]> {
    if (this.listeners.length === 0) return [];
    let copies: UdpCopy[] | null;
    if (!this.firstTaken.has(index)) {
      this.firstTaken.add(index);
      this.first ??= this.make(this.workers);
      copies = (await this.first)?.map((perListener) => perListener[index]!) ?? null;
    } else copies = (await this.make(1))?.map((perListener) => perListener[0]!) ?? null;
    if (!copies) return [];
    return copies.map((c, i) => ({ ip: this.listeners[i]!.ip, port: this.listeners[i]!.port, fd: c.fd, type: c.type }));
  }

  private async make(n: number): Promise<UdpCopy[][] | null> {
    try {
      const made = await dupUdpDescriptors(this.listeners.map((l) => l.socket), n);
      for (const c of made.flat()) {
        c.holder.unref();
        this.holders.push(c.holder);
      }
      return made;
    } catch (e) {
      if (!this.failedOnce) this.warn({ err: (e as Error).message }, 'workers: no copies of the UDP sockets; UDP sends go through the socket thread');
      this.failedOnce = true;
      return null;
    }
  }
}
