// A synchronous request/answer exchange over UDP with a media relay (rtpengine's ng protocol,
// rtpproxy's text protocol). Kamailio's rtpengine_offer & co. wait for the relay's answer before
// the route goes on, so the KSR call must too; the main thread cannot receive a datagram while
// it waits, so a worker thread owns the socket (udp-exchange-worker.mjs) and the caller sleeps
// in Atomics.wait (no busy loop) for at most timeoutMs × tries (+ the thread's start, once).
import { Worker } from 'node:worker_threads';
import { sleepUntil } from '../core/blocked-wait.js';

const WORKER = new URL('./udp-exchange-worker.mjs', import.meta.url);
const BUFFER_BYTES = 256 * 1024;
const START_WAIT_MS = 3000;

export type ExchangeResult = { ok: true; answer: Buffer } | { ok: false; timeout: boolean; error: string };

export interface ExchangeRequest {
  address: string;
  port: number;
  /** The first bytes of the datagram, without the separating space. */
  cookie: string;
  /** The whole datagram (cookie included). */
  payload: Buffer;
  timeoutMs: number;
  tries: number;
}

export class UdpExchange {
  private worker: Worker | null = null;
  private readonly shared = new SharedArrayBuffer(16 + BUFFER_BYTES);
  private readonly i32 = new Int32Array(this.shared, 0, 4);
  private readonly bytes = new Uint8Array(this.shared, 16);
  private nextId = 1;

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(WORKER, { workerData: { shared: this.shared } });
    w.unref();
    // a thread that died is replaced at the next command; its READY mark goes with it
    const gone = () => {
      if (this.worker !== w) return;
      this.worker = null;
      Atomics.store(this.i32, 2, 0);
    };
    w.on('error', gone);
    w.on('exit', gone);
    this.worker = w;
    return w;
  }

  /** Starts the control thread ahead of the first command (the state's start()). */
  warm(): void {
    try {
      this.ensureWorker();
    } catch {
      // the first command reports it
    }
  }

  /** Sleeps until the thread is ready (at most START_WAIT_MS, once per thread start). */
  private awaitReady(): boolean {
    return sleepUntil(this.i32, 2, 1, START_WAIT_MS);
  }

  exchange(req: ExchangeRequest): ExchangeResult {
    let w: Worker;
    try {
      w = this.ensureWorker();
    } catch (e) {
      return { ok: false, timeout: false, error: `cannot start the control thread: ${(e as Error).message}` };
    }
    if (!this.awaitReady()) return { ok: false, timeout: false, error: 'the control thread did not start' };
    const id = this.nextId++;
    w.postMessage({ id, address: req.address, port: req.port, cookie: req.cookie, payload: req.payload, timeoutMs: req.timeoutMs, tries: req.tries });
    if (!sleepUntil(this.i32, 0, id, req.timeoutMs * req.tries + 100)) return { ok: false, timeout: true, error: `no answer in ${req.timeoutMs * req.tries} ms` };
    const len = Atomics.load(this.i32, 1);
    if (len >= 0) return { ok: true, answer: Buffer.from(this.bytes.slice(0, len)) };
    if (len === -2) return { ok: false, timeout: true, error: `no answer after ${req.tries} tries of ${req.timeoutMs} ms` };
    const errLen = Atomics.load(this.i32, 3);
    return { ok: false, timeout: false, error: Buffer.from(this.bytes.slice(0, errLen)).toString('latin1') };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.postMessage('close');
    await w.terminate();
  }
}

let threadExchange: UdpExchange | null = null;

/**
 * The thread's one exchange: calls are synchronous, so one control thread serves every relay
 * state of this thread (the test cores make one state per row; one thread each would pile up).
 * Its thread is unref'd: it never keeps the process alive.
 */
export function sharedExchange(): UdpExchange {
  threadExchange ??= new UdpExchange();
  return threadExchange;
}
