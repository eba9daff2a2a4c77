// The socket thread's side of the workers: starts N worker threads, hands each message to the
// worker its dispatch key names (dispatch-key.ts), batched per turn of the event loop, sends
// what the workers ask from the listening sockets, asks them questions (stats, reload steps)
// by id with a timeout, and restarts a worker that died with the same index.
import { Worker } from 'node:worker_threads';
import type { Destination, ReceiveInfo } from '../transport/types.js';
import { workerFor } from './dispatch-key.js';
import { outAt, OUT_STRIDE, pushMessage, type FromWorker, type MessageBatch, type ToWorker } from './protocol.js';

export interface PoolSockets {
  send(buf: Buffer, dst: Destination, from?: { ip: string; port: number }, onError?: (reason: string) => void): boolean;
  addTcpAlias(conId: number, port: number): boolean;
}

export interface PoolLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PoolOptions {
  count: number;
  /** The worker's boot file (it registers tsx, then loads the TypeScript entry). */
  entry: URL;
  /** What worker `index` is given as workerData (structured-cloneable). */
  workerData: (index: number) => unknown;
  sockets: PoolSockets;
  /** branchMarker(instance): replies to a worker's branches go to that worker. */
  marker: Uint8Array;
  log: PoolLog;
  /** A worker died: release what it held (shared-state locks) before it is restarted. */
  onDied?: (index: number) => void;
  /** A worker's overload monitor changed (admitFactor while overloaded; null: not overloaded, or the worker died). */
  onOverload?: (index: number, admitFactor: number | null) => void;
  /** How long a worker may take to become ready (pyodide boots in seconds). */
  startTimeoutMs?: number;
}

export interface PoolCounters {
  /** Workers restarted after they died. */
  restarts: number;
  /** Messages for a worker that was down, dropped (UDP retransmissions cover them). */
  droppedWhileDown: number;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

class Slot {
  worker: Worker | null = null;
  ready = false;
  batch: MessageBatch = [];
  errIds: number[] = [];
  errReasons: string[] = [];
  readonly pending = new Map<number, Pending>();
  /** Consecutive deaths without a ready in between: the restart waits longer each time. */
  deaths = 0;
  constructor(readonly index: number) {}
}

const RESTART_DELAY_MS = [50, 200, 1000, 5000];
const STOP_WAIT_MS = 3000;

export class WorkerPool {
  readonly counters: PoolCounters = { restarts: 0, droppedWhileDown: 0 };
  private readonly slots: Slot[];
  private flushScheduled = false;
  private stopping = false;
  private nextCallId = 1;
  private readonly flushAll = () => this.flush();

  constructor(private readonly opts: PoolOptions) {
    this.slots = Array.from({ length: opts.count }, (_, i) => new Slot(i));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts every worker; rejects with the first worker's error when one cannot start. */
  async start(): Promise<void> {
    const results = await Promise.allSettled(this.slots.map((s) => this.spawn(s)));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) {
      await this.stop();
      throw (failed as PromiseRejectedResult).reason;
    }
  }

  /** A message read off a socket: to its worker's batch for this turn. */
  dispatch(buf: Buffer, rcv: ReceiveInfo): void {
    const s = this.slots[workerFor(buf, this.slots.length, this.opts.marker)]!;
    if (!s.ready) {
      this.counters.droppedWhileDown++;
      return;
    }
    pushMessage(s.batch, buf, rcv);
    this.scheduleFlush();
  }

  /** Asks worker `index` to run `op`; rejects after timeoutMs, or when the worker dies. */
  call(index: number, op: string, args?: unknown, timeoutMs = 10_000): Promise<unknown> {
    const s = this.slots[index];
    if (!s?.worker || !s.ready) return Promise.reject(new Error(`worker ${index} is not running (restarting)`));
    const id = this.nextCallId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        s.pending.delete(id);
        reject(new Error(`worker ${index} did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      s.pending.set(id, { resolve, reject, timer });
      this.post(s, { t: 'call', id, op, args });
    });
  }

  /** Asks every worker; each answer or error in worker order. */
  callAll(op: string, args?: unknown, timeoutMs?: number): Promise<PromiseSettledResult<unknown>[]> {
    return Promise.allSettled(this.slots.map((s) => this.call(s.index, op, args, timeoutMs)));
  }

  /** Which workers are serving now. */
  readyWorkers(): number[] {
    return this.slots.filter((s) => s.ready).map((s) => s.index);
  }

  /** Asks each worker to close what it holds (at most STOP_WAIT_MS), then ends its thread. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.slots.map((s) => (s.ready ? this.call(s.index, 'stop', undefined, STOP_WAIT_MS).catch(() => undefined) : undefined)));
    await Promise.all(this.slots.map(async (s) => {
      const w = s.worker;
      s.ready = false;
      s.worker = null;
      this.failPending(s, 'the server is stopping');
      if (w) await w.terminate();
    }));
  }

  private spawn(s: Slot): Promise<void> {
    const worker = new Worker(this.opts.entry, { workerData: this.opts.workerData(s.index) });
    s.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      const limit = this.opts.startTimeoutMs ?? 120_000;
      const timer = setTimeout(() => {
        if (started) return;
        started = true;
        reject(new Error(`worker ${s.index} was not ready within ${limit} ms`));
        void worker.terminate();
      }, limit);
      worker.on('message', (m: FromWorker | unknown[]) => {
        if (Array.isArray(m)) this.runOut(s, m);
        else if (m.t === 'ready' && !started) {
          started = true;
          clearTimeout(timer);
          s.ready = true;
          s.deaths = 0;
          resolve();
        } else if (m.t === 'failed' && !started) {
          started = true;
          clearTimeout(timer);
          reject(new Error(`worker ${s.index}: ${m.error}`));
          void worker.terminate();
        } else this.onWorkerMessage(s, m);
      });
      worker.on('error', (e) => this.opts.log.error({ worker: s.index, err: e }, 'worker failed'));
      worker.on('exit', (code) => {
        clearTimeout(timer);
        if (!started) {
          started = true;
          reject(new Error(`worker ${s.index} exited with ${code} before it was ready`));
        }
        this.onExit(s, worker, code);
      });
    });
  }

  private onExit(s: Slot, worker: Worker, code: number): void {
    if (s.worker !== worker) return;
    const wasReady = s.ready;
    s.ready = false;
    s.worker = null;
    this.failPending(s, `worker ${s.index} exited with ${code}`);
    s.batch = [];
    this.opts.onOverload?.(s.index, null);
    if (this.stopping) return;
    this.opts.log.error({ worker: s.index, code, wasReady }, 'worker died; restarting it');
    try {
      this.opts.onDied?.(s.index);
    } catch (e) {
      this.opts.log.error({ worker: s.index, err: e }, 'releasing what the dead worker held failed');
    }
    const delay = RESTART_DELAY_MS[Math.min(s.deaths, RESTART_DELAY_MS.length - 1)]!;
    s.deaths++;
    setTimeout(() => {
      if (this.stopping) return;
      this.counters.restarts++;
      this.spawn(s).then(
        () => this.opts.log.info({ worker: s.index }, 'worker restarted'),
        (e) => this.opts.log.error({ worker: s.index, err: e }, 'worker restart failed'),
      );
    }, delay).unref();
  }

  private failPending(s: Slot, why: string): void {
    for (const p of s.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(why));
    }
    s.pending.clear();
  }

  private onWorkerMessage(s: Slot, m: FromWorker): void {
    if (m.t === 'overload') this.opts.onOverload?.(s.index, m.overloaded ? m.admitFactor : null);
    else if (m.t === 'answer') {
      const p = s.pending.get(m.id);
      if (!p) return;
      s.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error ?? 'failed'));
    }
  }

  /** A worker's sends and aliases, in its order, from the listening sockets. */
  private runOut(s: Slot, batch: unknown[]): void {
    for (let i = 0; i < batch.length; i += OUT_STRIDE) {
      const op = outAt(batch, i);
      if (op.k === 'alias') {
        this.opts.sockets.addTcpAlias(op.conId, op.port);
        continue;
      }
      const id = op.id;
      const onError = id ? (reason: string) => this.sendError(s, id, reason) : undefined;
      try {
        this.opts.sockets.send(op.buf, op.dst, op.from, onError);
      } catch (e) {
        this.opts.log.error({ worker: s.index, err: e }, 'send for a worker failed');
        onError?.((e as Error).message);
      }
    }
  }

  private sendError(s: Slot, id: number, reason: string): void {
    if (!s.ready) return;
    s.errIds.push(id);
    s.errReasons.push(reason);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flushAll);
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const s of this.slots) {
      if (s.batch.length > 0) {
        s.worker?.postMessage(s.batch);
        s.batch = [];
      }
      if (s.errIds.length > 0) {
        this.post(s, { t: 'sendErrors', ids: s.errIds, reasons: s.errReasons });
        s.errIds = [];
        s.errReasons = [];
      }
    }
  }

  private post(s: Slot, m: ToWorker): void {
    s.worker?.postMessage(m);
  }
}
