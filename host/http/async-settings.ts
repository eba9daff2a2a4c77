// http_async_client's modparams (config `modules.http_async_client`), checked.
export const MAX_ASYNC_TIMEOUT_MS = 60_000;
/** Queries waiting for an answer in one thread; more are refused (-1). */
export const MAX_IN_FLIGHT = 1024;
/** Body bytes kept of an answer. */
export const ASYNC_MAX_BODY = 1024 * 1024;

export interface HttpAsyncSettings {
  /** connection_timeout: ms a query may take (Kamailio's default 500). */
  timeoutMs: number;
  verifyPeer: boolean;
  authmethod: number;
}

const IGNORED = ['workers', 'hash_size', 'curl_verbose', 'memory_manager', 'tcp_keepalive', 'tcp_ka_idle', 'tcp_ka_interval'];
const NOT_SUPPORTED = ['tls_version', 'tls_client_cert', 'tls_client_key', 'tls_ca_path'];

function intKey(c: Record<string, unknown>, key: string, dflt: number, min: number, max: number): number {
  const v = c[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(`modules.http_async_client.${key}: expected an integer ${min}..${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

export function parseHttpAsyncSettings(config: unknown): HttpAsyncSettings {
  if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config))) {
    throw new Error(`modules.http_async_client: expected a map of modparams, got ${JSON.stringify(config)}`);
  }
  const c = (config ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (NOT_SUPPORTED.includes(key)) throw new Error(`modules.http_async_client.${key}: not supported by ksr-host (no client certificates or TLS tuning)`);
    if (!IGNORED.includes(key) && !['connection_timeout', 'tls_verify_host', 'tls_verify_peer', 'authmethod'].includes(key)) {
      throw new Error(`modules.http_async_client.${key}: unknown modparam`);
    }
  }
  // workers: Kamailio's HTTP processes; here each thread's event loop waits for its own answers
  intKey(c, 'workers', 1, 1, 1024);
  return {
    timeoutMs: intKey(c, 'connection_timeout', 500, 1, MAX_ASYNC_TIMEOUT_MS),
    verifyPeer: intKey(c, 'tls_verify_peer', 1, 0, 1) !== 0 && intKey(c, 'tls_verify_host', 2, 0, 2) !== 0,
    authmethod: intKey(c, 'authmethod', 3, 0, 31),
  };
}
