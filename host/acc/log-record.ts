// The log backend: Kamailio's acc_log_request line, "<lead>timestamp=T;method=M;from_tag=F;
// to_tag=T;call_id=C;code=N;reason=R" then ";name=value" per log_extra, at log_level.
import type { ScriptLogger } from '../core/services.js';
import { isPrintable, serverLevel } from '../xlog/levels.js';
import type { AccRecord } from './record.js';
import type { AccSettings } from './settings.js';
import { formatTime } from './time-format.js';

/** The leading texts of Kamailio's acc.h. */
export const ACC_LEAD = {
  request: 'ACC: request accounted: ',
  missed: 'ACC: call missed: ',
  answered: 'ACC: transaction answered: ',
} as const;

/** Kamailio's MAX_SYSLOG_SIZE: the attributes stop before a line would pass it. */
export const MAX_ACC_LINE = 65536;

function timePart(r: AccRecord, s: AccSettings): string {
  const sec = Math.floor(r.timeMs / 1000);
  if (s.timeMode === 1) return `timestamp=${sec};${s.timeExten}=${(r.timeMs % 1000) * 1000}`;
  if (s.timeMode === 2) return `timestamp=${sec};${s.timeAttr}=${(r.timeMs / 1000).toFixed(3)}`;
  if (s.timeMode === 3 || s.timeMode === 4) return `timestamp=${sec};${s.timeAttr}=${formatTime(r.timeMs, s.timeFormat, s.timeMode === 4)}`;
  return `timestamp=${sec}`;
}

/** The line, and whether attributes had to be left out to keep it under MAX_ACC_LINE. */
export function accLogLine(lead: string, r: AccRecord, s: AccSettings, extras: ReadonlyArray<string | null>): { line: string; truncated: boolean } {
  const attrs: Array<[string, string]> = [
    ['method', r.method], ['from_tag', r.fromTag], ['to_tag', r.toTag], ['call_id', r.callId], ['code', r.code], ['reason', r.reason],
    ...s.logExtra.map((e, i): [string, string] => [e.name, extras[i] ?? '']),
  ];
  let line = lead + timePart(r, s);
  for (const [k, v] of attrs) {
    const next = `;${k}=${v}`;
    if (line.length + next.length >= MAX_ACC_LINE) return { line, truncated: true };
    line += next;
  }
  return { line, truncated: false };
}

/** Writes the record at log_level (nothing when the debug level hides it); 1, as Kamailio's acc_log_request. */
export function logRecord(log: ScriptLogger, debugLevel: number, lead: string, r: AccRecord, s: AccSettings, extras: ReadonlyArray<string | null>): number {
  if (!isPrintable(s.logLevel, debugLevel)) return 1;
  const { line, truncated } = accLogLine(lead, r, s, extras);
  if (truncated) log.log('warn', 'acc: acc message too long, truncating..');
  log.log(serverLevel(s.logLevel), line);
  return 1;
}
