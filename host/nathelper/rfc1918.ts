// Private and shared address space as nathelper's tests see it (nat_uac_test, is_rfc1918):
// RFC 1918 (10/8, 172.16/12, 192.168/16), RFC 6598 carrier-grade NAT (100.64/10) and the
// RFC 7335 prefix (192.0.0.0/29); with nat_addr_mode 1 (Kamailio's default) also the IETF
// protocol assignments block 192.0.0.0/24. IPv4 only, as in Kamailio: an IPv6 address or a
// name is never "private" here.

interface Net {
  readonly base: number;
  readonly bits: number;
}

const net = (dotted: string, bits: number): Net => ({ base: inetAton(dotted)!, bits });

const PRIVATE_NETS: readonly Net[] = [net('10.0.0.0', 8), net('172.16.0.0', 12), net('192.168.0.0', 16), net('100.64.0.0', 10), net('192.0.0.0', 29)];
const RESERVED_NETS: readonly Net[] = [net('192.0.0.0', 24)];

/**
 * An IPv4 address as inet_aton(3) reads it (Kamailio's is1918addr uses it): one to four parts
 * separated by dots, each decimal, octal (leading 0) or hexadecimal (0x); the last part fills
 * the remaining bytes ("10.1" is 10.0.0.1). null when it is not one.
 */
export function inetAton(text: string): number | null {
  // glibc's inet_aton ends the address at the first white space (the rest is ignored)
  const ws = text.search(/[ \t\n\v\f\r]/);
  if (ws === 0) return null;
  if (ws > 0) text = text.slice(0, ws);
  if (text.length === 0 || text.length > 64) return null;
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const values: number[] = [];
  for (const p of parts) {
    const v = partValue(p);
    if (v === null) return null;
    values.push(v);
  }
  const last = values.pop()!;
  let addr = 0;
  for (const v of values) {
    if (v > 255) return null;
    addr = addr * 256 + v;
  }
  const room = 4 - values.length;
  if (last >= 256 ** room) return null;
  return addr * 256 ** room + last;
}

function partValue(p: string): number | null {
  let m: RegExpExecArray | null;
  if ((m = /^0[xX]([0-9a-fA-F]*)$/.exec(p))) return m[1] === '' ? 0 : parseInt(m[1]!, 16);
  if (/^0[0-7]*$/.test(p)) return parseInt(p, 8);
  if (/^[1-9][0-9]*$/.test(p) && p.length <= 10) return Number(p);
  return null;
}

function inNet(addr: number, n: Net): boolean {
  const size = 2 ** (32 - n.bits);
  return Math.floor(addr / size) === Math.floor(n.base / size);
}

/** True for an IPv4 address in the private ranges above (`reserved`: nat_addr_mode 1). */
export function isPrivateIPv4(text: string, reserved = true): boolean {
  const addr = inetAton(text);
  if (addr === null) return false;
  if (PRIVATE_NETS.some((n) => inNet(addr, n))) return true;
  return reserved && RESERVED_NETS.some((n) => inNet(addr, n));
}
