// SCHED_FIFO 10 for a process tree (chrt, root only), as `npm run bench` runs its servers and
// sipp: a test whose claim is the server's own policy under a rate (test/load/) is then not
// judged on what other processes of a shared machine did meanwhile. The kernel's RT throttle
// (sched_rt_runtime_us) still leaves 5 % of each core to the rest.
import { realtimeTree } from '../../bench/proc-usage.js';

/**
 * Whether the tree of `pid` now runs under chrt -f 10. False, and it runs as it was, when not
 * root or when the kernel refuses (a container without CAP_SYS_NICE: root there may not).
 */
export function realtimeWhenRoot(pid: number): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    realtimeTree(pid);
    return true;
  } catch {
    return false;
  }
}
