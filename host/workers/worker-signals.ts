// A few words of shared memory between the socket thread and one worker, so that the common
// case needs no message back from the worker (issue 9: each message a worker posts wakes the
// socket thread, tens of µs on a paravirtualised VM):
// - DONE: messages the worker has finished, added as it finishes each batch. The socket thread
//   reads it for the worker's credit (worker-pool.ts) whenever it dispatches.
// - WAKE: set by the socket thread while it holds messages for the worker (credit spent): the
//   worker then posts one wake after its next batch, so the hold is released without waiting
//   for a datagram to wake the socket thread. Set before the socket thread checks the credit
//   again, cleared by the worker before it posts: with sequentially consistent atomics either
//   the worker sees it or the socket thread's check sees the new DONE; no hold is forgotten.
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
