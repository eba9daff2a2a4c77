// $C(xy): xlog's colour PV, x the foreground and y the background letter. Kamailio gives the
// terminal codes only when it logs to a terminal (log_stderror) or force_color is set, else
// an empty string; the server log here is never a terminal, so force_color alone decides.
import type { MsgContext } from '../core/context.js';
import type { PvClass } from '../core/pv.js';
import type { XlogSettings } from './settings.js';
import type { XlogState } from './xlog-service.js';

/** Colour letters: black, red, green, yellow, blue, purple, cyan, white (x: the default). */
const CODES: Readonly<Record<string, number>> = { s: 0, r: 1, g: 2, y: 3, b: 4, p: 5, c: 6, w: 7 };

/** The escape sequence for a valid pair; null when the pair is not two colour letters. */
export function colorCode(pair: string): string | null {
  if (pair.length !== 2) return null;
  const [f, b] = [pair[0]!, pair[1]!];
  const fg = f === 'x' ? '39' : CODES[f] !== undefined ? `3${CODES[f]}` : CODES[f.toLowerCase()] !== undefined && f !== f.toLowerCase() ? `1;3${CODES[f.toLowerCase()]}` : null;
  const bg = b === 'x' ? '49' : CODES[b] !== undefined ? `4${CODES[b]}` : null;
  if (fg === null || bg === null) return null;
  return f === 'x' && b === 'x' ? '\x1b[0m' : `\x1b[${fg};${bg}m`;
}

function settingsOf(ctx: MsgContext): XlogSettings | null {
  const m = ctx.core.modules;
  return m?.has('xlog') ? m.get<XlogState>('xlog').settings : null;
}

export const colorPv: PvClass = {
  hasArg: true,
  get(ctx, pair) {
    const code = colorCode(pair);
    if (code === null) {
      ctx.core.logger.log('error', `$C(${pair.slice(0, 8)}): expected two colour letters (foreground x s r g y b p c w S R G Y B P C W, background x s r g y b p c w)`);
      return null;
    }
    return settingsOf(ctx)?.forceColor ? code : '';
  },
};
