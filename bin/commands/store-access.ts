// The store a `user` or `ul` command works on: --store URL, else the config file's `store:`
// (host/config/config-file.ts says which file), else the embedded default. A command that only
// reads or changes what exists does not create an SQLite database that is not there.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadFoundConfig } from '../../host/config/config-file.js';
import type { Settings } from '../../host/config/settings.js';
import { openStore, parseStoreUrl } from '../../host/store/open-store.js';
import type { Store } from '../../host/store/store.js';

export interface StoreOptions {
  store?: string;
  config?: string;
}

export interface StoreChoice {
  url: string;
  settings: Settings;
}

export function storeChoice(opts: StoreOptions): StoreChoice {
  const { settings } = loadFoundConfig({ flag: opts.config });
  return { url: opts.store ?? settings.store, settings };
}

/** Throws when url is an SQLite file that does not exist (a typo, or the wrong directory). */
export function requireExistingDatabase(url: string): void {
  const target = parseStoreUrl(url);
  if (target.kind !== 'sqlite' || target.path === ':memory:') return;
  const path = resolve(target.path);
  if (!existsSync(path)) {
    throw new Error(`no database at ${path} (store ${url}); give --store URL or --config FILE, or create it with 'ksr-host user add'`);
  }
}

/** Opens the store, runs f, closes it. `create: false` refuses an SQLite file that is not there. */
export async function withStore<T>(url: string, opts: { create: boolean }, f: (s: Store) => Promise<T> | T): Promise<T> {
  if (!opts.create) requireExistingDatabase(url);
  const store = await openStore(url);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}
