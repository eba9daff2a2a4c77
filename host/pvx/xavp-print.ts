// pv_xavp_print / pv_xavu_print / pv_xavi_print: the whole root to the log at info, one line
// per fact, as Kamailio's xavp_print_list (value types numbered as its sr_xtype_t: 0 null,
// 1 long, 2 str, 5 xavp; no item ids: they are addresses there).
import type { MsgContext } from '../core/context.js';
import { XavpList, type XavpKind } from '../core/xavp.js';
import { peekRoot } from './xavp-ops.js';

function typeOf(v: unknown): number {
  if (v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  return 5;
}

function lines(list: XavpList, label: string, depth: number, out: string[]): void {
  const pad = '    '.repeat(depth);
  for (const e of list.entries) {
    out.push(`${pad}${label} name: ${e.name}`);
    out.push(`${pad}    ${label} value type: ${typeOf(e.value)}`);
    if (e.value instanceof XavpList) {
      out.push(`${pad}    ${label} value: <xavp:${e.value.entries.length}>`);
      lines(e.value, label, depth + 1, out);
    } else if (e.value !== null) out.push(`${pad}    ${label} value: ${e.value}`);
  }
}

/** The lines printed for one root (start and end marks included). */
export function printLines(ctx: MsgContext, kind: XavpKind): string[] {
  const label = kind.toUpperCase();
  const out = [`*** ${label} List Start ***`];
  const root = peekRoot(ctx, kind);
  if (root) lines(root, label, 0, out);
  out.push(`*** ${label} List End ***`);
  return out;
}

export function printRoot(ctx: MsgContext, kind: XavpKind): number {
  for (const line of printLines(ctx, kind)) ctx.core.logger.log('info', line);
  return 1;
}
