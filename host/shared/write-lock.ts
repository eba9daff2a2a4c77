// The writers' lock of the shared state: one Int32 in a SharedArrayBuffer that every thread
// holds a view of. 0 is free, HANDED_OVER is free for a thread that was already waiting, and
// otherwise it holds owner + 1 of the thread writing (main is owner 0, worker i is owner i + 1).
// Taken with Atomics.compareExchange, waited for with a short spin (spinForFree) and then
// Atomics.wait (woken by Atomics.notify at release), so a collision costs at most a wake-up,
// not the 1 ms (or, built without usleep, 1 s) sleep of SQLite's busy handler.
//
// Fair enough: a waiter that has waited STARVING_AFTER_MS asks for a hand-over, and the next
// release gives the lock to one of the threads waiting then (HANDED_OVER: free only for a
// thread that was waiting before that release), as Go's sync.Mutex does in its starvation
// mode. Otherwise whoever asks first takes a released lock: a hand-over at every release made
// the releasing thread, still running, sleep until the woken one was scheduled (a context
// switch per contended write); and always letting the first take it let the releasing thread
// take it back before a woken one ran, most times: one thread wrote ~7 times as often as the
// other (test/shared/shared-state.test.ts), and the bench's contended save (bench/micro/
// shared-state.ts) never finished 7 000 saves in 20 s. Waiters sleep on a release counter,
// not on the lock word: every release moves it, so a release between a waiter's look and its
// sleep is never missed (on the lock word, HANDED_OVER → taken → HANDED_OVER looked unchanged
// and the waiter slept through its turn until WAIT_BEFORE_CHECK_MS); and the counter read when
// a thread starts to wait tells whether a release has happened since (the entitlement). All
// waiters are woken, not one: the one Atomics.notify would pick may not be entitled yet.
//
// A thread that dies holding it: the main thread calls releaseLocksOf(owner) when the worker
// exits; a waiter that has waited WAIT_BEFORE_CHECK_MS looks at the holder's alive flag (set
// when it opened, cleared when it closed or was released as dead) and takes over a lock whose
// holder is gone. A thread that dies while waiting is taken off the waiters' count the same
// two ways, so a release does not hand the lock to nobody for ever; were it handed over to
// nobody anyway, a waiter takes it after WAIT_BEFORE_CHECK_MS.

/**
 * Slots: [0] the lock word, [1] how many wait, [2] how many releases there were (wrapping),
 * [3] how many of the waiters starve (waited STARVING_AFTER_MS), [4 + owner] 1 while that owner
 * is alive, then [4 + MAX_OWNERS + owner] 1 while that owner waits, 2 while it starves.
 */
const LOCK = 0;
const WAITERS = 1;
const RELEASES = 2;
const STARVING = 3;
const ALIVE = 4;
export const MAX_OWNERS = 1024;
const WAITING = ALIVE + MAX_OWNERS;
export const LOCK_BYTES = (WAITING + MAX_OWNERS) * Int32Array.BYTES_PER_ELEMENT;
/** The lock word after a release with waiters: free, but only for a thread that was waiting then. */
const HANDED_OVER = -1;

/** A waiter that waited this long asks for the lock to be handed to it (see release). */
export const STARVING_AFTER_MS = 1;
/** How long a thread that finds the lock taken looks for it to be free before it sleeps (spinForFree). */
export const SPIN_US = 30;
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
    if (this.spinForFree()) return;
    // read before this thread counts as waiting: a release that saw it counted moves it after
    const releases = Atomics.load(this.words, RELEASES);
    this.startWaiting();
    try {
      this.waitForTurn(releases);
    } finally {
      this.forgetWaiting(this.owner);
    }
  }

  /**
   * A write holds the lock some 20-30 µs: before going to sleep (a futex wait, then a wake-up
   * for both threads), look for a free lock for up to SPIN_US, as Go's mutex spins a little.
   * Only a free one: a handed-over lock is for the threads that were waiting.
   */
  private spinForFree(): boolean {
    const until = performance.now() + SPIN_US / 1000;
    for (;;) {
      for (let i = 0; i < 64; i++) {
        if (Atomics.load(this.words, LOCK) === 0 && Atomics.compareExchange(this.words, LOCK, 0, this.me) === 0) return true;
      }
      if (performance.now() >= until) return false;
    }
  }

  release(): void {
    // a waiter that starves gets the lock, not whoever asks first; otherwise the first to ask
    // (often this thread again, still running, while a woken one is not yet scheduled) takes it
    const handOver = Atomics.load(this.words, STARVING) > 0;
    if (Atomics.compareExchange(this.words, LOCK, this.me, handOver ? HANDED_OVER : 0) !== this.me) {
      throw new Error(`shared state: owner ${this.owner} released a write lock held by ${this.holder() ?? 'nobody'}`);
    }
    this.released(handOver || Atomics.load(this.words, WAITERS) > 0);
  }

  /** After the lock word changed: the counter moves (the lock word first: a waiter that sees the counter moved sees the word), waiters wake. */
  private released(wake: boolean): void {
    Atomics.add(this.words, RELEASES, 1);
    if (wake) Atomics.notify(this.words, RELEASES);
  }

  /** Main thread, when a worker died: that owner is gone and any lock it held (or wait it was counted in) is freed. */
  releaseOwner(owner: number): boolean {
    Atomics.store(this.words, ALIVE + owner, 0);
    this.forgetWaiting(owner);
    return this.releaseIfHeldBy(owner);
  }

  /**
   * The slow path. A handed-over lock may be this thread's once a release happened since it
   * started to wait (the counter moved from `releasesAtStart`), or after it waited
   * WAIT_BEFORE_CHECK_MS for one (a release that counted a waiter who has died since hands over
   * to nobody).
   */
  private waitForTurn(releasesAtStart: number): void {
    let waitedMs = 0;
    for (;;) {
      const releases = Atomics.load(this.words, RELEASES);
      const seen = Atomics.load(this.words, LOCK);
      const entitled = seen === HANDED_OVER && (releases !== releasesAtStart || waitedMs >= WAIT_BEFORE_CHECK_MS);
      if (seen === 0 || entitled) {
        if (Atomics.compareExchange(this.words, LOCK, seen, this.me) === seen) return;
        continue;
      }
      if (seen === this.me) throw new Error(`shared state: owner ${this.owner} asked for the write lock it already holds`);
      const started = performance.now();
      // returns at once if a release came after the two reads above
      Atomics.wait(this.words, RELEASES, releases, WAIT_BEFORE_CHECK_MS);
      waitedMs += performance.now() - started;
      if (waitedMs >= STARVING_AFTER_MS) this.startStarving();
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

  private startStarving(): void {
    if (Atomics.compareExchange(this.words, WAITING + this.owner, 1, 2) === 1) Atomics.add(this.words, STARVING, 1);
  }

  /** Takes `owner` off the waiters' (and starving) count if it is on it (once, whoever asks). */
  private forgetWaiting(owner: number): void {
    const was = Atomics.exchange(this.words, WAITING + owner, 0);
    if (was >= 1) Atomics.sub(this.words, WAITERS, 1);
    if (was === 2) Atomics.sub(this.words, STARVING, 1);
  }

  private releaseIfHeldBy(owner: number): boolean {
    if (Atomics.compareExchange(this.words, LOCK, owner + 1, 0) !== owner + 1) return false;
    this.released(true);
    return true;
  }
}
