// Every `KSR.name(...)` and `KSR.module.name(...)` call in a script's tokens, with its top-level
// arguments: a literal one is classified (what the Dispatcher would be handed), any other
// expression is 'unknown'.
import type { Language, Token } from './tokenize.js';

export type ArgKind = 'int' | 'float' | 'str' | 'bool' | 'null' | 'unknown';

export interface CallArg {
  kind: ArgKind;
  /** The literal's value: the string, or the number's text. */
  value?: string;
}

export interface KsrCall {
  /** '' for core functions (KSR.info). */
  module: string;
  name: string;
  line: number;
  args: CallArg[];
  /**
   * The argument count is not known exactly: a spread (`...a`, `*a`), or in Lua a last argument
   * that is a call or `...` (Lua passes on all its values).
   */
  openEnded: boolean;
}

const NULLS: Record<Language, string[]> = { js: ['null', 'undefined'], lua: ['nil'], python: ['None'] };
const BOOLS: Record<Language, string[]> = { js: ['true', 'false'], lua: ['true', 'false'], python: ['True', 'False'] };
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

export function findKsrCalls(tokens: readonly Token[], language: Language): KsrCall[] {
  const calls: KsrCall[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'KSR') || isPunct(tokens[i - 1], '.')) continue;
    const head = callHead(tokens, i);
    if (!head) continue;
    const groups = argumentTokens(tokens, head.open);
    calls.push({
      module: head.module,
      name: head.name,
      line: tokens[i]!.line,
      args: groups.map((g) => classify(g, language)),
      openEnded: groups.some((g) => isSpread(g, language)) || luaMultiValueLast(groups, language),
    });
  }
  return calls;
}

/** `KSR . a (` or `KSR . a . b (` at i: the names and the index of the `(`. */
function callHead(t: readonly Token[], i: number): { module: string; name: string; open: number } | null {
  if (!isPunct(t[i + 1], '.') || t[i + 2]?.kind !== 'id') return null;
  if (isPunct(t[i + 3], '(')) return { module: '', name: t[i + 2]!.text, open: i + 3 };
  if (isPunct(t[i + 3], '.') && t[i + 4]?.kind === 'id' && isPunct(t[i + 5], '(')) {
    return { module: t[i + 2]!.text, name: t[i + 4]!.text, open: i + 5 };
  }
  return null;
}

/** The tokens of each top-level argument of the call whose `(` is at `open`. */
function argumentTokens(t: readonly Token[], open: number): Token[][] {
  const groups: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind === 'punct' && CLOSE.has(tok.text)) {
      if (depth === 0) break;
      depth--;
    } else if (tok.kind === 'punct' && OPEN.has(tok.text)) depth++;
    else if (depth === 0 && isPunct(tok, ',')) {
      groups.push([]);
      continue;
    }
    groups[groups.length - 1]!.push(tok);
  }
  // f() has no argument, and f(a, b,) two (a trailing comma)
  if (groups[groups.length - 1]!.length === 0) groups.pop();
  return groups;
}

function classify(group: readonly Token[], language: Language): CallArg {
  const [first, second] = group;
  if (group.length === 2 && isPunct(first, '-') && second?.kind === 'num') return numberArg(`-${second.text}`);
  if (group.length !== 1 || !first) return { kind: 'unknown' };
  if (first.kind === 'num') return numberArg(first.text);
  if (first.kind === 'str') return typeof first.value === 'string' ? { kind: 'str', value: first.value } : { kind: 'unknown' };
  if (first.kind === 'id' && BOOLS[language].includes(first.text)) return { kind: 'bool', value: first.text };
  if (first.kind === 'id' && NULLS[language].includes(first.text)) return { kind: 'null', value: first.text };
  return { kind: 'unknown' };
}

function numberArg(text: string): CallArg {
  const n = Number(text.replace(/_/g, '').replace(/n$/, ''));
  return { kind: Number.isInteger(n) ? 'int' : 'float', value: text };
}

function isSpread(group: readonly Token[], language: Language): boolean {
  const first = group[0];
  if (language === 'js') return isPunct(first, '...');
  if (language === 'python') return isPunct(first, '*') || isPunct(first, '**');
  return group.length === 1 && isPunct(first, '...');
}

function luaMultiValueLast(groups: readonly Token[][], language: Language): boolean {
  const last = groups[groups.length - 1];
  return language === 'lua' && last !== undefined && isPunct(last[last.length - 1], ')');
}

function isWord(t: Token | undefined, text: string): boolean {
  return t?.kind === 'id' && t.text === text;
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text;
}
