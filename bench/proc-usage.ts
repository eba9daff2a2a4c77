// CPU and memory of a server as /proc sees it: the process and every descendant (Kamailio's
// workers are processes, ksr-host's are threads; /proc/PID/stat counts all threads of a process).
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The pid and its descendants, found through the ppid field of /proc/N/stat. */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) parent.set(Number(name), Number(stat[1]));
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** SCHED_FIFO 10 (chrt -f) on every thread of the process tree of `pid`; throws when refused. */
export function realtimeTree(pid: number): void {
  for (const p of processTree(pid)) execFileSync('chrt', ['-f', '-a', '-p', '10', String(p)], { stdio: 'pipe' });
}

/** The first child of a process (bin/ksr-host.mjs's is the server itself), or undefined. */
export function firstChild(pid: number): number | undefined {
  return processTree(pid).find((p) => p !== pid && Number(readStat(p)?.[1]) === pid);
}

/** Fields of /proc/PID/stat after the command name (field 3 on), or undefined if it is gone. */
function readStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime+stime of the process tree, in µs. */
export function cpuMicros(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    const f = readStat(pid);
    // utime and stime are fields 14 and 15; the slice starts at field 3
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1e6) / TICKS_PER_S;
}

/** A "Name:   N kB" field of a /proc file, summed over the process tree, in bytes. */
function treeKb(root: number, file: string, field: RegExp): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      kb += Number(field.exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kb * 1024;
}

/** Proportional set size of the tree in bytes (RSS with shared pages divided among sharers,
 *  so Kamailio's shared memory is not counted once per worker). */
export function pssBytes(root: number): number {
  return treeKb(root, 'smaps_rollup', /^Pss:\s+(\d+) kB/m);
}

/** Resident set size of the tree in bytes (VmRSS summed: pages shared by Kamailio's processes
 *  count once per process; for ksr-host, one process, it is the process's RSS). */
export function rssBytes(root: number): number {
  return treeKb(root, 'status', /^VmRSS:\s+(\d+) kB/m);
}
