// The address lookup of our UDP sockets (dgram's `lookup` option), for sends to IP literals.
import { lookup as dnsLookup, type LookupOneOptions } from 'node:dns';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string, family: number) => void;

/**
 * The socket's address lookup (dgram's `lookup` option). Node's default, dns.lookup, checks an
 * IP literal with isIP (a large IPv6 regex for every IPv4 address) and answers it on the next
 * tick, so every send waited a tick and allocated for it (node 20 lib/dgram.js: send →
 * handle.lookup → dns.lookup → doSend). What reaches a send here is an IP literal (names are
 * resolved in host/dns; the outbound guard refuses anything else before), so it is answered at
 * once and the datagram leaves inside send(); libuv still validates the address (a malformed
 * one is dropped there, as getaddrinfo's failure dropped it before). A name goes to dns.lookup.
 */
export function literalLookup(address: string, family: number | LookupOneOptions, callback: LookupCallback): void {
  const fam = typeof family === 'number' ? family : (family.family as number | undefined) ?? 0;
  if (fam === 6 ? address.includes(':') : isIPv4Shape(address)) return callback(null, address, fam === 6 ? 6 : 4);
  dnsLookup(address, fam, callback);
}

/** Digits and three dots: the shape of an IPv4 literal (libuv checks the numbers). */
function isIPv4Shape(s: string): boolean {
  if (s.length < 7 || s.length > 15) return false;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (c < 0x30 || c > 0x39) return false;
  }
  return dots === 3;
}
