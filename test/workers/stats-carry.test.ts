// The whole server's counts stay whole while a worker is slow to answer or restarts: its last
// answer stands in for it, and a former life's counts (not its levels) stay in the sums.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsCarry } from '../../host/workers/stats-carry.js';
import { countsOf, foldStats, LEVELS, type WorkerStats } from '../../host/workers/worker-stats.js';
import { TM_LEVELS } from '../../host/tm/tm-core.js';

function answer(received: number, open: number, inTable: number): WorkerStats {
  return {
    routes: { ksr_request_route: { count: received, sum: received * 50, min: 10, max: 90, avg: 50, p50: 50, p99: 90, histogram: [received] } as never },
    messages: { received, requests: received, malformedReasons: {} },
    sip: { requestsIn: { OPTIONS: received }, repliesIn: {}, requestsOut: {}, repliesOut: { 200: received } },
    store: { failures: 0 },
    transport: { tcpConnectionsOpen: open, tcpStreamsDropped: 1 },
    sends: { ownUdp: received, viaSocketThread: 0 },
    overload: { overloaded: true, utilisation: 0.9, episodes: 2, shed503: 3, sourcesTracked: 4 },
    limitThrottle: { limitHits: 1, throttledNow: 1, tracked: 2 },
    tm: { transactions: inTable, created: received, freed: received - inTable },
    gc: { count: 3, totalMs: 3, msPer10kMessages: null, minor: { count: 3, ms: 3 }, major: { count: 0, ms: 0 }, other: { count: 0, ms: 0 }, longestMs: 1 },
    runtime: { engine: 'v8', language: 'javascript', memoryBytes: 1000, reloads: 1, rebuilds: 1, renewals: 0, timeoutsKept: 2, ready: true },
    thread: { heapUsedBytes: 5, heapTotalBytes: 6, osThreadId: 7, realtimePriority: null, uncaughtExceptions: 1 },
  };
}

const carry = () => {
  let now = 1000;
  const c = new StatsCarry<WorkerStats>({ countsOf, fold: foldStats, now: () => now });
  return { c, advance: (ms: number) => (now += ms) };
};

test('a worker that does not answer is counted with its last answer, marked with its age', () => {
  const { c, advance } = carry();
  c.take([{ index: 0, life: 1, value: answer(10, 0, 0) }, { index: 1, life: 1, value: answer(20, 2, 3) }], []);
  advance(700);
  const r = c.take([{ index: 0, life: 1, value: answer(15, 0, 0) }], [{ index: 1, life: 1 }]);
  assert.deepEqual(r.current.map((x) => [x.index, x.value.messages.received, x.staleMs]), [[0, 15, undefined], [1, 20, 700]]);
  assert.equal(r.former, null);
});

test('a restarted worker counts from 0; its former life\'s counts stay, its levels go', () => {
  const { c } = carry();
  c.take([{ index: 1, life: 1, value: answer(20, 2, 3) }], []);
  // it died: unanswered, in a new life (the pool's life changes when a thread ends)
  const during = c.take([], [{ index: 1, life: 2 }]);
  assert.deepEqual(during.current, [], 'nothing of a dead life stands in for the worker');
  const f = during.former!;
  assert.equal(f.messages.received, 20);
  assert.equal(f.routes.ksr_request_route!.count, 20);
  assert.equal(f.tm.created, 20);
  assert.equal(f.tm.transactions, 0, 'transactions in the table died with it');
  assert.equal(f.transport.tcpConnectionsOpen, 0);
  assert.equal(f.transport.tcpStreamsDropped, 1);
  assert.equal(f.overload.overloaded, false);
  assert.equal(f.overload.episodes, 2);
  assert.equal(f.overload.sourcesTracked, 0);
  assert.equal(f.limitThrottle.throttledNow, 0);
  assert.equal(f.limitThrottle.limitHits, 1);
  assert.equal(f.runtime.memoryBytes, 0);
  assert.equal(f.runtime.timeoutsKept, 2);
  assert.equal(f.thread.uncaughtExceptions, 1);
  // a second death adds the second life's counts
  c.take([{ index: 1, life: 3, value: answer(5, 0, 0) }], []);
  const later = c.take([{ index: 1, life: 5, value: answer(1, 0, 0) }], []);
  assert.equal(later.former!.messages.received, 25);
  assert.equal(later.former!.routes.ksr_request_route!.count, 25);
  assert.equal(later.former!.gc.count, 6);
  assert.deepEqual(later.current.map((x) => x.value.messages.received), [1]);
});

test('a reset clears what it clears in the carried answers too', () => {
  const { c } = carry();
  c.take([{ index: 0, life: 1, value: answer(10, 0, 0) }, { index: 1, life: 1, value: answer(20, 0, 0) }], []);
  c.take([{ index: 0, life: 1, value: answer(10, 0, 0) }], [{ index: 1, life: 2 }]);
  c.reset((x) => ({ ...x, routes: {} }));
  const r = c.take([], [{ index: 0, life: 1 }, { index: 1, life: 2 }]);
  assert.deepEqual(r.former!.routes, {});
  assert.deepEqual(r.current[0]!.value.routes, {});
  assert.equal(r.former!.messages.received, 20, 'counts since start are not reset');
});

test('the levels of tm are tm\'s own', () => {
  assert.deepEqual(LEVELS.tm, TM_LEVELS);
});
