// Execution time of each script callback, in microseconds: count, sum, min, max and avg,
// the figures Kamailio's KEMI performance tests report, measured by the engine itself, and
// p50/p99 from a histogram of log-spaced buckets (four per doubling: a percentile is exact to
// within 19 %). Recording allocates nothing (issue 9): plain numbers and one typed array in one
// accumulator per callback name, made at its first run (a double holds a µs sum exactly up to
// 2^53, ~285 years of CPU).
export interface RouteFigures {
  count: number;
  sum: number;
  min: number;
  max: number;
  avg: number;
  /** The upper bound of the bucket holding the median, and the 99th percentile, µs. */
  p50: number;
  p99: number;
  /** Counts per bucket (bucketUpperUs(i) is bucket i's bound), so workers' figures add up. */
  histogram: number[];
}

/** Buckets per doubling of the time, and how many: bucket i holds times up to 2^((i+1)/4) µs. */
const PER_DOUBLING = 4;
export const BUCKETS = PER_DOUBLING * 30; // up to 2^30 µs, ~18 min: anything longer is in the last

/** The upper bound of bucket i, µs. */
export function bucketUpperUs(i: number): number {
  return Math.round(2 ** ((i + 1) / PER_DOUBLING) * 10) / 10;
}

function bucketOf(us: number): number {
  if (us <= 1) return 0;
  const i = Math.ceil(Math.log2(us) * PER_DOUBLING) - 1;
  return i >= BUCKETS ? BUCKETS - 1 : i < 0 ? 0 : i;
}

/** The bound of the bucket where the running count reaches `share` of the total (0 when empty). */
export function percentileOf(histogram: readonly number[], share: number): number {
  const total = histogram.reduce((n, c) => n + c, 0);
  if (total === 0) return 0;
  const want = Math.ceil(total * share);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= want) return bucketUpperUs(i);
  }
  return bucketUpperUs(histogram.length - 1);
}

interface Accumulator {
  count: number;
  sumUs: number;
  minUs: number;
  maxUs: number;
  buckets: Float64Array;
}

export class RouteStats {
  private readonly byCallback = new Map<string, Accumulator>();

  /** One run of `callback` that took `elapsedUs` µs (wall clock, as the engine measures it). */
  recordUs(callback: string, elapsedUs: number): void {
    let a = this.byCallback.get(callback);
    if (a === undefined) {
      a = { count: 0, sumUs: 0, minUs: elapsedUs, maxUs: elapsedUs, buckets: new Float64Array(BUCKETS) };
      this.byCallback.set(callback, a);
    }
    a.count++;
    a.sumUs += elapsedUs;
    if (elapsedUs < a.minUs) a.minUs = elapsedUs;
    if (elapsedUs > a.maxUs) a.maxUs = elapsedUs;
    a.buckets[bucketOf(elapsedUs)]!++;
  }

  /** As recordUs, in ns (a bigint: the form hrtime.bigint gives). */
  record(callback: string, elapsedNs: bigint): void {
    this.recordUs(callback, Number(elapsedNs) / 1000);
  }

  snapshot(): Record<string, RouteFigures> {
    const out: Record<string, RouteFigures> = {};
    for (const [name, a] of this.byCallback) {
      out[name] = {
        count: a.count,
        sum: Math.round(a.sumUs),
        min: Math.round(a.minUs),
        max: Math.round(a.maxUs),
        avg: Math.round((a.sumUs / a.count) * 1000) / 1000,
        ...percentiles(Array.from(a.buckets)),
      };
    }
    return out;
  }

  reset(): void {
    this.byCallback.clear();
  }
}

/** p50, p99 and the histogram itself, trailing zero buckets left out. */
export function percentiles(histogram: number[]): Pick<RouteFigures, 'p50' | 'p99' | 'histogram'> {
  let end = histogram.length;
  while (end > 0 && histogram[end - 1] === 0) end--;
  const h = histogram.slice(0, end);
  return { p50: percentileOf(h, 0.5), p99: percentileOf(h, 0.99), histogram: h };
}
