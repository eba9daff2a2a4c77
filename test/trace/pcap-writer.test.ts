// The pcap file format: global header, records, synthesized Ethernet/IPv4/IPv6/UDP/TCP headers
// around the SIP bytes, the size bound, and TCP sequence numbers that run on per flow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapWriter } from '../../host/trace/pcap-writer.js';
import { ipv6Bytes } from '../../host/trace/pcap-frame.js';
import { parsePcap } from './pcap-parse.js';

const SIP = Buffer.from('OPTIONS sip:a@example.com SIP/2.0\r\nCall-ID: x1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ksr-pcap-'));
}

test('UDP over IPv4 and IPv6, TCP over IPv4: each record parses back with the SIP text at its offset', () => {
  const dir = tempDir();
  const file = join(dir, 't.pcap');
  const w = new PcapWriter(file, 1 << 20);
  const at = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
  assert.ok(w.write({ proto: 'udp', srcIp: '192.0.2.1', srcPort: 5060, dstIp: '198.51.100.2', dstPort: 5070 }, SIP, at));
  assert.ok(w.write({ proto: 'udp', srcIp: '2001:db8::1', srcPort: 5060, dstIp: '::1', dstPort: 5080 }, SIP, at));
  assert.ok(w.write({ proto: 'tcp', srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 5060 }, SIP, at));
  assert.ok(w.write({ proto: 'tcp', srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 5060 }, SIP, at));
  w.close();
  const bytes = readFileSync(file);
  const p = parsePcap(bytes);
  assert.equal(p.linkType, 1, 'Ethernet');
  assert.equal(p.packets.length, 4);
  const [u4, u6, t1, t2] = p.packets;
  assert.deepEqual([u4!.family, u4!.proto, u4!.srcIp, u4!.dstIp, u4!.srcPort, u4!.dstPort], [4, 'udp', '192.0.2.1', '198.51.100.2', 5060, 5070]);
  assert.equal(u4!.tsSec, Math.floor(at / 1000));
  assert.equal(u4!.tsUsec, 678_000);
  assert.equal(u4!.payloadOffset, 24 + 16 + 14 + 20 + 8, 'global + record + Ethernet + IPv4 + UDP headers');
  assert.deepEqual(bytes.subarray(u4!.payloadOffset, u4!.payloadOffset + SIP.length), SIP);
  assert.deepEqual([u6!.family, u6!.srcIp, u6!.dstIp], [6, '2001:db8:0:0:0:0:0:1', '0:0:0:0:0:0:0:1']);
  assert.deepEqual(u6!.payload, SIP);
  assert.deepEqual([t1!.proto, t1!.family], ['tcp', 4]);
  assert.deepEqual(t1!.payload, SIP);
  assert.equal(t2!.tcpSeq, t1!.tcpSeq! + SIP.length, 'the second message follows the first in the stream');
  // the IPv4 header checksum is right (sums to 0xffff over the header)
  const ip = 24 + 16 + 14;
  let sum = 0;
  for (let i = ip; i < ip + 20; i += 2) sum += bytes.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  assert.equal(sum, 0xffff);
  rmSync(dir, { recursive: true });
});

test('an IPv4 end beside an IPv6 one (a dual-stack socket) is written as a mapped IPv6 address', () => {
  const dir = tempDir();
  const w = new PcapWriter(join(dir, 'm.pcap'), 1 << 20);
  w.write({ proto: 'udp', srcIp: '::', srcPort: 5060, dstIp: '::ffff:192.0.2.7', dstPort: 5062 }, SIP, Date.now());
  w.write({ proto: 'udp', srcIp: '::ffff:192.0.2.7', srcPort: 5062, dstIp: '192.0.2.9', dstPort: 5060 }, SIP, Date.now());
  w.close();
  const [a, b] = parsePcap(readFileSync(join(dir, 'm.pcap'))).packets;
  assert.deepEqual([a!.family, a!.dstIp], [6, '0:0:0:0:0:ffff:c000:207']);
  assert.deepEqual([b!.family, b!.srcIp, b!.dstIp], [4, '192.0.2.7', '192.0.2.9'], 'both ends IPv4 once unmapped');
  rmSync(dir, { recursive: true });
});

test('ipv6Bytes: "::" expanded, an IPv4 tail taken, junk gives the unspecified address', () => {
  assert.equal(ipv6Bytes('fe80::1:2').toString('hex'), 'fe800000000000000000000000010002');
  assert.equal(ipv6Bytes('::ffff:1.2.3.4').toString('hex'), '00000000000000000000ffff01020304');
  assert.equal(ipv6Bytes('not an address').toString('hex'), '0'.repeat(32));
});

test('the size bound: a record that would pass it is refused and the file stays a valid pcap', () => {
  const dir = tempDir();
  const file = join(dir, 'b.pcap');
  const record = 16 + 14 + 20 + 8 + SIP.length;
  const w = new PcapWriter(file, 24 + 2 * record + 10);
  const ends = { proto: 'udp' as const, srcIp: '127.0.0.1', srcPort: 1, dstIp: '127.0.0.1', dstPort: 2 };
  assert.ok(w.write(ends, SIP, Date.now()));
  assert.ok(w.write(ends, SIP, Date.now()));
  assert.equal(w.write(ends, SIP, Date.now()), false, 'the third passes the bound');
  w.close();
  assert.equal(w.write(ends, SIP, Date.now()), false, 'closed: nothing more');
  const bytes = readFileSync(file);
  assert.equal(bytes.length, 24 + 2 * record);
  assert.equal(parsePcap(bytes).packets.length, 2);
  rmSync(dir, { recursive: true });
});

test('a TCP message longer than one IP packet holds is split into segments that add up', () => {
  const dir = tempDir();
  const big = Buffer.alloc(150_000, 0x61);
  const w = new PcapWriter(join(dir, 'big.pcap'), 1 << 20);
  w.write({ proto: 'tcp', srcIp: '127.0.0.1', srcPort: 1, dstIp: '127.0.0.1', dstPort: 2 }, big, Date.now());
  w.close();
  const packets = parsePcap(readFileSync(join(dir, 'big.pcap'))).packets;
  assert.equal(packets.length, 3);
  assert.equal(packets.reduce((n, p) => n + p.payload.length, 0), big.length);
  assert.equal(packets[1]!.tcpSeq, packets[0]!.tcpSeq! + packets[0]!.payload.length);
  rmSync(dir, { recursive: true });
});

test('an existing file is never overwritten', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'kept.pcap'), 'an operator kept this');
  assert.throws(() => new PcapWriter(join(dir, 'kept.pcap'), 1 << 20), /EEXIST/);
  assert.equal(readFileSync(join(dir, 'kept.pcap'), 'utf8'), 'an operator kept this');
  rmSync(dir, { recursive: true });
});
