// Whole-server figures from the workers' own: counters summed (nested objects too), route
// statistics merged exactly (counts and sums added, min of mins, max of maxes, the average
// from the sums; the histograms added bucket by bucket, and p50/p99 read from the sum).
import { percentiles, type RouteFigures } from '../core/route-stats.js';

type Tree = { [k: string]: unknown };

/** Numbers added, objects merged key by key, anything else taken from the first that has it. */
export function sumCounters<T>(list: readonly T[]): T {
  const out: Tree = {};
  for (const item of list) addInto(out, item as Tree);
  return out as T;
}

function addInto(out: Tree, add: Tree): void {
  for (const [k, v] of Object.entries(add ?? {})) {
    const cur = out[k];
    if (typeof v === 'number') out[k] = typeof cur === 'number' ? cur + v : v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) {
      const a = Array.isArray(cur) ? [...(cur as number[])] : [];
      v.forEach((x, i) => (a[i] = (a[i] ?? 0) + x));
      out[k] = a;
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = cur && typeof cur === 'object' ? (cur as Tree) : {};
      addInto(o, v as Tree);
      out[k] = o;
    } else if (!(k in out)) out[k] = v;
  }
}

/** RouteStats snapshots of every worker, as one. */
export function mergeRouteStats(list: readonly Record<string, RouteFigures>[]): Record<string, RouteFigures> {
  const out: Record<string, RouteFigures> = {};
  for (const snap of list) {
    for (const [name, f] of Object.entries(snap)) {
      const m = out[name];
      if (!m) {
        out[name] = { ...f };
        continue;
      }
      const merged = sumCounters([m, f]) as RouteFigures & Tree;
      merged.count = m.count + f.count;
      merged.sum = m.sum + f.sum;
      merged.min = Math.min(m.min, f.min);
      merged.max = Math.max(m.max, f.max);
      merged.avg = merged.count ? Math.round((merged.sum / merged.count) * 1000) / 1000 : 0;
      // the histograms were added bucket by bucket: the server's percentiles come from the sum
      Object.assign(merged, percentiles([...(merged.histogram ?? [])]));
      out[name] = merged;
    }
  }
  return out;
}
