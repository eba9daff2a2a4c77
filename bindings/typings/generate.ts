// The KSR typings from the registry: ksr.d.ts (TypeScript), KSR.pyi (Python stub) and ksr.lua
// (a Lua doc table with EmmyLua annotations), each function's doc comment with its signature
// and its status. Written by bindings/generate.ts (`npm run generate`); never edit the outputs.
import { ksrPath, signatureOf, type KsrEntry, type ParamType, type Registry, type ReturnType } from '../registry.js';

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

const returnType = (lang: Lang, e: KsrEntry): string => (e.structured ? STRUCTURED[lang] : RETURN_TYPES[lang][e.returns]);

const HEADER = 'Generated from the KSR registry by `npm run generate` (bindings/generate.ts). Do not edit.';

/** The doc comment's text: signature, then status (`complete` or `partial: why`). */
const docOf = (e: KsrEntry): string => `${signatureOf(e)} -- ${e.status}`;

/** Entries grouped by module, core ('') first, in registry order. */
function byModule(entries: readonly KsrEntry[]): Map<string, KsrEntry[]> {
  const groups = new Map<string, KsrEntry[]>([['', []]]);
  for (const e of entries) {
    if (!groups.has(e.module)) groups.set(e.module, []);
    groups.get(e.module)!.push(e);
  }
  return groups;
}

const paramNames = (e: KsrEntry): string[] => e.params.map((_, i) => `p${i + 1}`);

function tsFunction(e: KsrEntry, indent: string): string {
  const params = e.params.map((t, i) => `p${i + 1}: ${PARAM_TYPES.ts[t]}`);
  if (e.variadic) params.push('...rest: string[]');
  return `${indent}/** ${docOf(e)} */\n${indent}function ${e.name}(${params.join(', ')}): ${returnType('ts', e)};`;
}

export function generateDts(registry: Registry): string {
  const out = [`// ${HEADER}`, 'declare namespace KSR {'];
  for (const [mod, entries] of byModule(registry.entries)) {
    if (mod === '') {
      out.push(...entries.map((e) => tsFunction(e, '  ')));
      continue;
    }
    out.push(`  namespace ${mod} {`, ...entries.map((e) => tsFunction(e, '    ')), '  }');
  }
  out.push('}', '');
  return out.join('\n');
}

function pyFunction(e: KsrEntry, indent: string, isStatic: boolean): string {
  const params = e.params.map((t, i) => `p${i + 1}: ${PARAM_TYPES.py[t]}`);
  if (e.variadic) params.push('*rest: str');
  const deco = isStatic ? `${indent}@staticmethod\n` : '';
  return `${deco}${indent}def ${e.name}(${params.join(', ')}) -> ${returnType('py', e)}:\n${indent}    """${docOf(e)}"""\n${indent}    ...`;
}

export function generatePyi(registry: Registry): string {
  const out = [`# ${HEADER}`, '# The KSR module as a routing script sees it (import KSR is implicit).', ''];
  const groups = byModule(registry.entries);
  for (const e of groups.get('') ?? []) out.push(pyFunction(e, '', false), '');
  for (const [mod, entries] of groups) {
    if (mod === '') continue;
    out.push(`class _${mod}:`, ...entries.map((e) => pyFunction(e, '    ', true)), '', `${mod}: _${mod}`, '');
  }
  return out.join('\n');
}

function luaFunction(e: KsrEntry): string {
  const lines = [`--- ${docOf(e)}`];
  e.params.forEach((t, i) => lines.push(`---@param p${i + 1} ${PARAM_TYPES.lua[t]}`));
  if (e.variadic) lines.push('---@param ... string');
  lines.push(`---@return ${returnType('lua', e)}`);
  const params = [...paramNames(e), ...(e.variadic ? ['...'] : [])].join(', ');
  lines.push(`function ${ksrPath(e)}(${params}) end`);
  return lines.join('\n');
}

export function generateLua(registry: Registry): string {
  const out = [`-- ${HEADER}`, '-- A doc table for editors (EmmyLua annotations); the runtime builds the real KSR.', '', 'KSR = {}'];
  const groups = byModule(registry.entries);
  for (const [mod] of groups) if (mod !== '') out.push(`KSR.${mod} = {}`);
  out.push('');
  for (const [, entries] of groups) for (const e of entries) out.push(luaFunction(e), '');
  out.push('return KSR', '');
  return out.join('\n');
}

/** File name → content, for every generated output. */
export function generateTypings(registry: Registry): Record<string, string> {
  return { 'ksr.d.ts': generateDts(registry), 'KSR.pyi': generatePyi(registry), 'ksr.lua': generateLua(registry) };
}
