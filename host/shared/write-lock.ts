// The writers' lock of the shared state: one Int32 in a SharedArrayBuffer that every thread
// holds a view of. 0 is free; otherwise it holds owner + 1 of the thread writing (main is
// owner 0, worker i is owner i + 1). Taken with Atomics.compareExchange, waited for with
// Atomics.wait (woken by Atomics.notify at release), so a collision costs a wake-up, not the
// 1 ms (or, built without usleep, 1 s) sleep of SQLite's busy handler.
//
// A thread that dies holding it: the main thread calls releaseLocksOf(owner) when the worker
// exits; a waiter that has waited WAIT_BEFORE_CHECK_MS looks at the holder's alive flag (set
// when it opened, cleared when it closed or was released as dead) and takes over a lock whose
// holder is gone.

/** Slots: [0] the lock word, [1] how many wait, [2 + owner] 1 while that owner is alive. */
const LOCK = 0;
const WAITERS = 1;
const ALIVE = 2;
export const MAX_OWNERS = 1024;
export const LOCK_BYTES = (ALIVE + MAX_OWNERS) * Int32Array.BYTES_PER_ELEMENT;

/** How long a waiter waits before it asks whether the holder is alive. */
export const WAIT_BEFORE_CHECK_MS = 200;

export class WriteLock {
  private readonly words: Int32Array;
  private readonly me: number;

  constructor(
    buffer: SharedArrayBuffer,
    readonly owner: number,
  ) {
    if (!Number.isInteger(owner) || owner < 0 || owner >= MAX_OWNERS) {
      throw new Error(`shared state: owner must be an integer in 0..${MAX_OWNERS - 1} (main 0, worker i i+1), got ${owner}`);
    }
    if (buffer.byteLength < LOCK_BYTES) throw new Error(`shared state: the lock buffer has ${buffer.byteLength} bytes, ${LOCK_BYTES} expected`);
    this.words = new Int32Array(buffer, 0, LOCK_BYTES / Int32Array.BYTES_PER_ELEMENT);
    this.me = owner + 1;
  }

  /** Marks this owner alive; a lock still held in its name was left by a previous thread of that owner that died. */
  markAlive(): void {
    Atomics.store(this.words, ALIVE + this.owner, 1);
    this.releaseIfHeldBy(this.owner);
  }

  markGone(): void {
    Atomics.store(this.words, ALIVE + this.owner, 0);
  }

  /** The owner holding the lock, or null when free. */
  holder(): number | null {
    const v = Atomics.load(this.words, LOCK);
    return v === 0 ? null : v - 1;
  }

  acquire(): void {
    if (Atomics.compareExchange(this.words, LOCK, 0, this.me) === 0) return;
    let waitedMs = 0;
    Atomics.add(this.words, WAITERS, 1);
    try {
      for (;;) {
        const seen = Atomics.compareExchange(this.words, LOCK, 0, this.me);
        if (seen === 0) return;
        if (seen === this.me) throw new Error(`shared state: owner ${this.owner} asked for the write lock it already holds`);
        const started = performance.now();
        Atomics.wait(this.words, LOCK, seen, WAIT_BEFORE_CHECK_MS);
        waitedMs += performance.now() - started;
        if (waitedMs >= WAIT_BEFORE_CHECK_MS && Atomics.load(this.words, ALIVE + seen - 1) === 0) {
          // the holder is gone (closed or released as dead): take the lock over from it
          if (Atomics.compareExchange(this.words, LOCK, seen, this.me) === seen) return;
        }
      }
    } finally {
      Atomics.sub(this.words, WAITERS, 1);
    }
  }

  release(): void {
    if (Atomics.compareExchange(this.words, LOCK, this.me, 0) !== this.me) {
      throw new Error(`shared state: owner ${this.owner} released a write lock held by ${this.holder() ?? 'nobody'}`);
    }
    if (Atomics.load(this.words, WAITERS) > 0) Atomics.notify(this.words, LOCK, 1);
  }

  /** Main thread, when a worker died: that owner is gone and any lock it held is free. */
  releaseOwner(owner: number): boolean {
    Atomics.store(this.words, ALIVE + owner, 0);
    return this.releaseIfHeldBy(owner);
  }

  private releaseIfHeldBy(owner: number): boolean {
    if (Atomics.compareExchange(this.words, LOCK, owner + 1, 0) !== owner + 1) return false;
    Atomics.notify(this.words, LOCK, 1);
    return true;
  }
}
