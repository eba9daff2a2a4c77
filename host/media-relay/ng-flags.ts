// Kamailio's rtpengine flag string ("replace-origin ICE=remove RTP/AVP via-branch=auto
// codec-strip-PCMU direction=internal ...") → the ng dictionary's members, as rtpengine.c's
// parse_flags reads it: known words set their list or member, any other word goes to `flags`,
// any other key=value becomes a dictionary string member.
import type { BValue } from './bencode.js';

export type NgOp = 'offer' | 'answer' | 'delete' | 'query' | 'start recording' | 'stop recording' | 'block DTMF' | 'unblock DTMF'
  | 'block media' | 'unblock media' | 'silence media' | 'unsilence media' | 'start forwarding' | 'stop forwarding'
  | 'play media' | 'stop media' | 'play DTMF' | 'subscribe request' | 'subscribe answer' | 'unsubscribe' | 'connect' | 'ping';

export interface ParsedFlags {
  dict: Record<string, BValue>;
  /** via-branch= : 1, 2, 'auto', 'extra' (extra_id_pv), 'next', 'auto-next', 'auto-extra', or null. */
  via: string | null;
  callId: string | null;
  fromTag: string | null;
  toTag: string | null;
  /** `to-tag` given without a value: send the message's To tag. */
  wantTo: boolean;
  /** from-tag given: the tags are taken as given, not swapped. */
  directional: boolean;
  /** force-answer turned an offer into an answer. */
  op: NgOp;
}

export type FlagsResult = { ok: true; value: ParsedFlags } | { ok: false; error: string };

const TRANSPORTS = ['RTP/AVP', 'RTP/SAVP', 'RTP/AVPF', 'RTP/SAVPF', 'UDP/TLS/RTP/SAVP', 'UDP/TLS/RTP/SAVPF'];
/** Prefixes whose rest goes into a list member (codec-strip-PCMU → codec.strip: [PCMU]). */
const CODEC_PREFIXES = ['strip', 'offer', 'transcode', 'mask', 'set', 'except', 'accept', 'consume', 'ignore'];
const LIST_PREFIXES: Array<[string, string]> = [['replace-', 'replace'], ['rtcp-mux-', 'rtcp-mux'], ['SDES-', 'SDES'], ['T38-', 'T38'], ['OSRTP-', 'OSRTP']];
const VIA_VALUES = new Set(['1', '2', 'auto', 'extra', 'next', 'auto-next', 'auto-extra']);
const MAX_FLAGS = 256;

export function parseNgFlags(flags: string, op: NgOp): FlagsResult {
  const out: ParsedFlags = { dict: {}, via: null, callId: null, fromTag: null, toTag: null, wantTo: op !== 'delete', directional: false, op };
  const lists = new Map<string, string[]>();
  const codec = new Map<string, string[]>();
  let transport = 0;
  const push = (name: string, v: string) => lists.set(name, [...(lists.get(name) ?? []), v]);
  const words = flags.split(' ').filter((w) => w !== '');
  if (words.length > MAX_FLAGS) return { ok: false, error: `${words.length} flags, at most ${MAX_FLAGS}` };
  for (const word of words) {
    const eq = word.indexOf('=');
    const key = eq < 0 ? word : word.slice(0, eq);
    const val = eq < 0 ? null : word.slice(eq + 1);
    const fail = (why: string) => ({ ok: false as const, error: `flag '${word}': ${why}` });
    if (key === '') return fail('empty key');
    const upper = key;
    if (upper === 'RTP') transport = (transport | 0x100) & ~0x001;
    else if (upper === 'AVP') transport = (transport | 0x100) & ~0x002;
    else if (upper === 'SRTP') transport |= 0x101;
    else if (upper === 'AVPF') transport |= 0x102;
    else if (TRANSPORTS.includes(upper)) transport = 0x100 | TRANSPORTS.indexOf(upper);
    else if (key === 'to-tag') {
      if (val !== null) out.toTag = val;
      out.wantTo = true;
    } else if (key === 'from-tag') {
      if (val === null) return fail('missing value');
      out.fromTag = val;
      out.directional = true;
    } else if (key === 'call-id' || key === 'callid') {
      if (val === null) return fail('missing value');
      out.callId = val;
    } else if (key === 'via-branch') {
      if (val === null) return fail('missing value');
      if (!VIA_VALUES.has(val)) return fail('invalid value (expected 1, 2, auto, extra, next, auto-next or auto-extra)');
      out.via = val;
    } else if (key === 'internal' || key === 'external') push('direction', key);
    else if (key === 'direction') {
      if (val === null) return fail('missing value');
      push('direction', val);
    } else if (key === 'force-answer') {
      if (out.op !== 'offer') return fail('cannot force answer in non-offer command');
      out.op = 'answer';
    } else if (key === 'repacketize' || key === 'delete-delay') {
      if (val === null || !/^-?\d+$/.test(val)) return fail('expected an integer value');
      out.dict[key] = Number(val);
    } else if (key === 'address-family') {
      if (val !== 'IP4' && val !== 'IP6') return fail('invalid value (expected IP4 or IP6)');
      out.dict['address family'] = val;
    } else if (key === 'received-from') {
      if (val === null) return fail('missing value');
      out.dict['received-from'] = [val.includes(':') ? 'IP6' : 'IP4', val];
    } else if (val === null && key.startsWith('codec-') && CODEC_PREFIXES.some((p) => key.startsWith(`codec-${p}-`))) {
      const p = CODEC_PREFIXES.find((x) => key.startsWith(`codec-${x}-`))!;
      codec.set(p, [...(codec.get(p) ?? []), key.slice(`codec-${p}-`.length)]);
    } else if (val === null && LIST_PREFIXES.some(([p]) => key.startsWith(p))) {
      const [p, list] = LIST_PREFIXES.find(([x]) => key.startsWith(x))!;
      if (list === 'replace' && op !== 'offer' && op !== 'answer') continue; // Kamailio: not supported for this op
      push(list, key.slice(p.length));
    } else if (val === null) push('flags', key);
    else out.dict[key] = val;
  }
  for (const [name, values] of lists) out.dict[name] = values;
  if (codec.size > 0) out.dict.codec = Object.fromEntries(codec);
  if (transport & 0x100) out.dict['transport-protocol'] = TRANSPORTS[transport & 0x007] ?? 'RTP/AVP';
  return { ok: true, value: out };
}
