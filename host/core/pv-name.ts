// The syntax of a pseudo-variable name, apart from what the name means: "$name", "$name(arg)",
// and the long form "$(name(arg)[index]{class.tr,params}...)" that takes an index and
// transformations (Kamailio pv_parse_spec). Errors say what was expected at which position.
import { parseChain, type BoundTransformation } from './transformations/chain.js';

/** [n] / [-n] (n), [*] (all), [$var(i)] (pv, read when used). */
export interface PvIndex {
  readonly all?: true;
  readonly n?: number;
  readonly pv?: string;
}

export interface ParsedPvName {
  readonly name: string;
  readonly arg?: string;
  readonly index?: PvIndex;
  readonly chain: BoundTransformation[];
}

const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

const at = (text: string, i: number, expected: string): { error: string } => ({
  error: `invalid pseudo-variable name "${text}": expected ${expected} at position ${i}${i < text.length ? `, found '${text[i]}'` : ''}`,
});

/** Past the ')' closing the '(' at text[i] (nested ones counted), or -1. */
function closeParen(text: string, i: number, end: number): number {
  let depth = 0;
  for (; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

export function parsePvName(text: string): ParsedPvName | { error: string } {
  if (text[0] !== '$') return at(text, 0, "'$'");
  if (text[1] === '(') return parseLong(text);
  let i = 1;
  if (!/[A-Za-z_]/.test(text[i] ?? '')) return at(text, i, 'a letter or _ starting the name');
  while (isNameChar(text[i])) i++;
  const name = text.slice(1, i);
  if (i === text.length) return { name, chain: [] };
  // "$name(arg)": the argument runs to the last ')', which must end the text
  if (text[i] !== '(') return at(text, i, "'(' or the end of the name");
  if (!text.endsWith(')') || text.length - 1 === i + 1) return at(text, text.length, "a name and ')' closing '('");
  return { name, arg: text.slice(i + 1, -1), chain: [] };
}

/** "$(name(arg)[index]{tr}...)". */
function parseLong(text: string): ParsedPvName | { error: string } {
  if (!text.endsWith(')')) return at(text, text.length, "')' closing '$('");
  const end = text.length - 1;
  let i = 2;
  if (!/[A-Za-z_]/.test(text[i] ?? '')) return at(text, i, 'a letter or _ starting the name');
  while (isNameChar(text[i])) i++;
  const name = text.slice(2, i);
  let arg: string | undefined;
  if (text[i] === '(') {
    const close = closeParen(text, i, end);
    if (close < 0 || close === i + 2) return at(text, i + 1, "a name and ')'");
    arg = text.slice(i + 1, close - 1);
    i = close;
  }
  let index: PvIndex | undefined;
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    if (close < 0 || close > end) return at(text, i + 1, "an index and ']'");
    const inner = text.slice(i + 1, close).trim();
    if (inner === '*') index = { all: true };
    else if (/^[+-]?\d{1,9}$/.test(inner)) index = { n: Number(inner) };
    else if (inner.startsWith('$')) index = { pv: inner };
    else return at(text, i + 1, "an index: a number, '*' or a pseudo-variable");
    i = close + 1;
  }
  if (i < end && text[i] !== '{') return at(text, i, "'(', '[', '{' or ')'");
  const chain = parseChain(text.slice(0, end), i);
  if (!chain.ok) return { error: `invalid pseudo-variable name "${text}": ${chain.error}` };
  return { name, ...(arg !== undefined ? { arg } : {}), ...(index ? { index } : {}), chain: chain.chain };
}
