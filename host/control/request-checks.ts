// What an HTTP request to the control endpoint must show before its body is read: POST (GET
// for a page), a Host naming this endpoint (a DNS-rebinding page sends its own name), no Origin or an
// allowed one (a page in a local browser always sends its own), and a JSON content type (a
// form or a text/plain fetch is not a "simple" JSON request, so no page can send one without
// a CORS preflight, which is never granted).
import type { IncomingHttpHeaders } from 'node:http';
import { networkInterfaces } from 'node:os';

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

export interface RequestPolicy {
  /** Lower-case host names (no port) a Host header may carry. */
  hosts: ReadonlySet<string>;
  port: number;
  /** Exact origins ("http://admin.example.org:8080") allowed; empty by default. */
  origins: ReadonlySet<string>;
}

const UNSPECIFIED = new Set(['0.0.0.0', '::']);

/** The names a Host header may use for an endpoint listening on ip:port, plus configured ones. */
export function requestPolicy(ip: string, port: number, names: readonly string[], origins: readonly string[]): RequestPolicy {
  const hosts = new Set<string>(['localhost', ...names.map((n) => n.toLowerCase())]);
  const addresses = UNSPECIFIED.has(ip)
    ? ['127.0.0.1', '::1', ...Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((i) => i.address))]
    : [ip];
  for (const a of addresses) hosts.add(a.toLowerCase());
  return { hosts, port, origins: new Set(origins) };
}

/** "127.0.0.1:5080", "[::1]:5080", "localhost" → {host, port}; null when it is not a host[:port]. */
export function splitHostHeader(value: string): { host: string; port: number | null } | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\[\]\s/@]+))(?::(\d{1,5}))?$/.exec(value.trim());
  if (!m) return null;
  return { host: (m[1] ?? m[2]!).toLowerCase(), port: m[3] !== undefined ? Number(m[3]) : null };
}

export function checkRequest(method: string | undefined, headers: IncomingHttpHeaders, policy: RequestPolicy): Refusal | null {
  if (method !== 'POST') return { status: 405, message: `use POST with a JSON-RPC 2.0 body (got ${String(method).slice(0, 20)})`, headers: { allow: 'POST' } };
  const foreign = checkHostAndOrigin(headers, policy);
  if (foreign) return foreign;
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return { status: 415, message: `Content-Type must be application/json (got '${String(headers['content-type'] ?? '').slice(0, 60)}')` };
  }
  return null;
}

/**
 * A GET page (/metrics, /health, /ready): the same Host and Origin rules (a rebinding page must
 * not read the metrics either); no body, so no content type.
 */
export function checkPageRequest(method: string | undefined, headers: IncomingHttpHeaders, policy: RequestPolicy): Refusal | null {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, message: `use GET (got ${String(method).slice(0, 20)})`, headers: { allow: 'GET, HEAD' } };
  return checkHostAndOrigin(headers, policy);
}

/** The Host must name this endpoint; an Origin must be one allowed. */
function checkHostAndOrigin(headers: IncomingHttpHeaders, policy: RequestPolicy): Refusal | null {
  const host = typeof headers.host === 'string' ? splitHostHeader(headers.host) : null;
  if (!host || !policy.hosts.has(host.host) || (host.port !== null && host.port !== policy.port)) {
    return { status: 403, message: `Host '${String(headers.host ?? '').slice(0, 100)}' does not name this control endpoint; allowed: ${[...policy.hosts].join(', ')} (config control.hosts adds names)` };
  }
  const origin = headers.origin;
  if (origin !== undefined && !policy.origins.has(origin)) {
    return { status: 403, message: `Origin '${origin.slice(0, 100)}' is not allowed (config control.origins; empty by default)` };
  }
  return null;
}

/** The bearer token a request carries, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(headers.authorization ?? '');
  return m ? m[1]! : null;
}

/** 127.0.0.0/8 and ::1 (and their IPv4-mapped form): a listener only local users can reach. */
export function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || ip === '::1';
}
