// Store URLs: sqlite:PATH (sqlite::memory: for tests), redis://HOST:PORT/DB,
// postgres://USER:PASS@HOST:PORT/DB (postgresql:// too).

export const DEFAULT_STORE_URL = 'sqlite:./ksr-host.db';

export type StoreTarget =
  | { kind: 'sqlite'; path: string; url: string }
  | { kind: 'redis'; url: string }
  | { kind: 'postgres'; url: string };

export function parseStoreUrl(text: string): StoreTarget {
  const url = text.trim();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new Error(`store '${text}': expected sqlite:PATH, e.g. sqlite:./ksr-host.db or sqlite::memory:`);
    return { kind: 'sqlite', path, url };
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`store '${text}': expected sqlite:PATH, redis://HOST:PORT/DB or postgres://USER:PASS@HOST:PORT/DB`);
  }
  if (u.protocol === 'redis:') {
    if (u.pathname && u.pathname !== '/' && !/^\/\d+$/.test(u.pathname)) throw new Error(`store '${text}': the Redis database must be a number, as in redis://127.0.0.1:6379/0`);
    return { kind: 'redis', url };
  }
  if (u.protocol === 'postgres:' || u.protocol === 'postgresql:') {
    if (!u.pathname || u.pathname === '/') throw new Error(`store '${text}': expected a database name, as in postgres://USER:PASS@HOST:5432/kamailio`);
    return { kind: 'postgres', url };
  }
  throw new Error(`store '${text}': unknown scheme '${u.protocol}', expected sqlite:, redis:// or postgres://`);
}

/** The URL with its password replaced by ***, for logs and `description`. */
export function maskStoreUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)([^@]*)@/i, '$1***@');
}
