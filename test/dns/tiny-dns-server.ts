// A tiny authoritative DNS server on 127.0.0.1 for tests: answers A, AAAA and SRV questions
// from a zone held in memory, NXDOMAIN for names it does not know. Wire format by hand
// (RFC 1035 §4): enough for c-ares' questions, nothing more. Counts the questions it got.
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';

export type ZoneRecord =
  | { type: 'A'; address: string; ttl?: number }
  | { type: 'AAAA'; address: string; ttl?: number }
  | { type: 'SRV'; priority: number; weight: number; port: number; target: string; ttl?: number };

const TYPE = { A: 1, AAAA: 28, SRV: 33 } as const;

export class TinyDnsServer {
  readonly questions: Array<{ name: string; type: number }> = [];
  private readonly socket = dgram.createSocket('udp4');

  constructor(readonly zone: Map<string, ZoneRecord[]>) {
    this.socket.on('message', (msg, rinfo) => {
      const reply = this.answer(msg);
      if (reply) this.socket.send(reply, rinfo.port, rinfo.address);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.socket.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private answer(query: Buffer): Buffer | null {
    if (query.length < 12) return null;
    const q = readName(query, 12);
    if (!q) return null;
    const qtype = query.readUInt16BE(q.end);
    const questionEnd = q.end + 4;
    this.questions.push({ name: q.name, type: qtype });
    const records = this.zone.get(q.name.toLowerCase());
    const matching = (records ?? []).filter((r) => TYPE[r.type] === qtype);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0); // id
    // QR=1, opcode 0, AA=1, RD copied, RA=1; rcode 3 (NXDOMAIN) for unknown names
    header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | (records ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(matching.length, 6);
    const answers = matching.map((r) => resourceRecord(r, qtype));
    return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
  }
}

function readName(buf: Buffer, at: number): { name: string; end: number } | null {
  const labels: string[] = [];
  let i = at;
  while (i < buf.length) {
    const len = buf[i]!;
    if (len === 0) return { name: labels.join('.'), end: i + 1 };
    if (len > 63) return null; // no compression in questions
    labels.push(buf.toString('latin1', i + 1, i + 1 + len));
    i += 1 + len;
  }
  return null;
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((l) => l !== '');
  return Buffer.concat([...parts.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')])), Buffer.from([0])]);
}

function rdata(r: ZoneRecord): Buffer {
  switch (r.type) {
    case 'A':
      return Buffer.from(r.address.split('.').map(Number));
    case 'AAAA':
      return ipv6Bytes(r.address);
    case 'SRV': {
      const head = Buffer.alloc(6);
      head.writeUInt16BE(r.priority, 0);
      head.writeUInt16BE(r.weight, 2);
      head.writeUInt16BE(r.port, 4);
      return Buffer.concat([head, encodeName(r.target)]);
    }
  }
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, k) => out.writeUInt16BE(parseInt(g, 16), k * 2));
  return out;
}

function resourceRecord(r: ZoneRecord, qtype: number): Buffer {
  const data = rdata(r);
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0); // pointer to the question's name
  fixed.writeUInt16BE(qtype, 2);
  fixed.writeUInt16BE(1, 4); // class IN
  fixed.writeUInt32BE(r.ttl ?? 300, 6);
  fixed.writeUInt16BE(data.length, 10);
  return Buffer.concat([fixed, data]);
}
