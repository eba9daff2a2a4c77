// The {line.*} class (Kamailio tr_eval_line): lines of a multi-line value (a body). Kamailio
// ends every line transformation as a string, {line.count} included, and drops a final '\r'
// from the line it returns. Missing lines are ""; an empty value or an int fails (null).
import { intParam, strParam, type TrDefinition } from './types.js';
import { onBytes } from './bytes.js';

const dropCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);

function lineAt(s: string, n: number): string {
  if (n >= 0) return s.split('\n')[n] ?? '';
  const lines = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  return lines[lines.length + n] ?? '';
}

function count(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return s.endsWith('\n') ? n : n + 1;
}

/** The first line starting with `prefix`, "" when none. */
function startingWith(s: string, prefix: string): string {
  return s.split('\n').find((l) => l.startsWith(prefix)) ?? '';
}

export const LINE_TRANSFORMATIONS: Readonly<Record<string, TrDefinition>> = {
  count: { params: '', run: (v) => (typeof v === 'string' && v !== '' ? String(count(v)) : null) },
  at: {
    params: 'n',
    run: (v, p, read) => {
      const n = intParam(p[0], read);
      return typeof v === 'string' && v !== '' && n !== null ? onBytes(v, (s) => dropCr(lineAt(s, n))) : null;
    },
  },
  sw: {
    params: 's',
    run: (v, p, read) => {
      const prefix = strParam(p[0], read);
      return typeof v === 'string' && v !== '' && prefix !== null ? dropCr(startingWith(v, prefix)) : null;
    },
  },
};
