// A worker thread's real-time priority, one step (or `worker_rt_step`) below the socket
// thread's, when the server runs under a real-time policy (`chrt -f 10 ksr-host run`): every
// thread inherits the policy, and a SCHED_FIFO thread is never preempted by another of the same
// priority, so with the socket thread, two workers and a load generator on two cores the socket
// thread waited for a worker's whole batch before it could read or send (every message crosses
// it twice). QuickJS at 4000 registrations/s, 2 workers, beside sipp on 2 cores: every thread
// level, clean in 0 of 7 runs (61-1589 retransmissions); the workers one step below, clean in
// 5 of 10 (ARCHITECTURE.md, "At the edge", thirteenth pass).
//
// Lowering one's own real-time priority needs no privilege (sched(7): with RLIMIT_RTPRIO 0 an
// unprivileged thread may still lower it), but Node has no call for it: `chrt -p` (util-linux,
// on every Debian) does it for the thread's id. Linux only; elsewhere nothing is done.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Linux's scheduling policies (sched.h) that are real-time, with chrt's option for each. */
const REALTIME: Record<number, { name: string; chrtFlag: string }> = {
  1: { name: 'fifo', chrtFlag: '-f' },
  2: { name: 'rr', chrtFlag: '-r' },
};

export interface Scheduling {
  /** Linux's policy number: 0 other, 1 fifo, 2 rr, 3 batch, 5 idle, 6 deadline. */
  policy: number;
  /** The real-time priority, 1-99; 0 under a policy that is not real-time. */
  rtPriority: number;
}

/**
 * The policy and real-time priority from a /proc/.../stat line: fields 40 and 41 (proc(5)),
 * counted after the command name's closing parenthesis (the name may hold spaces and ')').
 */
export function parseStatScheduling(stat: string): Scheduling | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  // field 3 (state) is the first after the name
  const rest = stat.slice(close + 2).split(' ');
  const rtPriority = Number(rest[40 - 3]);
  const policy = Number(rest[41 - 3]);
  if (!Number.isInteger(rtPriority) || !Number.isInteger(policy)) return null;
  return { policy, rtPriority };
}

/** A thread's scheduling, read from /proc; null where that cannot be read (not Linux). */
export function threadScheduling(tid: number | null): Scheduling | null {
  if (tid === null) return null;
  try {
    return parseStatScheduling(readFileSync(`/proc/self/task/${tid}/stat`, 'latin1'));
  } catch {
    return null;
  }
}

/** The real-time priority of a thread, null when it runs under no real-time policy (or unknown). */
export function realtimePriority(tid: number | null): number | null {
  const s = threadScheduling(tid);
  return s && REALTIME[s.policy] ? s.rtPriority : null;
}

export type StepResult =
  /** realtime: the thread runs under a real-time policy (so not stepping it is worth a warning) */
  | { stepped: false; realtime: boolean; why: string }
  | { stepped: true; policy: string; from: number; to: number };

/**
 * Lowers thread `tid`'s real-time priority by `step` (to 1 at least) when it runs under
 * SCHED_FIFO or SCHED_RR; leaves any other policy alone. Never throws: a failure is returned.
 */
export function stepBelowIfRealtime(tid: number | null, step: number): StepResult {
  if (step <= 0) return { stepped: false, realtime: false, why: 'worker_rt_step is 0' };
  const s = threadScheduling(tid);
  if (!s) return { stepped: false, realtime: false, why: 'the thread scheduling cannot be read here (no /proc)' };
  const rt = REALTIME[s.policy];
  if (!rt) return { stepped: false, realtime: false, why: 'not under a real-time policy' };
  const to = Math.max(1, s.rtPriority - step);
  if (to === s.rtPriority) return { stepped: false, realtime: true, why: `already at the lowest real-time priority (${to})` };
  try {
    execFileSync('chrt', [rt.chrtFlag, '-p', String(to), String(tid)], { stdio: 'pipe', timeout: 5000 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    const detail = err.code === 'ENOENT' ? 'chrt (util-linux) is not installed' : (err.stderr?.toString().trim() || err.message);
    return { stepped: false, realtime: true, why: `chrt ${rt.chrtFlag} -p ${to} ${tid} failed: ${detail}` };
  }
  const after = threadScheduling(tid);
  if (after?.rtPriority !== to) return { stepped: false, realtime: true, why: `chrt ran, but the thread's priority is ${after?.rtPriority ?? 'unknown'}, not ${to}` };
  return { stepped: true, policy: rt.name, from: s.rtPriority, to };
}
