// The socket thread's side of the workers: starts N worker threads, hands each message to the
// worker its dispatch key names (dispatch-key.ts), batched per turn of the event loop, sends
// what the workers ask from the listening sockets, asks them questions (stats, reload steps)
// by id with a timeout, and restarts a worker that died with the same index.
//
// The queue to each worker is bounded by credit: at most CREDIT messages are in flight to a
// worker (posted, not yet done: the worker counts what it finished in shared memory,
// worker-signals.ts, and posts a wake regularly, and at once when this thread holds messages
// for it). A worker's port hands it its whole backlog in one turn, and nothing can be taken
// back out of it, so an unbounded port queue under a flood held seconds of
// work (turns of 1.9-2.4 s seen) and a legitimate message waited behind all of it. Past the
// credit, messages wait here (fair-hold.ts: a lane per source, taken in turn, so a message from
// another source does not wait behind a flood's backlog), where the overload policy can still
// judge them (`rejudge`, when released) and where the socket thread sees the queue: a hold
// that stands deep is its congestion signal (`heldStandingMs`, read by the load monitor).
import { Worker } from 'node:worker_threads';
import type { Destination, ReceiveInfo } from '../transport/types.js';
import { workerFor } from './dispatch-key.js';
import { FairHold } from './fair-hold.js';
import { MSG_STRIDE, outAt, OUT_STRIDE, pushMessage, type FromWorker, type MessageBatch, type ToWorker } from './protocol.js';
import { WorkerSignals } from './worker-signals.js';

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
  /** The worker's entry: from the sources a boot file that registers tsx, from dist/ the compiled entry (worker-entry.ts). */
  entry: URL;
  /**
   * What worker `index` is given as workerData (structured-cloneable), each time it starts;
   * `signals` is the shared memory of its credit and flags (worker-signals.ts), new each start.
   */
  workerData: (index: number, signals: SharedArrayBuffer) => unknown | Promise<unknown>;
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
  /** Messages in flight to one worker at most (default CREDIT). */
  credit?: number;
  /** Messages held for one worker at most (default MAX_HELD), and for one source a quarter of it; past them a message is dropped (counted). */
  maxHeld?: number;
  /**
   * A held message is about to cross, and the overload policy has not judged it yet (it was
   * held while the server was not overloaded): true drops it (the policy counts it).
   */
  rejudge?: (buf: Buffer, rcv: ReceiveInfo) => boolean;
  /** A message crossed to a worker (what the workers are served: the load monitor's admitted count). */
  onPosted?: () => void;
}

export interface PoolCounters {
  /** Workers restarted after they died. */
  restarts: number;
  /** Messages for a worker that was down, dropped (UDP retransmissions cover them). */
  droppedWhileDown: number;
  /** Messages dropped because their worker's hold, or their source's lane in it, was full. */
  heldDropped: number;
  /** The most messages held for one worker at once since the last snapshot (pool.snapshot). */
  heldMax: number;
}

/** A message waiting for its worker's credit; `judged`: the overload policy charged it when it was read. */
interface Held {
  buf: Buffer;
  rcv: ReceiveInfo;
  judged: boolean;
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
  /** Which life of the worker this is: one more when its thread starts and when it ends (stats-carry.ts). */
  lives = 0;
  /** Messages posted to the worker (counted as they join its batch; int32, wraps as the worker's count does). */
  posted = 0;
  /** Shared with the worker: what it finished, the wake it owes, whether sends are traced. */
  signals = new WorkerSignals();
  /** Messages waiting here for credit. */
  readonly held: FairHold<Held>;
  /** Since when messages have been held without the hold emptying (null: none held). */
  heldSince: number | null = null;
  constructor(readonly index: number, maxHeld: number) {
    this.held = new FairHold(maxHeld, Math.max(1, Math.floor(maxHeld / 4)));
  }

  get inFlight(): number {
    return (this.posted - this.signals.done()) | 0;
  }
}

/**
 * Messages in flight to one worker at most: two chunks, so the worker acknowledges one while it
 * works on the other and its queue does not run dry waiting for the round trip; small, so the
 * port's queue is a few ms of work, not seconds. Measured with the UDP flood of
 * test/hostile/sip-udp.test.ts (20 000 OPTIONS/s, 2 workers, idle 2-core machine, three
 * alternating runs each): credit 64 left probes waiting at most 52-64 ms with 46 000-48 000 of the
 * flood answered; 128: 88-127 ms, 45 500-46 700; 32 (one chunk, stop-and-wait) as 64.
 */
export const CREDIT = 64;
/**
 * Messages posted together at most: with CREDIT a few chunks, the worker counts one done
 * (worker-signals.ts) and wakes this thread (worker-transports.ts WAKE_EVERY) while it works on
 * the next, so its queue never runs dry waiting for the round trip (posting the whole credit in
 * one batch and acknowledging it at the end of the worker's turn was stop-and-wait).
 */
const CHUNK = 32;
/**
 * Messages held for one worker at most (~a second of what a worker serves; the kernel's UDP
 * buffer holds ~3000), and a quarter of it for one source: a flood overflows its own lane.
 */
export const MAX_HELD = 4096;
/**
 * Held messages below which a hold that stands is shallow (not congestion): as the kernel's
 * queue for the reading thread (load-monitor.ts SHALLOW_BYTES, ~200 datagrams), a step up in
 * load leaves a shallow queue that stands while the workers catch up.
 */
export const HELD_DEEP = 128;

const RESTART_DELAY_MS = [50, 200, 1000, 5000];
const STOP_WAIT_MS = 3000;

export class WorkerPool {
  readonly counters: PoolCounters = { restarts: 0, droppedWhileDown: 0, heldDropped: 0, heldMax: 0 };
  private readonly slots: Slot[];
  private flushScheduled = false;
  private stopping = false;
  private nextCallId = 1;
  private readonly flushAll = () => this.flush();
  private readonly credit: number;
  private tracing = false;

  constructor(private readonly opts: PoolOptions) {
    this.credit = opts.credit ?? CREDIT;
    const maxHeld = opts.maxHeld ?? MAX_HELD;
    this.slots = Array.from({ length: opts.count }, (_, i) => new Slot(i, maxHeld));
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

  /**
   * A message read off a socket: to its worker's batch for this turn while the worker has
   * credit and nothing is held for it, else held (in order). `judged`: the overload policy
   * already charged it (it was read while the server was overloaded).
   */
  dispatch(buf: Buffer, rcv: ReceiveInfo, judged = false): void {
    const s = this.slots[workerFor(buf, this.slots.length, this.opts.marker)]!;
    if (!s.ready) {
      this.counters.droppedWhileDown++;
      return;
    }
    if (s.held.size === 0 && s.inFlight < this.credit) return this.cross(s, buf, rcv);
    if (!s.held.push(rcv.srcIp, { buf, rcv, judged })) {
      this.counters.heldDropped++;
      return;
    }
    s.heldSince ??= performance.now();
    if (s.held.size > this.counters.heldMax) this.counters.heldMax = s.held.size;
    this.release(s);
  }

  /** Whether the SIP trace runs: the workers then send UDP through this thread, where the trace sees it. */
  setTracing(on: boolean): void {
    this.tracing = on;
    for (const s of this.slots) s.signals.setTracing(on);
  }

  /**
   * The congestion signal for the overload policy: the longest any worker's hold has stood
   * (held messages on end, never emptied) among those holding at least HELD_DEEP now; 0 if none.
   */
  heldStandingMs(now = performance.now()): number {
    let most = 0;
    for (const s of this.slots) {
      if (s.heldSince !== null && s.held.size >= HELD_DEEP) most = Math.max(most, now - s.heldSince);
    }
    return most;
  }

  /** Per worker: messages in flight to it and held for it now. */
  queues(): { inFlight: number; held: number }[] {
    return this.slots.map((s) => ({ inFlight: s.ready ? s.inFlight : 0, held: s.held.size }));
  }

  /** The pool's counters; heldMax restarts at each call. */
  snapshot(): PoolCounters {
    const c = { ...this.counters };
    this.counters.heldMax = 0;
    return c;
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

  /**
   * The life of worker `index`: it changes when the worker's thread starts and when it ends. An
   * answer to a call made during a life came from that life (a worker's calls fail when it exits).
   */
  lifeOf(index: number): number {
    return this.slots[index]?.lives ?? 0;
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

  private async spawn(s: Slot): Promise<void> {
    s.signals = new WorkerSignals();
    s.signals.setTracing(this.tracing);
    s.posted = 0;
    const worker = new Worker(this.opts.entry, { workerData: await this.opts.workerData(s.index, s.signals.buffer) });
    s.worker = worker;
    s.lives++;
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
    s.lives++;
    const wasReady = s.ready;
    s.ready = false;
    s.worker = null;
    this.failPending(s, `worker ${s.index} exited with ${code}`);
    s.batch = [];
    // what was in flight is lost with the worker; what was held for it is dropped as for a worker that is down
    this.counters.droppedWhileDown += s.held.clear();
    s.heldSince = null;
    s.posted = 0;
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
      if (op.k === 'wake') {
        this.release(s);
        continue;
      }
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

  /** To the worker's batch for this turn, within its credit. */
  private cross(s: Slot, buf: Buffer, rcv: ReceiveInfo): void {
    pushMessage(s.batch, buf, rcv);
    s.posted = (s.posted + 1) | 0;
    this.opts.onPosted?.();
    // a full chunk goes at once: the worker acknowledges it while it works on the next
    if (s.batch.length >= CHUNK * MSG_STRIDE) {
      s.worker?.postMessage(s.batch);
      s.batch = [];
    } else this.scheduleFlush();
  }

  /**
   * As much of the worker's hold crosses as its credit allows (the worker finished some, or
   * something was just held). While anything stays held the worker is asked to wake this thread
   * after its next batch; asked before the credit is looked at again, so either the worker sees
   * the ask or this look sees what it finished (worker-signals.ts).
   */
  private release(s: Slot): void {
    for (;;) {
      while (s.held.size > 0 && s.inFlight < this.credit) {
        const h = s.held.shift()!;
        if (!h.judged && this.opts.rejudge?.(h.buf, h.rcv)) continue;
        this.cross(s, h.buf, h.rcv);
      }
      if (s.held.size === 0) {
        s.heldSince = null;
        return;
      }
      s.signals.askWake();
      if (s.inFlight >= this.credit) return;
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
