// Shell wildcard matching as C's fnmatch(3) with no flags but FNM_CASEFOLD (textopsx's fnmatch):
// `*` any run (a `/` or a leading `.` too: no FNM_PATHNAME / FNM_PERIOD), `?` one character,
// `[...]` a set (`!` or `^` negates, ranges `a-z`, `]` first is literal, classes `[:alpha:]`),
// `\c` the character c. No regex is built from the pattern: a greedy scan that backtracks only
// to the last `*`, so time is at most pattern length × text length, and at most FNMATCH_STEPS
// steps: past that the match gives up (null), where glibc's fnmatch would take as long as it
// takes on the message's process.

const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /^[A-Za-z]$/.test(c),
  digit: (c) => /^[0-9]$/.test(c),
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  lower: (c) => /^[a-z]$/.test(c),
  space: (c) => /^[ \t\n\r\f\v]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  print: (c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) < 127,
  graph: (c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127,
};

const fold = (c: string): string => c.toLowerCase();

interface SetMatch {
  /** Where the pattern continues after the set; -1 when the `[` opens no set (then it is literal). */
  next: number;
  matched: boolean;
}

/** The bracket expression starting at p (pattern[p] === '['), tested against c. */
function matchSet(pattern: string, p: number, c: string, icase: boolean): SetMatch {
  let i = p + 1;
  const negate = pattern[i] === '!' || pattern[i] === '^';
  if (negate) i++;
  let matched = false;
  let first = true;
  const cc = icase ? fold(c) : c;
  while (i < pattern.length && (first || pattern[i] !== ']')) {
    first = false;
    if (pattern[i] === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const test = close > 0 ? CLASSES[pattern.slice(i + 2, close)] : undefined;
      if (test !== undefined) {
        if (test(c)) matched = true;
        i = close + 2;
        continue;
      }
    }
    let lo = pattern[i]!;
    if (lo === '\\' && i + 1 < pattern.length) lo = pattern[++i]!;
    i++;
    let hi = lo;
    if (pattern[i] === '-' && i + 1 < pattern.length && pattern[i + 1] !== ']') {
      hi = pattern[i + 1]!;
      if (hi === '\\' && i + 2 < pattern.length) hi = pattern[++i + 1]!;
      i += 2;
    }
    const [l, h] = icase ? [fold(lo), fold(hi)] : [lo, hi];
    if ((cc >= l && cc <= h) || (icase && c >= lo && c <= hi)) matched = true;
  }
  if (i >= pattern.length) return { next: -1, matched: false };
  return { next: i + 1, matched: matched !== negate };
}

/** One pattern element at p against c: the index after the element, or -1 when it does not match. */
function step(pattern: string, p: number, c: string, icase: boolean): number {
  const pc = pattern[p]!;
  if (pc === '?') return p + 1;
  if (pc === '[') {
    const set = matchSet(pattern, p, c, icase);
    if (set.next >= 0) return set.matched ? set.next : -1;
  }
  let lit = pc;
  let next = p + 1;
  if (pc === '\\' && p + 1 < pattern.length) {
    lit = pattern[p + 1]!;
    next = p + 2;
  }
  const same = icase ? fold(lit) === fold(c) : lit === c;
  return same ? next : -1;
}

/** Pattern elements tried before a match gives up (~0.2 s; a 1 KB pattern on a 64 KB value never gets there unless built to). */
export const FNMATCH_STEPS = 8_000_000;

/** True / false, or null when it would take more than FNMATCH_STEPS steps. */
export function fnmatch(pattern: string, text: string, icase: boolean): boolean | null {
  let steps = 0;
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = -1;
  while (t < text.length) {
    if (++steps > FNMATCH_STEPS) return null;
    if (p < pattern.length && pattern[p] === '*') {
      starP = ++p;
      starT = t;
      continue;
    }
    const next = p < pattern.length ? step(pattern, p, text[t]!, icase) : -1;
    if (next >= 0) {
      p = next;
      t++;
    } else if (starP >= 0) {
      p = starP;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
