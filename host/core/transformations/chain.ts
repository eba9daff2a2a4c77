// Parses the transformations after a PV name, "{s.substr,1,2}{s.len}", once (the PV name cache
// keeps the result), and runs them in order. Parameters are read as Kamailio's tr_parse_*
// read them: numbers with an optional sign, strings up to ',' or '}' (tabs and newlines end
// them too), '$...' a pseudo-variable read when the chain runs, select's one separator char.
import { pvEnd } from '../pv-scan.js';
import { TRANSFORMATION_CLASSES } from './classes.js';
import type { PvReader, TrDefinition, TrParam, TrValue } from './types.js';

export interface BoundTransformation {
  readonly name: string;
  readonly def: TrDefinition;
  readonly params: readonly TrParam[];
}

export type ChainParse = { ok: true; chain: BoundTransformation[] } | { ok: false; error: string };

/** At most this many transformations in one name: a chain is parsed once, but must stay small. */
export const MAX_CHAIN = 32;

class Cursor {
  constructor(
    readonly text: string,
    public at: number,
  ) {}
  peek(): string | undefined {
    return this.text[this.at];
  }
  skipWs(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\n') this.at++;
  }
}

class ChainError extends Error {}

const fail = (c: Cursor, expected: string): never => {
  const seen = c.at < c.text.length ? `'${c.text[c.at]}'` : 'the end';
  throw new ChainError(`expected ${expected} at position ${c.at}, found ${seen}`);
};

function pvParam(c: Cursor): TrParam {
  const end = pvEnd(c.text, c.at);
  if (end < 0) fail(c, 'a pseudo-variable name');
  const name = c.text.slice(c.at, end);
  c.at = end;
  return { kind: 'pv', name };
}

function numberParam(c: Cursor): TrParam {
  c.skipWs();
  if (c.peek() === '$') return pvParam(c);
  let sign = 1;
  if (c.peek() === '-' || c.peek() === '+') {
    if (c.peek() === '-') sign = -1;
    c.at++;
    c.skipWs();
  }
  const start = c.at;
  while (/[0-9]/.test(c.peek() ?? '')) c.at++;
  if (c.at === start) fail(c, 'a number or a pseudo-variable');
  const n = Number(c.text.slice(start, c.at));
  if (!Number.isSafeInteger(n)) fail(c, 'a smaller number');
  return { kind: 'number', n: sign * n };
}

function stringParam(c: Cursor): TrParam {
  c.skipWs();
  if (c.peek() === '$') return pvParam(c);
  const start = c.at;
  while (c.at < c.text.length && !',}\t\n'.includes(c.text[c.at]!)) c.at++;
  if (c.at >= c.text.length) fail(c, "',' or '}'");
  return { kind: 'string', s: c.text.slice(start, c.at) };
}

/** select's separator: one char, or \\ \n \r \t. */
function charParam(c: Cursor): TrParam {
  if (c.at >= c.text.length) fail(c, 'a separator char');
  if (c.peek() !== '\\') return { kind: 'string', s: c.text[c.at++]! };
  const e = c.text[c.at + 1];
  if (e === undefined || !'\\nrt'.includes(e)) fail({ ...c, at: c.at + 1 } as Cursor, 'one of \\\\ \\n \\r \\t after \\');
  c.at += 2;
  return { kind: 'string', s: '\\' + e };
}

const READERS: Record<string, (c: Cursor) => TrParam> = { n: numberParam, s: stringParam, c: charParam };

function parseOne(c: Cursor): BoundTransformation {
  if (c.peek() !== '{') fail(c, "'{'");
  c.at++;
  const dot = c.text.indexOf('.', c.at);
  if (dot < 0) fail(c, "a transformation 'class.name'");
  const cls = c.text.slice(c.at, dot).trim().toLowerCase();
  const table = TRANSFORMATION_CLASSES[cls];
  if (!table) fail(c, `a transformation class (${Object.keys(TRANSFORMATION_CLASSES).join(', ')}), not '${cls}'`);
  c.at = dot + 1;
  const nameStart = c.at;
  while (c.at < c.text.length && c.text[c.at] !== ',' && c.text[c.at] !== '}') c.at++;
  const name = c.text.slice(nameStart, c.at).trim().toLowerCase();
  const def = table![name];
  if (!def) fail({ ...c, at: nameStart } as Cursor, `a transformation of class '${cls}', not '${name}'`);
  const params: TrParam[] = [];
  const kinds = def!.params;
  const required = kinds.length - (def!.optional ?? 0);
  for (let k = 0; k < kinds.length; k++) {
    if (k >= required && c.peek() === '}') break;
    if (c.peek() !== ',') fail(c, `',' and parameter ${k + 1} of {${cls}.${name}}`);
    c.at++;
    params.push(READERS[kinds[k]!]!(c));
    c.skipWs();
  }
  if (c.peek() !== '}') fail(c, `'}' closing {${cls}.${name}}`);
  c.at++;
  return { name: `${cls}.${name}`, def: def!, params };
}

/** Parses the chain that fills `text` from `from` to its end. */
export function parseChain(text: string, from: number): ChainParse {
  const c = new Cursor(text, from);
  const chain: BoundTransformation[] = [];
  try {
    while (c.at < text.length) {
      if (chain.length >= MAX_CHAIN) fail(c, `at most ${MAX_CHAIN} transformations`);
      chain.push(parseOne(c));
    }
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, chain };
}

/** Runs the chain on a value; the first failure (or a $null met on the way) reads as $null. */
export function runChain(chain: readonly BoundTransformation[], value: TrValue, read: PvReader): TrValue {
  let v = value;
  for (const t of chain) {
    if (v === null) return null;
    v = t.def.run(v, t.params, read);
  }
  return v;
}
