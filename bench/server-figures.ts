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
  /** The worker thread's V8 heap in use, when reported. */
  heapBytes?: number;
  /** The memory of the worker's script runtime (isolate, wasm heap), when reported. */
  runtimeBytes?: number;
}

/** The worker list of kemi.stats: `workers.perWorker` (the workers branch: {count, perWorker:
 *  [{index, heapUsedBytes, runtimeMemoryBytes, ...}]}), or `workers` itself as an array. */
function workerEntries(stats: Stats): Array<[string, any]> | undefined {
  const w = stats?.workers;
  const list = Array.isArray(w) ? w : Array.isArray(w?.perWorker) ? w.perWorker : undefined;
  return list?.map((e: any, i: number) => [String(e?.index ?? e?.id ?? i), e]);
}

/** How many workers the server runs, as kemi.stats says it. */
export function workerCount(stats: Stats): number | undefined {
  if (typeof stats?.workers === 'number') return stats.workers;
  if (typeof stats?.workers?.count === 'number') return stats.workers.count;
  return workerEntries(stats)?.length;
}

/** Each worker's own memory (threads share the process's RSS: a worker's is its heap and its
 *  runtime's memory), when kemi.stats lists workers. */
export function workerMemory(stats: Stats): WorkerMemory[] | undefined {
  const entries = workerEntries(stats);
  if (!entries?.length) return undefined;
  return entries.map(([id, e]) => {
    const heapBytes = num(e?.heapUsedBytes ?? e?.thread?.heapUsedBytes);
    const runtimeBytes = num(e?.runtimeMemoryBytes ?? e?.runtime?.memoryBytes);
    return { id, ...(heapBytes !== undefined ? { heapBytes } : {}), ...(runtimeBytes !== undefined ? { runtimeBytes } : {}) };
  });
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
