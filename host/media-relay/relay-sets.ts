// Sets of media relays (rtpengine_sock / rtpproxy_sock): "[<set> ==] udp:host:port[=weight] ...",
// one string or a list of them (one per modparam line). A relay that does not answer is
// disabled for disable_tout seconds; selection is weighted by a hash of the Call-ID (as
// Kamailio's select_rtpp_node_old), skipping disabled relays and those already tried.
export interface Relay {
  readonly url: string;
  readonly address: string;
  readonly port: number;
  readonly weight: number;
  readonly setId: number;
  /** ms timestamp until which the relay is skipped; 0 = enabled. Infinity: disabled by the operator. */
  disabledUntil: number;
}

export interface RelaySet {
  readonly id: number;
  readonly relays: Relay[];
}

const MAX_RELAYS = 64;

/** Parses the socket definitions; throws an Error naming the key and the bad part. */
export function parseRelaySets(key: string, spec: unknown, defaultPort: number): Map<number, RelaySet> {
  const lines = spec === undefined ? [] : typeof spec === 'string' ? [spec] : spec;
  if (!Array.isArray(lines) || lines.some((l) => typeof l !== 'string')) throw new Error(`${key}: expected a string or a list of strings, got ${JSON.stringify(spec)}`);
  const sets = new Map<number, RelaySet>();
  let count = 0;
  (lines as string[]).forEach((line, i) => {
    const where = Array.isArray(spec) ? `${key}[${i}]` : key;
    let text = line.trim();
    let setId = 0;
    const m = /^(\d+)\s*==\s*(.*)$/.exec(text);
    if (m) {
      setId = Number(m[1]);
      text = m[2]!;
    }
    const set = sets.get(setId) ?? { id: setId, relays: [] };
    sets.set(setId, set);
    for (const part of text.split(/\s+/).filter((p) => p !== '')) {
      if (++count > MAX_RELAYS) throw new Error(`${where}: more than ${MAX_RELAYS} relays`);
      set.relays.push(parseRelay(where, part, setId, defaultPort));
    }
  });
  return sets;
}

function parseRelay(where: string, part: string, setId: number, defaultPort: number): Relay {
  const m = /^(?:(udp6?|udp4):)?(\[[0-9a-fA-F:.]+\]|[^:=\s]+)(?::(\d+))?(?:=(\d+))?$/.exec(part);
  if (!m) throw new Error(`${where}: expected udp:HOST:PORT[=WEIGHT], got '${part}'`);
  const port = m[3] === undefined ? defaultPort : Number(m[3]);
  if (!(port > 0 && port < 65536)) throw new Error(`${where}: port out of range in '${part}'`);
  const weight = m[4] === undefined ? 1 : Number(m[4]);
  const address = m[2]!.replace(/^\[|\]$/g, '');
  const url = part.replace(/=\d+$/, '');
  return { url: url.includes(':') && !/^udp/.test(url) ? `udp:${url}` : url, address: address === 'localhost' ? '127.0.0.1' : address, port, weight, setId, disabledUntil: 0 };
}

/** Sum of the Call-ID's bytes & 0xff, Kamailio's "quick-and-dirty" hash. */
function callIdHash(callId: string): number {
  let sum = 0;
  for (let i = 0; i < callId.length; i++) sum += callId.charCodeAt(i);
  return sum & 0xff;
}

/** The relay for this call, among the enabled ones not yet tried; null when none is left. */
export function selectRelay(set: RelaySet, callId: string, tried: ReadonlySet<Relay>, now: number): Relay | null {
  const usable = set.relays.filter((r) => !tried.has(r) && r.disabledUntil <= now);
  if (usable.length === 0) return null;
  const total = usable.reduce((s, r) => s + r.weight, 0);
  if (total === 0) return usable[0]!;
  let cut = (callIdHash(callId) * total) >> 8;
  for (const r of usable) {
    if (cut < r.weight) return r;
    cut -= r.weight;
  }
  return usable[usable.length - 1]!;
}

/** Marks a relay disabled for `seconds` (Kamailio's rn_recheck_ticks). */
export function disableRelay(relay: Relay, seconds: number, now: number): void {
  if (relay.disabledUntil !== Infinity) relay.disabledUntil = now + seconds * 1000;
}
