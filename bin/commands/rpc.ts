// `ksr-host rpc METHOD [PARAMS...]`: one JSON-RPC call to the running server (kamcmd's job).
import type { Command } from 'commander';
import type { ControlOptions } from './control-client.js';
import { print } from './print.js';

async function rpc(method: string, words: string[], opts: ControlOptions & { config?: string }): Promise<void> {
  // loaded by the call, not at the top: `ksr-host --help` does not load the config loader or undici
  const [{ describeConfig, loadFoundConfig }, { callControl, controlTarget, paramsFrom }] = await Promise.all([import('../../host/config/config-file.js'), import('./control-client.js')]);
  const { settings, config } = loadFoundConfig({ flag: opts.config });
  const target = controlTarget(settings, opts, describeConfig(config));
  const result = await callControl(target, method, paramsFrom(words));
  print(JSON.stringify(result, null, 2));
}

export function addRpcCommand(program: Command): void {
  program
    .command('rpc')
    .description("call a method of the running server's control endpoint (ksr-host rpc system.listMethods)")
    .argument('<method>', 'e.g. core.version, ul.dump, kemi.reload')
    .argument('[params...]', 'one JSON value (an array or object), or words passed as strings')
    .option('--control <ip:port>', 'the control endpoint (default: from the config)')
    .option('-c, --config <file>', 'the config file (YAML)')
    .option('--state-dir <dir>', 'where the control token is read from (default: from the config)')
    .option('--token <token>', 'the control token itself')
    .action((method: string, words: string[], opts: ControlOptions & { config?: string }) => rpc(method, words, opts));
}
