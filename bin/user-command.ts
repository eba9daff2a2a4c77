// `ksr-host user add|passwd|rm|list|import`: subscriber administration (like kamctl add),
// against the store named by --store, else the config's `store:`, else the default.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../host/config/load-config.js';
import { DEFAULT_SETTINGS } from '../host/config/settings.js';
import { openStore } from '../host/store/open-store.js';
import { parseSubscriberCsv } from '../host/store/subscriber-csv.js';
import type { Store } from '../host/store/store.js';

export const USER_USAGE = `  ksr-host user add USER@DOMAIN PASSWORD [--store URL | --config FILE]
  ksr-host user passwd USER@DOMAIN PASSWORD [--store URL | --config FILE]
  ksr-host user rm USER@DOMAIN [--store URL | --config FILE]
  ksr-host user list [--store URL | --config FILE]
  ksr-host user import FILE.csv [--store URL | --config FILE]   (lines: user,domain,password)`;

export class UsageError extends Error {}

function account(text: string | undefined): { username: string; domain: string } {
  const at = text?.indexOf('@') ?? -1;
  if (!text || at <= 0 || at === text.length - 1) throw new UsageError(`expected USER@DOMAIN, saw '${text ?? ''}'`);
  return { username: text.slice(0, at), domain: text.slice(at + 1) };
}

export function storeUrlFrom(values: { store?: string; config?: string }): string {
  if (values.store) return values.store;
  if (values.config) return loadConfigFile(values.config).store;
  return DEFAULT_SETTINGS.store;
}

/** Runs one user subcommand; returns what to print. */
export async function userCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  const [sub, ...rest] = positionals;
  const want = (n: number) => {
    if (rest.length !== n) throw new UsageError(`user ${sub} takes ${n} argument${n === 1 ? '' : 's'}, saw ${rest.length}\n${USER_USAGE}`);
  };
  const withStore = async (f: (s: Store) => Promise<string>): Promise<string> => {
    const store = await openStore(storeUrlFrom(values));
    try {
      return await f(store);
    } finally {
      await store.close();
    }
  };
  switch (sub) {
    case 'add': {
      want(2);
      const a = account(rest[0]);
      return withStore(async (s) => (await s.addSubscriber(a.username, a.domain, rest[1]!), `added ${a.username}@${a.domain}`));
    }
    case 'passwd': {
      want(2);
      const a = account(rest[0]);
      return withStore(async (s) => {
        if (!(await s.setPassword(a.username, a.domain, rest[1]!))) throw new Error(`no subscriber ${a.username}@${a.domain}`);
        return `password of ${a.username}@${a.domain} changed`;
      });
    }
    case 'rm': {
      want(1);
      const a = account(rest[0]);
      return withStore(async (s) => {
        if (!(await s.removeSubscriber(a.username, a.domain))) throw new Error(`no subscriber ${a.username}@${a.domain}`);
        return `removed ${a.username}@${a.domain}`;
      });
    }
    case 'list':
      want(0);
      return withStore(async (s) => (await s.listSubscribers()).map((u) => `${u.username}@${u.domain}`).join('\n'));
    case 'import': {
      want(1);
      const file = rest[0]!;
      const text = await readFile(file, 'utf8').catch((e) => {
        throw new Error(`cannot read ${file}: ${e.code ?? e.message}`);
      });
      const rows = parseSubscriberCsv(text, file);
      return withStore(async (s) => `imported ${await s.importSubscribers(rows)} subscribers from ${file}`);
    }
    default:
      throw new UsageError(`user: expected add, passwd, rm, list or import, saw '${sub ?? ''}'\n${USER_USAGE}`);
  }
}
