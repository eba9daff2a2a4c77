// Regular expressions a script supplies (textops, textopsx, pvx, siputils...) run on the host
// thread, outside the isolate's CPU limit, so they run on a linear-time engine: re2js (RE2's
// automata in plain JavaScript; no back-references, no look-around). A pattern like `(a+)+$`
// that takes exponential time in a backtracking engine takes time linear in the input here
// (64 KB: ~20 ms, measured in test/text/regex.test.ts's neighbour bench/micro). Kamailio's
// patterns are POSIX extended (regcomp): leftmost-longest matching (RE2's LONGEST_MATCH), `.`
// matching a newline and `^`/`$` at the ends of the text unless REG_NEWLINE (`line: true`),
// where they match at line ends and `.` stops at one.
//
// SIP text is bytes: a message is matched as a latin1 string (one character per byte), so
// match offsets are byte offsets of the buffer (lumps are anchored there); a pattern's
// non-ASCII characters are taken as their UTF-8 bytes the same way.
import { RE2JS } from 're2js';

export class RegexError extends Error {}

export interface RegexOptions {
  /** Case-insensitive (REG_ICASE). */
  icase?: boolean;
  /** REG_NEWLINE: `^`/`$` match at line ends, `.` and `[^...]` do not match a newline. */
  line?: boolean;
}

export interface RegexMatch {
  start: number;
  end: number;
  /** Group texts, [0] is the whole match; undefined for a group that did not take part. */
  groups: Array<string | undefined>;
  /** Offsets of each group: [start, end], or [-1, -1] when it did not take part. */
  spans: Array<[number, number]>;
}

/** Patterns longer than this are refused (RE2's program size grows with them). */
export const MAX_PATTERN_LENGTH = 4096;
/** Compiled patterns kept per process; the least recently used is dropped past this. */
export const REGEX_CACHE_LIMIT = 512;

const cache = new Map<string, RE2JS>();

/**
 * A pattern of plain characters only (no metacharacter, no escape) is matched by a substring
 * search, its answer being the same: scripts mostly search for literals ("call-id"), and
 * re2js spends ~9 µs on a 700-byte message where indexOf spends well under one.
 */
const LITERAL = Symbol('literal');
type Compiled = RE2JS & { [LITERAL]?: { text: string; icase: boolean } };
// eslint-disable-next-line no-control-regex
const PLAIN = /^[A-Za-z0-9 \t!"#%&',\-\/:;<=>@_`~]+$/;

/** UTF-8 bytes of s as a latin1 string (ASCII text unchanged). */
export function asBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}

/** A latin1 byte string back to text (UTF-8). */
export function fromBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'latin1').toString('utf8');
}

/** A short form of a pattern for error messages. */
function shown(pattern: string): string {
  return JSON.stringify(pattern.length > 80 ? `${pattern.slice(0, 77)}...` : pattern);
}

/**
 * The compiled pattern (cached). Throws RegexError, saying what was wrong, for a pattern the
 * engine cannot take: back-references in the pattern (`\1`), look-around, bad syntax.
 */
export function compileRegex(pattern: string, opts: RegexOptions = {}): RE2JS {
  const key = `${opts.icase ? 'i' : '-'}${opts.line ? 'l' : '-'}${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new RegexError(`regular expression: expected at most ${MAX_PATTERN_LENGTH} characters, got ${pattern.length}`);
  }
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(pattern)) {
    throw new RegexError(`regular expression ${shown(pattern)}: back-references (\\1...) are not supported in the search pattern (linear-time engine, RE2 syntax)`);
  }
  let flags = RE2JS.LONGEST_MATCH;
  if (opts.icase) flags |= RE2JS.CASE_INSENSITIVE;
  flags |= opts.line ? RE2JS.MULTILINE : RE2JS.DOTALL;
  let re: RE2JS;
  try {
    re = RE2JS.compile(asBytes(pattern), flags);
  } catch (e) {
    throw new RegexError(`regular expression ${shown(pattern)}: ${(e as Error).message} (RE2 syntax)`);
  }
  if (PLAIN.test(pattern)) (re as Compiled)[LITERAL] = { text: opts.icase ? pattern.toLowerCase() : pattern, icase: opts.icase === true };
  if (cache.size >= REGEX_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, re);
  return re;
}

/** How many compiled patterns are kept now (at most REGEX_CACHE_LIMIT). */
export function regexCacheSize(): number {
  return cache.size;
}

/** True when the pattern matches somewhere in text (a latin1 byte string, or plain text). */
export function regexTest(re: RE2JS, text: string): boolean {
  const literal = (re as Compiled)[LITERAL];
  if (literal !== undefined) return (literal.icase ? text.toLowerCase() : text).includes(literal.text);
  return re.matcher(text).find();
}

/** The first match at or after `from`, or null. */
export function regexExec(re: RE2JS, text: string, from = 0): RegexMatch | null {
  const m = re.matcher(text);
  if (!m.find(from)) return null;
  return matchOf(m, re.groupCount());
}

/** Every match, left to right, not overlapping (an empty match advances by one). */
export function regexExecAll(re: RE2JS, text: string, limit = Infinity): RegexMatch[] {
  const out: RegexMatch[] = [];
  const m = re.matcher(text);
  const n = re.groupCount();
  let from = 0;
  while (out.length < limit && from <= text.length && m.find(from)) {
    const match = matchOf(m, n);
    out.push(match);
    from = match.end > match.start ? match.end : match.end + 1;
  }
  return out;
}

function matchOf(m: ReturnType<RE2JS['matcher']>, groupCount: number): RegexMatch {
  const groups: Array<string | undefined> = [];
  const spans: Array<[number, number]> = [];
  for (let g = 0; g <= groupCount; g++) {
    const s = m.start(g);
    const e = m.end(g);
    spans.push([s, e]);
    groups.push(s < 0 ? undefined : (m.group(g) ?? undefined));
  }
  return { start: spans[0]![0], end: spans[0]![1], groups, spans };
}
