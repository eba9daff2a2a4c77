// The services the fixed outbound rule protects, from the settings: the control endpoint and
// the configured store (Redis or PostgreSQL host:port; SQLite is a file and has none). A store
// named by a host name is protected at the addresses that name has now (as the drivers
// connect: the system resolver); a name that does not resolve protects nothing, and says so.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { parseStoreUrl } from '../store/store-url.js';
import type { ProtectedEndpoint } from './outbound-guard.js';

const DEFAULT_PORT = { redis: 6379, postgres: 5432 } as const;

/** host and port of a Redis/PostgreSQL URL; null for SQLite or a PostgreSQL Unix socket. */
export function storeHostPort(storeUrl: string): { kind: 'redis' | 'postgres'; host: string; port: number } | null {
  const target = parseStoreUrl(storeUrl);
  if (target.kind === 'sqlite') return null;
  const u = new URL(target.url);
  const hostParam = u.searchParams.get('host');
  let host = u.hostname.replace(/^\[|\]$/g, '');
  if (hostParam && !hostParam.startsWith('/')) host = hostParam;
  if (!host) host = target.kind === 'postgres' && hostParam?.startsWith('/') ? '' : 'localhost';
  if (!host) return null;
  const port = Number(u.searchParams.get('port') ?? '') || Number(u.port) || DEFAULT_PORT[target.kind];
  return { kind: target.kind, host, port };
}

export async function protectedEndpoints(
  control: { ip: string; port: number } | null,
  storeUrl: string,
  warn: (msg: string) => void = () => {},
): Promise<ProtectedEndpoint[]> {
  const out: ProtectedEndpoint[] = [];
  if (control) out.push({ ip: control.ip, port: control.port, what: 'control endpoint' });
  const store = storeHostPort(storeUrl);
  if (store) {
    let ips: string[] = [];
    if (isIP(store.host)) ips = [store.host];
    else {
      try {
        ips = (await lookup(store.host, { all: true })).map((a) => a.address);
      } catch (e) {
        warn(`outbound: the store host '${store.host}' does not resolve (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the fixed rule cannot protect it by address`);
      }
    }
    for (const ip of ips) out.push({ ip, port: store.port, what: `store ${store.kind}` });
  }
  return out;
}
