// `ksr-host ul dump|show|rm`: the location table read straight from the store (no server
// needed; a running server answers `ksr-host rpc ul.dump` instead). With usrloc use_domain
// off (the default) an AoR is the user alone, as in the server.
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../host/config/load-config.js';
import { DEFAULT_SETTINGS, type Settings } from '../host/config/settings.js';
import { openStore } from '../host/store/open-store.js';
import type { Aor, LocationRecord, Store } from '../host/store/store.js';
import { UsageError } from './user-command.js';

export const UL_USAGE = `  ksr-host ul dump [--store URL | --config FILE]
  ksr-host ul show USER[@DOMAIN] [--store URL | --config FILE]
  ksr-host ul rm USER[@DOMAIN] [--store URL | --config FILE]`;

function aorOf(text: string | undefined, useDomain: boolean): Aor {
  if (!text) throw new UsageError(`expected USER or USER@DOMAIN\n${UL_USAGE}`);
  const at = text.indexOf('@');
  const username = at === -1 ? text : text.slice(0, at);
  const domain = at === -1 ? '' : text.slice(at + 1);
  if (!username) throw new UsageError(`expected USER or USER@DOMAIN, saw '${text}'`);
  return { username, domain: useDomain ? domain : '' };
}

function show(r: LocationRecord): Record<string, unknown> {
  return { ...r, expiresAt: r.expires === 0 ? 'never' : new Date(r.expires * 1000).toISOString() };
}

/** Runs one ul subcommand; returns what to print. */
export async function ulCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  const settings: Settings = values.config ? loadConfigFile(values.config) : structuredClone(DEFAULT_SETTINGS as Settings);
  const url = values.store ?? settings.store;
  const useDomain = settings.usrloc.useDomain;
  const [sub, target] = positionals;
  const withStore = async (f: (s: Store) => string): Promise<string> => {
    const store = await openStore(url);
    try {
      return f(store);
    } finally {
      await store.close();
    }
  };
  switch (sub) {
    case 'dump':
      return withStore((s) => JSON.stringify(s.allLocations().map(show), null, 2));
    case 'show': {
      const aor = aorOf(target, useDomain);
      return withStore((s) => {
        const list = s.locations(aor);
        if (list.length === 0) throw new Error(`no bindings for ${aor.username}${aor.domain ? '@' + aor.domain : ''}`);
        return JSON.stringify(list.map(show), null, 2);
      });
    }
    case 'rm': {
      const aor = aorOf(target, useDomain);
      return withStore((s) => `removed ${s.deleteAor(aor)} bindings of ${aor.username}${aor.domain ? '@' + aor.domain : ''}`);
    }
    default:
      throw new UsageError(`ul: expected dump, show or rm, saw '${sub ?? ''}'\n${UL_USAGE}`);
  }
}
