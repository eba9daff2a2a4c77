// What each KSR function is for, in words: its parameters' names, one line on what it does and
// one on what it returns (return codes). Data, one TSV file per module in docs/functions/
// (`core.tsv` for the functions at KSR's top level), read by the generator (typings, README),
// `ksr-host api FUNCTION` and `system.methodHelp`-style tools. Written for ksr-host from its own
// implementations, so a return code here is the one the host answers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KsrEntry } from '../registry.js';

export interface FunctionDoc {
  /** Parameter names, as many as the function declares. */
  params: string[];
  /** One line: what the function does. */
  does: string;
  /** One line: what it returns (return codes, or the value and when it is null). */
  returns: string;
  /** Where the row is: file:line. */
  at: string;
}

export const FUNCTION_DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'functions');
const HEADER = 'function\tparams\tdoes\treturns';
/** A parameter name as scripts would write one. */
const PARAM_NAME = /^[a-z][a-z0-9_]*$/;
const MAX_LINE = 200;
/** Words that cannot name a parameter in one of the typings' languages (JS/TS, Python, Lua). */
const RESERVED = new Set(
  ('and as assert async await break case catch class const continue debugger def default del delete do elif else elseif end enum ' +
    'except export extends false finally for from function global goto if implements import in instanceof interface is lambda let ' +
    'local new nil none nonlocal not null or package pass private protected public raise repeat return static super switch then ' +
    'this throw true try typeof until var void while with yield').split(' '),
);

/** The key of a function: `mod.fn`, or `fn` for KSR's top level (module ''). */
export function docKey(module: string, name: string): string {
  return module === '' ? name : `${module}.${name}`;
}

/** The module a docs file holds: `core.tsv` holds module ''. */
function moduleOfFile(file: string): string {
  const m = file.replace(/\.tsv$/, '');
  return m === 'core' ? '' : m;
}

/** Every row of every docs file, by key; a malformed row throws, naming its file and line. */
export function loadFunctionDocs(dir = FUNCTION_DOCS_DIR): Map<string, FunctionDoc> {
  const docs = new Map<string, FunctionDoc>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const module = moduleOfFile(file);
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    let header = false;
    lines.forEach((line, i) => {
      const at = `bindings/docs/functions/${file}:${i + 1}`;
      if (line.trim() === '' || line.startsWith('#')) return;
      if (!header) {
        if (line !== HEADER) throw new Error(`${at}: expected the header line "${HEADER.replace(/\t/g, '\\t')}", saw "${line}"`);
        header = true;
        return;
      }
      const cells = line.split('\t');
      if (cells.length !== 4) throw new Error(`${at}: expected 4 tab-separated cells (function, params, does, returns), saw ${cells.length}`);
      const [name, params, does, returns] = cells.map((c) => c.trim()) as [string, string, string, string];
      const key = docKey(module, name);
      if (docs.has(key)) throw new Error(`${at}: ${key} is documented twice`);
      docs.set(key, { params: params === '' ? [] : params.split(',').map((p) => p.trim()), does, returns, at });
    });
  }
  return docs;
}

/** What is wrong between the registry and the docs: a function without a row, a row of no function, bad cells. */
export function functionDocProblems(entries: readonly KsrEntry[], docs: Map<string, FunctionDoc>): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  for (const e of entries) {
    const key = docKey(e.module, e.name);
    declared.add(key);
    const d = docs.get(key);
    if (!d) {
      problems.push(`KSR.${key}: no row in bindings/docs/functions/${e.module === '' ? 'core' : e.module}.tsv`);
      continue;
    }
    if (d.params.length !== e.params.length) problems.push(`${d.at}: KSR.${key} declares ${e.params.length} parameter(s) (${e.params.join(', ')}), the row names ${d.params.length} (${d.params.join(', ')})`);
    for (const p of d.params) if (!PARAM_NAME.test(p)) problems.push(`${d.at}: parameter name "${p}" is not lower_snake_case`);
    for (const p of d.params) if (RESERVED.has(p)) problems.push(`${d.at}: parameter name "${p}" is a reserved word in JavaScript, Python or Lua`);
    if (new Set(d.params).size !== d.params.length) problems.push(`${d.at}: a parameter name is repeated`);
    for (const [cell, text] of [['does', d.does], ['returns', d.returns]] as const) {
      if (text === '') problems.push(`${d.at}: the "${cell}" cell is empty`);
      if (text.length > MAX_LINE) problems.push(`${d.at}: the "${cell}" cell has ${text.length} characters, at most ${MAX_LINE}`);
    }
  }
  for (const [key, d] of docs) if (!declared.has(key)) problems.push(`${d.at}: KSR.${key} is documented but not declared`);
  return problems;
}

/** A function's parameter names: the documented ones, else p1, p2, ... */
export function paramNamesOf(e: KsrEntry, doc: FunctionDoc | undefined): string[] {
  return e.params.map((_, i) => doc?.params[i] ?? `p${i + 1}`);
}

/** `KSR.sanity.sanity_check(msg_checks: int, uri_checks: int): int`, names where documented. */
export function namedSignatureOf(e: KsrEntry, doc: FunctionDoc | undefined): string {
  const names = paramNamesOf(e, doc);
  const params = [...e.params.map((t, i) => `${names[i]}: ${t}`), ...(e.variadic ? ['...rest: str'] : [])].join(', ');
  return `${docKey(e.module, e.name) === e.name ? `KSR.${e.name}` : `KSR.${e.module}.${e.name}`}(${params}): ${e.returns}`;
}
