// Execution time of each script callback, in microseconds: count, sum, min, max and avg,
// the figures Kamailio's KEMI performance tests report, measured by the engine itself.
// Recording allocates nothing (issue 9): plain numbers in one accumulator per callback name,
// made at its first run (a double holds a µs sum exactly up to 2^53, ~285 years of CPU).
export interface RouteFigures {
  count: number;
  sum: number;
  min: number;
  max: number;
  avg: number;
}

interface Accumulator {
  count: number;
  sumUs: number;
  minUs: number;
  maxUs: number;
}

export class RouteStats {
  private readonly byCallback = new Map<string, Accumulator>();

  /** One run of `callback` that took `elapsedUs` µs (of CPU, as the engine measures it). */
  recordUs(callback: string, elapsedUs: number): void {
    let a = this.byCallback.get(callback);
    if (a === undefined) {
      a = { count: 0, sumUs: 0, minUs: elapsedUs, maxUs: elapsedUs };
      this.byCallback.set(callback, a);
    }
    a.count++;
    a.sumUs += elapsedUs;
    if (elapsedUs < a.minUs) a.minUs = elapsedUs;
    if (elapsedUs > a.maxUs) a.maxUs = elapsedUs;
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
      };
    }
    return out;
  }

  reset(): void {
    this.byCallback.clear();
  }
}
