// One xlog line: made only when its level would print (Kamailio's is_printable, so an xdbg
// costs nothing below debug), its format expanded against the message, the prefix put
// before it, cut at buf_size, and written to the server log at the mapped level, with its
// syslog facility as a field of that line when one is set (xlog_facility, log_facility).
import type { MsgContext } from '../core/context.js';
import { expandFormat, type FormatResult } from '../core/pv-format.js';
import { readPv } from '../core/pv.js';
import { pvEnd } from '../core/pv-scan.js';
import { isPrintable, serverLevel } from './levels.js';
import type { XlogSettings } from './settings.js';

/** What a cut line ends with (the rest was not even made: see expandBounded). */
export const cutMarker = (max: number): string => ` [... cut at ${max} characters (buf_size)]`;

/** At most max characters; a longer text keeps its start and says it was cut. */
export function cutLine(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max) + cutMarker(max);
}

/**
 * expandFormat, bounded: once the text passes max characters the PVs after are only checked
 * (an unknown name still fails the format, as in Kamailio), not read, so a format of many
 * large PVs ($mb a thousand times) never builds more than about max plus one value.
 */
export function expandBounded(ctx: MsgContext, format: string, max: number): FormatResult {
  if (!format.includes('$')) return { ok: true, text: format };
  let out = '';
  let at = 0;
  for (let i = format.indexOf('$'); i >= 0; i = format.indexOf('$', at)) {
    const end = pvEnd(format, i);
    if (end < 0) {
      if (out.length <= max) out += format.slice(at, i + 1);
      at = i + 1;
      continue;
    }
    const name = format.slice(i, end);
    if (out.length > max) {
      const spec = ctx.core.pvs.resolve(name);
      if ('error' in spec) return { ok: false, error: spec.error };
    } else {
      const r = readPv(ctx, name);
      if (!r.ok) return { ok: false, error: r.error };
      out += format.slice(at, i) + (r.value === null ? '<null>' : String(r.value));
    }
    at = end;
  }
  return { ok: true, text: out.length > max ? out : out + format.slice(at) };
}

/** The format as shown in an error: its start only. */
const shown = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s);

function prefixOf(ctx: MsgContext, s: XlogSettings): string {
  if (s.prefixMode === 0 || s.prefix === '') return s.prefix;
  const r = expandFormat(ctx, s.prefix);
  return r.ok ? r.text : s.prefix;
}

/**
 * Writes the line; 1 (also when the level does not print), -1 when the format names a PV that
 * does not exist (Kamailio's "error in parsing evaluated second parameter").
 */
export function writeXlog(ctx: MsgContext, s: XlogSettings, level: number, format: string, fn: string, facility?: string): number {
  if (!isPrintable(level, ctx.core.debugLevel)) return 1;
  const r = expandBounded(ctx, format, s.bufSize);
  if (!r.ok) {
    ctx.core.logger.log('error', `KSR.xlog.${fn}: cannot expand the format ${shown(format)}: ${r.error}`);
    return -1;
  }
  // a script's "...\n" ends the line in Kamailio's log; the server log makes its own lines
  const body = r.text.replace(/[\r\n]+$/, '');
  // the line's syslog facility: xlog_facility's own, else log_facility, else none (the core's)
  const onLine = facility ?? s.logFacility;
  const line = cutLine(prefixOf(ctx, s) + body, s.bufSize);
  if (onLine === null) ctx.core.logger.log(serverLevel(level), line);
  else ctx.core.logger.log(serverLevel(level), line, { facility: onLine });
  return 1;
}
