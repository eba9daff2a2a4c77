// The calling thread's own time, from /proc/thread-self/schedstat (field 1: ns on a CPU, field 2:
// ns runnable but waiting for one), so that a test of a CPU limit can tell the time the server
// held its thread (running, or blocked in a call) from the time a loaded machine gave the core
// to somebody else: on a CI runner with three test files on two cores, the second alone added
// 300 ms of wall-clock time to a script stopped after 130.
import { readFileSync } from 'node:fs';

export interface ThreadTimes {
  /** ns the thread ran on a CPU. */
  runNs: number;
  /** ns the thread was runnable and waited for a CPU. */
  waitNs: number;
}

/**
 * The calling thread's times, or with `pid` that process's main thread's. Zeros where /proc has
 * no schedstat (not Linux, or a kernel without it): held time is then wall-clock time, as before.
 */
export function threadTimes(pid?: number): ThreadTimes {
  let text: string;
  try {
    text = readFileSync(pid === undefined ? '/proc/thread-self/schedstat' : `/proc/${pid}/task/${pid}/schedstat`, 'utf8');
  } catch {
    return { runNs: 0, waitNs: 0 };
  }
  const [run, wait] = text.split(' ');
  return { runNs: Number(run), waitNs: Number(wait) };
}

/** The share of its runnable time a thread ran between two readings (1 when it was never runnable). */
export function runShare(before: ThreadTimes, after: ThreadTimes): number {
  const run = after.runNs - before.runNs;
  const wait = after.waitNs - before.waitNs;
  return run + wait > 0 ? run / (run + wait) : 1;
}

export interface HeldTime<T> {
  value: T;
  wallMs: number;
  runMs: number;
  waitMs: number;
  /** Wall-clock time less the time spent waiting for a CPU: what the caller itself held the thread. */
  heldMs: number;
}

/** Runs fn and says how long it held the thread, apart from the waits for a CPU. */
export function measureHeld<T>(fn: () => T): HeldTime<T> {
  const t0 = threadTimes();
  const w0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - w0;
  const t1 = threadTimes();
  const runMs = (t1.runNs - t0.runNs) / 1e6;
  const waitMs = (t1.waitNs - t0.waitNs) / 1e6;
  return { value, wallMs, runMs, waitMs, heldMs: wallMs - waitMs };
}

export function describeHeld(h: HeldTime<unknown>): string {
  const r = (x: number) => Math.round(x);
  return `${r(h.heldMs)} ms held (${r(h.wallMs)} ms wall-clock: ${r(h.runMs)} ms running, ${r(h.waitMs)} ms waiting for a CPU)`;
}
