// `ksr-host ul dump|show|rm|add`: the location table. dump and show read the store (no server
// needed; `ksr-host rpc ul.dump` shows a running server's memory). rm and add change live
// state: they go through the running server's control endpoint when one answers there (its
// memory and its store change together, as `kamctl ul rm` does), else they change the store,
// and say which they did. With usrloc use_domain off (the default) an AoR is the user alone.
import type { Command } from 'commander';
import { print } from './print.js';
import type { UlOptions } from './ul-actions.js';

const DEFAULT_EXPIRES_S = 3600;
// the work itself, loaded by the subcommand that runs (bin/commands/ul-actions.ts)
const actions = () => import('./ul-actions.js');
const contextFor = async (opts: UlOptions) => (await actions()).contextOf(opts);

function storeOptions(c: Command): Command {
  return c.option('--store <url>', 'the store (default: from the config file)').option('-c, --config <file>', 'the config file (YAML)');
}

function serverOptions(c: Command): Command {
  return storeOptions(c)
    .option('--control <ip:port>', "the running server's control endpoint (default: from the config)")
    .option('--state-dir <dir>', 'where its control token is read from (default: from the config)')
    .option('--token <token>', 'the control token itself')
    .option('--no-server', 'change the store only, without asking a running server');
}

export function addUlCommand(parent: Command): void {
  const ul = parent
    .command('ul')
    .description('the location table (registered contacts): dump, show, rm, add')
    .addHelpText('after', '\nrm and add go through the running server when one answers at the control address (its memory and store change together), else they change the store; each says which it did.');
  storeOptions(ul.command('dump').description('every binding in the store (a running server: ksr-host rpc ul.dump)'))
    .action(async (opts: UlOptions) => print(await (await actions()).dumpStore(await contextFor(opts))));
  storeOptions(ul.command('show').description("one AoR's bindings in the store"))
    .argument('<aor>', 'USER or USER@DOMAIN')
    .action(async (target: string, opts: UlOptions) => print(await (await actions()).showFromStore(await contextFor(opts), target)));
  serverOptions(ul.command('rm').description("remove an AoR's bindings"))
    .argument('<aor>', 'USER or USER@DOMAIN')
    .action(async (target: string, opts: UlOptions) => print(await (await actions()).rm(target, opts)));
  serverOptions(ul.command('add').description('add (or refresh) a binding'))
    .argument('<aor>', 'USER or USER@DOMAIN')
    .argument('<contact>', 'a SIP URI, e.g. sip:alice@192.0.2.10:5060')
    .option('--expires <seconds>', 'how long the binding lasts', String(DEFAULT_EXPIRES_S))
    .option('--q <q>', 'its q value, 0 to 1 (default: none)')
    .action(async (target: string, contact: string, opts: UlOptions & { expires: string; q?: string }) => print(await (await actions()).add(target, contact, opts)));
}
