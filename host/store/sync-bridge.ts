// Makes an asynchronous database client synchronous for the calling thread: a worker thread
// owns the client; a call posts its request and waits (Atomics.wait) at most timeoutMs.
//
// A breaker keeps a database that is gone from costing every route timeoutMs: after a failure
// calls throw StoreUnavailable at once for breakerMs, then one call tries again. A worker that
// dies is started again on the first call after the breaker closes.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DriverOp } from './async-driver.js';
import { HEADER_BYTES, ON_PORT, SLOT, type DriverKind, type Outcome, type Ready, type Reply, type ResultVia, type WorkerConfig } from './bridge-protocol.js';
import { StoreUnavailable } from './store.js';
import { sleepUntil } from '../core/blocked-wait.js';
import { workerEntry } from '../workers/worker-entry.js';

const BOOT = workerEntry(import.meta.url, { boot: './bridge-worker-boot.mjs', entry: './bridge-worker' });

export interface BridgeOptions {
  kind: DriverKind;
  url: string;
  /** Shown in errors (the URL without its password). */
  description: string;
  /** How long one synchronous call waits (default 500). */
  timeoutMs?: number;
  /** How long calls fail fast after a failure (default 1000). */
  breakerMs?: number;
  /**
   * How results come back to a synchronous call (see bridge-protocol.ts). Default 'shared'.
   * Measured (bench/store-roundtrip.ts, 2 busy cores): the two are indistinguishable when
   * their calls are interleaved (Redis locations p50 ~295 µs both, PostgreSQL ~765 µs both);
   * the database round trip and the thread wake-up dominate. 'shared' skips a structured
   * clone and a port queue; results too big for the buffer take the port anyway.
   */
  resultVia?: ResultVia;
  /** Size of the shared result buffer in bytes (default 64 KiB). */
  sharedBytes?: number;
  /** How long the worker may take to connect and create the schema (default 10 s). */
  startTimeoutMs?: number;
}

interface Live {
  worker: Worker;
  port: MessagePort;
  i32: Int32Array;
  bytes: Uint8Array;
}

export class SyncBridge {
  readonly timeoutMs: number;
  readonly breakerMs: number;
  readonly resultVia: ResultVia;
  private live: Live | null = null;
  private restarting: Promise<void> | null = null;
  private nextId = 1;
  private openUntil = 0;
  private lastFailure = '';
  private closed = false;
  private readonly pending = new Map<number, { resolve: (o: Outcome) => void; timer: NodeJS.Timeout }>();
  private readonly decoder = new TextDecoder();

  private constructor(private readonly opts: BridgeOptions) {
    this.timeoutMs = opts.timeoutMs ?? 500;
    this.breakerMs = opts.breakerMs ?? 1000;
    this.resultVia = opts.resultVia ?? 'shared';
  }

  /** Starts the worker and waits until its driver is connected and the schema exists. */
  static async start(opts: BridgeOptions): Promise<SyncBridge> {
    const b = new SyncBridge(opts);
    b.live = await b.spawn();
    return b;
  }

  private async spawn(): Promise<Live> {
    const shared = new SharedArrayBuffer(HEADER_BYTES + (this.opts.sharedBytes ?? 64 * 1024));
    const { port1, port2 } = new MessageChannel();
    const config: WorkerConfig = { kind: this.opts.kind, url: this.opts.url, timeoutMs: this.timeoutMs, shared };
    const worker = new Worker(BOOT, { workerData: { config, syncPort: port2 }, transferList: [port2] });
    const ready = await new Promise<Ready>((resolve) => {
      const limit = this.opts.startTimeoutMs ?? 10_000;
      const timer = setTimeout(() => done({ ready: false, error: `no answer in ${limit} ms` }), limit);
      const onMessage = (m: Ready) => done(m);
      const onError = (e: Error) => done({ ready: false, error: e.message });
      const onExit = (code: number) => done({ ready: false, error: `worker exited with ${code}` });
      // removeAllListeners would also drop the Worker's own hooks that start its port
      function done(r: Ready) {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(r);
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    if (!ready.ready) {
      port1.close();
      await worker.terminate();
      throw new StoreUnavailable(this.opts.description, `cannot connect: ${ready.error}`);
    }
    worker.on('message', (r: Reply) => this.onAsyncReply(r));
    worker.on('error', (e) => this.onWorkerGone(`worker failed: ${e.message}`));
    worker.on('exit', (code) => this.onWorkerGone(`worker exited with ${code}`));
    // the worker must not keep a process alive that forgot to close its store
    worker.unref();
    port1.unref();
    return { worker, port: port1, i32: new Int32Array(shared, 0, HEADER_BYTES / 4), bytes: new Uint8Array(shared, HEADER_BYTES) };
  }

  private onWorkerGone(why: string): void {
    if (!this.live) return;
    this.live = null;
    this.trip(why);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: why });
      this.pending.delete(id);
    }
  }

  private trip(why: string): void {
    this.lastFailure = why;
    this.openUntil = Date.now() + this.breakerMs;
  }

  /** Whether calls fail fast right now (and why). */
  get breakerOpen(): boolean {
    return Date.now() < this.openUntil;
  }

  /** Runs op in the worker and waits for its result; throws StoreUnavailable. */
  call<T>(op: DriverOp, args: unknown[]): T {
    const unavailable = (why: string) => new StoreUnavailable(this.opts.description, `${op}: ${why}`);
    if (this.closed) throw unavailable('the store is closed');
    if (this.breakerOpen) throw unavailable(`unavailable (${this.lastFailure}); next try in ${this.openUntil - Date.now()} ms`);
    const live = this.live;
    if (!live) {
      this.restart();
      throw unavailable(`unavailable (${this.lastFailure}); reconnecting`);
    }
    const id = this.nextId++;
    Atomics.store(live.i32, SLOT.WANTED, id);
    live.port.postMessage({ id, op, args, via: this.resultVia });
    const out = this.await(live, id);
    if (out === null) {
      this.trip(`no answer in ${this.timeoutMs} ms`);
      throw unavailable(`no answer in ${this.timeoutMs} ms`);
    }
    if (!out.ok) {
      this.trip(out.error);
      throw unavailable(out.error);
    }
    return out.value as T;
  }

  /** Sleeps until the worker has answered `id` or the time is up (null). */
  private await(live: Live, id: number): Outcome | null {
    // the thread sleeps, using no CPU: the message's CPU budget does not count it
    if (!sleepUntil(live.i32, SLOT.DONE, id, this.timeoutMs)) return null;
    const length = Atomics.load(live.i32, SLOT.LENGTH);
    if (length !== ON_PORT) return JSON.parse(this.decoder.decode(live.bytes.slice(0, length))) as Outcome;
    // drop answers to earlier calls that timed out; ours is the last one posted
    for (;;) {
      const m = receiveMessageOnPort(live.port);
      if (!m) return { ok: false, error: 'the answer was announced but not found on the port' };
      const reply = m.message as Reply;
      if (reply.id === id) return reply;
    }
  }

  /** Runs op in the worker without blocking (the CLI's subscriber commands). Errors are plain. */
  async callAsync<T>(op: DriverOp, args: unknown[], timeoutMs = 60_000): Promise<T> {
    if (this.closed) throw new StoreUnavailable(this.opts.description, `${op}: the store is closed`);
    if (!this.live) await this.restartNow();
    const live = this.live!;
    const id = this.nextId++;
    const out = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: `no answer in ${timeoutMs} ms` });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      live.worker.postMessage({ id, op, args });
    });
    if (!out.ok) throw new Error(`${this.opts.description}: ${op}: ${out.error}`);
    return out.value as T;
  }

  private onAsyncReply(r: Reply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(r.id);
    p.resolve(r);
  }

  /** Starts a new worker in the background (sync callers cannot wait for it). */
  private restart(): void {
    if (this.restarting || this.closed) return;
    this.restarting = this.spawn()
      .then((l) => {
        if (this.closed) return void l.worker.terminate();
        this.live = l;
      })
      .catch((e) => this.trip((e as Error).message))
      .finally(() => (this.restarting = null));
  }

  private async restartNow(): Promise<void> {
    this.restart();
    await this.restarting;
    if (!this.live) throw new StoreUnavailable(this.opts.description, `unavailable (${this.lastFailure})`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.restarting;
    const live = this.live;
    this.live = null;
    if (!live) return;
    const exited = new Promise((r) => live.worker.once('exit', r));
    live.worker.postMessage('close');
    const t = setTimeout(() => void live.worker.terminate(), 2000);
    await exited;
    clearTimeout(t);
    live.port.close();
  }
}
