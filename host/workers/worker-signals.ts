// A few words of shared memory between the socket thread and one worker (issue 9):
// - DONE: messages the worker has finished, added as it finishes each batch. The socket thread
//   reads it for the worker's credit (worker-pool.ts) whenever it dispatches, so its view of the
//   credit is never older than its last look.
// - WAKE: set by the socket thread while it holds messages for the worker (credit spent): the
//   worker then posts a wake after its current batch, so the hold is released at once. Set
//   before the socket thread checks the credit again, cleared by the worker before it posts:
//   with sequentially consistent atomics either the worker sees it or the socket thread's check
//   sees the new DONE; no hold is forgotten. (The worker also posts a wake every 32 messages
//   and at the end of its turn, worker-transports.ts ack(): measured to be needed under a
//   real-time policy.)
// - TRACING: while the SIP trace runs (in the socket thread, which must see every send), the
//   worker's UDP sends go through the socket thread instead of its own copy of the socket.
const DONE = 0;
const WAKE = 1;
const TRACING = 2;
const WORDS = 4;

export class WorkerSignals {
  readonly words: Int32Array;

  /** New signals (the socket thread), or the worker's view of the same memory. */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(WORDS * 4)) {
    this.words = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.words.buffer as SharedArrayBuffer;
  }

  /** Worker: `count` more messages finished; true when the socket thread asked to be woken. */
  finished(count: number): boolean {
    Atomics.add(this.words, DONE, count);
    return Atomics.load(this.words, WAKE) === 1 && Atomics.exchange(this.words, WAKE, 0) === 1;
  }

  /** Socket thread: messages the worker has finished (wraps at 2^31, compare by difference). */
  done(): number {
    return Atomics.load(this.words, DONE);
  }

  /** Socket thread: wake me after your next batch (messages are held for you). */
  askWake(): void {
    Atomics.store(this.words, WAKE, 1);
  }

  setTracing(on: boolean): void {
    Atomics.store(this.words, TRACING, on ? 1 : 0);
  }

  get tracing(): boolean {
    return Atomics.load(this.words, TRACING) === 1;
  }
}
