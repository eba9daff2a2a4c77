// Real worker threads for the shared-state tests: each opens the shared state as its owner
// (shared-thread.ts) and runs what the test asks, one call at a time.
import { Worker } from 'node:worker_threads';
import type { SharedStateHandle } from '../../host/shared/shared-state.js';

const BOOT = new URL('./thread-boot.mjs', import.meta.url);
/** Bound on any one call, so a deadlock fails the test instead of hanging it. */
const CALL_MS = 20_000;

export class TestThread {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly exited: Promise<number>;
  /** Resolves when the thread says it is inside a write (dieInWrite). */
  readonly inWrite: Promise<void>;

  private constructor(private readonly worker: Worker) {
    let markInWrite!: () => void;
    this.inWrite = new Promise((r) => (markInWrite = r));
    this.exited = new Promise((r) => worker.once('exit', r));
    worker.on('message', (m: { id?: number; result?: unknown; error?: string; inWrite?: boolean }) => {
      if (m.inWrite) return markInWrite();
      if (m.id === undefined) return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(`thread: ${m.error}`));
      else w?.resolve(m.result);
    });
    void this.exited.then((code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`thread exited with ${code}`));
      this.waiting.clear();
    });
  }

  static async start(handle: SharedStateHandle, owner: number): Promise<TestThread> {
    const worker = new Worker(BOOT, { workerData: { handle, owner } });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (m: { ready?: boolean }) => m.ready && resolve());
    });
    return new TestThread(worker);
  }

  call<T = unknown>(op: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`thread: ${op} took more than ${CALL_MS} ms`)), CALL_MS);
      this.waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.worker.postMessage({ id, op, args });
    });
  }

  /** Fire and forget (the thread will not answer: dieInWrite). */
  post(op: string, ...args: unknown[]): void {
    this.worker.postMessage({ id: -1, op, args });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
