// nathelper's modparams (config `modules: { nathelper: {...} }`), under Kamailio's names, with
// Kamailio's defaults. A bad value throws an Error naming the key, what was expected and what
// was seen: the server refuses to start with it.
import { avpNameOf } from '../core/avp-name.js';

export interface NathelperSettings {
  /** Seconds between keepalive rounds; 0 disables pinging (Kamailio's default). */
  natping_interval: number;
  /** 1: ping only bindings whose nat_bflag is set (Kamailio's ul.nat_flag). */
  ping_nated_only: number;
  /** Branch flag (0..31) saved with a binding that marks it as behind NAT (Kamailio: usrloc's nat_bflag); -1 none. */
  nat_bflag: number;
  /** Branch flag (0..31) asking for a SIP request ping instead of the 4-byte UDP one; -1 none. */
  sipping_bflag: number;
  /** Branch flag (0..31) that disables pings for a binding; -1 none. */
  natping_disable_bflag: number;
  sipping_from: string;
  sipping_method: string;
  /** Seconds without an answer to SIP pings after which a binding is removed; 0 off. */
  keepalive_timeout: number;
  /** Accepted for compatibility: one thread pings here, spread over the interval. */
  natping_processes: number;
  /** Local socket pings are sent from ("udp:IP:PORT" or "IP:PORT"); '' the binding's own or the default. */
  force_socket: string;
  /** The AVP fix_nated_register fills; default the registrar's received_avp. '' disables it. */
  received_avp: string | null;
  /** SDP line added by fix_nated_sdp flag 4 (without CRLF); '' adds none. */
  nortpproxy_str: string;
  /** 1: fix_nated_sdp keeps the replaced address in a=oldmediaip. */
  append_sdp_oldmediaip: number;
  /** 1: the reserved 192.0.0.0/24 counts as private too. */
  nat_addr_mode: number;
  /** Name of the Contact/R-URI parameter the alias functions use. */
  alias_name: string;
  /** 1: ping only bindings written by this node (usrloc's server_id). */
  filter_server_id: number;
  /** Most bindings pinged per second (bounds the work of one tick). */
  max_pings_per_tick: number;
}

export const DEFAULT_NATHELPER_SETTINGS: Readonly<NathelperSettings> = Object.freeze({
  natping_interval: 0,
  ping_nated_only: 0,
  nat_bflag: -1,
  sipping_bflag: -1,
  natping_disable_bflag: -1,
  sipping_from: '',
  sipping_method: 'OPTIONS',
  keepalive_timeout: 0,
  natping_processes: 1,
  force_socket: '',
  received_avp: null,
  nortpproxy_str: 'a=nortpproxy:yes',
  append_sdp_oldmediaip: 1,
  nat_addr_mode: 1,
  alias_name: 'alias',
  filter_server_id: 0,
  max_pings_per_tick: 2000,
});

const INT_RANGES: Partial<Record<keyof NathelperSettings, [number, number]>> = {
  natping_interval: [0, 86_400],
  ping_nated_only: [0, 1],
  nat_bflag: [-1, 31],
  sipping_bflag: [-1, 31],
  natping_disable_bflag: [-1, 31],
  keepalive_timeout: [0, 86_400 * 7],
  natping_processes: [0, 64],
  append_sdp_oldmediaip: [0, 1],
  nat_addr_mode: [0, 1],
  filter_server_id: [0, 1],
  max_pings_per_tick: [1, 100_000],
};

/** Kamailio modparams that need raw sockets (a spoofed source address): refused with why, not as unknown. */
const RAW_SOCKET_PARAMS = new Set(['natping_socket', 'udpping_from_path']);

const TOKEN = /^[A-Za-z][A-Za-z0-9_.!%*+`'~-]{0,31}$/;
const PARAM_NAME = /^[A-Za-z0-9_.!%*+`'~-]{1,32}$/;

function where(key: string): string {
  return `modules.nathelper.${key}`;
}

function intValue(key: string, v: unknown, [min, max]: [number, number]): number {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${where(key)}: expected an integer ${min}..${max}, got ${JSON.stringify(v)}`);
  }
  return n;
}

function strValue(key: string, v: unknown, max = 256): string {
  if (typeof v !== 'string' || v.length > max || /[\r\n\0]/.test(v)) {
    throw new Error(`${where(key)}: expected a text of at most ${max} characters without line breaks, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** "$avp(name)", "$avp(s:name)" or a bare name → the AVP name; '' stays '' (disabled). */
function avpName(v: unknown): string {
  const s = strValue('received_avp', v, 64).trim();
  if (s === '') return '';
  const name = avpNameOf(s);
  if (name === null) throw new Error(`${where('received_avp')}: expected an AVP such as "$avp(RECEIVED)", got ${JSON.stringify(v)}`);
  return name;
}

export function parseNathelperSettings(config: unknown): NathelperSettings {
  if (config === undefined || config === null) return { ...DEFAULT_NATHELPER_SETTINGS };
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(`modules.nathelper: expected a mapping of modparams, got ${JSON.stringify(config)}`);
  }
  const out: NathelperSettings = { ...DEFAULT_NATHELPER_SETTINGS };
  for (const [key, v] of Object.entries(config as Record<string, unknown>)) {
    if (RAW_SOCKET_PARAMS.has(key)) {
      if (v === 0 || v === '' || v === null) continue;
      throw new Error(`${where(key)}: pings from a spoofed source address need a raw socket, which this server does not open; remove the parameter (got ${JSON.stringify(v)})`);
    }
    if (!(key in DEFAULT_NATHELPER_SETTINGS)) {
      throw new Error(`${where(key)}: unknown parameter (known: ${Object.keys(DEFAULT_NATHELPER_SETTINGS).join(', ')})`);
    }
    const k = key as keyof NathelperSettings;
    const range = INT_RANGES[k];
    if (range) (out as unknown as Record<string, unknown>)[k] = intValue(key, v, range);
    else if (k === 'received_avp') out.received_avp = avpName(v);
    else if (k === 'nortpproxy_str') out.nortpproxy_str = strValue(key, typeof v === 'string' ? v.replace(/[\r\n]+$/, '') : v);
    else (out as unknown as Record<string, unknown>)[k] = strValue(key, v);
  }
  if (!TOKEN.test(out.sipping_method)) throw new Error(`${where('sipping_method')}: expected a SIP method token, got ${JSON.stringify(out.sipping_method)}`);
  if (!PARAM_NAME.test(out.alias_name)) throw new Error(`${where('alias_name')}: expected a URI parameter name, got ${JSON.stringify(out.alias_name)}`);
  if (out.natping_interval > 0 && out.ping_nated_only === 1 && out.nat_bflag < 0) {
    throw new Error(`${where('ping_nated_only')}: is 1 but no nat_bflag is set (Kamailio: "ping_nated_only enabled, but no nat bflag set")`);
  }
  if (out.natping_interval > 0 && out.sipping_bflag >= 0 && out.sipping_from === '') {
    throw new Error(`${where('sipping_from')}: SIP pings are enabled (sipping_bflag ${out.sipping_bflag}) but sipping_from is empty`);
  }
  return out;
}
