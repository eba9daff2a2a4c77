// A source that keeps running the script into its limits is throttled, not the whole server.
// Each callback stopped by the CPU or memory limit costs up to the whole budget (and, when the
// interpreter cannot be kept, a rebuild): counted per source address in a small bounded table,
// a source with `hits` of them within `windowMs` has its requests answered with a stateless
// 503 (Retry-After) before the script runs, for `blockMs`. Other sources are served as before.
// Any runtime: the engine counts the outcome, whatever interpreter produced it.

export interface LimitThrottleSettings {
  /** Limit hits within the window that throttle a source. */
  hits: number;
  windowMs: number;
  /** How long a throttled source is refused. */
  blockMs: number;
  /** Sources tracked at most; the one least recently seen hitting a limit is forgotten first. */
  maxSources: number;
}

export const DEFAULT_LIMIT_THROTTLE: Readonly<LimitThrottleSettings> = Object.freeze({
  hits: 5,
  windowMs: 10_000,
  blockMs: 10_000,
  maxSources: 1024,
});

export interface LimitThrottleCounters {
  /** Callbacks stopped by a limit, counted against their source. */
  limitHits: number;
  /** Times a source was throttled. */
  throttled: number;
  /** Requests answered 503 without running the script. */
  refused: number;
  /** Sources dropped from the table to keep it bounded. */
  forgotten: number;
}

interface SourceState {
  /** Times of the latest hits, oldest first, at most `hits` of them. */
  hits: number[];
  blockedUntil: number;
}

export class LimitThrottle {
  private readonly sources = new Map<string, SourceState>();
  readonly counters: LimitThrottleCounters = { limitHits: 0, throttled: 0, refused: 0, forgotten: 0 };

  constructor(
    readonly settings: Readonly<LimitThrottleSettings> = DEFAULT_LIMIT_THROTTLE,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds `source` stays throttled (0: serve it). Counts the refusal when it is throttled. */
  refuses(source: string): number {
    const s = this.sources.get(source);
    if (!s || s.blockedUntil === 0) return 0;
    const left = s.blockedUntil - this.now();
    if (left <= 0) {
      s.blockedUntil = 0;
      return 0;
    }
    this.counters.refused++;
    return left;
  }

  /** A callback run for `source` was stopped by a limit. */
  hit(source: string): void {
    this.counters.limitHits++;
    const t = this.now();
    let s = this.sources.get(source);
    if (s) this.sources.delete(source); // re-inserted below: the Map's order is recency
    else s = { hits: [], blockedUntil: 0 };
    this.sources.set(source, s);
    s.hits.push(t);
    if (s.hits.length > this.settings.hits) s.hits.shift();
    if (s.hits.length === this.settings.hits && t - s.hits[0]! <= this.settings.windowMs) {
      s.blockedUntil = t + this.settings.blockMs;
      s.hits = [];
      this.counters.throttled++;
    }
    if (this.sources.size > this.settings.maxSources) this.forgetOldest();
  }

  /** Sources throttled right now. */
  throttledNow(): number {
    const t = this.now();
    let n = 0;
    for (const s of this.sources.values()) if (s.blockedUntil > t) n++;
    return n;
  }

  snapshot(): LimitThrottleCounters & { throttledNow: number; tracked: number } {
    return { ...this.counters, throttledNow: this.throttledNow(), tracked: this.sources.size };
  }

  private forgetOldest(): void {
    const oldest = this.sources.keys().next();
    if (!oldest.done) {
      this.sources.delete(oldest.value);
      this.counters.forgotten++;
    }
  }
}

/** The Retry-After header of a throttled source's 503: whole seconds, at least 1. */
export function retryAfterHeader(leftMs: number): string {
  return `Retry-After: ${Math.max(1, Math.ceil(leftMs / 1000))}`;
}
