// The operating system's id of the calling thread (Linux: /proc/thread-self names it), so that
// an operator can give the socket thread and the workers their own scheduling (`chrt -p`,
// `taskset -p`): Node names no thread and sets no thread's policy itself. Read once per
// thread (each worker thread loads its own copy of this module); null where /proc has no
// thread-self (not Linux).
import { readlinkSync } from 'node:fs';

let cached: number | null | undefined;

export function osThreadId(): number | null {
  if (cached !== undefined) return cached;
  try {
    // "PID/task/TID"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    cached = Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    cached = null;
  }
  return cached;
}
