// One worker's answer to 'stats' (bin/worker-thread.ts), and what of it is a count since the
// worker started and what a level of now: a worker that dies takes its levels with it, its
// counts stay in the whole server's sums (stats-carry.ts).
import type { GcSnapshot } from '../core/gc-stats.js';
import { mergeGcSnapshots } from '../core/gc-stats.js';
import type { MessageCountsSnapshot } from '../core/message-counts.js';
import type { RouteFigures } from '../core/route-stats.js';
import { mergeRouteStats, sumCounters } from './merge-stats.js';

export interface WorkerStats {
  routes: Record<string, RouteFigures>;
  messages: Record<string, unknown>;
  sip: MessageCountsSnapshot;
  store: { failures: number };
  transport: Record<string, number>;
  sends: { ownUdp: number; viaSocketThread: number };
  overload: Record<string, unknown>;
  limitThrottle: Record<string, unknown>;
  tm: Record<string, number>;
  gc: GcSnapshot;
  runtime: { engine: string; language: string; memoryBytes: number; reloads: number; rebuilds: number; renewals: number; timeoutsKept: number; ready: boolean };
  thread: { heapUsedBytes: number; heapTotalBytes: number; osThreadId: number | null; realtimePriority: number | null; uncaughtExceptions?: number; unhandledRejections?: number };
}

type Section = 'transport' | 'overload' | 'limitThrottle' | 'tm' | 'runtime' | 'thread';

/**
 * The figures of an answer that are levels, by section; every other number is a count since the
 * worker started. A level added to a snapshot and not named here is carried past the worker's
 * death as if it were a count: name it here.
 */
export const LEVELS: Record<Section, readonly string[]> = {
  transport: ['tcpConnectionsOpen', 'wsConnectionsOpen', 'udpRxQueueBytes'],
  overload: ['overloaded', 'utilisation', 'projected', 'loopLagMaxMs', 'queueStandingMaxMs', 'admitFactor', 'sourcesTracked', 'overloadedWorkers'],
  limitThrottle: ['throttledNow', 'tracked'],
  // tm-core.ts' TM_LEVELS (host/workers does not import host/tm: capability cycle; a test holds them equal)
  tm: ['transactions', 'branches', 'timers'],
  runtime: ['memoryBytes', 'ready'],
  thread: ['heapUsedBytes', 'heapTotalBytes', 'osThreadId', 'realtimePriority'],
};

/** The counts of an answer, its levels left out: what a dead worker's life adds to the server's sums. */
export function countsOf(s: WorkerStats): WorkerStats {
  const out = structuredClone(s);
  for (const [section, keys] of Object.entries(LEVELS)) {
    const figures = out[section as Section] as Record<string, unknown>;
    for (const k of keys) if (k in figures) figures[k] = typeof figures[k] === 'number' ? 0 : figures[k] === true ? false : figures[k];
  }
  return out;
}

/** Two answers as one: counts added, route figures and collections merged as the server's are. */
export function foldStats(a: WorkerStats, b: WorkerStats): WorkerStats {
  const received = (x: WorkerStats) => Number((x.messages as { received?: number }).received ?? 0);
  const { routes: _ra, gc: _ga, ...restA } = a;
  const { routes: _rb, gc: _gb, ...restB } = b;
  return {
    ...sumCounters([restA, restB]),
    routes: mergeRouteStats([a.routes, b.routes]),
    gc: mergeGcSnapshots([a.gc, b.gc], received(a) + received(b)),
  };
}
