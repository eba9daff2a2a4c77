// Garbage collection of this thread, for kemi.stats `gc`: how many collections, how long they
// held the thread, and that time per 10 000 messages received — the figure to watch when a
// change to the message path allocates more or less. Read from V8's 'gc' performance entries
// (one per collection, so nothing is done per message).
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface GcSnapshot {
  /** Collections since start(): all kinds, then by kind. */
  count: number;
  /** Milliseconds the collections took, together. */
  totalMs: number;
  /** totalMs per 10 000 messages received (null before the first message). */
  msPer10kMessages: number | null;
  /** Scavenges of the young generation (cheap, frequent) and full mark-compacts. */
  minor: { count: number; ms: number };
  major: { count: number; ms: number };
  /** Incremental marking steps and weak-callback processing. */
  other: { count: number; ms: number };
  /** The longest single collection, ms. */
  longestMs: number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export class GcStats {
  private observer: PerformanceObserver | null = null;
  private readonly minor = { count: 0, ms: 0 };
  private readonly major = { count: 0, ms: 0 };
  private readonly other = { count: 0, ms: 0 };
  private longestMs = 0;

  /** Starts observing (idempotent); the observer does not keep the process alive. */
  start(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.add(e);
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private add(e: PerformanceEntry): void {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    const bucket = kind === constants.NODE_PERFORMANCE_GC_MINOR ? this.minor : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? this.major : this.other;
    bucket.count++;
    bucket.ms += e.duration;
    if (e.duration > this.longestMs) this.longestMs = e.duration;
  }

  /** The figures, with `messagesReceived` (since start) for the per-10 000 rate. */
  snapshot(messagesReceived: number): GcSnapshot {
    const count = this.minor.count + this.major.count + this.other.count;
    const totalMs = this.minor.ms + this.major.ms + this.other.ms;
    return {
      count,
      totalMs: round(totalMs),
      msPer10kMessages: messagesReceived > 0 ? round((totalMs * 10_000) / messagesReceived) : null,
      minor: { count: this.minor.count, ms: round(this.minor.ms) },
      major: { count: this.major.count, ms: round(this.major.ms) },
      other: { count: this.other.count, ms: round(this.other.ms) },
      longestMs: round(this.longestMs),
    };
  }
}

/** Several threads' snapshots as one (workers): counts and times added, the longest the largest, the rate from the sums. */
export function mergeGcSnapshots(list: readonly GcSnapshot[], messagesReceived: number): GcSnapshot {
  const add = (pick: (g: GcSnapshot) => { count: number; ms: number }) => ({
    count: list.reduce((n, g) => n + pick(g).count, 0),
    ms: round(list.reduce((n, g) => n + pick(g).ms, 0)),
  });
  const totalMs = list.reduce((n, g) => n + g.totalMs, 0);
  return {
    count: list.reduce((n, g) => n + g.count, 0),
    totalMs: round(totalMs),
    msPer10kMessages: messagesReceived > 0 ? round((totalMs * 10_000) / messagesReceived) : null,
    minor: add((g) => g.minor),
    major: add((g) => g.major),
    other: add((g) => g.other),
    longestMs: list.reduce((n, g) => Math.max(n, g.longestMs), 0),
  };
}
