// Next-hop resolution for a SIP URI (RFC 3263 without NAPTR): IP literals at once and
// synchronously; names through SRV (_sip._udp, _sip._tcp) then A/AAAA of each SRV target,
// or A/AAAA of the name itself when it has an explicit port or no SRV records.
// Answers are cached: A/AAAA for their TTL, SRV (Node does not report its TTL) for
// SRV_CACHE_MS; failed look-ups for NEGATIVE_CACHE_MS, so a dead name costs one query.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { LRUCache } from 'lru-cache';
import { sendProtoOf, type SendProto, type SipUri } from '../sip/uri.js';

export interface Target {
  proto: SendProto;
  ip: string;
  port: number;
  /** TLS only: the URI's host when it is a name, what the server's certificate must name (RFC 5922
   *  §4: the domain of the URI, also after SRV), and the SNI sent. Absent for an IP literal. */
  host?: string;
}

export type TargetProto = SendProto;

const DEFAULT_PORT = 5060;
const SRV_CACHE_MS = 60_000;
const NEGATIVE_CACHE_MS = 5_000;
const CACHE_LIMIT = 10_000;

/** The transport a URI asks for (host/sip/uri.ts sendProtoOf: tls for sips, ws/wss as written). */
function uriProto(uri: SipUri, forcedProto?: TargetProto | null): TargetProto | null {
  return forcedProto ?? sendProtoOf(uri);
}

function supportedTransport(uri: SipUri): boolean {
  return !uri.params.has('transport') || sendProtoOf(uri) !== null;
}

/** SRV service names (RFC 3263 §4.1); WebSocket has none (RFC 7118): A/AAAA only. */
const SRV_SERVICE: Readonly<Record<SendProto, string | null>> = { udp: '_sip._udp', tcp: '_sip._tcp', tls: '_sips._tcp', ws: null, wss: null };

/** IP-literal hosts (and localhost) without any look-up; null when the host is a name. */
export function resolveLiteral(uri: SipUri, forcedProto?: TargetProto | null): Target | null {
  if (uri.scheme === 'tel' || !supportedTransport(uri)) return null;
  const localhost = uri.host.toLowerCase() === 'localhost';
  const host = localhost ? '127.0.0.1' : uri.host;
  if (isIP(host) === 0) return null;
  const proto = uriProto(uri, forcedProto) ?? 'udp';
  // localhost is a name: a TLS server's certificate is checked against it, not 127.0.0.1
  return { proto, ip: host, port: uri.port || defaultPort(proto, uri), ...(localhost && proto === 'tls' ? { host: 'localhost' } : {}) };
}

/** RFC 3261 §19.1.2: 5061 for TLS and sips:, else 5060 (WS too, as Kamailio: a WebSocket peer is
 *  reached over the connection it opened, found by its address, so its URIs carry a port). */
function defaultPort(proto: SendProto, uri: SipUri): number {
  return proto === 'tls' || uri.scheme === 'sips' ? 5061 : DEFAULT_PORT;
}

interface CacheEntry<T> {
  expires: number;
  value: Promise<T>;
}

interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

let resolver = new Resolver({ timeout: 2000, tries: 2 });
/**
 * At most CACHE_LIMIT names, the least recently used goes first. Not a Map used as a queue:
 * each eviction of its oldest walked the deleted slots V8 keeps at the front (µs per look-up
 * of a new name at 10 000, growing with the churn).
 */
const cache = new LRUCache<string, CacheEntry<unknown>>({ max: CACHE_LIMIT });

/** Points resolution at these servers ("ip" or "ip:port") and forgets every cached answer. */
export function setDnsServers(servers: string[]): void {
  resolver = new Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers(servers);
  cache.clear();
}

/** Forgets cached answers (tests; a config reload). */
export function clearDnsCache(): void {
  cache.clear();
}

/**
 * One cached look-up. The promise itself is cached so concurrent requests for a name share
 * one query; `ttlOf` turns the answer into a lifetime.
 */
function cached<T>(key: string, lookup: () => Promise<T>, ttlOf: (v: T) => number): Promise<T> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const entry: CacheEntry<T> = { expires: now + NEGATIVE_CACHE_MS, value: lookup() };
  cache.set(key, entry);
  entry.value.then((v) => void (entry.expires = Date.now() + ttlOf(v)), () => undefined);
  return entry.value;
}

/** Empty for "no such name" / "no records": those are answers, not failures. */
async function orEmpty<T>(p: Promise<T[]>): Promise<T[]> {
  try {
    return await p;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENODATA' || code === 'ENOTFOUND' || code === 'NXDOMAIN') return [];
    throw e;
  }
}

function lifetime(ttls: number[], empty: boolean): number {
  if (empty) return NEGATIVE_CACHE_MS;
  return Math.max(1, Math.min(...ttls)) * 1000;
}

/** A then AAAA addresses of a name, cached by their TTL. */
function addresses(name: string): Promise<string[]> {
  return cached(
    `addr:${name.toLowerCase()}`,
    async () => {
      const [v4, v6] = await Promise.all([
        orEmpty(resolver.resolve4(name, { ttl: true })),
        orEmpty(resolver.resolve6(name, { ttl: true })),
      ]);
      const all = [...v4, ...v6];
      return { ips: all.map((r) => r.address), ttl: lifetime(all.map((r) => r.ttl), all.length === 0) };
    },
    (v) => v.ttl,
  ).then((v) => v.ips);
}

/**
 * SRV records ordered by priority, then by weight, heaviest first. RFC 2782 asks for a
 * weighted random pick within a priority; a fixed order keeps a dialog's retries and the
 * tests predictable, at the cost of sending all load of a priority to its heaviest target.
 */
function srv(name: string): Promise<SrvRecord[]> {
  return cached(
    `srv:${name.toLowerCase()}`,
    async () => (await orEmpty(resolver.resolveSrv(name))).sort((a, b) => a.priority - b.priority || b.weight - a.weight),
    (v) => (v.length === 0 ? NEGATIVE_CACHE_MS : SRV_CACHE_MS),
  );
}

async function fromSrv(host: string, proto: TargetProto): Promise<Target[]> {
  const out: Target[] = [];
  const service = SRV_SERVICE[proto];
  if (!service) return out;
  for (const r of await srv(`${service}.${host}`)) {
    // "." as target means the service is decidedly not available (RFC 2782)
    if (r.name === '' || r.name === '.') continue;
    const ips = isIP(r.name) !== 0 ? [r.name] : await addresses(r.name);
    for (const ip of ips) out.push({ proto, ip, port: r.port });
  }
  return out;
}

/**
 * Every target for a URI, best first. Literal → [it]; an explicit port → A/AAAA of the host;
 * otherwise SRV for the asked transport (or UDP then TCP when none is asked), falling back to
 * A/AAAA on port 5060. Rejects with Error('cannot resolve ...') when nothing is found.
 */
export async function resolveTarget(uri: SipUri, forcedProto?: TargetProto | null): Promise<Target[]> {
  const literal = resolveLiteral(uri, forcedProto);
  if (literal) return [literal];
  if (uri.scheme === 'tel' || !supportedTransport(uri)) {
    throw new Error(`cannot resolve ${uri.raw}: expected a sip/sips URI with udp, tcp, tls, ws or wss transport`);
  }
  const proto = uriProto(uri, forcedProto);
  let targets: Target[] = [];
  try {
    if (uri.port === 0) {
      for (const p of proto ? [proto] : (['udp', 'tcp'] as const)) targets.push(...(await fromSrv(uri.host, p)));
    }
    if (targets.length === 0) {
      const port = uri.port || defaultPort(proto ?? 'udp', uri);
      targets = (await addresses(uri.host)).map((ip) => ({ proto: proto ?? 'udp', ip, port }));
    }
  } catch (e) {
    throw new Error(`cannot resolve ${uri.host}: DNS failed (${(e as Error).message})`);
  }
  if (targets.length === 0) throw new Error(`cannot resolve ${uri.host}: no SRV, A or AAAA records`);
  // TLS checks the server's certificate against the URI's domain, not the SRV target (RFC 5922 §4)
  const host = uri.host.toLowerCase();
  return targets.map((t) => (t.proto === 'tls' ? { ...t, host } : t));
}
