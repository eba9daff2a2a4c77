// Address comparisons and the source URI nathelper writes (Kamailio's check_via_address and
// get_src_uri).
import { isIP } from 'node:net';
import type { Proto, ReceiveInfo } from '../transport/types.js';


function unbracket(h: string): string {
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** Whether a host text names the IP address `ip` (IPv6 in any spelling, brackets or not). A name never does (no DNS: received_dns off). */
export function sameAddress(ip: string, host: string): boolean {
  const a = unbracket(ip);
  const b = unbracket(host);
  const fa = isIP(a);
  if (fa === 0 || fa !== isIP(b)) return false;
  if (fa === 4) return a === b;
  return expandV6(a) === expandV6(b);
}

function expandV6(a: string): string {
  let s = a.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = v4[1]!.split('.').map(Number);
    s = s.slice(0, -v4[1]!.length) + `${((n[0]! << 8) | n[1]!).toString(16)}:${((n[2]! << 8) | n[3]!).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : new Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((x) => x.replace(/^0+(?=.)/, '')).join(':');
}

/** The source address as a host: IPv6 in brackets. */
export function sourceHost(rcv: ReceiveInfo): string {
  return isIP(rcv.srcIp) === 6 ? `[${rcv.srcIp}]` : rcv.srcIp;
}

/** "sip:IP:PORT" and ";transport=X" unless UDP (Kamailio's get_src_uri for fix_nated_register / add_rcv_param). */
export function sourceUri(rcv: ReceiveInfo): string {
  const transport = rcv.proto === 'udp' ? '' : `;transport=${rcv.proto}`;
  return `sip:${sourceHost(rcv)}:${rcv.srcPort}${transport}`;
}

/**
 * An IP address as Kamailio's str2ip/str2ip6 read one: dotted IPv4 (leading zeros allowed), or
 * IPv6 in hex groups (brackets allowed, no embedded IPv4 part).
 */
export function isKamailioIp(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) return v4.slice(1).every((p) => Number(p) <= 255);
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return !bare.includes('.') && isIP(bare) === 6;
}
