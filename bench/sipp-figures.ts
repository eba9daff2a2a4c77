// The response times a finished sipp run measured, from the -trace_rtt file its scenario's
// start_rtd/rtd attributes fill (bench/scenarios/). Its outcome (ok, failed, retransmissions,
// rate) is test/support/sipp-outcome.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SippRun } from '../test/support/sipp.js';

export interface ResponseTimes {
  /** How many request → response times sipp wrote. */
  count: number;
  /** 99th percentile (nearest rank), ms. */
  p99Ms: number;
  /** Share of the times under 1 ms, in %. */
  under1MsPct: number;
  /** The smallest non-zero time seen: the step of sipp's clock (4 ms on a 250 Hz kernel). */
  stepMs: number;
}

/** The sipp arguments that make it write every response time to <scenario>_<pid>_rtt.csv. */
export const TRACE_RTT_ARGS = ['-trace_rtt'];

/**
 * Every response time of the run, all RTD timers pooled (register-auth has two: REGISTER → 401
 * and REGISTER → 200). sipp measures them on its own clock, in whole milliseconds of its tick,
 * so "under 1 ms" means "answered within the tick the request left in", as the first bucket of
 * sipp's ResponseTimeRepartition (< 1 ms) counts it.
 */
export function responseTimes(run: SippRun): ResponseTimes | undefined {
  const file = readdirSync(run.dir).find((f) => f.endsWith('_rtt.csv'));
  if (!file) return undefined;
  // Date_ms;response_time_ms;rtd_no
  const times: number[] = [];
  for (const line of readFileSync(join(run.dir, file), 'utf8').split('\n')) {
    const value = Number(line.split(';')[1]);
    if (line && Number.isFinite(value)) times.push(value);
  }
  if (!times.length) return undefined;
  times.sort((a, b) => a - b);
  const under1 = times.filter((t) => t < 1).length;
  return {
    count: times.length,
    p99Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]!,
    under1MsPct: (100 * under1) / times.length,
    stepMs: times.find((t) => t > 0) ?? 0,
  };
}
