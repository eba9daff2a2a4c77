// Declares `ksr-host run` (its options and help). What it does is in run.ts, loaded only when
// `run` runs: that file loads the server (engine, runtimes, stores, pino), which `ksr-host
// --help`, `rpc` and `api` must not pay for.
import type { Command } from 'commander';
import type * as ConfigFile from '../../host/config/config-file.js';
import { MAX_WORKERS } from '../../host/config/settings.js';
import { CHOOSABLE_ENGINES } from '../../runtimes/index.js';
import type { RunOptions } from './run.js';

// run's --help says which config file is used now: commander's help text is synchronous, so the
// config loader is loaded just before `run` parses its flags (preSubcommand), not at the top
let configFile: typeof ConfigFile | null = null;

/** Which config `run` would use now, for its --help (an error there is said, not thrown). */
function configNow(command: Command): string {
  if (!configFile) return 'unknown';
  try {
    return configFile.describeConfig(configFile.findConfigFile({ flag: command.opts<RunOptions>().config }));
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
    .action(async (opts: RunOptions) => (await import('./run.js')).run(opts));
  program.hook('preSubcommand', async (_program, sub) => {
    if (sub === command) configFile = await import('../../host/config/config-file.js');
  });
  command.addHelpText('after', () => `\nConfig file: ${configFile?.CONFIG_SEARCH_ORDER ?? ''}.\nUsed now: ${configNow(command)}`);
}
