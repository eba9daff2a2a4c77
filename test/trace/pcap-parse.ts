// Reads a libpcap file back as a reader would (Wireshark, sngrep): the global header, then each
// record's Ethernet/IP/UDP-or-TCP headers, checking every length against the next layer's.
import assert from 'node:assert/strict';

export interface ParsedPacket {
  tsSec: number;
  tsUsec: number;
  family: 4 | 6;
  proto: 'udp' | 'tcp';
  srcIp: string;
  dstIp: string;
  srcPort: number;
  dstPort: number;
  /** Offset of the SIP bytes in the file. */
  payloadOffset: number;
  payload: Buffer;
  tcpSeq?: number;
}

export function parsePcap(file: Buffer): { snaplen: number; linkType: number; packets: ParsedPacket[] } {
  assert.ok(file.length >= 24, `a pcap file has a 24-byte global header; got ${file.length} bytes`);
  assert.equal(file.readUInt32LE(0), 0xa1b2c3d4, 'the magic, little-endian, microsecond timestamps');
  assert.equal(file.readUInt16LE(4), 2);
  assert.equal(file.readUInt16LE(6), 4);
  const snaplen = file.readUInt32LE(16);
  const linkType = file.readUInt32LE(20);
  const packets: ParsedPacket[] = [];
  let at = 24;
  while (at < file.length) {
    assert.ok(at + 16 <= file.length, `a record header at ${at} runs past the end`);
    const incl = file.readUInt32LE(at + 8);
    const orig = file.readUInt32LE(at + 12);
    assert.equal(incl, orig, `record at ${at}: the whole frame is kept`);
    assert.ok(at + 16 + incl <= file.length, `record at ${at}: ${incl} bytes run past the end`);
    packets.push(parseFrame(file, at + 16, incl, file.readUInt32LE(at), file.readUInt32LE(at + 4)));
    at += 16 + incl;
  }
  return { snaplen, linkType, packets };
}

function parseFrame(f: Buffer, start: number, len: number, tsSec: number, tsUsec: number): ParsedPacket {
  const ethertype = f.readUInt16BE(start + 12);
  const ip = start + 14;
  let family: 4 | 6;
  let l4: number;
  let protoNumber: number;
  let srcIp: string;
  let dstIp: string;
  if (ethertype === 0x0800) {
    family = 4;
    assert.equal(f[ip]! >> 4, 4);
    const ihl = (f[ip]! & 0x0f) * 4;
    assert.equal(f.readUInt16BE(ip + 2), len - 14, 'IPv4 total length = frame - Ethernet');
    protoNumber = f[ip + 9]!;
    srcIp = [...f.subarray(ip + 12, ip + 16)].join('.');
    dstIp = [...f.subarray(ip + 16, ip + 20)].join('.');
    l4 = ip + ihl;
  } else {
    assert.equal(ethertype, 0x86dd, `ethertype 0x0800 or 0x86dd, got 0x${ethertype.toString(16)}`);
    family = 6;
    assert.equal(f.readUInt16BE(ip + 4), len - 14 - 40, 'IPv6 payload length = frame - Ethernet - IPv6');
    protoNumber = f[ip + 6]!;
    srcIp = v6Text(f.subarray(ip + 8, ip + 24));
    dstIp = v6Text(f.subarray(ip + 24, ip + 40));
    l4 = ip + 40;
  }
  const srcPort = f.readUInt16BE(l4);
  const dstPort = f.readUInt16BE(l4 + 2);
  if (protoNumber === 17) {
    assert.equal(f.readUInt16BE(l4 + 4), start + len - l4, 'UDP length = header + payload');
    const payloadOffset = l4 + 8;
    return { tsSec, tsUsec, family, proto: 'udp', srcIp, dstIp, srcPort, dstPort, payloadOffset, payload: f.subarray(payloadOffset, start + len) };
  }
  assert.equal(protoNumber, 6, `IP protocol 17 (UDP) or 6 (TCP), got ${protoNumber}`);
  const payloadOffset = l4 + (f[l4 + 12]! >> 4) * 4;
  return { tsSec, tsUsec, family, proto: 'tcp', srcIp, dstIp, srcPort, dstPort, payloadOffset, payload: f.subarray(payloadOffset, start + len), tcpSeq: f.readUInt32BE(l4 + 4) };
}

function v6Text(b: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  return groups.join(':');
}
