// Micro-benchmark harness: a case prepares the state of n operations outside the clock (fresh
// parsed messages, so no lazy parse is already cached), then runs them; the figure is µs of
// CPU per operation (user + system time of the process, process.cpuUsage, around the round),
// over 7 rounds after a warm-up round. CPU time, not wall-clock: on this shared 2-core machine
// (load 7-12 while five sessions ran) a round's wall-clock time included the time the process
// waited for a core, and wall-clock figures of the same code moved 2-4x between minutes. The
// budget is checked against the best round (the piece's own cost; a later round can still be
// slowed by caches other processes emptied); the median and the best wall-clock time are
// printed beside it. No forced collection between rounds: after a full gc() the young
// generation starts small again and the next round ran 3x slower (parse: 6 → 18-24 µs), which
// is not how a serving process runs.
import { PerformanceObserver } from 'node:perf_hooks';

export interface MicroCase {
  name: string;
  /** Budget in µs of CPU per operation: the best round must stay at or under it. */
  budgetUs: number;
  /** Pure CPU (no system call, no event loop): stable from run to run on a quiet core. */
  pureCpu: boolean;
  /** What the budget is set from (Kamailio's cost for the same work, what we reached). */
  why: string;
  /** Operations per round. */
  ops: number;
  /** Builds everything n operations need; returns the timed part. */
  prepare(n: number): Promise<() => void | Promise<void>> | (() => void | Promise<void>);
}

export interface MicroResult {
  name: string;
  /** µs of CPU per operation: best and median round. */
  bestUs: number;
  medianUs: number;
  /** µs of wall-clock time per operation, best round. */
  bestWallUs: number;
  budgetUs: number;
  pureCpu: boolean;
  over: boolean;
  /** Garbage collection during the measured rounds: ms per 10 000 operations (wall-clock). */
  gcMsPer10k: number;
}

export async function measure(c: MicroCase, rounds = 7): Promise<MicroResult> {
  const cpu: number[] = [];
  const wall: number[] = [];
  let gcMs = 0;
  let counting = false;
  const gc = new PerformanceObserver((list) => {
    if (counting) for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  for (let r = 0; r <= rounds; r++) {
    const run = await c.prepare(c.ops);
    await new Promise((resolve) => setImmediate(resolve)); // the preparation's GC entries are delivered
    counting = r > 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await run();
    const t = Number(process.hrtime.bigint() - t0) / 1000;
    const used = process.cpuUsage(c0);
    await new Promise((resolve) => setImmediate(resolve)); // and the round's
    counting = false;
    if (r === 0) continue; // round 0 warms the code up
    cpu.push((used.user + used.system) / c.ops);
    wall.push(t / c.ops);
  }
  gc.disconnect();
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  const bestUs = cpu[0]!;
  return {
    name: c.name, bestUs, medianUs: cpu[Math.floor(cpu.length / 2)]!, bestWallUs: wall[0]!,
    budgetUs: c.budgetUs, pureCpu: c.pureCpu, over: bestUs > c.budgetUs, gcMsPer10k: (gcMs * 10_000) / (c.ops * rounds),
  };
}
