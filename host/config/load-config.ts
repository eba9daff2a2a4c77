// Reads a YAML config file, checks it against a schema (errors name the key), and merges it
// over the defaults. Command-line flags are merged over the result by the caller.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DEFAULT_SETTINGS, MAX_WORKERS, parseHostPort, parseListenList, type Settings } from './settings.js';
import { parseStoreUrl } from '../store/store-url.js';
import { parseAlgorithmList } from '../auth/auth-config.js';
import { parseOutboundRule } from '../transport/outbound-policy.js';
import { DEFAULT_VIA_SETTINGS } from '../corex/via-settings.js';
import { traceSettingsFrom } from '../trace/trace-settings.js';
import { avpNameOf } from '../core/avp-name.js';
import { DEFAULT_TLS, type TlsSettings } from '../transport/tls-settings.js';
import { DEFAULT_WS_SETTINGS, type WsSettings } from '../transport/ws-settings.js';

const positive = { type: 'integer', minimum: 1 } as const;

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    listen: { type: 'array', items: { type: 'string' }, minItems: 1 },
    aliases: { type: 'array', items: { type: 'string' } },
    workers: { type: 'integer', minimum: 1, maximum: MAX_WORKERS },
    worker_rt_step: { type: 'integer', minimum: 0, maximum: 98 },
    routing: {
      type: 'object',
      additionalProperties: false,
      // the engine's name is checked by runtimes/ (engineForFile), which knows the names
      properties: { script: { type: 'string', minLength: 1 }, engine: { type: 'string', minLength: 1 } },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // defaults and bounds belong to the runtimes and the registry (DEFAULT_LIMITS, CALL_LIMIT_BOUNDS)
        cpu_ms: positive, memory_mb: { type: 'integer', minimum: 8 },
        max_value_bytes: { type: 'integer', minimum: 1 },
        max_route_depth: { type: 'integer', minimum: 1 },
      },
    },
    tcp: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_message_bytes: positive, max_headers: positive, idle_timeout_ms: positive, max_connections: positive,
        max_connections_per_source: positive, header_timeout_ms: positive, write_buffer_bytes: positive,
        write_buffer_max_bytes: positive, send_timeout_ms: positive, messages_per_turn: positive,
      },
    },
    udp: { type: 'object', additionalProperties: false, properties: { max_message_bytes: positive } },
    websocket: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_message_bytes: positive, allowed_origins: { type: 'array', items: { type: 'string', minLength: 1 } },
        keepalive_interval_ms: { type: 'integer', minimum: 0 }, pong_timeout_ms: positive, max_bad_frames: { type: 'integer', minimum: 0 },
      },
    },
    // files are read when the server starts (host/transport/tls-settings.ts loadTlsContexts)
    tls: {
      type: 'object',
      additionalProperties: false,
      required: ['certificate', 'private_key'],
      properties: {
        certificate: { type: 'string', minLength: 1 }, private_key: { type: 'string', minLength: 1 }, ca_list: { type: 'string', minLength: 1 },
        verify_client: { type: 'boolean' }, require_client_certificate: { type: 'boolean' }, min_version: { enum: ['TLSv1.2', 'TLSv1.3'] },
        servers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['server_name', 'certificate', 'private_key'],
            properties: { server_name: { type: 'string', pattern: '^(\\*\\.)?[A-Za-z0-9_.-]+$' }, certificate: { type: 'string', minLength: 1 }, private_key: { type: 'string', minLength: 1 } },
          },
        },
        verify_server: { type: 'boolean' }, handshake_timeout_ms: positive,
      },
    },
    control: {
      anyOf: [
        { type: 'string' },
        { const: false },
        {
          type: 'object',
          additionalProperties: false,
          required: ['listen'],
          properties: {
            listen: { type: 'string' }, hosts: { type: 'array', items: { type: 'string', minLength: 1 } },
            origins: { type: 'array', items: { type: 'string', minLength: 1 } }, max_body_bytes: positive, body_timeout_ms: positive,
            headers_timeout_ms: positive, request_timeout_ms: positive, max_connections: positive,
          },
        },
      ],
    },
    state_dir: { type: 'string', minLength: 1 },
    outbound: {
      type: 'object',
      additionalProperties: false,
      properties: { default: { enum: ['allow', 'deny'] }, rules: { type: 'array', items: { type: 'string' } } },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      properties: { level: { enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] }, format: { enum: ['auto', 'json', 'pretty'] } },
    },
    defines: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    // its keys and values are checked by host/trace/trace-settings.ts (the same rules as trace.start)
    trace: { type: 'object' },
    // each module checks its own section when its state is made (host/core/module-service.ts)
    modules: { type: 'object', additionalProperties: { type: ['object', 'null'] } },
    tm: {
      type: 'object',
      additionalProperties: false,
      properties: {
        t1_ms: positive, t2_ms: positive, t4_ms: positive, fr_timer_ms: positive, fr_inv_timer_ms: positive,
        max_inv_lifetime_ms: positive, max_noninv_lifetime_ms: positive, auto_inv_100: { type: 'boolean' },
      },
    },
    store: { type: 'string', minLength: 1 },
    registrar: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min_expires: { type: 'integer', minimum: 0 }, max_expires: { type: 'integer', minimum: 0 }, default_expires: positive,
        max_contacts: { type: 'integer', minimum: 0 }, use_path: { type: 'boolean' }, path_mode: { enum: ['off', 'lazy', 'strict'] },
        received_avp: { type: 'string', minLength: 1 }, method_filtering: { type: 'boolean' },
      },
    },
    usrloc: {
      type: 'object',
      additionalProperties: false,
      properties: {
        db_mode: { enum: ['memory', 'write-through', 'db-only'] }, timer_interval_s: { type: 'number', exclusiveMinimum: 0 },
        event_callback: { type: 'string', minLength: 1 }, use_domain: { type: 'boolean' },
        // the shared location table's memory with several workers (host/shared/shared-string-map.ts)
        shared_memory_mb: { type: 'integer', minimum: 1, maximum: 2047 },
      },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      properties: {
        secret: { type: 'string', minLength: 16 },
        nonce_expire_s: positive,
        algorithm: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
        nc_table_size: positive,
        opaque: { type: 'boolean' },
      },
    },
    // Kamailio's core parameters for our Via (host/corex/via-settings.ts); names of xavps
    core: {
      type: 'object',
      additionalProperties: false,
      properties: {
        server_id: { type: 'integer', minimum: 0, maximum: 4294967295 },
        xavp_via_params: { type: 'string', pattern: '^[A-Za-z0-9_.-]*$' },
        xavp_via_fields: { type: 'string', pattern: '^[A-Za-z0-9_.-]*$' },
        xavp_via_reply_params: { type: 'string', pattern: '^[A-Za-z0-9_.-]*$' },
      },
    },
    overload: {
      type: 'object',
      additionalProperties: false,
      properties: {
        busy_ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, calm_ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        source_rate: positive, source_rate_any: positive, max_wait_ms: positive, udp_max_wait_ms: positive, reply: { enum: ['tcp', 'all', 'none'] }, retry_after_s: { type: 'integer', minimum: 0 },
      },
    },
  },
} as const;

/** The schema compiled at its first use (~60 ms): commands that read no config file (rpc with
 *  the defaults, --help) do not pay it. */
let compiled: ValidateFunction | null = null;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, allowUnionTypes: true }).compile(SCHEMA));

function describeError(file: string, e: ErrorObject): string {
  const key = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(top level)';
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return `${file}: unknown key '${key === '(top level)' ? extra : `${key}.${extra}`}'`;
  }
  return `${file}: key '${key}' ${e.message ?? 'is invalid'}`;
}

export class ConfigError extends Error {}

type RawConfig = {
  listen?: string[];
  workers?: number;
  worker_rt_step?: number;
  aliases?: string[];
  routing?: { script?: string; engine?: string };
  limits?: { cpu_ms?: number; memory_mb?: number; max_value_bytes?: number; max_route_depth?: number };
  tcp?: {
    max_message_bytes?: number; max_headers?: number; idle_timeout_ms?: number; max_connections?: number;
    max_connections_per_source?: number; header_timeout_ms?: number; write_buffer_bytes?: number;
    write_buffer_max_bytes?: number; send_timeout_ms?: number; messages_per_turn?: number;
  };
  udp?: { max_message_bytes?: number };
  tls?: RawTls;
  websocket?: { max_message_bytes?: number; allowed_origins?: string[]; keepalive_interval_ms?: number; pong_timeout_ms?: number; max_bad_frames?: number };
  control?: string | false | RawControl;
  state_dir?: string;
  outbound?: { default?: 'allow' | 'deny'; rules?: string[] };
  log?: { level?: Settings['log']['level']; format?: Settings['log']['format'] };
  trace?: Record<string, unknown>;
  defines?: Record<string, string | number | boolean>;
  modules?: Record<string, unknown>;
  tm?: {
    t1_ms?: number; t2_ms?: number; t4_ms?: number; fr_timer_ms?: number; fr_inv_timer_ms?: number;
    max_inv_lifetime_ms?: number; max_noninv_lifetime_ms?: number; auto_inv_100?: boolean;
  };
  store?: string;
  registrar?: {
    min_expires?: number; max_expires?: number; default_expires?: number; max_contacts?: number; use_path?: boolean;
    path_mode?: 'off' | 'lazy' | 'strict'; received_avp?: string; method_filtering?: boolean;
  };
  usrloc?: { db_mode?: 'memory' | 'write-through' | 'db-only'; timer_interval_s?: number; event_callback?: string; use_domain?: boolean; shared_memory_mb?: number };
  auth?: { secret?: string; nonce_expire_s?: number; algorithm?: string | string[]; nc_table_size?: number; opaque?: boolean };
  core?: { server_id?: number; xavp_via_params?: string; xavp_via_fields?: string; xavp_via_reply_params?: string };
  overload?: { busy_ratio?: number; calm_ratio?: number; source_rate?: number; source_rate_any?: number; max_wait_ms?: number; udp_max_wait_ms?: number; reply?: 'tcp' | 'all' | 'none'; retry_after_s?: number };
};

type RawTls = {
  certificate: string; private_key: string; ca_list?: string; verify_client?: boolean; require_client_certificate?: boolean;
  min_version?: TlsSettings['minVersion']; servers?: { server_name: string; certificate: string; private_key: string }[];
  verify_server?: boolean; handshake_timeout_ms?: number;
};

/** An Origin as browsers send it: scheme://host[:port], no path; or 'null' (file: pages), or '*'. */
const ORIGIN = /^(?:\*|null|[a-z][a-z0-9+.-]*:\/\/[^/\s]+)$/i;

/** websocket: → WsSettings over the defaults; an origin that could never match is an error. */
function websocketSettings(w: RawConfig['websocket']): WsSettings {
  const d = DEFAULT_WS_SETTINGS;
  const origins = w?.allowed_origins ?? [...d.allowedOrigins];
  const bad = origins.find((o) => !ORIGIN.test(o));
  if (bad !== undefined) throw new Error(`allowed_origins: expected '*' or an origin as a browser sends it (scheme://host[:port], no path, no trailing slash), got '${bad}'`);
  return {
    maxMessageBytes: w?.max_message_bytes ?? d.maxMessageBytes,
    allowedOrigins: origins,
    keepaliveIntervalMs: w?.keepalive_interval_ms ?? d.keepaliveIntervalMs,
    pongTimeoutMs: w?.pong_timeout_ms ?? d.pongTimeoutMs,
    maxBadFrames: w?.max_bad_frames ?? d.maxBadFrames,
  };
}

/** tls: → TlsSettings; the files are read when the server starts. */
function tlsSettings(t: RawTls): TlsSettings {
  return {
    certificate: t.certificate,
    privateKey: t.private_key,
    ...(t.ca_list ? { caList: t.ca_list } : {}),
    verifyClient: t.verify_client ?? DEFAULT_TLS.verifyClient,
    requireClientCertificate: t.require_client_certificate ?? DEFAULT_TLS.requireClientCertificate,
    minVersion: t.min_version ?? DEFAULT_TLS.minVersion,
    servers: (t.servers ?? []).map((s) => ({ serverName: s.server_name, certificate: s.certificate, privateKey: s.private_key })),
    verifyServer: t.verify_server ?? DEFAULT_TLS.verifyServer,
    handshakeTimeoutMs: t.handshake_timeout_ms ?? DEFAULT_TLS.handshakeTimeoutMs,
  };
}

/** A `tls:` or `wss:` listen entry needs the tls: section (its certificate and key). */
function checkTlsNeeded(listen: Settings['listen'], tls: TlsSettings | undefined): void {
  if (tls) return;
  const secure = listen.find((l) => (l.proto as string) === 'tls' || (l.proto as string) === 'wss');
  if (secure) throw new Error(`listen '${secure.proto}:${secure.ip.includes(':') ? `[${secure.ip}]` : secure.ip}:${secure.port}' needs tls.certificate and tls.private_key (a tls: section)`);
}

type RawControl = {
  listen: string; hosts?: string[]; origins?: string[]; max_body_bytes?: number; body_timeout_ms?: number;
  headers_timeout_ms?: number; request_timeout_ms?: number; max_connections?: number;
};

/** control: "IP:PORT" | false | {listen, hosts, origins, limits...}. */
function controlSettings(c: RawConfig['control'], dflt: Settings['control']): Settings['control'] {
  if (c === false) return null;
  if (c === undefined) return dflt ? { ...dflt } : null;
  if (typeof c === 'string') return parseHostPort(c, 'control');
  const out: NonNullable<Settings['control']> = parseHostPort(c.listen, 'control.listen');
  if (c.hosts) out.hosts = c.hosts;
  if (c.origins) out.origins = c.origins;
  if (c.max_body_bytes) out.maxBodyBytes = c.max_body_bytes;
  if (c.body_timeout_ms) out.bodyTimeoutMs = c.body_timeout_ms;
  if (c.headers_timeout_ms) out.headersTimeoutMs = c.headers_timeout_ms;
  if (c.request_timeout_ms) out.requestTimeoutMs = c.request_timeout_ms;
  if (c.max_connections) out.maxConnections = c.max_connections;
  if ((out.headersTimeoutMs ?? 0) > (out.requestTimeoutMs ?? Infinity)) throw new Error('headers_timeout_ms must not exceed request_timeout_ms');
  return out;
}

export function settingsFromConfigText(text: string, file: string): Settings {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (e) {
    throw new ConfigError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const validate = validator();
  if (!validate(raw)) throw new ConfigError((validate.errors ?? []).map((e) => describeError(file, e)).join('\n'));
  const c = raw as RawConfig;
  const d = DEFAULT_SETTINGS;
  const wrap = <T>(key: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw new ConfigError(`${file}: key '${key}': ${(e as Error).message}`);
    }
  };
  const listen = c.listen ? wrap('listen', () => parseListenList(c.listen!)) : d.listen.map((l) => ({ ...l }));
  const tls = c.tls ? tlsSettings(c.tls) : undefined;
  wrap('listen', () => checkTlsNeeded(listen, tls));
  return {
    listen,
    ...(tls ? { tls } : {}),
    websocket: wrap('websocket', () => websocketSettings(c.websocket)),
    aliases: c.aliases ?? [...d.aliases],
    ...(c.workers !== undefined ? { workers: c.workers } : {}),
    workerRtStep: c.worker_rt_step ?? d.workerRtStep,
    routing: { script: c.routing?.script ?? d.routing.script, engine: c.routing?.engine ?? d.routing.engine },
    limits: written({
      cpuMs: c.limits?.cpu_ms,
      memoryMb: c.limits?.memory_mb,
      maxValueBytes: c.limits?.max_value_bytes,
      maxRouteDepth: c.limits?.max_route_depth,
    }),
    tcp: {
      maxMessageBytes: c.tcp?.max_message_bytes ?? d.tcp.maxMessageBytes,
      maxHeaders: c.tcp?.max_headers ?? d.tcp.maxHeaders,
      idleTimeoutMs: c.tcp?.idle_timeout_ms ?? d.tcp.idleTimeoutMs,
      maxConnections: c.tcp?.max_connections ?? d.tcp.maxConnections,
      maxConnectionsPerSource: c.tcp?.max_connections_per_source ?? d.tcp.maxConnectionsPerSource,
      headerTimeoutMs: c.tcp?.header_timeout_ms ?? d.tcp.headerTimeoutMs,
      writeBufferBytes: c.tcp?.write_buffer_bytes ?? d.tcp.writeBufferBytes,
      writeBufferMaxBytes: c.tcp?.write_buffer_max_bytes ?? d.tcp.writeBufferMaxBytes,
      sendTimeoutMs: c.tcp?.send_timeout_ms ?? d.tcp.sendTimeoutMs,
      messagesPerTurn: c.tcp?.messages_per_turn ?? d.tcp.messagesPerTurn,
    },
    udp: { maxMessageBytes: c.udp?.max_message_bytes ?? d.udp.maxMessageBytes },
    control: wrap('control', () => controlSettings(c.control, d.control)),
    stateDir: c.state_dir ?? d.stateDir,
    outbound: {
      defaultAction: c.outbound?.default ?? d.outbound.defaultAction,
      rules: c.outbound?.rules ? c.outbound.rules.map((r, i) => wrap(`outbound.rules[${i}]`, () => parseOutboundRule(r))) : [...d.outbound.rules],
    },
    log: { level: c.log?.level ?? d.log.level, ...(c.log?.format ? { format: c.log.format } : {}) },
    ...(c.trace ? { trace: wrap('trace', () => traceSettingsFrom(c.trace, '')) } : {}),
    defines: Object.fromEntries(Object.entries(c.defines ?? {}).map(([k, v]) => [k, String(v)])),
    modules: { ...c.modules },
    tm: {
      t1: c.tm?.t1_ms ?? d.tm.t1,
      t2: c.tm?.t2_ms ?? d.tm.t2,
      t4: c.tm?.t4_ms ?? d.tm.t4,
      frTimer: c.tm?.fr_timer_ms ?? d.tm.frTimer,
      frInvTimer: c.tm?.fr_inv_timer_ms ?? d.tm.frInvTimer,
      maxInvLifetime: c.tm?.max_inv_lifetime_ms ?? d.tm.maxInvLifetime,
      maxNoninvLifetime: c.tm?.max_noninv_lifetime_ms ?? d.tm.maxNoninvLifetime,
      auto100: c.tm?.auto_inv_100 ?? d.tm.auto100,
    },
    store: c.store ? wrap('store', () => (parseStoreUrl(c.store!), c.store!)) : d.store,
    registrar: {
      minExpires: c.registrar?.min_expires ?? d.registrar.minExpires,
      maxExpires: c.registrar?.max_expires ?? d.registrar.maxExpires,
      defaultExpires: c.registrar?.default_expires ?? d.registrar.defaultExpires,
      maxContacts: c.registrar?.max_contacts ?? d.registrar.maxContacts,
      usePath: c.registrar?.use_path ?? d.registrar.usePath,
      pathMode: c.registrar?.path_mode ?? d.registrar.pathMode,
      receivedAvp: c.registrar?.received_avp !== undefined ? wrap('registrar.received_avp', () => receivedAvpName(c.registrar!.received_avp!)) : d.registrar.receivedAvp,
      methodFiltering: c.registrar?.method_filtering ?? d.registrar.methodFiltering,
    },
    usrloc: {
      mode: c.usrloc?.db_mode ?? d.usrloc.mode,
      timerIntervalS: c.usrloc?.timer_interval_s ?? d.usrloc.timerIntervalS,
      eventCallback: c.usrloc?.event_callback ?? d.usrloc.eventCallback,
      useDomain: c.usrloc?.use_domain ?? d.usrloc.useDomain,
      sharedMemoryMb: c.usrloc?.shared_memory_mb ?? d.usrloc.sharedMemoryMb,
    },
    auth: {
      secret: c.auth?.secret ?? d.auth.secret,
      nonceExpireS: c.auth?.nonce_expire_s ?? d.auth.nonceExpireS,
      algorithms: c.auth?.algorithm ? wrap('auth.algorithm', () => parseAlgorithmList(c.auth!.algorithm!)) : [...d.auth.algorithms],
      ncTableSize: c.auth?.nc_table_size ?? d.auth.ncTableSize,
      opaque: c.auth?.opaque ?? d.auth.opaque,
    },
    overload: {
      busyRatio: c.overload?.busy_ratio ?? d.overload.busyRatio,
      calmRatio: c.overload?.calm_ratio ?? d.overload.calmRatio,
      sourceRate: c.overload?.source_rate ?? d.overload.sourceRate,
      sourceRateAny: c.overload?.source_rate_any ?? d.overload.sourceRateAny,
      maxWaitMs: c.overload?.max_wait_ms ?? d.overload.maxWaitMs,
      udpMaxWaitMs: c.overload?.udp_max_wait_ms ?? d.overload.udpMaxWaitMs,
      reply: c.overload?.reply ?? d.overload.reply,
      retryAfterS: c.overload?.retry_after_s ?? d.overload.retryAfterS,
    },
    core: {
      serverId: c.core?.server_id ?? DEFAULT_VIA_SETTINGS.serverId,
      xavpViaParams: c.core?.xavp_via_params ?? DEFAULT_VIA_SETTINGS.xavpViaParams,
      xavpViaFields: c.core?.xavp_via_fields ?? DEFAULT_VIA_SETTINGS.xavpViaFields,
      xavpViaReplyParams: c.core?.xavp_via_reply_params ?? DEFAULT_VIA_SETTINGS.xavpViaReplyParams,
    },
  };
}

export function loadConfigFile(file: string): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read config: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return settingsFromConfigText(text, file);
}

/** The members that were given: a limit the operator did not write is absent, not a default. */
function written<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** registrar.received_avp in Kamailio's spelling ("$avp(RECEIVED)") or bare → the AVP's name. */
function receivedAvpName(text: string): string {
  const name = avpNameOf(text);
  if (name === null) throw new Error(`expected an AVP such as "$avp(RECEIVED)" or a bare name, got ${JSON.stringify(text)}`);
  return name;
}
