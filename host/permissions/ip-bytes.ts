// IP addresses as bytes (Kamailio's str2ip / str2ip6): the form permissions compares under a
// mask and pike keys its counters by, so "::1", "0:0::1" and "[::1]" are one address.
import { isIPv4, isIPv6 } from 'node:net';

export interface IpBytes {
  /** 4 (IPv4) or 16 (IPv6) bytes. */
  readonly bytes: Uint8Array;
  /** The canonical text: dotted quad, or IPv6 in Kamailio's ip_addr2a form (lower case, :: compressed). */
  readonly text: string;
}

/** Parses an address (IPv6 with or without brackets); null when it is not one. */
export function parseIp(input: string): IpBytes | null {
  let s = input.trim();
  if (s.length > 64) return null;
  if (isIPv4(s)) return { bytes: Uint8Array.from(s.split('.').map(Number)), text: s.split('.').map(Number).join('.') };
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!isIPv6(s) || s.includes('%')) return null;
  const bytes = ipv6Bytes(s);
  return bytes ? { bytes, text: ipv6Text(bytes) } : null;
}

function ipv6Bytes(s: string): Uint8Array | null {
  // an embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const q = v4[1]!.split('.').map(Number);
    s = s.slice(0, v4.index) + `${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...h, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...t];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

/** RFC 5952 text: lower case, the longest run of zero groups (two or more) as ::. */
function ipv6Text(b: Uint8Array): string {
  const g = Array.from({ length: 8 }, (_, i) => (b[i * 2]! << 8) | b[i * 2 + 1]!);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Whether `ip` is inside net/mask (same family; mask in bits, 0 = everything of the family). */
export function inSubnet(ip: Uint8Array, net: Uint8Array, mask: number): boolean {
  if (ip.length !== net.length) return false;
  const full = Math.floor(mask / 8);
  for (let i = 0; i < full; i++) if (ip[i] !== net[i]) return false;
  const rest = mask % 8;
  if (rest === 0) return true;
  const m = (0xff << (8 - rest)) & 0xff;
  return (ip[full]! & m) === (net[full]! & m);
}

/** The network address of ip/mask (host bits cleared). */
export function networkOf(ip: Uint8Array, mask: number): Uint8Array {
  const out = new Uint8Array(ip.length);
  for (let i = 0; i < ip.length; i++) {
    const bits = Math.max(0, Math.min(8, mask - i * 8));
    out[i] = ip[i]! & ((0xff << (8 - bits)) & 0xff);
  }
  return out;
}
