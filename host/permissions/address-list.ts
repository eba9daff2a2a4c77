// permissions' address table in memory, as Kamailio caches it: exact addresses (mask 32 for
// IPv4, 128 for IPv6) by address, subnets in group order (at most max_subnets), and entries
// whose ip_addr is not an IP as domain names (matched as strings, no DNS). Port 0 matches any.
// Built whole from rows, then swapped in: a reload never leaves a half-made list.
import { inSubnet, networkOf, parseIp } from './ip-bytes.js';

export interface AddressRow {
  grp: number;
  ip_addr: string;
  mask: number;
  port: number;
  tag: string | null;
}

interface Entry {
  grp: number;
  port: number;
  tag: string | null;
}
interface Subnet extends Entry {
  net: Uint8Array;
  netText: string;
  mask: number;
}

export interface AddressMatch {
  grp: number;
  tag: string | null;
}

export class AddressList {
  private readonly exact = new Map<string, Array<Entry & { ip: string }>>();
  private readonly subnets: Subnet[] = [];
  private readonly domains = new Map<string, Entry[]>();
  /** Rows refused at load, with why (logged by the loader). */
  readonly refused: string[] = [];

  constructor(
    rows: readonly AddressRow[],
    maxSubnets: number,
    private readonly bestMask = false,
  ) {
    for (const [i, r] of rows.entries()) {
      const why = this.add(r, maxSubnets);
      if (why) this.refused.push(`row ${i + 1} (${JSON.stringify(r.ip_addr)}): ${why}`);
    }
    // Kamailio keeps subnets ordered by group, rows of a group in load order
    this.subnets.sort((a, b) => a.grp - b.grp);
  }

  private add(r: AddressRow, maxSubnets: number): string | null {
    const entry: Entry = { grp: r.grp, port: r.port, tag: r.tag };
    const ip = parseIp(r.ip_addr);
    if (!ip) {
      if (r.ip_addr === '') return 'empty ip_addr';
      pushTo(this.domains, r.ip_addr, entry);
      return null;
    }
    const bits = ip.bytes.length * 8;
    if (!Number.isInteger(r.mask) || r.mask < 0 || r.mask > bits) return `mask ${r.mask}: expected 0 to ${bits}`;
    if (r.mask === bits) {
      pushTo(this.exact, ip.text, { ...entry, ip: ip.text });
      return null;
    }
    if (this.subnets.length >= maxSubnets) return `subnet table is full (max_subnets ${maxSubnets})`;
    const net = networkOf(ip.bytes, r.mask);
    this.subnets.push({ ...entry, net, netText: parseIp(bytesText(net))?.text ?? ip.text, mask: r.mask });
    return null;
  }

  /** allow_address: the address (IP or domain name) and port in group grp. */
  match(grp: number, addr: string, port: number): AddressMatch | null {
    const ip = parseIp(addr);
    if (!ip) return firstOf(this.domains.get(addr), port, grp);
    return firstOf(this.exact.get(ip.text), port, grp) ?? this.subnetMatch(ip.bytes, port, grp);
  }

  /** allow_address_group: the first group holding the address and port, or null. */
  findGroup(addr: string, port: number): AddressMatch | null {
    const ip = parseIp(addr);
    if (!ip) {
      const d = firstOf(this.domains.get(addr), port);
      // Kamailio's domain lookup by group sets no tag
      return d ? { grp: d.grp, tag: null } : null;
    }
    return firstOf(this.exact.get(ip.text), port) ?? this.subnetMatch(ip.bytes, port);
  }

  private subnetMatch(ip: Uint8Array, port: number, grp?: number): AddressMatch | null {
    let best: Subnet | null = null;
    for (const s of this.subnets) {
      if (grp !== undefined && s.grp !== grp) continue;
      if ((s.port !== 0 && s.port !== port) || !inSubnet(ip, s.net, s.mask)) continue;
      if (!best || s.mask > best.mask) best = s;
      if (!this.bestMask) break;
    }
    return best ? { grp: best.grp, tag: best.tag } : null;
  }

  /** permissions.addressDump: exact addresses and domain names. */
  dumpAddresses(): Array<{ group: number; item: { ip?: string; domain_name?: string; port: number; tag: string } }> {
    const out: Array<{ group: number; item: { ip?: string; domain_name?: string; port: number; tag: string } }> = [];
    for (const list of this.exact.values()) for (const e of list) out.push({ group: e.grp, item: { ip: e.ip, port: e.port, tag: e.tag ?? 'NULL' } });
    for (const [d, list] of this.domains) for (const e of list) out.push({ group: e.grp, item: { domain_name: d, port: e.port, tag: e.tag ?? 'NULL' } });
    return out;
  }

  /** permissions.subnetDump. */
  dumpSubnets(): Array<{ id: number; group: number; item: { ip: string; mask: number; port: number; tag: string } }> {
    return this.subnets.map((s, id) => ({ id, group: s.grp, item: { ip: s.netText, mask: s.mask, port: s.port, tag: s.tag ?? '' } }));
  }

  get size(): number {
    let n = this.subnets.length;
    for (const l of this.exact.values()) n += l.length;
    for (const l of this.domains.values()) n += l.length;
    return n;
  }
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function firstOf(list: readonly Entry[] | undefined, port: number, grp?: number): AddressMatch | null {
  for (const e of list ?? []) {
    if ((grp === undefined || e.grp === grp) && (e.port === 0 || e.port === port)) return { grp: e.grp, tag: e.tag };
  }
  return null;
}

function bytesText(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  const g: string[] = [];
  for (let i = 0; i < 16; i += 2) g.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return g.join(':');
}
