// The match operators of htable's functions and PVs, as data: which ops a function takes
// (sht_rm_name: re, sw; sht_match_name: eq, ne, re, sw; sht_cn: eq, ne, re, sw, ew) and the
// prefixes of $shtcn/$shtcv ("~~re", "~%ends", "%~starts", "==equal", no prefix: a regexp).
// Regular expressions are Kamailio's regcomp(REG_EXTENDED|REG_ICASE|REG_NEWLINE), run by the
// linear-time engine (host/text/regex.ts).
import { asBytes, compileRegex, regexTest } from '../text/regex.js';

export type MatchOp = 'eq' | 'ne' | 're' | 'sw' | 'ew';
export type Matcher = (text: string) => boolean;

export const RM_OPS: readonly MatchOp[] = ['re', 'sw'];
export const MATCH_OPS: readonly MatchOp[] = ['eq', 'ne', 're', 'sw'];
export const COUNT_OPS: readonly MatchOp[] = ['eq', 'ne', 're', 'sw', 'ew'];

/** A matcher for `op` against `mval`, or why there is none (an op not in `allowed`, a bad regexp). */
export function matcherOf(op: string, mval: string, allowed: readonly MatchOp[]): Matcher | { error: string } {
  if (!(allowed as readonly string[]).includes(op)) return { error: `expected a match operator among ${allowed.join(', ')}, got "${op.slice(0, 16)}"` };
  switch (op as MatchOp) {
    case 'eq':
      return (t) => t === mval;
    case 'ne':
      return (t) => t !== mval;
    case 'sw':
      return (t) => t.startsWith(mval);
    case 'ew':
      return (t) => t.endsWith(mval);
    case 're':
      try {
        const re = compileRegex(mval, { icase: true, line: true });
        return (t) => regexTest(re, asBytes(t));
      } catch (e) {
        return { error: (e as Error).message };
      }
  }
}

/** $shtcn / $shtcv's expression: "~~regexp", "~%suffix", "%~prefix", "==text", else a regexp. */
export function counterMatcher(expr: string): Matcher | { error: string } {
  const body = expr.slice(2);
  switch (expr.slice(0, 2)) {
    case '~~':
      return matcherOf('re', body, COUNT_OPS);
    case '~%':
      return matcherOf('ew', body, COUNT_OPS);
    case '%~':
      return matcherOf('sw', body, COUNT_OPS);
    case '==':
      return matcherOf('eq', body, COUNT_OPS);
    default:
      return matcherOf('re', expr, COUNT_OPS);
  }
}
