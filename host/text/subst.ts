// Kamailio's substitution expressions (`/re/replacement/flags`, core re.c's syntax): any
// delimiter but `\` (the first character; `\delim` inside the regex stays an escaped
// character for the regex engine); matching is per line by default (REG_NEWLINE: `^`/`$` at
// line ends, `.` stops at a newline); flags `i` (ignore case), `g` (every match), `s` (the
// text as one line: `.` matches a newline). In the replacement: `\0`..`\9` the groups, `\n`
// `\r` `\t` `\\` and `\$`, `\u` the request's R-URI, any other `\c` the character c, and
// pseudo-variables (`$fU`, `$var(x)`, `$(hdr(X){s.len})`) read when the substitution runs. A
// match of the empty string fails the substitution, as in Kamailio. Parsed once per text and
// cached (bounded); the search part runs on the linear-time engine (regex.ts).
import type { RE2JS } from 're2js';
import { compileRegex, regexExecAll, RegexError, type RegexMatch } from './regex.js';
import { pvEnd } from '../core/pv-scan.js';

export type ReplacementPart =
  | { kind: 'text'; text: string }
  | { kind: 'group'; n: number }
  | { kind: 'uri' }
  | { kind: 'pv'; name: string };

export interface SubstExpr {
  readonly source: string;
  readonly re: RE2JS;
  readonly global: boolean;
  readonly parts: readonly ReplacementPart[];
}

export const SUBST_CACHE_LIMIT = 256;
const cache = new Map<string, SubstExpr>();

/**
 * Splits on unescaped `delim` into regex, replacement and flags. Escapes stay as written (the
 * regex engine reads `\delim` as the character; parseReplacement reads the replacement's).
 */
function splitOn(body: string, delim: string, source: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      cur += c + body[i + 1]!;
      i++;
    } else if (c === delim && out.length < 2) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  if (out.length !== 3) {
    throw new RegexError(`substitution ${JSON.stringify(source)}: expected ${delim}regex${delim}replacement${delim}flags, found ${out.length} delimiters`);
  }
  return out;
}

export function parseReplacement(text: string, source = text): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let lit = '';
  const flush = () => {
    if (lit !== '') parts.push({ kind: 'text', text: lit });
    lit = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      const e = text[++i]!;
      if (e >= '0' && e <= '9') {
        flush();
        parts.push({ kind: 'group', n: e.charCodeAt(0) - 48 });
      } else if (e === 'u') {
        flush();
        parts.push({ kind: 'uri' });
      } else {
        lit += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
      }
    } else if (c === '$' && i + 1 < text.length && text[i + 1] !== '$') {
      const end = pvEnd(text, i);
      if (end < 0) throw new RegexError(`substitution ${JSON.stringify(source)}: unterminated pseudo-variable at "${text.slice(i, i + 20)}"`);
      flush();
      parts.push({ kind: 'pv', name: text.slice(i, end) });
      i = end - 1;
    } else {
      lit += c;
    }
  }
  flush();
  return parts;
}

/** Parses (and caches) a substitution expression; throws RegexError saying what is wrong. */
export function parseSubst(source: string): SubstExpr {
  const hit = cache.get(source);
  if (hit) return hit;
  if (source.length < 4) throw new RegexError(`substitution ${JSON.stringify(source)}: expected /regex/replacement/flags`);
  const delim = source[0]!;
  if (delim === '\\') throw new RegexError(`substitution ${JSON.stringify(source)}: "\\" cannot be the delimiter`);
  const [pattern, repl, flags] = splitOn(source.slice(1), delim, source);
  for (const f of flags!) {
    if (!'igs'.includes(f)) throw new RegexError(`substitution ${JSON.stringify(source)}: unknown flag "${f}" (expected i, g or s)`);
  }
  const re = compileRegex(pattern!, { icase: flags!.includes('i'), line: !flags!.includes('s') });
  const parts = parseReplacement(repl!, source);
  const maxGroup = Math.max(0, ...parts.map((p) => (p.kind === 'group' ? p.n : 0)));
  if (maxGroup > re.groupCount()) {
    throw new RegexError(`substitution ${JSON.stringify(source)}: \\${maxGroup} refers to a group the regex does not have (it has ${re.groupCount()})`);
  }
  const expr: SubstExpr = { source, re, global: flags!.includes('g'), parts };
  if (cache.size >= SUBST_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, expr);
  return expr;
}

/** What replacement parts other than groups stand for when a substitution runs. */
export interface SubstValues {
  uri(): string;
  pv(name: string): string;
}

export interface SubstEdit {
  start: number;
  end: number;
  text: string;
}

/** The replacement text of one match. */
export function replacementOf(expr: SubstExpr, m: RegexMatch, values: SubstValues): string {
  let out = '';
  for (const p of expr.parts) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'group') out += m.groups[p.n] ?? '';
    else if (p.kind === 'uri') out += values.uri();
    else out += values.pv(p.name);
  }
  return out;
}

/**
 * The edits a substitution makes on text: one (or every one, with `g`), left to right.
 * Throws RegexError when the regex matched the empty string (Kamailio: "invalid regexp?").
 */
export function substEdits(expr: SubstExpr, text: string, values: SubstValues): SubstEdit[] {
  const matches = regexExecAll(expr.re, text, expr.global ? Infinity : 1);
  if (matches.some((m) => m.start === m.end)) {
    throw new RegexError(`substitution ${JSON.stringify(expr.source)}: the regex matched an empty string`);
  }
  return matches.map((m) => ({ start: m.start, end: m.end, text: replacementOf(expr, m, values) }));
}

/** text with the substitution applied, or null when nothing matched. */
export function substString(expr: SubstExpr, text: string, values: SubstValues): string | null {
  const edits = substEdits(expr, text, values);
  if (edits.length === 0) return null;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
