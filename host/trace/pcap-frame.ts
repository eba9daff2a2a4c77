// One SIP message as a captured frame: a synthesized Ethernet + IPv4/IPv6 + UDP/TCP header
// around the SIP bytes, so Wireshark and sngrep decode it as if captured on the wire (Kamailio's
// sipdump writes the same shape). Checksums are left 0 but the IPv4 header's (Wireshark does not
// check the transport's by default; a 0 UDP checksum means "none" over IPv4).
import { isIPv4, isIPv6 } from 'node:net';

export const ETHERNET_BYTES = 14;
export const IPV4_BYTES = 20;
export const IPV6_BYTES = 40;
export const UDP_BYTES = 8;
export const TCP_BYTES = 20;

/** Largest TCP payload put in one frame: an IP packet's length is a 16-bit field. */
export const MAX_TCP_SEGMENT = 65_000;

export interface FrameEnds {
  proto: 'udp' | 'tcp';
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
}

/** The 4 or 16 bytes of an address; both ends in one family (an IPv4 end beside an IPv6 one is mapped: ::ffff:a.b.c.d). */
export function addressPair(srcIp: string, dstIp: string): { v6: boolean; src: Buffer; dst: Buffer } {
  const s = unmapped(srcIp);
  const d = unmapped(dstIp);
  if (isIPv4(s) && isIPv4(d)) return { v6: false, src: ipv4Bytes(s), dst: ipv4Bytes(d) };
  return { v6: true, src: ipv6Bytes(isIPv4(s) ? `::ffff:${s}` : s), dst: ipv6Bytes(isIPv4(d) ? `::ffff:${d}` : d) };
}

/** "::ffff:10.0.0.1" (a dual-stack socket's view of an IPv4 peer) → "10.0.0.1". */
function unmapped(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}

export function ipv4Bytes(ip: string): Buffer {
  if (!isIPv4(ip)) return Buffer.alloc(4);
  return Buffer.from(ip.split('.').map(Number));
}

/** An IPv6 literal's 16 bytes ("::" expanded, an IPv4 tail taken); anything else: all zero (the unspecified address). */
export function ipv6Bytes(ip: string): Buffer {
  const out = Buffer.alloc(16);
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return out;
  let text = bare;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const b = ipv4Bytes(tail[1]!);
    text = `${text.slice(0, -tail[1]!.length)}${b.readUInt16BE(0).toString(16)}:${b.readUInt16BE(2).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16) & 0xffff, i * 2));
  return out;
}

/** The RFC 1071 checksum of a header (IPv4's). */
function internetChecksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i + 1 < b.length; i += 2) sum += b.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/**
 * The frame for `payload` (at most MAX_TCP_SEGMENT bytes for TCP; a UDP datagram is at most
 * 65507). `seq` is the TCP sequence number of its first byte (ignored for UDP).
 */
export function buildFrame(ends: FrameEnds, payload: Buffer, seq = 0): Buffer {
  const { v6, src, dst } = addressPair(ends.srcIp, ends.dstIp);
  const ipBytes = v6 ? IPV6_BYTES : IPV4_BYTES;
  const l4Bytes = ends.proto === 'udp' ? UDP_BYTES : TCP_BYTES;
  const frame = Buffer.alloc(ETHERNET_BYTES + ipBytes + l4Bytes + payload.length);
  // Ethernet: locally administered MACs (02:...), then the ethertype
  frame.set([0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01], 0);
  frame.writeUInt16BE(v6 ? 0x86dd : 0x0800, 12);
  const l4Length = l4Bytes + payload.length;
  const nextHeader = ends.proto === 'udp' ? 17 : 6;
  if (v6) writeIpv6(frame, ETHERNET_BYTES, l4Length, nextHeader, src, dst);
  else writeIpv4(frame, ETHERNET_BYTES, l4Length, nextHeader, src, dst);
  const l4 = ETHERNET_BYTES + ipBytes;
  frame.writeUInt16BE(ends.srcPort & 0xffff, l4);
  frame.writeUInt16BE(ends.dstPort & 0xffff, l4 + 2);
  if (ends.proto === 'udp') {
    frame.writeUInt16BE(l4Length & 0xffff, l4 + 4);
  } else {
    frame.writeUInt32BE(seq >>> 0, l4 + 4);
    frame.writeUInt32BE(0, l4 + 8); // no ACK number: only one direction of each flow is synthesized
    frame[l4 + 12] = 5 << 4; // data offset: 5 words, no options
    frame[l4 + 13] = 0x08; // PSH
    frame.writeUInt16BE(0xffff, l4 + 14); // window
  }
  payload.copy(frame, l4 + l4Bytes);
  return frame;
}

function writeIpv4(f: Buffer, at: number, l4Length: number, proto: number, src: Buffer, dst: Buffer): void {
  f[at] = 0x45; // version 4, 5 words
  f.writeUInt16BE((IPV4_BYTES + l4Length) & 0xffff, at + 2);
  f.writeUInt16BE(0x4000, at + 6); // don't fragment
  f[at + 8] = 64; // TTL
  f[at + 9] = proto;
  src.copy(f, at + 12);
  dst.copy(f, at + 16);
  f.writeUInt16BE(internetChecksum(f.subarray(at, at + IPV4_BYTES)), at + 10);
}

function writeIpv6(f: Buffer, at: number, l4Length: number, proto: number, src: Buffer, dst: Buffer): void {
  f.writeUInt32BE(0x60000000, at);
  f.writeUInt16BE(l4Length & 0xffff, at + 4);
  f[at + 6] = proto;
  f[at + 7] = 64; // hop limit
  src.copy(f, at + 8);
  dst.copy(f, at + 24);
}
