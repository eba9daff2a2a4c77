// The static check of a routing script (`ksr-host check`): its KSR calls against the registry,
// and its named routes against its functions. Nothing runs; see bin/commands/check.ts for
// the load in the runtime that comes with it.
import type { KsrEntry } from '../registry.js';
import { checkCalls, type Problem } from './check-calls.js';
import { findKsrCalls } from './ksr-calls.js';
import { definedFunctions, namedRoutes, routeProblems, type NamedRoute } from './named-routes.js';
import { tokenize, type Language } from './tokenize.js';

export type { Problem } from './check-calls.js';
export type { NamedRoute } from './named-routes.js';
export type { Language } from './tokenize.js';

export interface StaticCheck {
  /** How many KSR calls were found. */
  calls: number;
  routes: NamedRoute[];
  /** Errors and warnings, by line. */
  problems: Problem[];
}

/**
 * `isDefined` answers whether the script has a function of that name; by default the static
 * scan's answer (a caller that loaded the script may know better: the runtime's own answer).
 */
export function checkScript(
  source: string,
  language: Language,
  entries: readonly KsrEntry[],
  isDefined?: (name: string) => boolean,
): StaticCheck {
  const tokens = tokenize(source, language);
  const calls = findKsrCalls(tokens, language);
  const functions = definedFunctions(tokens, language);
  const routes = namedRoutes(calls, isDefined ?? ((name) => functions.has(name)));
  const problems = [...checkCalls(calls, entries), ...routeProblems(routes)].sort((a, b) => a.line - b.line);
  return { calls: calls.length, routes, problems };
}
