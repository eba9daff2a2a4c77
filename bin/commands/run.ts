// `ksr-host run`: starts the server with the config file found (host/config/config-file.ts) and
// the flags over it; SIGHUP reloads the script, SIGTERM/SIGINT stop it.
import type { Command } from 'commander';
import { createLogger, logFormatFor } from '../../host/log/create-logger.js';
import { logStopping } from '../../host/log/lifecycle.js';
import { checkCallLimits } from '../../bindings/registry.js';
import { CONFIG_SEARCH_ORDER, describeConfig, findConfigFile, loadFoundConfig, type ConfigChoice } from '../../host/config/config-file.js';
import { ConfigError } from '../../host/config/load-config.js';
import { MAX_WORKERS, parseHostPort, parseListenList, type Settings } from '../../host/config/settings.js';
import { parseStoreUrl } from '../../host/store/store-url.js';
import { CHOOSABLE_ENGINES, engineForFile } from '../../runtimes/index.js';
import type { EngineName } from '../../runtimes/runtime.js';
import { installProcessGuard } from '../process-guard.js';
import { startServing } from '../serve.js';

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

async function run(values: RunOptions): Promise<void> {
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
  log.info({ config: config.file ?? 'embedded defaults', from: config.from }, 'config');
  installProcessGuard(log);
  let server;
  try {
    server = await startServing(settings, log);
  } catch (e) {
    throw new Error(`cannot start: ${(e as Error).message}`);
  }
  process.on('SIGHUP', () => void server.reload());
  // once: a second signal (npm and the launcher both pass on a SIGTERM; an operator's Ctrl-C
  // twice) waits for the stop under way instead of closing closed sockets
  let stopping: Promise<void> | null = null;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      const stopped = logStopping(log, signal);
      await server.stop();
      stopped();
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Which config `run` would use now, for its --help (an error there is said, not thrown). */
function configNow(command: Command): string {
  try {
    return describeConfig(findConfigFile({ flag: command.opts<RunOptions>().config }));
  } catch (e) {
    return (e as Error).message;
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addRunCommand(program: Command): void {
  const command = program
    .command('run')
    .description('start the SIP server (SIGHUP reloads the script, SIGTERM/SIGINT stop it)')
    .option('-c, --config <file>', 'the config file (YAML)')
    .option('-s, --script <file>', 'the routing script (.js, .lua, .py)')
    .option('--engine <name>', `the JavaScript engine: ${CHOOSABLE_ENGINES.join(' or ')}`)
    .option('-l, --listen <proto:ip:port>', 'a SIP listen address, e.g. udp:127.0.0.1:5060 (repeat for more)', collect)
    .option('--control <ip:port>', "the control endpoint's address, or 'off'")
    .option('--store <url>', 'sqlite:PATH, redis://HOST:PORT/DB or postgres://USER:PASS@HOST:PORT/DB')
    .option('--state-dir <dir>', 'where the server keeps the control token')
    .option('--workers <n>', `worker threads running the script, 1 to ${MAX_WORKERS} (default: one per core)`)
    .action((opts: RunOptions) => run(opts));
  command.addHelpText('after', () => `\nConfig file: ${CONFIG_SEARCH_ORDER}.\nUsed now: ${configNow(command)}`);
}
