// http_client's modparams (config `modules.http_client`), checked: a wrong key or value stops
// the server with a message naming it. Kamailio's names and defaults, except where a bound is
// ours (limits.ts): a synchronous request must not hold a thread longer.
import { parseHttpConnection, type HttpConnection } from './connections.js';
import { MAX_TIMEOUT_MS } from './limits.js';

export { HARD_MAX_BODY, MAX_TIMEOUT_MS } from './limits.js';
export const DEFAULT_USER_AGENT = 'ksr-host (http_client)';

export interface HttpClientSettings {
  /** connection_timeout in ms (Kamailio: 4 s by default, in seconds unless timeout_mode 2). */
  timeoutMs: number;
  /** query_result: 1 (default) keeps only the first line of the body for the query functions. */
  firstLineOnly: boolean;
  /** query_maxdatasize: bytes of body the query functions keep (0: all, up to HARD_MAX_BODY). */
  queryMaxdatasize: number;
  /** maxdatasize: the default for named connections. */
  maxdatasize: number;
  httpredirect: boolean;
  useragent: string;
  /** verify_peer (and verify_host): 0 accepts any server certificate. */
  verifyPeer: boolean;
  keepConnections: boolean;
  /** response_headers: keep the last answer's headers for $httprhdr(name). */
  responseHeaders: boolean;
  connections: ReadonlyMap<string, HttpConnection>;
}

const NOT_SUPPORTED = ['cacert', 'client_cert', 'client_key', 'cipher_suites', 'tlsversion', 'httpproxy', 'httpproxyport', 'netinterface', 'config_file'];
const KNOWN = ['connection_timeout', 'timeout_mode', 'httpcon', 'keep_connections', 'maxdatasize', 'query_result', 'query_maxdatasize', 'httpredirect', 'useragent', 'verify_peer', 'verify_host', 'response_headers', 'authmethod'];

export type WarnFn = (text: string) => void;

function intKey(c: Record<string, unknown>, key: string, dflt: number, min = 0): number {
  const v = c[key];
  if (v === undefined) return dflt;
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw new Error(`modules.http_client.${key}: expected an integer >= ${min}, got ${JSON.stringify(v)}`);
  return n;
}

function timeoutOf(c: Record<string, unknown>, warn: WarnFn): number {
  const mode = intKey(c, 'timeout_mode', 1);
  if (mode > 2) throw new Error(`modules.http_client.timeout_mode: expected 0, 1 (seconds) or 2 (milliseconds), got ${mode}`);
  const raw = intKey(c, 'connection_timeout', 0);
  let ms = mode === 2 ? raw : raw * 1000;
  if (mode === 0 || raw === 0) ms = mode === 0 ? MAX_TIMEOUT_MS : 4000;
  if (ms > MAX_TIMEOUT_MS) {
    warn(`modules.http_client.connection_timeout: ${ms} ms is more than a synchronous request may block a thread; ${MAX_TIMEOUT_MS} ms is used`);
    ms = MAX_TIMEOUT_MS;
  }
  return ms;
}

function connectionLines(v: unknown): Array<{ key: string; line: string }> {
  if (v === undefined) return [];
  if (typeof v === 'string') return [{ key: 'modules.http_client.httpcon', line: v }];
  if (Array.isArray(v)) {
    return v.map((line, i) => {
      if (typeof line !== 'string') throw new Error(`modules.http_client.httpcon[${i}]: expected "name=>url", got ${JSON.stringify(line)}`);
      return { key: `modules.http_client.httpcon[${i}]`, line };
    });
  }
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v).map(([name, url]) => {
      if (typeof url !== 'string') throw new Error(`modules.http_client.httpcon.${name}: expected a URL string, got ${JSON.stringify(url)}`);
      return { key: `modules.http_client.httpcon.${name}`, line: `${name}=>${url}` };
    });
  }
  throw new Error(`modules.http_client.httpcon: expected "name=>url", a list of them or a map name: url, got ${JSON.stringify(v)}`);
}

export function parseHttpClientSettings(config: unknown, warn: WarnFn = () => {}): HttpClientSettings {
  if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config))) {
    throw new Error(`modules.http_client: expected a map of modparams, got ${JSON.stringify(config)}`);
  }
  const c = (config ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (NOT_SUPPORTED.includes(key)) throw new Error(`modules.http_client.${key}: not supported by ksr-host (no client certificates, proxies or TLS tuning)`);
    if (!KNOWN.includes(key)) throw new Error(`modules.http_client.${key}: unknown modparam (known: ${KNOWN.join(', ')})`);
  }
  const useragent = c.useragent ?? DEFAULT_USER_AGENT;
  if (typeof useragent !== 'string' || /[\r\n]/.test(useragent) || useragent.length > 256) {
    throw new Error(`modules.http_client.useragent: expected one line of at most 256 characters, got ${JSON.stringify(c.useragent)}`);
  }
  const base = {
    timeoutMs: timeoutOf(c, warn),
    maxdatasize: intKey(c, 'maxdatasize', 0),
    httpredirect: intKey(c, 'httpredirect', 0) !== 0,
    useragent,
    verifyPeer: intKey(c, 'verify_peer', 1) !== 0 && intKey(c, 'verify_host', 2) !== 0,
    keepConnections: intKey(c, 'keep_connections', 0) !== 0,
  };
  intKey(c, 'authmethod', 3);
  const connections = new Map<string, HttpConnection>();
  for (const { key, line } of connectionLines(c.httpcon)) {
    const con = parseHttpConnection(line, key, base);
    if (connections.has(con.name)) throw new Error(`${key}: connection '${con.name}' is defined twice`);
    connections.set(con.name, con);
  }
  for (const con of connections.values()) {
    if (con.failover && !connections.has(con.failover)) throw new Error(`modules.http_client.httpcon: connection '${con.name}' fails over to '${con.failover}', which is not defined`);
  }
  return {
    ...base,
    firstLineOnly: intKey(c, 'query_result', 1) !== 0,
    queryMaxdatasize: intKey(c, 'query_maxdatasize', 0),
    responseHeaders: intKey(c, 'response_headers', 0) !== 0,
    connections,
  };
}
