// IP addresses as bytes, and address ranges (CIDR) over them: what the outbound policy
// matches destinations against. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as the
// IPv4 address they carry, so a rule for 127.0.0.0/8 also catches ::ffff:127.0.0.1.
import { isIPv4, isIPv6 } from 'node:net';

export interface IpBytes {
  family: 4 | 6;
  bytes: number[];
}

export interface AddressRange {
  family: 4 | 6;
  /** The network's bytes (bits past the prefix are zero). */
  network: number[];
  prefix: number;
}

/** The bytes of an IP literal (no brackets), IPv4-mapped IPv6 as IPv4; null when it is not one. */
export function ipBytes(text: string): IpBytes | null {
  if (isIPv4(text)) return { family: 4, bytes: text.split('.').map(Number) };
  if (!isIPv6(text)) return null;
  const bytes = ipv6Bytes(text.replace(/%.*$/, ''));
  if (!bytes) return null;
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

function ipv6Bytes(text: string): number[] | null {
  let t = text;
  if (t.includes('.')) {
    // a trailing dotted IPv4 part (::ffff:1.2.3.4) as its two 16-bit groups
    const at = t.lastIndexOf(':');
    const v4 = t.slice(at + 1);
    if (!isIPv4(v4)) return null;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    t = `${t.slice(0, at + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - left.length - right.length : 0;
  if (fill < 0 || (halves.length === 1 && left.length !== 8)) return null;
  const out: number[] = [];
  for (const g of [...left, ...Array<string>(fill).fill('0'), ...right]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const v = parseInt(g, 16);
    out.push(v >> 8, v & 0xff);
  }
  return out;
}

/** "10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "::1" → a range; errors say what was expected. */
export function parseAddressRange(text: string): AddressRange {
  const [addr, prefixText, extra] = text.split('/');
  const ip = ipBytes(addr ?? '');
  if (!ip || extra !== undefined) throw new Error(`'${text}': expected an IPv4 or IPv6 address, optionally with /PREFIX (as 10.0.0.0/8 or 2001:db8::/32)`);
  const max = ip.family === 4 ? 32 : 128;
  // a mapped address given with an IPv6 prefix: count the prefix over the IPv4 part
  const mappedShift = ip.family === 4 && isIPv6(addr!) ? 96 : 0;
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) - mappedShift > max || Number(prefixText) < mappedShift) {
      throw new Error(`'${text}': the prefix must be 0..${max}`);
    }
    prefix = Number(prefixText) - mappedShift;
  }
  return { family: ip.family, network: masked(ip.bytes, prefix), prefix };
}

function masked(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

export function rangeContains(range: AddressRange, ip: IpBytes): boolean {
  if (range.family !== ip.family) return false;
  for (let i = 0, bits = range.prefix; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i]! & mask) !== range.network[i]) return false;
  }
  return true;
}
