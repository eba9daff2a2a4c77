// CPU time, and how much of the serving thread's time the machine gives it, so that script
// limits count CPU and not wall-clock time (issue 7, item 10).
//
// - processCpuUs(): CPU time of this process (all threads; a route runs on the main thread,
//   so this is its time plus whatever the few helper threads did meanwhile). ~1.4 µs a read,
//   precise to the µs (getrusage sums the threads' exact run times). A message budget starts
//   from processCpuUsAtLeast(): a reading reused for a few ms, rounded up.
// - CpuShare: the share of its runnable time the main thread actually ran, from
//   /proc/thread-self/schedstat (field 1: ns on a CPU, field 2: ns waiting on a run queue),
//   sampled on a timer, never per message. An isolate's timeout is wall-clock (a timer thread
//   calls TerminateExecution), so it is set to the CPU limit divided by this share, capped.
import { openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export function processCpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** How many threads of this process can run at once: the most CPU µs one wall-clock µs can add. */
const CORES = Math.max(1, availableParallelism());
/**
 * A recent reading of processCpuUs, for a message budget's start. getrusage sums every thread
 * (~0.8-1.4 µs, 5.7 % of the main thread under sipp load when read per message).
 */
let lastCpuUs = 0;
let lastReadMs = -Infinity;

/**
 * The process's CPU time now, or a little more (never less): the last reading plus the
 * wall-clock time since, times the cores (no process can run faster), while that reading is
 * younger than `maxErrorMs` / cores; else a fresh reading. A budget that starts from it
 * counts at most `maxErrorMs` less CPU than was used: a route may run that much longer,
 * never past the budget's wall-clock cap.
 */
export function processCpuUsAtLeast(maxErrorMs: number): number {
  const now = performance.now();
  const age = now - lastReadMs;
  if (age * CORES <= maxErrorMs) return lastCpuUs + age * 1000 * CORES;
  lastCpuUs = processCpuUs();
  lastReadMs = performance.now();
  return lastCpuUs;
}

/**
 * How far a wall-clock deadline may be stretched past the CPU limit, whatever the share says.
 * 1.3: a route of half the limit survives a machine that gives the server half a core (another
 * busy process on its core: measured 104-115 ms of wall-clock time for 55 ms of CPU), and a
 * spinning script still ends with room inside the bound of 2× the CPU limit of
 * unanswered time, which also holds the time to stop it and to reply (measured under `npm test`,
 * two servers at once, with a cap of 1.5: the probes waited up to 200-203 ms; with 2, on a
 * machine loaded at 8-9, 230-300 ms). On an idle machine the stretch is 1.
 */
export const MAX_STRETCH = 1.3;
/** How often the share is sampled. */
const SAMPLE_MS = 100;
/** A window in which the thread was runnable for less than this says nothing about the share. */
const MIN_RUNNABLE_NS = 2_000_000;
/** A window runnable this long moves the share half way to what it saw (a whole busy window of SAMPLE_MS: two thirds). */
const WEIGHT_HALF_NS = 50_000_000;

/**
 * The share after a sampling window in which the thread ran `runNs` and waited `waitNs` for a
 * core. A window counts by how long the thread was runnable in it: a few ms of wake-ups say
 * little (each waits a moment for a core: on an idle machine, windows of 2.0 ms run and 2.4 ms
 * wait, weighed like any other, held the share near 0.7 and let a spinning script run 130 ms
 * of a 100 ms limit); a window of steady work behind another process says much.
 */
export function nextShare(share: number, runNs: number, waitNs: number): number {
  const runnable = runNs + waitNs;
  // an idle window says little (a thread that wakes up is served first): drift back to 1
  // slowly, so that the pause between two requests does not forget a busy core (~2 s)
  if (runnable < MIN_RUNNABLE_NS) return share + (1 - share) * 0.1;
  const weight = runnable / (runnable + WEIGHT_HALF_NS);
  return share + weight * (runNs / runnable - share);
}

class CpuShare {
  private fd = -1;
  private readonly buf = Buffer.alloc(128);
  private lastRun = 0;
  private lastWait = 0;
  /** Share of runnable time spent on a CPU, 0..1 (1: the thread never waited for one). */
  private share = 1;
  private timer: NodeJS.Timeout | null = null;

  /** Starts sampling (once per process); without /proc the share stays 1 (wall-clock limits). */
  start(): void {
    if (this.timer || this.fd === -2) return;
    try {
      // opened from the main thread: 'thread-self' is bound to it for the life of the fd
      this.fd = openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      this.fd = -2;
      return;
    }
    const first = this.read();
    if (!first) return;
    [this.lastRun, this.lastWait] = first;
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  private read(): [number, number] | null {
    try {
      const n = readSync(this.fd, this.buf, 0, this.buf.length, 0);
      const [run, wait] = this.buf.toString('latin1', 0, n).split(' ');
      return [Number(run), Number(wait)];
    } catch {
      return null;
    }
  }

  private sample(): void {
    const now = this.read();
    if (!now) return;
    this.share = nextShare(this.share, now[0] - this.lastRun, now[1] - this.lastWait);
    [this.lastRun, this.lastWait] = now;
  }

  /** The factor a CPU limit is multiplied by to make a wall-clock deadline: 1..MAX_STRETCH. */
  stretch(): number {
    return Math.min(MAX_STRETCH, 1 / Math.max(this.share, 1e-3));
  }

  /** For tests: the share now. */
  current(): number {
    return this.share;
  }
}

export const cpuShare = new CpuShare();
