// The figures the bench reads from ksr-host's `kemi.stats`. Some are added by work that lands
// beside this file (route percentiles, a `gc` field, a `workers` list): each reader takes what
// is there and says "not reported" (undefined) for what is not, so the table never invents one.

export interface RouteSummary {
  avg?: number;
  p50?: number;
  p99?: number;
}

type Stats = Record<string, any> | undefined;

export function requestRoute(stats: Stats): RouteSummary {
  const r = stats?.routes?.ksr_request_route;
  if (!r) return {};
  return { avg: num(r.avg), p50: num(r.p50), p99: num(r.p99) };
}

/** Messages the server read (requests and replies), for "per 10 000 messages" figures. */
export function messagesReceived(stats: Stats): number | undefined {
  return num(stats?.messages?.received);
}

/** Milliseconds spent in garbage collection so far, when kemi.stats has a `gc` field: a number of
 *  ms, or an object with one of ms / totalMs / pauseMs / durationMs. */
export function gcMs(stats: Stats): number | undefined {
  const gc = stats?.gc;
  if (typeof gc === 'number') return gc;
  if (gc && typeof gc === 'object') for (const k of ['ms', 'totalMs', 'pauseMs', 'durationMs']) if (typeof gc[k] === 'number') return gc[k];
  return undefined;
}

/** GC ms per 10 000 messages between two kemi.stats snapshots, or undefined without a gc field. */
export function gcPer10kMessages(before: Stats, after: Stats): number | undefined {
  const g0 = gcMs(before) ?? 0;
  const g1 = gcMs(after);
  const m0 = messagesReceived(before) ?? 0;
  const m1 = messagesReceived(after);
  if (g1 === undefined || m1 === undefined || m1 <= m0) return undefined;
  // a counter that went down was reset by kemi.stats_reset: count from zero
  const gc = g1 >= g0 ? g1 - g0 : g1;
  return (gc * 10000) / (m1 - m0);
}

export interface WorkerMemory {
  id: string;
  bytes: number;
  /** Which figure `bytes` is (rssBytes, heapUsedBytes, ...), as the worker reported it. */
  kind: string;
}

/** The worker list of kemi.stats (an array, or an object keyed by worker), when there is one. */
function workerEntries(stats: Stats): Array<[string, any]> | undefined {
  const w = stats?.workers;
  if (Array.isArray(w)) return w.map((e, i) => [String(e?.id ?? e?.index ?? i), e]);
  if (w && typeof w === 'object' && !('count' in w)) return Object.entries(w);
  if (w && typeof w === 'object' && Array.isArray(w.list)) return w.list.map((e: any, i: number) => [String(e?.id ?? i), e]);
  return undefined;
}

/** How many workers the server runs, as kemi.stats says it. */
export function workerCount(stats: Stats): number | undefined {
  if (typeof stats?.workers === 'number') return stats.workers;
  if (typeof stats?.workers?.count === 'number') return stats.workers.count;
  return workerEntries(stats)?.length;
}

/** Each worker's own memory figure, when kemi.stats lists workers. */
export function workerMemory(stats: Stats): WorkerMemory[] | undefined {
  const entries = workerEntries(stats);
  if (!entries) return undefined;
  const out: WorkerMemory[] = [];
  for (const [id, e] of entries) {
    for (const kind of ['rssBytes', 'heapUsedBytes', 'memoryBytes']) {
      const v = num(e?.[kind] ?? e?.process?.[kind] ?? e?.runtime?.[kind]);
      if (v !== undefined) {
        out.push({ id, bytes: v, kind });
        break;
      }
    }
  }
  return out.length ? out : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
