// Execution time of each script callback, in microseconds: count, sum, min, max and avg,
// the figures Kamailio's KEMI performance tests report, measured by the engine itself.
export interface RouteFigures {
  count: number;
  sum: number;
  min: number;
  max: number;
  avg: number;
}

interface Accumulator {
  count: number;
  sumNs: bigint;
  minNs: bigint;
  maxNs: bigint;
}

export class RouteStats {
  private readonly byCallback = new Map<string, Accumulator>();

  record(callback: string, elapsedNs: bigint): void {
    let a = this.byCallback.get(callback);
    if (!a) {
      a = { count: 0, sumNs: 0n, minNs: elapsedNs, maxNs: elapsedNs };
      this.byCallback.set(callback, a);
    }
    a.count++;
    a.sumNs += elapsedNs;
    if (elapsedNs < a.minNs) a.minNs = elapsedNs;
    if (elapsedNs > a.maxNs) a.maxNs = elapsedNs;
  }

  snapshot(): Record<string, RouteFigures> {
    const out: Record<string, RouteFigures> = {};
    for (const [name, a] of this.byCallback) {
      const sum = Number(a.sumNs) / 1000;
      out[name] = {
        count: a.count,
        sum: Math.round(sum),
        min: Math.round(Number(a.minNs) / 1000),
        max: Math.round(Number(a.maxNs) / 1000),
        avg: Math.round((sum / a.count) * 1000) / 1000,
      };
    }
    return out;
  }

  reset(): void {
    this.byCallback.clear();
  }
}
