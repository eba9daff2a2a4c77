// Opens the store a URL names: sqlite:PATH (embedded, the default), redis://HOST:PORT/DB or
// postgres://USER:PASS@HOST:PORT/DB (shared by several nodes, reached through a worker thread).
import type { Store, StoreOptions } from './store.js';
import { SqliteStore } from './sqlite-store.js';
import { parseStoreUrl } from './store-url.js';

export { DEFAULT_STORE_URL, parseStoreUrl, maskStoreUrl } from './store-url.js';

export async function openStore(url: string, opts: StoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  switch (target.kind) {
    case 'sqlite':
      return new SqliteStore(target.path, opts);
    case 'redis':
    case 'postgres': {
      const { RemoteStore } = await import('./remote-store.js');
      return RemoteStore.open(target.kind, target.url, opts);
    }
  }
}
