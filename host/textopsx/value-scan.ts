// Scanning header bodies the way textopsx does: comma-separated values (a comma inside double
// quotes does not split), `;param[=value]` lists after a name-addr, and Authorization-style
// `name=value, name="value"` lists. Offsets are byte offsets of the message buffer, scanned
// as a latin1 string (one char per byte), so lumps can be anchored at them.

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/** Byte-wise case-insensitive equality (strncasecmp: ASCII letters only). */
export function sameIgnoringCase(a: string, b: string): boolean {
  return a.length === b.length && a.replace(/[A-Z]/g, (c) => c.toLowerCase()) === b.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export interface ValueSpan {
  /** The value, spaces around it left out. */
  start: number;
  end: number;
  /** What removing it removes: from after the previous comma through its own comma. */
  lumpStart: number;
  lumpEnd: number;
}

/** The comma-separated values of text[from, to): always at least one (maybe empty). */
export function splitValues(text: string, from: number, to: number): ValueSpan[] {
  const out: ValueSpan[] = [];
  let p = from;
  for (;;) {
    const lumpStart = p;
    while (p < to && isSpace(text[p])) p++;
    const start = p;
    let quoted = false;
    while (p < to && (text[p] !== ',' || quoted)) {
      if (text[p] === '"' && (!quoted || text[p - 1] !== '\\')) quoted = !quoted;
      p++;
    }
    let end = p;
    while (end > start && isSpace(text[end - 1])) end--;
    if (p < to) p++; // the comma
    out.push({ start, end, lumpStart, lumpEnd: p });
    if (p >= to) return out;
  }
}

/** Where the parameters of a name-addr or URI value start: the first `;` outside quotes and `<...>`. */
export function paramsStart(text: string, from: number, to: number): number {
  let quoted = false;
  let angle = false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i - 1] !== '\\') quoted = false;
    } else if (c === '"') quoted = true;
    else if (angle) {
      if (c === '>') angle = false;
    } else if (c === '<') angle = true;
    else if (c === ';') return i;
  }
  return to;
}

export interface ParamHit {
  found: boolean;
  /** Removing the parameter: from the spaces before its `;` (or its comma) to the end of its value. */
  delStart: number;
  delEnd: number;
  /** Replacing its value: from after its name to the end of its value. */
  updStart: number;
  updEnd: number;
  /** For a new parameter of an Authorization-style list: what separates it ('' | ' ' | ','). */
  delim: string;
}

/** A value as a parameter list has it: quoted (quotes skipped) or up to a space or `stop`. */
function skipParamValue(text: string, i: number, to: number, stop: string): number {
  if (i >= to) return i;
  if (text[i] === '"') {
    for (i++; i < to; i++) if (text[i] === '"') return i + 1;
    return i;
  }
  while (i < to && !isSpace(text[i]) && text[i] !== stop) i++;
  return i;
}

/** `;name[=value]` in text[from, to); not found: delStart is where a new one would go. */
export function findParam(text: string, from: number, to: number, name: string): ParamHit {
  let i = from;
  for (;;) {
    const delStart = i;
    while (i < to && isSpace(text[i])) i++;
    if (i >= to || text[i] !== ';') return { found: false, delStart, delEnd: delStart, updStart: delStart, updEnd: delStart, delim: ';' };
    i++;
    while (i < to && isSpace(text[i])) i++;
    const j = i;
    while (i < to && !isSpace(text[i]) && text[i] !== '=' && text[i] !== ';') i++;
    const found = sameIgnoringCase(text.slice(j, i), name);
    const updStart = i;
    while (i < to && isSpace(text[i])) i++;
    if (i < to && text[i] === '=') {
      i++;
      while (i < to && isSpace(text[i])) i++;
      i = skipParamValue(text, i, to, ';');
    }
    if (found) return { found, delStart, delEnd: i, updStart, updEnd: i, delim: ';' };
  }
}

/** `name=value` in an Authorization-style list (`Digest a=1, b="2"`) in text[from, to). */
export function findParam2(text: string, from: number, to: number, name: string): ParamHit {
  let i = from;
  let delim = '';
  while (i < to) {
    const delStart = i;
    while (i < to && isSpace(text[i])) i++;
    const comma = text[i] === ',' && i < to;
    if (comma) i++;
    while (i < to && isSpace(text[i])) i++;
    if (i < to && isAlnum(text[i])) {
      const j = i;
      if (delim === '') delim = ' ';
      while (i < to && isAlnum(text[i])) i++;
      const k = i;
      while (i < to && isSpace(text[i])) i++;
      const updStart = i;
      if (i < to && text[i] === '=') {
        delim = ',';
        i++;
        const found = sameIgnoringCase(text.slice(j, k), name);
        while (i < to && isSpace(text[i])) i++;
        i = skipParamValue(text, i, to, ',');
        if (found) {
          const updEnd = i;
          let delEnd = i;
          while (i < to && isSpace(text[i])) i++;
          if (!comma && i < to && text[i] === ',') delEnd = i + 1;
          return { found: true, delStart, delEnd, updStart, updEnd, delim };
        }
      }
      while (i < to && isSpace(text[i])) i++;
    } else {
      // anything else (a quote, a stray '='): step over it (textopsx would stop advancing here)
      const before = i;
      while (i < to && text[i] === ',') i++;
      if (i === before) i++;
    }
  }
  return { found: false, delStart: to, delEnd: to, updStart: to, updEnd: to, delim };
}
