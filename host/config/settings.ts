// The settings of a running server, with the embedded defaults `npm start` runs on.
import { DEFAULT_TM_SETTINGS, type TmSettings } from '../tm/settings.js';
import { DEFAULT_REGISTRAR_SETTINGS, DEFAULT_USRLOC_SETTINGS, type RegistrarSettings, type UsrlocSettings } from '../registrar/settings.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../auth/auth-settings.js';
import { DEFAULT_OUTBOUND, type OutboundPolicy } from '../transport/outbound-policy.js';
import { DEFAULT_TCP_SETTINGS, type TcpLimits } from '../transport/tcp-settings.js';
import { DEFAULT_OVERLOAD_SETTINGS, type OverloadSettings } from '../core/overload-settings.js';
import type { ListenAddress } from '../transport/types.js';
import { DEFAULT_VIA_SETTINGS, type ViaSettings } from '../corex/via-settings.js';
import type { TraceSettings } from '../trace/trace-settings.js';
import type { TlsSettings } from '../transport/tls-settings.js';
import { DEFAULT_WS_SETTINGS, type WsSettings } from '../transport/ws-settings.js';

export type { ListenAddress } from '../transport/types.js';

/** The control endpoint: where it listens, and (optional, defaults in host/control/rpc-server.ts) who may call it. */
export interface ControlSettings {
  ip: string;
  port: number;
  /** More names a Host header may carry besides the listen address and localhost. */
  hosts?: string[];
  /** Origins allowed to call it (a browser page's); none by default. */
  origins?: string[];
  maxBodyBytes?: number;
  bodyTimeoutMs?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxConnections?: number;
}

/** The most worker threads `workers` may ask for. */
export const MAX_WORKERS = 64;

export interface Settings {
  listen: ListenAddress[];
  /**
   * Worker threads that run the engine, each with its own runtime (bin/worker-server.ts); 1:
   * the engine runs in the main thread. Absent: one per core (os.availableParallelism()),
   * decided where the server is started from the command line (bin/serve.ts).
   */
  workers?: number;
  /**
   * Under a real-time policy (the server started by `chrt -f`/`-r`), how many priority steps
   * below the socket thread each worker thread runs (host/workers/realtime-step.ts); 0: the same.
   */
  workerRtStep: number;
  /** Extra names and addresses that count as "myself" (KSR.is_myself). */
  aliases: string[];
  /**
   * The script, and the engine the operator named for it (`routing.engine`), null when none:
   * runtimes/ knows the engine names and checks it (runtimes/index.ts engineForFile).
   */
  routing: { script: string; engine: string | null };
  /**
   * The limits the operator wrote, nothing else: one absent takes its default where it is
   * defined once (cpuMs, memoryMb: runtimes/index.ts DEFAULT_LIMITS, from each runtime's declaration;
   * maxValueBytes, maxRouteDepth: bindings/registry.ts DEFAULT_CALL_LIMITS, which also bounds
   * them). cpuMs: CPU time per message, nested callbacks included; memoryMb: the runtime's
   * memory; maxValueBytes: the longest string a KSR call takes or returns; maxRouteDepth: how
   * deep KSR.route may nest callbacks.
   */
  limits: { cpuMs?: number; memoryMb?: number; maxValueBytes?: number; maxRouteDepth?: number };
  /** Framing limits, connection table bounds, deadlines and write buffers (host/transport/tcp-settings.ts). */
  tcp: TcpLimits;
  udp: { maxMessageBytes: number };
  control: ControlSettings | null;
  /** Where the server keeps what it makes for itself: the control token (host/control/control-token.ts). */
  stateDir: string;
  /** Where sends may go beyond the fixed rule (host/transport/outbound-policy.ts). */
  outbound: OutboundPolicy;
  /** format: 'json' lines, 'pretty' (pino-pretty), or absent/'auto': pretty when stdout is a terminal (host/log/create-logger.ts). */
  log: { level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'; format?: 'auto' | 'json' | 'pretty' };
  /** Values scripts read with KSR.kx.get_def / ifdef. */
  defines: Record<string, string>;
  /**
   * Module parameters (Kamailio's modparam), one section per KSR module that keeps state
   * (`modules: { htable: {...}, dispatcher: {...} }`), as written: each module checks its own
   * when its state is made (host/core/module-service.ts), naming the key that is wrong.
   */
  modules: Record<string, unknown>;
  /** Transaction timers (ms) and switches. */
  tm: TmSettings;
  /** The database URL (host/store): sqlite:PATH, redis://HOST:PORT/DB, postgres://USER:PASS@HOST:PORT/DB. */
  store: string;
  /** save() rules: expires bounds and default, max contacts, Path (host/registrar). */
  registrar: RegistrarSettings;
  /** The location table: db mode, expiry timer, event callback (host/registrar). */
  usrloc: UsrlocSettings;
  /** Digest authentication: nonce secret and lifetime, algorithms offered (host/auth). */
  auth: AuthSettings;
  /** Shedding of new requests before the script while overloaded (host/core/overload-policy.ts). */
  overload: OverloadSettings;
  /** Kamailio core parameters for the Via we add: server_id, xavp_via_* (host/corex/via-settings.ts). Absent: none. */
  core?: ViaSettings;
  /** The SIP trace started at boot (config `trace:`, host/trace/trace-settings.ts). Absent: none. */
  trace?: TraceSettings;
  /** Certificates and verification for `tls:`/`wss:` listeners and outbound TLS (host/transport/tls-settings.ts). Absent: no TLS. */
  tls?: TlsSettings;
  /** `ws:`/`wss:` listeners: frame size, allowed Origins, keepalive (host/transport/ws-settings.ts). Absent: the defaults there. */
  websocket?: WsSettings;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  listen: [
    { proto: 'udp', ip: '127.0.0.1', port: 5060 },
    { proto: 'tcp', ip: '127.0.0.1', port: 5060 },
  ],
  workerRtStep: 1,
  aliases: [],
  routing: { script: 'sample-scripts/routing.lua', engine: null },
  limits: {},
  tcp: { ...DEFAULT_TCP_SETTINGS },
  udp: { maxMessageBytes: 65535 },
  control: { ip: '127.0.0.1', port: 5080 },
  stateDir: './ksr-host-state',
  outbound: { defaultAction: DEFAULT_OUTBOUND.defaultAction, rules: [] },
  log: { level: 'info' },
  defines: {},
  modules: {},
  tm: { ...DEFAULT_TM_SETTINGS },
  store: 'sqlite:./ksr-host.db',
  registrar: { ...DEFAULT_REGISTRAR_SETTINGS },
  usrloc: { ...DEFAULT_USRLOC_SETTINGS },
  auth: { ...DEFAULT_AUTH_SETTINGS, algorithms: [...DEFAULT_AUTH_SETTINGS.algorithms] },
  overload: { ...DEFAULT_OVERLOAD_SETTINGS },
  core: { ...DEFAULT_VIA_SETTINGS },
  websocket: { ...DEFAULT_WS_SETTINGS, allowedOrigins: [...DEFAULT_WS_SETTINGS.allowedOrigins] },
} satisfies Settings);

/** A socket name: what Kamailio scripts pass to corex.set_send_socket_name and compare. */
const SOCKET_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * "udp:127.0.0.1:5060", "tcp:[::1]:5060", "udp:10.0.0.10:5060 name s0" (Kamailio's spelling,
 * the name quoted or not) → ListenAddress; errors say what was expected.
 */
export function parseListen(text: string): ListenAddress {
  const [address = '', named] = splitName(text);
  const m = /^(udp|tcp|tls|ws|wss):(\[[0-9a-fA-F:.]+\]|[^:\[\]\s]+):(\d{1,5})$/.exec(address);
  if (!m) throw new Error(`listen address '${text}': expected PROTO:IP:PORT [name NAME], e.g. udp:127.0.0.1:5060, tcp:[::1]:5060 name s0 or wss:127.0.0.1:8443 (PROTO: udp, tcp, tls, ws, wss)`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) throw new Error(`listen address '${text}': port must be 1..65535`);
  const listen: ListenAddress = { proto: m[1] as ListenAddress['proto'], ip: m[2]!.replace(/^\[|\]$/g, ''), port };
  if (named === undefined) return listen;
  if (!SOCKET_NAME.test(named)) {
    throw new Error(`listen address '${text}': the name must be 1..64 characters of A-Z a-z 0-9 _ . -, got '${named}'`);
  }
  return { ...listen, name: named };
}

/** "ADDRESS" → [ADDRESS]; "ADDRESS name NAME" / 'ADDRESS name "NAME"' → [ADDRESS, NAME]. */
function splitName(text: string): [string, string?] {
  const t = text.trim();
  const m = /^(\S+)\s+name\s+(?:"([^"]*)"|(\S+))$/.exec(t);
  if (m) return [m[1]!, m[2] ?? m[3]!];
  if (/\sname(\s|$)/.test(t)) throw new Error(`listen address '${text}': expected 'name NAME' or 'name "NAME"' after the address`);
  return [t];
}

/** Every listen entry parsed; a name given twice is an error naming both entries. */
export function parseListenList(texts: readonly string[]): ListenAddress[] {
  const list = texts.map(parseListen);
  const seen = new Map<string, number>();
  list.forEach((l, i) => {
    if (l.name === undefined) return;
    const first = seen.get(l.name);
    if (first !== undefined) {
      throw new Error(`listen entries ${first + 1} ('${texts[first]}') and ${i + 1} ('${texts[i]}') have the same name '${l.name}': names must be unique`);
    }
    seen.set(l.name, i);
  });
  return list;
}

/** "127.0.0.1:5080" → {ip, port}. */
export function parseHostPort(text: string, what: string): { ip: string; port: number } {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\[\]]+):(\d{1,5})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new Error(`${what} '${text}': expected IP:PORT, e.g. 127.0.0.1:5080`);
  return { ip: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}
