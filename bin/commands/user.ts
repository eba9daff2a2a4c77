// `ksr-host user add|passwd|rm|list|import`: subscriber administration (like kamctl add),
// against the store named by --store, else the config file's `store:`, else the default.
// No server call: a running server reads a subscriber from the store at each authentication
// (host/auth/store-secrets.ts), so a change counts from the next request on.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { print } from './print.js';
import type { StoreOptions } from './store-access.js';
import { UsageError } from './usage-error.js';

// loaded by the subcommand that runs: `ksr-host --help` does not load the config loader or the stores
const storeAccess = () => import('./store-access.js');

function account(text: string): { username: string; domain: string } {
  const at = text.indexOf('@');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`expected USER@DOMAIN, saw '${text}'`);
  return { username: text.slice(0, at), domain: text.slice(at + 1) };
}

async function add(who: string, password: string, opts: StoreOptions): Promise<string> {
  const a = account(who);
  const { storeChoice, withStore } = await storeAccess();
  return withStore(storeChoice(opts).url, { create: true }, async (s) => (await s.addSubscriber(a.username, a.domain, password), `added ${a.username}@${a.domain}`));
}

async function passwd(who: string, password: string, opts: StoreOptions): Promise<string> {
  const a = account(who);
  const { storeChoice, withStore } = await storeAccess();
  return withStore(storeChoice(opts).url, { create: false }, async (s) => {
    if (!(await s.setPassword(a.username, a.domain, password))) throw new Error(`no subscriber ${a.username}@${a.domain}`);
    return `password of ${a.username}@${a.domain} changed`;
  });
}

async function rm(who: string, opts: StoreOptions): Promise<string> {
  const a = account(who);
  const { storeChoice, withStore } = await storeAccess();
  return withStore(storeChoice(opts).url, { create: false }, async (s) => {
    if (!(await s.removeSubscriber(a.username, a.domain))) throw new Error(`no subscriber ${a.username}@${a.domain}`);
    return `removed ${a.username}@${a.domain}`;
  });
}

async function list(opts: StoreOptions): Promise<string> {
  const { storeChoice, withStore } = await storeAccess();
  return withStore(storeChoice(opts).url, { create: false }, async (s) => (await s.listSubscribers()).map((u) => `${u.username}@${u.domain}`).join('\n'));
}

async function importCsv(file: string, opts: StoreOptions): Promise<string> {
  const text = await readFile(file, 'utf8').catch((e) => {
    throw new Error(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  const [{ parseSubscriberCsv }, { storeChoice, withStore }] = await Promise.all([import('../../host/store/subscriber-csv.js'), storeAccess()]);
  const rows = parseSubscriberCsv(text, file);
  return withStore(storeChoice(opts).url, { create: true }, async (s) => `imported ${await s.importSubscribers(rows)} subscribers from ${file}`);
}

function storeOptions(c: Command): Command {
  return c.option('--store <url>', 'the store (default: from the config file)').option('-c, --config <file>', 'the config file (YAML)');
}

/** Adds `user` and its subcommands to parent; each prints what it returns through output. */
export function addUserCommand(parent: Command, output: (text: string) => void = print): void {
  const user = parent
    .command('user')
    .description('subscribers: add, passwd, rm, list, import (the store the server authenticates against)')
    .addHelpText('after', '\nA running server reads subscribers from the store at each authentication: a change counts from the next request, no server call is needed.');
  const done = (p: Promise<string>) => p.then(output);
  storeOptions(user.command('add').description('add a subscriber (creates an SQLite database that is not there yet)'))
    .argument('<user@domain>').argument('<password>')
    .action((who: string, password: string, opts: StoreOptions) => done(add(who, password, opts)));
  storeOptions(user.command('passwd').description("change a subscriber's password"))
    .argument('<user@domain>').argument('<password>')
    .action((who: string, password: string, opts: StoreOptions) => done(passwd(who, password, opts)));
  storeOptions(user.command('rm').description('remove a subscriber'))
    .argument('<user@domain>')
    .action((who: string, opts: StoreOptions) => done(rm(who, opts)));
  storeOptions(user.command('list').description('list the subscribers, one USER@DOMAIN a line'))
    .action((opts: StoreOptions) => done(list(opts)));
  storeOptions(user.command('import').description('add subscribers from a CSV file (lines: user,domain,password)'))
    .argument('<file.csv>')
    .action((file: string, opts: StoreOptions) => done(importCsv(file, opts)));
}

/** Runs one user subcommand from its words (`['add', 'a@b', 'pw', '--store', URL]`); returns what it prints. */
export async function userCommand(args: string[]): Promise<string> {
  let out = '';
  const root = new Command('ksr-host').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  addUserCommand(root, (text) => (out = text));
  try {
    await root.parseAsync(['user', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof Error && 'exitCode' in e) throw new UsageError(e.message);
    throw e;
  }
  return out;
}
