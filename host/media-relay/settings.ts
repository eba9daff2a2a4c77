// The media relay modules' modparams (modules.rtpengine / modules.rtpproxy in the config),
// checked: a bad value throws an Error naming the key, what was expected and what was seen.
import { parseRelaySets, type RelaySet } from './relay-sets.js';

/** A synchronous KSR call may block the thread at most this long in total (timeout × tries). */
export const MAX_BLOCKING_MS = 5000;

export interface RelaySettings {
  sets: Map<number, RelaySet>;
  timeoutMs: number;
  tries: number;
  disableSeconds: number;
  queriedNodesLimit: number;
  setidDefault: number;
  setidAvp: string | null;
}

export interface RtpengineSettings extends RelaySettings {
  readSdpPv: string | null;
  writeSdpPv: string | null;
  extraIdPv: string | null;
  rtpInstPvar: string | null;
  hashTableSize: number;
  hashTableTout: number;
}

export interface RtpproxySettings extends RelaySettings {
  nortpproxyStr: string;
  rtpInstPvar: string | null;
}

type Section = Record<string, unknown>;

function sectionOf(module: string, config: unknown): Section {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new Error(`modules.${module}: expected a mapping, got ${JSON.stringify(config)}`);
  return config as Section;
}

function int(module: string, s: Section, key: string, dflt: number, min: number, max: number): number {
  const v = s[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(`modules.${module}.${key}: expected an integer ${min}..${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

function str(module: string, s: Section, key: string): string | null {
  const v = s[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw new Error(`modules.${module}.${key}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function checkBlocking(module: string, timeoutMs: number, tries: number, keys: string): void {
  if (timeoutMs * tries > MAX_BLOCKING_MS) {
    throw new Error(`modules.${module}: ${keys} give ${timeoutMs * tries} ms per relay, at most ${MAX_BLOCKING_MS} (a KSR call blocks its thread while it waits)`);
  }
}

export function rtpengineSettings(config: unknown): RtpengineSettings {
  const m = 'rtpengine';
  const s = sectionOf(m, config);
  const timeoutMs = int(m, s, 'rtpengine_tout_ms', 500, 1, 60_000);
  const tries = int(m, s, 'rtpengine_retr', 2, 1, 50);
  checkBlocking(m, timeoutMs, tries, 'rtpengine_tout_ms × rtpengine_retr');
  return {
    sets: parseRelaySets(`modules.${m}.rtpengine_sock`, s.rtpengine_sock, 22222),
    timeoutMs, tries,
    disableSeconds: int(m, s, 'rtpengine_disable_tout', 60, 0, 86400 * 365),
    queriedNodesLimit: int(m, s, 'queried_nodes_limit', 30, 1, 64),
    setidDefault: int(m, s, 'setid_default', 0, 0, 2 ** 31 - 1),
    setidAvp: str(m, s, 'setid_avp'),
    readSdpPv: str(m, s, 'read_sdp_pv'),
    writeSdpPv: str(m, s, 'write_sdp_pv'),
    extraIdPv: str(m, s, 'extra_id_pv'),
    rtpInstPvar: str(m, s, 'rtp_inst_pvar'),
    hashTableSize: int(m, s, 'hash_table_size', 256, 1, 1 << 20),
    hashTableTout: int(m, s, 'hash_table_tout', 3600, 1, 86400 * 7),
  };
}

export function rtpproxySettings(config: unknown): RtpproxySettings {
  const m = 'rtpproxy';
  const s = sectionOf(m, config);
  const seconds = int(m, s, 'rtpproxy_tout', 1, 1, 60);
  const timeoutMs = int(m, s, 'rtpproxy_tout_ms', seconds * 1000, 1, 60_000);
  const tries = int(m, s, 'rtpproxy_retr', 2, 1, 50);
  checkBlocking(m, timeoutMs, tries, 'rtpproxy_tout × rtpproxy_retr');
  return {
    sets: parseRelaySets(`modules.${m}.rtpproxy_sock`, s.rtpproxy_sock, 22222),
    timeoutMs, tries,
    disableSeconds: int(m, s, 'rtpproxy_disable_tout', 60, 0, 86400 * 365),
    queriedNodesLimit: int(m, s, 'queried_nodes_limit', 30, 1, 64),
    setidDefault: 0,
    setidAvp: str(m, s, 'rtpp_setid_avp'),
    nortpproxyStr: str(m, s, 'nortpproxy_str') ?? 'a=nortpproxy:yes',
    rtpInstPvar: str(m, s, 'rtp_inst_pvar'),
  };
}
