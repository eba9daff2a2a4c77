// What `ksr-host run` does: starts the server with the config file found (host/config/config-file.ts)
// and the flags over it; SIGHUP reloads the script, SIGTERM/SIGINT stop it. The command itself is
// declared in run-command.ts, which loads this file only when `run` runs (`--help` stays quick).
import { createLogger, logFormatFor } from '../../host/log/create-logger.js';
import { logStopping } from '../../host/log/lifecycle.js';
import { checkCallLimits } from '../../bindings/registry.js';
import { loadFoundConfig, type ConfigChoice } from '../../host/config/config-file.js';
import { ConfigError } from '../../host/config/load-config.js';
import { MAX_WORKERS, parseHostPort, parseListenList, type Settings } from '../../host/config/settings.js';
import { parseStoreUrl } from '../../host/store/store-url.js';
import { CHOOSABLE_ENGINES, engineForFile } from '../../runtimes/index.js';
import type { EngineName } from '../../runtimes/runtime.js';
import { installProcessGuard } from '../process-guard.js';
import { startServing } from '../serve.js';
import type { RunningServer } from '../worker-server.js';

export interface RunOptions {
  config?: string;
  script?: string;
  engine?: string;
  listen?: string[];
  control?: string;
  store?: string;
  stateDir?: string;
  workers?: string;
}

/** The settings `run` starts with: the config found, the flags over it; errors are ConfigErrors (exit 2). */
export function settingsFrom(values: RunOptions): { settings: Settings; config: ConfigChoice } {
  const { settings: base, config } = loadFoundConfig({ flag: values.config });
  if (values.script) base.routing.script = values.script;
  if (values.engine) {
    if (!CHOOSABLE_ENGINES.includes(values.engine as EngineName)) throw new ConfigError(`--engine '${values.engine}': expected ${CHOOSABLE_ENGINES.join(' or ')}`);
    base.routing.engine = values.engine;
  }
  if (values.listen?.length) base.listen = parseListenList(values.listen);
  if (values.control) base.control = values.control === 'off' ? null : { ...base.control, ...parseHostPort(values.control, '--control') };
  if (values.store) base.store = (parseStoreUrl(values.store), values.store);
  if (values.stateDir) base.stateDir = values.stateDir;
  if (values.workers !== undefined) {
    const n = Number(values.workers);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new ConfigError(`--workers '${values.workers}': expected a whole number from 1 to ${MAX_WORKERS}`);
    base.workers = n;
  }
  // what host/config cannot judge: the engine's name and the call limits' bounds (runtimes/, bindings/)
  engineForFile(base.routing.script, base.routing.engine);
  checkCallLimits(base.limits);
  return { settings: base, config };
}

export async function run(values: RunOptions): Promise<void> {
  let parsed: { settings: Settings; config: ConfigChoice };
  try {
    parsed = settingsFrom(values);
  } catch (e) {
    // a bad flag or config value is a usage error (exit 2), whichever layer found it
    throw e instanceof ConfigError ? e : new ConfigError((e as Error).message);
  }
  const { settings, config } = parsed;
  const log = createLogger(settings);
  // the workers (bin/worker-thread.ts) write in the format chosen here: their stdout is never a terminal
  settings.log.format = logFormatFor(settings.log);
  installProcessGuard(log);
  // The signals are ours from here, before the start: a start takes seconds (pyodide boots), and
  // a SIGTERM or SIGHUP then must not kill the process by its default action (a stop mid-boot
  // ended on the signal, or on SIGSEGV inside isolated-vm's threads).
  let server: RunningServer | null = null;
  let starting: Promise<RunningServer> | null = null;
  let reloadWhenStarted = false;
  // once: a second signal (npm and the launcher both pass on a SIGTERM; an operator's Ctrl-C
  // twice) waits for the stop under way instead of closing closed sockets
  let stopping: Promise<void> | null = null;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      const stopped = logStopping(log, signal);
      // a start under way ends first: a runtime still booting cannot be cut short (its boot
      // calls back into this thread; ScriptManager.whenSettled), so it is stopped once started
      if (!server) server = await starting?.catch(() => null) ?? null;
      await server?.stop();
      stopped();
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => {
    if (server) void server.reload();
    else if (!reloadWhenStarted) {
      reloadWhenStarted = true;
      log.info('reload asked while starting: the script is loaded again once the server serves');
    }
  });
  // the first line out, once the signals are ours: a supervisor (or a test) that stops the
  // server on seeing it met the default action while this line preceded the handlers
  log.info({ config: config.file ?? 'embedded defaults', from: config.from }, 'config');
  starting = startServing(settings, log);
  try {
    server = await starting;
  } catch (e) {
    if (stopping) return; // stopped while starting: stop() ends the process
    throw new Error(`cannot start: ${(e as Error).message}`);
  }
  if (reloadWhenStarted && !stopping) void server.reload();
}
