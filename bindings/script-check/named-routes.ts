// Named routes: the functions a script names by a string for later (KSR.tm.t_on_failure and
// its siblings, KSR.route, KSR.http_async_client.query's route). Each must be a function of the
// script, or the route silently never runs. Routes named in the config (dispatcher's and uac's
// event_callback) are the config's business, not the script's.
import type { Problem } from './check-calls.js';
import { pathOf } from './check-calls.js';
import type { KsrCall } from './ksr-calls.js';
import type { Language, Token } from './tokenize.js';

/** Which argument (0-based) of which KSR function names a route. */
const ROUTE_ARGUMENT: Record<string, number> = {
  'KSR.tm.t_on_failure': 0,
  'KSR.tm.t_on_branch': 0,
  'KSR.tm.t_on_reply': 0,
  'KSR.tm.t_on_branch_failure': 0,
  'KSR.route': 0,
  'KSR.http_async_client.query': 1,
  'KSR.http_async_client.send': 1,
  'KSR.http_async_client.send_xdata': 1,
};

export interface NamedRoute {
  name: string;
  /** The call that names it, e.g. KSR.tm.t_on_failure. */
  via: string;
  line: number;
  defined: boolean;
}

/** The named routes the calls give as literals ("" clears a t_on_* route: not one). */
export function namedRoutes(calls: readonly KsrCall[], isDefined: (name: string) => boolean): NamedRoute[] {
  const routes: NamedRoute[] = [];
  for (const call of calls) {
    const via = pathOf(call.module, call.name);
    const arg = call.args[ROUTE_ARGUMENT[via] ?? -1];
    if (arg?.kind !== 'str' || !arg.value) continue;
    routes.push({ name: arg.value, via, line: call.line, defined: isDefined(arg.value) });
  }
  return routes;
}

export function routeProblems(routes: readonly NamedRoute[]): Problem[] {
  return routes
    .filter((r) => !r.defined)
    .map((r) => ({ line: r.line, severity: 'error' as const, message: `${r.via}: route "${r.name}" is no function of the script` }));
}

/**
 * The functions a script defines, by name, with their lines. Static and generous: JS
 * `function f`, `f = function`, `const f = (...) =>`; Lua `function f`, `f = function`; Python
 * any `def f` (the class mod_init returns is not worked out).
 */
export function definedFunctions(tokens: readonly Token[], language: Language): Map<string, number> {
  const found = new Map<string, number>();
  const add = (t: Token | undefined): void => {
    if (t?.kind === 'id' && !found.has(t.text)) found.set(t.text, t.line);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'id') continue;
    if (language === 'python' && t.text === 'def') add(tokens[i + 1]);
    if (language !== 'python' && t.text === 'function') add(nameBeforeDot(tokens, i + 1));
    if (language !== 'python' && isAssignedFunction(tokens, i)) add(t);
  }
  return found;
}

/** Lua `function M.f(` defines f on M; the name is the last one before `(`. */
function nameBeforeDot(tokens: readonly Token[], i: number): Token | undefined {
  let j = i;
  while (tokens[j + 1]?.kind === 'punct' && (tokens[j + 1]!.text === '.' || tokens[j + 1]!.text === ':')) j += 2;
  return tokens[j];
}

/** `name = function`, `name = async function`, `name = (...) =>`, `name = x =>`. */
function isAssignedFunction(tokens: readonly Token[], i: number): boolean {
  if (tokens[i + 1]?.kind !== 'punct' || tokens[i + 1]!.text !== '=') return false;
  let j = i + 2;
  if (tokens[j]?.text === 'async') j++;
  const next = tokens[j];
  if (next?.text === 'function') return true;
  if (next?.kind === 'id' && tokens[j + 1]?.text === '=>') return true;
  if (next?.text !== '(') return false;
  let depth = 0;
  for (; j < tokens.length; j++) {
    if (tokens[j]!.text === '(') depth++;
    if (tokens[j]!.text === ')' && --depth === 0) return tokens[j + 1]?.text === '=>';
  }
  return false;
}
