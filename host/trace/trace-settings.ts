// What a SIP trace records and where: the filter, the bounds, the output. One parser for the
// trace.start parameters and the config's `trace:` section, so both accept the same words and
// refuse the same mistakes with the same messages.
import { isIP } from 'node:net';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';

/** Messages a trace records before it stops itself (Kamailio's sipdump has no bound; an operator forgets). */
export const DEFAULT_TRACE_MAX = 10_000;
export const DEFAULT_TRACE_SECONDS = 600;
/** A pcap file is closed, and the trace stopped, before it passes this. */
export const PCAP_MAX_BYTES = 100 * 1024 * 1024;
/** The message text in a log line is cut here (the pcap keeps it whole). */
export const LOG_TEXT_MAX_BYTES = 8 * 1024;

export interface TraceFilter {
  /** A request's method, or a reply's CSeq method (so "INVITE" shows the whole transaction). Upper case. */
  method?: string;
  callId?: string;
  /** Either end's address. */
  ip?: string;
  /** Either end's port. */
  port?: number;
  proto?: TraceProto;
}

export interface TraceRequest {
  output: 'log' | 'pcap';
  /** pcap: a file name under <stateDir>/traces/ (".pcap" added when missing); absent: one is made from the time. */
  file?: string;
  filter: TraceFilter;
  max: number;
  seconds: number;
}

/** The config's `trace:` section: a request, and whether it starts at boot. */
export interface TraceSettings extends TraceRequest {
  enabled: boolean;
}

/** The transports a trace names and filters on, as $proto spells them. */
export const TRACE_PROTOS = ['udp', 'tcp', 'tls', 'ws', 'wss'] as const;
export type TraceProto = (typeof TRACE_PROTOS)[number];

const FILTER_KEYS = ['method', 'callId', 'call_id', 'ip', 'port', 'proto'] as const;
const REQUEST_KEYS = ['output', 'file', 'filter', 'max', 'seconds', 'enabled', ...FILTER_KEYS];
const FILE_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export class TraceSettingsError extends Error {}

/** The error, prefixed with where the value came from unless that is said around it (the config loader's wrap). */
function fail(where: string, message: string): TraceSettingsError {
  return new TraceSettingsError(where ? `${where}: ${message}` : message);
}

/**
 * The trace.start params (or the config's `trace:`) → a request. The filter's keys may be at the
 * top or in `filter: {...}`; `call_id` is the config's spelling of `callId`. `where` names the
 * source in errors ("trace.start", "config key 'trace'").
 */
export function traceRequestFrom(params: unknown, where: string): TraceRequest {
  if (params === undefined || params === null) return defaultRequest();
  if (Array.isArray(params)) params = params.length === 0 ? {} : params[0];
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw fail(where, `expected an object like {"output": "log"|"pcap", "method": "INVITE", "max": 100}, got ${JSON.stringify(params)}`);
  }
  const p = params as Record<string, unknown>;
  const unknown = Object.keys(p).filter((k) => !REQUEST_KEYS.includes(k));
  if (unknown.length > 0) throw fail(where, `unknown key '${unknown[0]}'; expected some of ${REQUEST_KEYS.join(', ')}`);
  const nested = p.filter === undefined ? {} : p.filter;
  if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) throw fail(where, `'filter' must be an object, got ${JSON.stringify(nested)}`);
  const output = p.output ?? 'log';
  if (output !== 'log' && output !== 'pcap') throw fail(where, `'output' must be "log" or "pcap", got ${JSON.stringify(output)}`);
  if (p.file !== undefined && output !== 'pcap') throw fail(where, `'file' is for output "pcap"; the output is "${output}"`);
  return {
    output,
    ...(p.file !== undefined ? { file: fileName(p.file, where) } : {}),
    filter: filterFrom({ ...(nested as Record<string, unknown>), ...pick(p, FILTER_KEYS) }, where),
    max: wholeNumber(p.max, 'max', DEFAULT_TRACE_MAX, 1_000_000, where),
    seconds: wholeNumber(p.seconds, 'seconds', DEFAULT_TRACE_SECONDS, 86_400, where),
  };
}

/** The config's `trace:` section (enabled: false when absent). */
export function traceSettingsFrom(raw: unknown, where = "config key 'trace'"): TraceSettings {
  if (raw === undefined || raw === null) return { enabled: false, ...defaultRequest() };
  const enabled = (raw as { enabled?: unknown }).enabled ?? false;
  if (typeof enabled !== 'boolean') throw fail(where, `'enabled' must be true or false, got ${JSON.stringify(enabled)}`);
  return { enabled, ...traceRequestFrom(raw, where) };
}

function defaultRequest(): TraceRequest {
  return { output: 'log', filter: {}, max: DEFAULT_TRACE_MAX, seconds: DEFAULT_TRACE_SECONDS };
}

function pick(p: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
}

function filterFrom(f: Record<string, unknown>, where: string): TraceFilter {
  const unknown = Object.keys(f).filter((k) => !(FILTER_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw fail(where, `unknown filter key '${unknown[0]}'; expected some of method, callId, ip, port, proto`);
  const out: TraceFilter = {};
  if (f.method !== undefined) {
    if (typeof f.method !== 'string' || !/^[A-Za-z]{1,32}$/.test(f.method)) throw fail(where, `'method' must be a SIP method name like INVITE, got ${JSON.stringify(f.method)}`);
    out.method = f.method.toUpperCase();
  }
  const callId = f.callId ?? f.call_id;
  if (callId !== undefined) {
    if (typeof callId !== 'string' || callId.length === 0 || callId.length > 256) throw fail(where, `'callId' must be a Call-ID of 1..256 characters, got ${JSON.stringify(callId)}`);
    out.callId = callId;
  }
  if (f.ip !== undefined) {
    if (typeof f.ip !== 'string' || isIP(f.ip) === 0) throw fail(where, `'ip' must be an IPv4 or IPv6 address, got ${JSON.stringify(f.ip)}`);
    out.ip = f.ip.toLowerCase();
  }
  if (f.port !== undefined) out.port = wholeNumber(f.port, 'port', 0, 65535, where);
  if (f.proto !== undefined) {
    if (!(TRACE_PROTOS as readonly unknown[]).includes(f.proto)) throw fail(where, `'proto' must be one of ${TRACE_PROTOS.join(', ')}, got ${JSON.stringify(f.proto)}`);
    out.proto = f.proto as TraceProto;
  }
  return out;
}

function wholeNumber(v: unknown, key: string, dflt: number, most: number, where: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > most) throw fail(where, `'${key}' must be a whole number from 1 to ${most}, got ${JSON.stringify(v)}`);
  return v;
}

function fileName(v: unknown, where: string): string {
  if (typeof v !== 'string') throw fail(where, `'file' must be a file name, got ${JSON.stringify(v)}`);
  const name = v.endsWith('.pcap') ? v : `${v}.pcap`;
  // a bare name only: the file is made under <stateDir>/traces/, never anywhere a caller points
  if (!FILE_NAME.test(name) || name.startsWith('.') || basename(name) !== name) {
    throw fail(where, `'file' must be a bare file name of A-Z a-z 0-9 _ . - (it is made in <state_dir>/traces/), got ${JSON.stringify(v)}`);
  }
  return name;
}

/** The traces directory of a state directory. */
export function tracesDir(stateDir: string): string {
  return resolve(stateDir, 'traces');
}

/** The pcap file for a request: <stateDir>/traces/<name>, checked to be inside it. */
export function pcapPathFor(stateDir: string, name: string | undefined, now = new Date()): string {
  const dir = tracesDir(stateDir);
  const file = resolve(join(dir, name ?? `trace-${now.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '')}.pcap`));
  const rel = relative(dir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new TraceSettingsError(`trace file ${file}: expected a file inside ${dir}`);
  return file;
}
