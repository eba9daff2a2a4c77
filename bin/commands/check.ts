// `ksr-host check FILE`: loads the script in its runtime, as the server would, and lists the
// standard callbacks it defines; then checks statically what it can (bindings/script-check):
// every KSR call exists with that arity and literal argument types the Dispatcher takes, and
// every named route (t_on_failure & co, KSR.route, http_async_client's route) is a function
// of the script. Exit 1 when any error was found (a load error included), 0 otherwise.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkScript, type NamedRoute, type Problem } from '../../bindings/script-check/check-script.js';
import { createRuntime, engineForFile, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, ScriptError, STANDARD_CALLBACKS, type ScriptRuntime } from '../../runtimes/runtime.js';
import { print } from './print.js';
import { EXIT_RUNTIME } from './usage-error.js';

interface CheckOptions {
  engine?: string;
  json?: boolean;
}

interface CheckReport {
  file: string;
  language: string;
  engine: string;
  /** False when the script did not load: callbacks are then unknown, the static check still ran. */
  loaded: boolean;
  callbacks: string[];
  routes: NamedRoute[];
  problems: Problem[];
}

/** Loads the script; answers the runtime, or the load error as a problem. */
async function load(runtime: ScriptRuntime, source: string, file: string): Promise<Problem | null> {
  try {
    await runtime.load(source, file);
    return null;
  } catch (e) {
    const line = e instanceof ScriptError ? e.line : 0;
    const message = e instanceof ScriptError ? e.message.slice(`${e.file}:${e.line}: `.length) : (e as Error).message;
    return { line, severity: 'error', message: `does not load: ${message}` };
  }
}

async function buildReport(file: string, opts: CheckOptions): Promise<CheckReport> {
  const engine = engineForFile(file, opts.engine === 'quickjs' ? 'quickjs' : 'v8');
  const language = LANGUAGE_OF[engine];
  const source = await readFile(file, 'utf8').catch((e) => {
    throw new Error(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  // loaded here, not at the top: `ksr-host --help` and the other commands do not load the bindings
  const [{ createRegistry }, { Dispatcher }] = await Promise.all([import('../../bindings/modules/index.js'), import('../../bindings/registry.js')]);
  const registry = createRegistry();
  const runtime = await createRuntime(engine, { dispatcher: new Dispatcher(registry), limits: DEFAULT_LIMITS[language] });
  try {
    const loadError = await load(runtime, source, file);
    // loaded, the runtime knows the script's functions exactly (a Python class's methods too)
    const isDefined = loadError ? undefined : (name: string) => runtime.has(name);
    const found = checkScript(source, language, registry.entries, isDefined);
    const callbacks = loadError ? [] : STANDARD_CALLBACKS.filter((c) => runtime.has(c));
    const problems = [...(loadError ? [loadError] : []), ...found.problems];
    if (!loadError && !callbacks.includes('ksr_request_route')) problems.push({ line: 0, severity: 'warning', message: 'defines no ksr_request_route' });
    problems.sort((a, b) => a.line - b.line);
    return { file, language, engine, loaded: !loadError, callbacks, routes: found.routes, problems };
  } finally {
    runtime.dispose();
  }
}

function countOf(report: CheckReport, severity: Problem['severity']): number {
  return report.problems.filter((p) => p.severity === severity).length;
}

function reportText(r: CheckReport): string {
  const head = r.loaded
    ? `${r.file}: OK (${r.language} on ${r.engine}); callbacks: ${r.callbacks.join(', ') || 'none'}`
    : `${r.file}: does not load (${r.language} on ${r.engine})`;
  const routes = r.routes.map((x) => `  ${x.name} (${x.via}, line ${x.line})${x.defined ? '' : ': not defined'}`);
  const problems = r.problems.map((p) => `${p.line > 0 ? `${r.file}:${p.line}` : r.file}: ${p.severity}: ${p.message}`);
  const errors = countOf(r, 'error');
  const warnings = countOf(r, 'warning');
  return [
    head,
    routes.length ? `named routes:\n${routes.join('\n')}` : 'named routes: none',
    ...problems,
    `${errors} error(s), ${warnings} warning(s)`,
  ].join('\n');
}

async function check(file: string, opts: CheckOptions): Promise<void> {
  const report = await buildReport(file, opts);
  print(opts.json ? JSON.stringify({ ...report, errors: countOf(report, 'error'), warnings: countOf(report, 'warning') }, null, 2) : reportText(report));
  if (countOf(report, 'error') > 0) process.exitCode = EXIT_RUNTIME;
}

export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description('load a routing script as the server would, list its callbacks and named routes, and check its KSR calls statically (exit 1 on any error)')
    .argument('<file>', 'the routing script (.js, .lua, .py)')
    .option('--engine <name>', 'the JavaScript engine: v8 or quickjs', 'v8')
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: CheckOptions) => check(file, opts));
}
