// The KSR typings from the registry: ksr.d.ts (TypeScript), KSR.pyi (Python stub) and ksr.lua
// (a Lua doc table with EmmyLua annotations): each function with its parameters' names, what it
// does and returns (bindings/docs/functions/*.tsv), its signature and its status. Written by
// bindings/generate.ts (`npm run generate`); never edit the outputs.
import { ksrPath, signatureOf, type KsrEntry, type ParamType, type Registry, type ReturnType } from '../registry.js';
import { docKey, paramNamesOf, type FunctionDoc } from '../docs/function-docs.js';

type Lang = 'ts' | 'py' | 'lua';

const PARAM_TYPES: Record<Lang, Record<ParamType, string>> = {
  ts: { str: 'string', int: 'number', long: 'number' },
  py: { str: 'str', int: 'int', long: 'int' },
  lua: { str: 'string', int: 'integer', long: 'integer' },
};

const RETURN_TYPES: Record<Lang, Record<ReturnType, string>> = {
  ts: { int: 'number', bool: 'boolean', xval: 'string | number | null', none: 'void' },
  py: { int: 'int', bool: 'bool', xval: 'str | int | None', none: 'None' },
  lua: { int: 'integer', bool: 'boolean', xval: 'string|integer|nil', none: 'nil' },
};

/** What a row declared `structured` returns: a dict or a list as well (xavp_getd...). */
const STRUCTURED: Record<Lang, string> = {
  ts: 'string | number | Record<string, unknown> | unknown[] | null',
  py: 'str | int | dict | list | None',
  lua: 'string|integer|table|nil',
};

/** The value kinds an xval may answer, in the order the typings write them. */
type ValueKind = 'str' | 'int' | 'structured' | 'null';
const KIND_TYPES: Record<Lang, Record<ValueKind, string>> = {
  ts: { str: 'string', int: 'number', structured: 'Record<string, unknown> | unknown[]', null: 'null' },
  py: { str: 'str', int: 'int', structured: 'dict | list', null: 'None' },
  lua: { str: 'string', int: 'integer', structured: 'table', null: 'nil' },
};
const KIND_ORDER: readonly ValueKind[] = ['str', 'int', 'structured', 'null'];

/**
 * The kinds of value the catalogue says an xval answers ("str|null when absent",
 * "int|str|empty-string when absent", "null when absent|array|dict"): each `|` part read by its
 * first word. An empty set when the catalogue says nothing readable: the generic xval type then.
 */
export function xvalKindsOf(text: string): Set<ValueKind> {
  const kinds = new Set<ValueKind>();
  for (const part of text.split('|')) {
    const word = part.trim().split(/[\s(]/)[0]!.toLowerCase();
    if (word === 'int' || word === 'long') kinds.add('int');
    else if (word === 'str' || word === 'string' || word === 'empty-string') kinds.add('str');
    else if (word === 'null') kinds.add('null');
    else if (word === 'array' || word === 'dict') kinds.add('structured');
  }
  return kinds;
}

/** What a function returns in lang: an xval narrowed to the kinds the catalogue gives it, when it gives them. */
function returnType(lang: Lang, e: KsrEntry, kindsText: string): string {
  const kinds = e.returns === 'xval' ? xvalKindsOf(kindsText) : new Set<ValueKind>();
  if (kinds.size === 0) return e.structured ? STRUCTURED[lang] : RETURN_TYPES[lang][e.returns];
  if (e.structured) kinds.add('structured');
  return KIND_ORDER.filter((k) => kinds.has(k)).map((k) => KIND_TYPES[lang][k]).join(lang === 'lua' ? '|' : ' | ');
}

const HEADER = 'Generated from the KSR registry by `npm run generate` (bindings/generate.ts). Do not edit.';

/** What the typings are made from besides the registry. */
export interface TypingSources {
  /** Function docs by key (bindings/docs/function-docs.ts). */
  docs: ReadonlyMap<string, FunctionDoc>;
  /** The catalogue's xval value kinds by KSR path ("KSR.hdr.get" → "str|null when absent"). */
  xvalKinds: ReadonlyMap<string, string>;
}
type Docs = TypingSources;
const docFor = (src: Docs, e: KsrEntry): FunctionDoc | undefined => src.docs.get(docKey(e.module, e.name));
const returnOf = (lang: Lang, src: Docs, e: KsrEntry): string => returnType(lang, e, src.xvalKinds.get(ksrPath(e)) ?? '');

/** The signature line: signature, then status (`complete` or `partial: why`). */
const signatureLine = (e: KsrEntry): string => `${signatureOf(e)} -- ${e.status}`;

/** What the function does, its signature line, what it returns: the lines every language's doc comment holds. */
function docLines(docs: Docs, e: KsrEntry): { does: string | null; returns: string | null; signature: string } {
  const d = docFor(docs, e);
  return { does: d?.does ?? null, returns: d?.returns ?? null, signature: signatureLine(e) };
}

/** Entries grouped by module, core ('') first, in registry order. */
function byModule(entries: readonly KsrEntry[]): Map<string, KsrEntry[]> {
  const groups = new Map<string, KsrEntry[]>([['', []]]);
  for (const e of entries) {
    if (!groups.has(e.module)) groups.set(e.module, []);
    groups.get(e.module)!.push(e);
  }
  return groups;
}

const paramNames = (docs: Docs, e: KsrEntry): string[] => paramNamesOf(e, docFor(docs, e));

/** A JSDoc comment's text may not close the comment. */
const inComment = (text: string): string => text.replace(/\*\//g, '*\\/');

function tsFunction(docs: Docs, e: KsrEntry, indent: string): string {
  const names = paramNames(docs, e);
  const params = e.params.map((t, i) => `${names[i]}: ${PARAM_TYPES.ts[t]}`);
  if (e.variadic) params.push('...rest: string[]');
  const { does, returns, signature } = docLines(docs, e);
  const doc = [does, signature, returns === null ? null : `@returns ${returns}`].filter((l): l is string => l !== null);
  const comment = [`${indent}/**`, ...doc.map((l) => `${indent} * ${inComment(l)}`), `${indent} */`].join('\n');
  return `${comment}\n${indent}function ${e.name}(${params.join(', ')}): ${returnOf('ts', docs, e)};`;
}

export function generateDts(registry: Registry, docs: Docs): string {
  const out = [`// ${HEADER}`, 'declare namespace KSR {'];
  for (const [mod, entries] of byModule(registry.entries)) {
    if (mod === '') {
      out.push(...entries.map((e) => tsFunction(docs, e, '  ')));
      continue;
    }
    out.push(`  namespace ${mod} {`, ...entries.map((e) => tsFunction(docs, e, '    ')), '  }');
  }
  out.push('}', '');
  return out.join('\n');
}

/** A docstring's text: no escape sequence, no end of the string. */
const inDocstring = (text: string): string => text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');

function pyFunction(docs: Docs, e: KsrEntry, indent: string, isStatic: boolean): string {
  const names = paramNames(docs, e);
  const params = e.params.map((t, i) => `${names[i]}: ${PARAM_TYPES.py[t]}`);
  if (e.variadic) params.push('*rest: str');
  const deco = isStatic ? `${indent}@staticmethod\n` : '';
  const { does, returns, signature } = docLines(docs, e);
  const body = `${indent}    `;
  const doc = does === null
    ? `${body}"""${inDocstring(signature)}"""`
    : [`${body}"""${inDocstring(does)}`, '', `${body}${inDocstring(signature)}`, ...(returns === null ? [] : [`${body}Returns: ${inDocstring(returns)}`]), `${body}"""`].join('\n');
  return `${deco}${indent}def ${e.name}(${params.join(', ')}) -> ${returnOf('py', docs, e)}:\n${doc}\n${body}...`;
}

export function generatePyi(registry: Registry, docs: Docs): string {
  const out = [`# ${HEADER}`, '# The KSR module as a routing script sees it (import KSR is implicit).', ''];
  const groups = byModule(registry.entries);
  for (const e of groups.get('') ?? []) out.push(pyFunction(docs, e, '', false), '');
  for (const [mod, entries] of groups) {
    if (mod === '') continue;
    out.push(`class _${mod}:`, ...entries.map((e) => pyFunction(docs, e, '    ', true)), '', `${mod}: _${mod}`, '');
  }
  return out.join('\n');
}

function luaFunction(docs: Docs, e: KsrEntry): string {
  const { does, returns, signature } = docLines(docs, e);
  const names = paramNames(docs, e);
  const lines = [...(does === null ? [] : [`--- ${does}`]), `--- ${signature}`];
  e.params.forEach((t, i) => lines.push(`---@param ${names[i]} ${PARAM_TYPES.lua[t]}`));
  if (e.variadic) lines.push('---@param ... string');
  lines.push(`---@return ${returnOf('lua', docs, e)}${returns === null ? '' : ` # ${returns}`}`);
  const params = [...names, ...(e.variadic ? ['...'] : [])].join(', ');
  lines.push(`function ${ksrPath(e)}(${params}) end`);
  return lines.join('\n');
}

export function generateLua(registry: Registry, docs: Docs): string {
  const out = [`-- ${HEADER}`, '-- A doc table for editors (EmmyLua annotations); the runtime builds the real KSR.', '', 'KSR = {}'];
  const groups = byModule(registry.entries);
  for (const [mod] of groups) if (mod !== '') out.push(`KSR.${mod} = {}`);
  out.push('');
  for (const [, entries] of groups) for (const e of entries) out.push(luaFunction(docs, e), '');
  out.push('return KSR', '');
  return out.join('\n');
}

/** File name → content, for every generated output. */
export function generateTypings(registry: Registry, docs: Docs): Record<string, string> {
  return { 'ksr.d.ts': generateDts(registry, docs), 'KSR.pyi': generatePyi(registry, docs), 'ksr.lua': generateLua(registry, docs) };
}
