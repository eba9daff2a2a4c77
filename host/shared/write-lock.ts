// The writers' lock of the shared state: one Int32 in a SharedArrayBuffer that every thread
// holds a view of. 0 is free, HANDED_OVER is free for a thread that was already waiting, and
// otherwise it holds owner + 1 of the thread writing (main is owner 0, worker i is owner i + 1).
// Taken with Atomics.compareExchange, waited for with Atomics.wait (woken by Atomics.notify at
// release), so a collision costs a wake-up, not the 1 ms (or, built without usleep, 1 s) sleep
// of SQLite's busy handler.
//
// Fair: a release with threads waiting hands the lock over (HANDED_OVER) and wakes one of
// them (Atomics.notify wakes in the order they began to wait); a thread that was not yet
// waiting at that release cannot take it. Without that, the releasing thread took the lock
// again before the woken one was scheduled, every time: a thread writing in a loop kept
// another from writing for seconds (bench/micro/shared-state.ts, "another thread saving",
// never finished 7 000 saves in 20 s).
//
// A thread that dies holding it: the main thread calls releaseLocksOf(owner) when the worker
// exits; a waiter that has waited WAIT_BEFORE_CHECK_MS looks at the holder's alive flag (set
// when it opened, cleared when it closed or was released as dead) and takes over a lock whose
// holder is gone. A thread that dies while waiting is taken off the waiters' count the same
// two ways, so a release does not hand the lock to nobody for ever; were it handed over to
// nobody anyway, a waiter takes it after WAIT_BEFORE_CHECK_MS.

/** Slots: [0] the lock word, [1] how many wait, [2 + owner] 1 while that owner is alive, then [2 + MAX_OWNERS + owner] 1 while that owner waits. */
const LOCK = 0;
const WAITERS = 1;
const ALIVE = 2;
export const MAX_OWNERS = 1024;
const WAITING = ALIVE + MAX_OWNERS;
export const LOCK_BYTES = (WAITING + MAX_OWNERS) * Int32Array.BYTES_PER_ELEMENT;
/** The lock word after a release with waiters: free, but only for a thread that was waiting then. */
const HANDED_OVER = -1;

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

  /** Marks this owner alive; a lock still held in its name (or a wait still counted) was left by a previous thread of that owner that died. */
  markAlive(): void {
    this.forgetWaiting(this.owner);
    Atomics.store(this.words, ALIVE + this.owner, 1);
    this.releaseIfHeldBy(this.owner);
  }

  markGone(): void {
    Atomics.store(this.words, ALIVE + this.owner, 0);
    this.forgetWaiting(this.owner);
  }

  /** The owner holding the lock, or null when free. */
  holder(): number | null {
    const v = Atomics.load(this.words, LOCK);
    return v <= 0 ? null : v - 1;
  }

  acquire(): void {
    if (Atomics.compareExchange(this.words, LOCK, 0, this.me) === 0) return;
    this.startWaiting();
    try {
      this.waitForTurn();
    } finally {
      this.stopWaiting();
    }
  }

  release(): void {
    // with threads waiting, the lock goes to one of them, not to whoever asks first
    const next = Atomics.load(this.words, WAITERS) > 0 ? HANDED_OVER : 0;
    if (Atomics.compareExchange(this.words, LOCK, this.me, next) !== this.me) {
      throw new Error(`shared state: owner ${this.owner} released a write lock held by ${this.holder() ?? 'nobody'}`);
    }
    if (next === HANDED_OVER) Atomics.notify(this.words, LOCK, 1);
  }

  /** Main thread, when a worker died: that owner is gone and any lock it held (or wait it was counted in) is freed. */
  releaseOwner(owner: number): boolean {
    Atomics.store(this.words, ALIVE + owner, 0);
    this.forgetWaiting(owner);
    return this.releaseIfHeldBy(owner);
  }

  /**
   * The slow path. `entitled`: this thread waited through a release (it saw the lock held, or was
   * woken, or waited WAIT_BEFORE_CHECK_MS), so a handed-over lock may be its.
   */
  private waitForTurn(): void {
    let entitled = false;
    let waitedMs = 0;
    for (;;) {
      const seen = Atomics.load(this.words, LOCK);
      if (seen === 0 || (seen === HANDED_OVER && entitled)) {
        if (Atomics.compareExchange(this.words, LOCK, seen, this.me) === seen) return;
        continue;
      }
      if (seen === this.me) throw new Error(`shared state: owner ${this.owner} asked for the write lock it already holds`);
      if (seen !== HANDED_OVER) entitled = true; // queued before its holder's release
      const started = performance.now();
      const woke = Atomics.wait(this.words, LOCK, seen, WAIT_BEFORE_CHECK_MS);
      waitedMs += performance.now() - started;
      if (woke !== 'not-equal') entitled = true;
      if (seen !== HANDED_OVER && waitedMs >= WAIT_BEFORE_CHECK_MS && Atomics.load(this.words, ALIVE + seen - 1) === 0) {
        // the holder is gone (closed or released as dead): take the lock over from it
        if (Atomics.compareExchange(this.words, LOCK, seen, this.me) === seen) return;
      }
    }
  }

  private startWaiting(): void {
    Atomics.store(this.words, WAITING + this.owner, 1);
    Atomics.add(this.words, WAITERS, 1);
  }

  private stopWaiting(): void {
    this.forgetWaiting(this.owner);
  }

  /** Takes `owner` off the waiters' count if it is on it (once, whoever asks). */
  private forgetWaiting(owner: number): void {
    if (Atomics.compareExchange(this.words, WAITING + owner, 1, 0) === 1) Atomics.sub(this.words, WAITERS, 1);
  }

  private releaseIfHeldBy(owner: number): boolean {
    if (Atomics.compareExchange(this.words, LOCK, owner + 1, 0) !== owner + 1) return false;
    Atomics.notify(this.words, LOCK, 1);
    return true;
  }
}
