// The SIP trace on real sockets, in process: a Transports whose handler answers each request
// (a real exchange over UDP and TCP), traced to the log and to a pcap read back; the filters,
// the bounds (max, seconds, file size), and nothing attached while no trace runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import net from 'node:net';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transports } from '../../host/transport/transports.js';
import { DEFAULT_TCP_SETTINGS } from '../../host/transport/tcp-settings.js';
import { SipTrace } from '../../host/trace/sip-trace.js';
import { traceRequestFrom } from '../../host/trace/trace-settings.js';
import { freePort } from '../support/ports.js';
import { parsePcap } from './pcap-parse.js';

const request = (method: string, callId: string) =>
  `${method} sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK${callId}\r\nCall-ID: ${callId}\r\nCSeq: 1 ${method}\r\nContent-Length: 0\r\n\r\n`;
const replyTo = (text: string) => {
  const callId = /Call-ID: (\S+)/.exec(text)![1]!;
  const method = /CSeq: 1 (\S+)/.exec(text)![1]!;
  return `SIP/2.0 200 OK\r\nCall-ID: ${callId}\r\nCSeq: 1 ${method}\r\nContent-Length: 0\r\n\r\n`;
};

interface Lines {
  info: { obj: Record<string, any>; msg: string }[];
  warn: { obj: Record<string, any>; msg: string }[];
}

/** A server of one UDP and one TCP listener answering 200 to every request, and a trace over it. */
async function server(pcapMaxBytes?: number) {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'ksr-trace-'));
  const lines: Lines = { info: [], warn: [] };
  const log = { info: (obj: object, msg: string) => lines.info.push({ obj: obj as any, msg }), warn: (obj: object, msg: string) => lines.warn.push({ obj: obj as any, msg }), debug() {} };
  const transports: Transports = new Transports(
    [{ proto: 'udp', ip: '127.0.0.1', port }, { proto: 'tcp', ip: '127.0.0.1', port }],
    (buf, rcv) => {
      const text = buf.toString();
      if (text.startsWith('SIP/') || !text.includes('CSeq:')) return;
      transports.send(Buffer.from(replyTo(text)), { proto: rcv.proto === 'tcp' ? 'tcp' : 'udp', ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId }, { ip: rcv.rcvIp, port: rcv.rcvPort });
    },
    { udpMaxBytes: 65535, tcp: { ...DEFAULT_TCP_SETTINGS } },
    log,
  );
  await transports.start();
  const trace = new SipTrace({ stateDir, log, points: [transports], ...(pcapMaxBytes ? { pcapMaxBytes } : {}) });
  return {
    port, stateDir, lines, transports, trace,
    async close() {
      trace.stop('test over');
      await transports.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

type Server = Awaited<ReturnType<typeof server>>;

/** A UDP client: sends each request and waits for its reply. */
async function udpExchange(port: number, requests: string[]): Promise<{ clientPort: number }> {
  const s = createSocket('udp4');
  s.bind(0, '127.0.0.1');
  await once(s, 'listening');
  for (const r of requests) {
    s.send(r, port, '127.0.0.1');
    await Promise.race([once(s, 'message'), new Promise((_, no) => setTimeout(() => no(new Error(`no reply to ${r.split('\r\n')[0]} within 2 s`)), 2000))]);
  }
  const clientPort = s.address().port;
  s.close();
  return { clientPort };
}

async function tcpExchange(port: number, requests: string[]): Promise<void> {
  const sock = net.connect(port, '127.0.0.1');
  await once(sock, 'connect');
  let got = '';
  sock.on('data', (d) => (got += d));
  for (const [i, r] of requests.entries()) {
    sock.write(r);
    const deadline = Date.now() + 2000;
    while ((got.match(/SIP\/2\.0 200/g) ?? []).length <= i) {
      if (Date.now() > deadline) throw new Error(`no TCP reply to request ${i + 1} within 2 s; got ${JSON.stringify(got)}`);
      await new Promise((res) => setTimeout(res, 5));
    }
  }
  sock.destroy();
}

const traced = (s: Server) => s.lines.info.filter((l) => l.obj.trace);

test('off: nothing is attached to the transports, and messages pass untraced', async () => {
  const s = await server();
  assert.equal(s.transports.tap, null);
  await udpExchange(s.port, [request('OPTIONS', 'off-1')]);
  assert.equal(traced(s).length, 0);
  await s.close();
});

test('to the log: a line per message in and out, with direction, addresses, first line, Call-ID and text', async () => {
  const s = await server();
  s.trace.start(traceRequestFrom({}, 'test'));
  assert.equal(s.transports.tap, s.trace, 'attached while running');
  const { clientPort } = await udpExchange(s.port, [request('OPTIONS', 'log-1')]);
  const [inLine, outLine] = traced(s);
  assert.ok(inLine && outLine, `two lines, got ${JSON.stringify(s.lines.info)}`);
  assert.deepEqual(
    [inLine.obj.trace, inLine.obj.proto, inLine.obj.src, inLine.obj.dst, inLine.obj.firstLine, inLine.obj.callId],
    ['in', 'udp', `127.0.0.1:${clientPort}`, `127.0.0.1:${s.port}`, 'OPTIONS sip:bob@127.0.0.1 SIP/2.0', 'log-1'],
  );
  assert.equal(inLine.obj.sip, request('OPTIONS', 'log-1'));
  assert.match(inLine.obj.at, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual([outLine.obj.trace, outLine.obj.src, outLine.obj.dst, outLine.obj.firstLine], ['out', `127.0.0.1:${s.port}`, `127.0.0.1:${clientPort}`, 'SIP/2.0 200 OK']);
  assert.equal(s.trace.status().messages, 2);
  const stopped = s.trace.stop();
  assert.equal(stopped.running, false);
  assert.equal(s.transports.tap, null, 'detached once stopped');
  await s.close();
});

test('a message over 8 KB is cut in the log line and says so', async () => {
  const s = await server();
  s.trace.start(traceRequestFrom({}, 'test'));
  const big = request('MESSAGE', 'big-1').replace('Content-Length: 0\r\n\r\n', `Content-Length: 20000\r\n\r\n${'x'.repeat(20000)}`);
  await udpExchange(s.port, [big]);
  const line = traced(s).find((l) => l.obj.trace === 'in')!;
  assert.equal(line.obj.bytes, Buffer.byteLength(big));
  assert.equal(line.obj.sip.length, 8192);
  assert.equal(line.obj.cut, true);
  await s.close();
});

test('filters: method (a reply by its CSeq), Call-ID, port, proto', async () => {
  const s = await server();
  s.trace.start(traceRequestFrom({ method: 'invite' }, 'test'));
  await udpExchange(s.port, [request('OPTIONS', 'f-1'), request('INVITE', 'f-2')]);
  assert.deepEqual(traced(s).map((l) => `${l.obj.trace} ${l.obj.firstLine.split(' ')[0]} ${l.obj.callId}`), ['in INVITE f-2', 'out SIP/2.0 f-2']);
  s.trace.stop();
  s.lines.info.length = 0;
  s.trace.start(traceRequestFrom({ filter: { callId: 'f-4' } }, 'test'));
  await udpExchange(s.port, [request('OPTIONS', 'f-3'), request('OPTIONS', 'f-4')]);
  assert.deepEqual(traced(s).map((l) => l.obj.callId), ['f-4', 'f-4']);
  s.trace.stop();
  s.lines.info.length = 0;
  s.trace.start(traceRequestFrom({ proto: 'tcp' }, 'test'));
  await udpExchange(s.port, [request('OPTIONS', 'f-5')]);
  await tcpExchange(s.port, [request('OPTIONS', 'f-6')]);
  assert.deepEqual(traced(s).map((l) => `${l.obj.trace} ${l.obj.proto} ${l.obj.callId}`), ['in tcp f-6', 'out tcp f-6']);
  s.trace.stop();
  s.lines.info.length = 0;
  s.trace.start(traceRequestFrom({ port: 1, ip: '127.0.0.1' }, 'test'));
  await udpExchange(s.port, [request('OPTIONS', 'f-7')]);
  assert.equal(traced(s).length, 0, 'no end on port 1');
  await s.close();
});

test('bounds: it stops itself after max messages, and after its seconds', async () => {
  const s = await server();
  s.trace.start(traceRequestFrom({ max: 3 }, 'test'));
  await udpExchange(s.port, [request('OPTIONS', 'm-1'), request('OPTIONS', 'm-2'), request('OPTIONS', 'm-3')]);
  assert.equal(traced(s).length, 3);
  const st = s.trace.status();
  assert.deepEqual([st.running, st.messages], [false, 3]);
  assert.match(st.stopReason!, /max of 3 messages/);
  assert.equal(s.transports.tap, null);
  s.trace.start(traceRequestFrom({ seconds: 1 }, 'test'));
  const deadline = Date.now() + 3000;
  while (s.trace.active && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(s.trace.active, false, 'stopped within its second');
  assert.match(s.trace.status().stopReason!, /1 s were up/);
  assert.ok(s.lines.info.some((l) => l.msg === 'sip trace stopped'));
  await s.close();
});

test('a second start while one runs is refused, naming the one that runs', async () => {
  const s = await server();
  s.trace.start(traceRequestFrom({}, 'test'));
  assert.throws(() => s.trace.start(traceRequestFrom({}, 'test')), /a trace is running already \(log, started .*\); trace\.stop it first/);
  await s.close();
});

test('to a pcap: a real UDP and TCP exchange reads back in order with the SIP text at its offset', async () => {
  const s = await server();
  const st = s.trace.start(traceRequestFrom({ output: 'pcap', file: 'exchange' }, 'test'));
  assert.equal(st.file, join(s.stateDir, 'traces', 'exchange.pcap'));
  const { clientPort } = await udpExchange(s.port, [request('REGISTER', 'p-1')]);
  await tcpExchange(s.port, [request('OPTIONS', 'p-2'), request('OPTIONS', 'p-3')]);
  const done = s.trace.stop();
  assert.equal(done.messages, 6);
  const bytes = readFileSync(st.file!);
  assert.equal(done.bytes, bytes.length);
  const pcap = parsePcap(bytes);
  assert.equal(pcap.linkType, 1);
  assert.deepEqual(pcap.packets.map((p) => `${p.proto} ${p.payload.toString().split('\r\n')[0]}`), [
    'udp REGISTER sip:bob@127.0.0.1 SIP/2.0', 'udp SIP/2.0 200 OK',
    'tcp OPTIONS sip:bob@127.0.0.1 SIP/2.0', 'tcp SIP/2.0 200 OK', 'tcp OPTIONS sip:bob@127.0.0.1 SIP/2.0', 'tcp SIP/2.0 200 OK',
  ]);
  const [reg, ok] = pcap.packets;
  assert.deepEqual([reg!.srcPort, reg!.dstPort, ok!.srcPort, ok!.dstPort], [clientPort, s.port, s.port, clientPort]);
  assert.equal(bytes.subarray(reg!.payloadOffset).subarray(0, reg!.payload.length).toString(), request('REGISTER', 'p-1'));
  const [, , t1, , t3] = pcap.packets;
  assert.equal(t3!.tcpSeq, t1!.tcpSeq! + t1!.payload.length, 'the client stream runs on');
  await s.close();
});

test('a pcap stops the trace before it passes its size bound, and the file stays readable', async () => {
  const record = 16 + 14 + 20 + 8;
  const s = await server(24 + 2 * (record + request('OPTIONS', 'z-1').length) + 5);
  s.trace.start(traceRequestFrom({ output: 'pcap', file: 'small' }, 'test'));
  await udpExchange(s.port, [request('OPTIONS', 'z-1'), request('OPTIONS', 'z-2')]);
  const st = s.trace.status();
  assert.equal(st.running, false);
  assert.match(st.stopReason!, /bound of \d+ bytes/);
  assert.ok(parsePcap(readFileSync(st.file!)).packets.length >= 1);
  await s.close();
});

test('bytes that are not SIP are traced as they came, without a throw into the transports', async () => {
  const s = await server();
  s.trace.start(traceRequestFrom({}, 'test'));
  const sock = createSocket('udp4');
  sock.bind(0, '127.0.0.1');
  await once(sock, 'listening');
  sock.send(Buffer.from([0, 0xff, 0x0d, 0x0a, 0x80, 0x81]), s.port, '127.0.0.1');
  sock.send(Buffer.from('\r\n\r\n'), s.port, '127.0.0.1');
  const deadline = Date.now() + 2000;
  while (traced(s).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  sock.close();
  assert.deepEqual(traced(s).map((l) => [l.obj.bytes, l.obj.callId]), [[6, ''], [4, '']]);
  assert.equal(s.lines.warn.length, 0);
  await s.close();
});
