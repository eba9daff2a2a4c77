// Kamailio's "format" strings (pv_printf): text with pseudo-variables in it, expanded against
// a message (`"caller $fU from $si"`). Used by pvx.evalx/pv_printf, xlog-style functions and
// anything else that takes a format. A `$` not followed by a PV name stays as it is; a name
// that does not parse as a PV of this core makes the whole format fail (null), as
// pv_parse_format does, and the caller reports it.
import type { MsgContext } from './context.js';
import { readPv, type PvValue } from './pv.js';
import { pvEnd } from './pv-scan.js';

export type FormatResult = { ok: true; text: string } | { ok: false; error: string };

/** How a value prints inside a format: $null as "<null>" (Kamailio's pv_printf). */
function printed(v: PvValue): string {
  return v === null ? '<null>' : String(v);
}

export function expandFormat(ctx: MsgContext, format: string): FormatResult {
  if (!format.includes('$')) return { ok: true, text: format };
  let out = '';
  let at = 0;
  for (let i = format.indexOf('$'); i >= 0; i = format.indexOf('$', at)) {
    const end = pvEnd(format, i);
    if (end < 0) {
      out += format.slice(at, i + 1);
      at = i + 1;
      continue;
    }
    const r = readPv(ctx, format.slice(i, end));
    if (!r.ok) return { ok: false, error: r.error };
    out += format.slice(at, i) + printed(r.value);
    at = end;
  }
  return { ok: true, text: out + format.slice(at) };
}
