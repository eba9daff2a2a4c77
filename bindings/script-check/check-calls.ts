// Compares a script's KSR calls with the registry: the function exists, the argument count
// fits, and each literal argument has a type the Dispatcher takes (bindings/registry.ts
// convertArguments). What the Dispatcher refuses is an error; what it converts (a number for a
// str, a numeric string for a long) is a warning, since Kamailio's own KEMI may not convert it.
import type { KsrEntry, ParamType } from '../registry.js';
import type { CallArg, KsrCall } from './ksr-calls.js';

export interface Problem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export function checkCalls(calls: readonly KsrCall[], entries: readonly KsrEntry[]): Problem[] {
  const byPath = new Map(entries.map((e) => [pathOf(e.module, e.name), e]));
  const problems: Problem[] = [];
  for (const call of calls) {
    const path = pathOf(call.module, call.name);
    const entry = byPath.get(path);
    if (!entry) {
      problems.push({ line: call.line, severity: 'error', message: `${path}: no such function${suggestion(call, entries)}` });
      continue;
    }
    const arity = arityProblem(call, entry);
    if (arity) problems.push({ line: call.line, severity: 'error', message: `${path}: ${arity}` });
    else problems.push(...call.args.flatMap((arg, i) => argumentProblems(call, entry, arg, i)));
  }
  return problems;
}

export function pathOf(module: string, name: string): string {
  return module ? `KSR.${module}.${name}` : `KSR.${name}`;
}

function signature(entry: KsrEntry): string {
  return `${pathOf(entry.module, entry.name)}(${[...entry.params, ...(entry.variadic ? ['...'] : [])].join(', ')})`;
}

function arityProblem(call: KsrCall, entry: KsrEntry): string | null {
  const n = entry.params.length;
  const got = call.args.length;
  const tooFew = got < n && !call.openEnded;
  const tooMany = got > n && !entry.variadic;
  if (!tooFew && !tooMany) return null;
  return `expected ${n}${entry.variadic ? ' or more' : ''} argument(s), got ${got}; the signature is ${signature(entry)}`;
}

function argumentProblems(call: KsrCall, entry: KsrEntry, arg: CallArg, i: number): Problem[] {
  // extra arguments of a variadic function are taken as str, as the Dispatcher does
  const expected: ParamType = entry.params[i] ?? 'str';
  const verdict = judge(expected, arg);
  if (!verdict) return [];
  const literal = arg.kind === 'str' ? JSON.stringify(arg.value) : arg.value;
  const message = `${pathOf(call.module, call.name)}: argument ${i + 1} is ${expected}, got the ${arg.kind} literal ${literal}${verdict.note}`;
  return [{ line: call.line, severity: verdict.severity, message }];
}

/** What the Dispatcher does with a literal of this kind for this parameter type. */
function judge(expected: ParamType, arg: CallArg): { severity: Problem['severity']; note: string } | null {
  if (arg.kind === 'unknown') return null;
  const refused = { severity: 'error' as const, note: ' (refused when the call runs)' };
  if (arg.kind === 'null') return refused;
  if (expected === 'str') {
    if (arg.kind === 'str') return null;
    if (arg.kind === 'int' || arg.kind === 'float') return { severity: 'warning', note: ' (converted to a string here; Kamailio\'s KEMI may refuse it)' };
    return refused;
  }
  if (arg.kind === 'int' || arg.kind === 'bool') return null;
  if (arg.kind === 'str' && expected === 'long' && /^-?\d+$/.test(arg.value!.trim())) {
    return { severity: 'warning', note: ' (converted to a number here; Kamailio\'s KEMI may refuse it)' };
  }
  return refused;
}

/** " (did you mean KSR.x.y?)": the same name in another module, else close names. */
function suggestion(call: KsrCall, entries: readonly KsrEntry[]): string {
  const sameName = entries.filter((e) => e.name === call.name);
  const modules = new Set(entries.map((e) => e.module));
  let candidates: string[];
  if (sameName.length > 0) candidates = sameName.map((e) => pathOf(e.module, e.name));
  else if (call.module && !modules.has(call.module)) {
    candidates = [...modules].filter((m) => m && close(m, call.module)).map((m) => `KSR.${m}`);
  } else {
    candidates = entries.filter((e) => e.module === call.module && close(e.name, call.name)).map((e) => pathOf(e.module, e.name));
  }
  return candidates.length ? ` (did you mean ${candidates.slice(0, 3).join(', ')}?)` : '';
}

/** Close enough to be a typo: an edit distance of at most a third of the name (at least 1). */
function close(a: string, b: string): boolean {
  return editDistance(a, b) <= Math.max(1, Math.floor(b.length / 3));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
