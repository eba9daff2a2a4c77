// What sipp's last statistics screen says about a finished run: successful and failed calls,
// retransmissions, the call rate it achieved. Shared by the load tests and bench/.
import type { SippRun } from './sipp.js';

export interface SippOutcome {
  ok: number;
  failed: number;
  /** The sum of the Retrans column of the last scenario screen. */
  retrans: number;
  /** sipp's cumulative call rate, when its screen shows one. */
  rate?: number;
}

export function sippOutcome(run: SippRun): SippOutcome {
  const ok = Number(/Successful call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(last(run.stdout, 'Successful call'))?.[1] ?? NaN);
  const failed = Number(/Failed call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(last(run.stdout, 'Failed call'))?.[1] ?? NaN);
  const screen = run.stdout.slice(run.stdout.lastIndexOf('Messages  Retrans'));
  let retrans = 0;
  // a message line: `REGISTER ---------->  [B-RTD1] Messages Retrans ...` (the RTD mark when the
  // scenario starts or stops a response-time timer there)
  for (const m of screen.matchAll(/(?:-+>|<-+)\s+(?:[BE]-RTD\d+\s+)?(\d+)\s+(\d+)/g)) retrans += Number(m[2]);
  const rate = /Call Rate\s*\|[^|]*\|\s*([\d.]+) cps/.exec(last(run.stdout, 'Call Rate'))?.[1];
  return { ok, failed, retrans, ...(rate ? { rate: Number(rate) } : {}) };
}

function last(text: string, marker: string): string {
  const at = text.lastIndexOf(marker);
  return at < 0 ? '' : text.slice(at, at + 200);
}
