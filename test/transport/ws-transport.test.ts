// SIP over WebSocket (RFC 7118) on real sockets, in process: the `ws`/`wss` listeners of
// Transports with the npm `ws` client: the upgrade's checks (sip subprotocol, Origin, plain
// HTTP), one message per frame and replies by connection, sends that fail at once without a
// connection, a frame bomb, frames that are not SIP, keepalive, deadlines and the table.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { WebSocket } from 'ws';
import { Transports } from '../../host/transport/transports.js';
import { DEFAULT_TCP_SETTINGS, type TcpLimits } from '../../host/transport/tcp-settings.js';
import { DEFAULT_WS_SETTINGS, type WsSettings } from '../../host/transport/ws-settings.js';
import { DEFAULT_TLS } from '../../host/transport/tls-settings.js';
import type { ReceiveInfo } from '../../host/transport/types.js';
import { freePort } from '../support/ports.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';
import { connectFrom } from '../support/sip-attacks.js';

const quiet = { warn: () => {}, debug: () => {} };
const register = (tag: string) =>
  `REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK${tag}\r\nFrom: <sip:alice@127.0.0.1>;tag=${tag}\r\n` +
  `To: <sip:alice@127.0.0.1>\r\nCall-ID: ${tag}\r\nCSeq: 1 REGISTER\r\nContact: <sip:alice@df7jal23ls0d.invalid;transport=ws>\r\nMax-Forwards: 70\r\n\r\n`;

interface Node {
  t: Transports;
  port: number;
  got: { text: string; rcv: ReceiveInfo }[];
  stop(): Promise<void>;
}

/** Transports with one ws (or wss) listener; every message is kept, and answered "200 <Call-ID>" on its connection. */
async function wsNode(opts: { ws?: Partial<WsSettings>; tcp?: Partial<TcpLimits>; secure?: { pki: TestPki }; costMs?: number } = {}): Promise<Node> {
  const port = await freePort();
  const got: Node['got'] = [];
  const proto = opts.secure ? 'wss' : 'ws';
  const server = opts.secure?.pki.server('server', ['127.0.0.1']);
  const t: Transports = new Transports([{ proto, ip: '127.0.0.1', port }], (buf, rcv) => {
    const text = buf.toString();
    got.push({ text, rcv });
    const end = performance.now() + (opts.costMs ?? 0);
    while (performance.now() < end);
    const callId = /Call-ID: (\S+)/.exec(text)?.[1];
    if (callId) t.send(Buffer.from(`SIP/2.0 200 OK\r\nCall-ID: ${callId}\r\nContent-Length: 0\r\n\r\n`), { proto, ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId });
  }, {
    udpMaxBytes: 65535, tcp: { ...DEFAULT_TCP_SETTINGS, ...opts.tcp }, websocket: { ...DEFAULT_WS_SETTINGS, ...opts.ws },
    ...(server ? { tls: { ...DEFAULT_TLS, certificate: server.cert, privateKey: server.key } } : {}),
  }, quiet);
  await t.start();
  return { t, port, got, stop: () => t.stop() };
}

/** A client that has connected (or a rejection with the HTTP status it got). */
function open(url: string, protocols: string | string[] = 'sip', opts: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, opts);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}: ${body}`), { status: res.statusCode, body })));
    });
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<{ text: string; binary: boolean }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no frame within 3 s')), 3000);
    ws.once('message', (d, binary) => {
      clearTimeout(t);
      resolve({ text: d.toString(), binary });
    });
  });
}

function closed(ws: WebSocket, maxMs = 3000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === ws.CLOSED) return resolve(-1);
    const t = setTimeout(() => reject(new Error(`not closed within ${maxMs} ms`)), maxMs);
    ws.once('close', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

async function until(cond: () => boolean, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

test('a REGISTER frame arrives as proto ws from the TCP peer; the reply goes back by connection, then by peer address', async () => {
  const n = await wsNode();
  try {
    const ws = await open(`ws://127.0.0.1:${n.port}`);
    const reply = nextFrame(ws);
    ws.send(register('r1'));
    const r = await reply;
    assert.match(r.text, /^SIP\/2\.0 200 OK\r\nCall-ID: r1/);
    assert.equal(r.binary, false, 'a UTF-8 message goes as a text frame');
    const rcv = n.got[0]!.rcv;
    assert.equal(rcv.proto, 'ws');
    assert.equal(rcv.srcIp, '127.0.0.1');
    assert.equal(rcv.rcvPort, n.port);
    assert.ok(rcv.conId > 0);
    // the TCP peer is the client's socket
    const sock = (ws as unknown as { _socket: net.Socket })._socket;
    assert.equal(rcv.srcPort, sock.localPort);
    // by peer address, no connection id (a request to a registered contact's received address)
    const req = nextFrame(ws);
    assert.ok(n.t.send(Buffer.from('OPTIONS sip:alice@df7jal23ls0d.invalid SIP/2.0\r\nCall-ID: o1\r\n\r\n'), { proto: 'ws', ip: rcv.srcIp, port: rcv.srcPort }));
    assert.match((await req).text, /^OPTIONS /);
    // bytes that are not UTF-8 go as a binary frame
    const bin = nextFrame(ws);
    n.t.send(Buffer.from([0x53, 0x49, 0x50, 0xff]), { proto: 'ws', ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId });
    assert.equal((await bin).binary, true);
    assert.equal(n.t.localAddress('ws', false)?.port, n.port);
    assert.equal(n.t.snapshot().wsConnectionsOpen, 1);
    ws.close();
    await closed(ws);
    await until(() => n.t.snapshot().wsConnectionsOpen === 0, 2000);
    const errors: string[] = [];
    assert.equal(n.t.send(Buffer.from('x'), { proto: 'ws', ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId }, undefined, (e) => errors.push(e)), false);
    await until(() => errors.length > 0, 1000);
    assert.match(errors[0]!, /no open WebSocket connection to 127\.0\.0\.1:\d+ \(connection \d+ is closed\): a server does not open WebSocket connections/);
  } finally {
    await n.stop();
  }
});

test('the upgrade needs the sip subprotocol and an allowed Origin; a plain GET gets 426', async () => {
  const n = await wsNode({ ws: { allowedOrigins: ['https://phone.example.com'] } });
  try {
    await assert.rejects(open(`ws://127.0.0.1:${n.port}`, 'chat'), (e: { status: number; body: string }) => e.status === 400 && /Sec-WebSocket-Protocol: sip/.test(e.body));
    await assert.rejects(open(`ws://127.0.0.1:${n.port}`, []), (e: { status: number }) => e.status === 400);
    await assert.rejects(open(`ws://127.0.0.1:${n.port}`, 'sip', { origin: 'https://evil.example.com' }), (e: { status: number; body: string }) => e.status === 403 && /evil\.example\.com/.test(e.body));
    const good = await open(`ws://127.0.0.1:${n.port}`, 'sip', { origin: 'https://phone.example.com' });
    assert.equal(good.protocol, 'sip');
    good.close();
    const res = await fetch(`http://127.0.0.1:${n.port}/`);
    assert.equal(res.status, 426);
    assert.match(await res.text(), /Sec-WebSocket-Protocol: sip/);
    await until(() => n.t.snapshot().wsHandshakeRefused >= 4, 1000);
    assert.equal(n.t.snapshot().wsHandshakeRefused, 4);
  } finally {
    await n.stop();
  }
});

test('a 2 MB frame closes that connection with 1009; another client keeps working', async () => {
  const n = await wsNode();
  try {
    const bomber = await open(`ws://127.0.0.1:${n.port}`);
    const other = await open(`ws://127.0.0.1:${n.port}`);
    bomber.on('error', () => {});
    const code = closed(bomber);
    bomber.send(Buffer.alloc(2 * 1024 * 1024, 0x41));
    assert.equal(await code, 1009);
    const reply = nextFrame(other);
    other.send(register('after-bomb'));
    assert.match((await reply).text, /Call-ID: after-bomb/);
    assert.equal(n.t.snapshot().wsFramesTooLarge, 1);
    other.close();
  } finally {
    await n.stop();
  }
});

test('frames that are not SIP go to the engine and are counted; too many close the connection (1008); CRLF keepalive is answered', async () => {
  const n = await wsNode({ ws: { maxBadFrames: 3 } });
  try {
    const ws = await open(`ws://127.0.0.1:${n.port}`);
    const pong = nextFrame(ws);
    ws.send('\r\n\r\n');
    assert.equal((await pong).text, '\r\n');
    // a Content-Length shorter than the frame's body: not handed on (it would be read as a shorter message)
    ws.send('OPTIONS sip:a@b SIP/2.0\r\nCall-ID: short\r\nContent-Length: 1\r\n\r\nabc');
    ws.send('hello');
    await until(() => n.got.length >= 1, 1000);
    assert.deepEqual(n.got.map((g) => g.text), ['hello'], 'the engine gets the frame (and answers 400 or drops it, as for UDP)');
    const code = closed(ws);
    ws.send('more');
    ws.send('and more');
    assert.equal(await code, 1008);
    assert.equal(n.t.snapshot().wsBadFrames, 4);
  } finally {
    await n.stop();
  }
});

test('a client that stops answering pings is closed; one that answers stays', async () => {
  const n = await wsNode({ ws: { keepaliveIntervalMs: 100, pongTimeoutMs: 200 } });
  try {
    const mute = await open(`ws://127.0.0.1:${n.port}`, 'sip', { autoPong: false });
    const alive = await open(`ws://127.0.0.1:${n.port}`);
    let pings = 0;
    alive.on('ping', () => pings++);
    await closed(mute, 2000);
    assert.equal(n.t.snapshot().wsPongTimeouts, 1);
    assert.ok(pings >= 2, `expected pings every 100 ms, got ${pings}`);
    assert.equal(alive.readyState, alive.OPEN);
    alive.close();
  } finally {
    await n.stop();
  }
});

test('an upgrade not done within tcp.header_timeout_ms is closed (slowloris); a source at its limit is refused', async () => {
  const n = await wsNode({ tcp: { headerTimeoutMs: 300, maxConnectionsPerSource: 2 } });
  try {
    const slow = net.connect(n.port, '127.0.0.1');
    slow.on('error', () => {});
    await new Promise((r) => slow.once('connect', r));
    slow.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n');
    const started = Date.now();
    await new Promise((r) => slow.once('close', r));
    assert.ok(Date.now() - started < 1500, `closed after ${Date.now() - started} ms`);
    await until(() => n.t.snapshot().wsHandshakeTimeouts + n.t.snapshot().wsHandshakeRefused >= 1, 1000);
    const a = await open(`ws://127.0.0.1:${n.port}`);
    const b = await open(`ws://127.0.0.1:${n.port}`);
    await assert.rejects(open(`ws://127.0.0.1:${n.port}`));
    assert.equal(n.t.snapshot().tcpConnectionsRefused, 1);
    a.close();
    b.close();
  } finally {
    await n.stop();
  }
});

describe('wss', () => {
  let pki: TestPki;
  before(() => {
    pki = makeTestPki();
  });
  after(() => pki.remove());

  test('a REGISTER over wss (certificate of the test CA) arrives as proto wss and is answered', async () => {
    const n = await wsNode({ secure: { pki } });
    try {
      const { readFileSync } = await import('node:fs');
      const ws = await open(`wss://127.0.0.1:${n.port}`, 'sip', { ca: readFileSync(pki.caCert) });
      const reply = nextFrame(ws);
      ws.send(register('s1'));
      assert.match((await reply).text, /Call-ID: s1/);
      assert.equal(n.got[0]!.rcv.proto, 'wss');
      assert.equal(n.t.localAddress('wss', false)?.port, n.port);
      assert.equal(n.t.localAddress('ws', false), null);
      ws.close();
    } finally {
      await n.stop();
    }
  });

  test('200 sockets holding the TLS handshake (silent or garbage) do not keep a real wss client out', async () => {
    const n = await wsNode({ secure: { pki }, tcp: { headerTimeoutMs: 2000 } });
    const flood: net.Socket[] = [];
    try {
      for (let i = 0; i < 200; i++) {
        const s = await connectFrom(n.port, '127.0.0.2');
        s.on('error', () => {});
        if (i % 2) s.write(Buffer.alloc(300, i));
        flood.push(s);
      }
      const { readFileSync } = await import('node:fs');
      const started = Date.now();
      const ws = await open(`wss://127.0.0.1:${n.port}`, 'sip', { ca: readFileSync(pki.caCert), localAddress: '127.0.0.1' });
      const reply = nextFrame(ws);
      ws.send(register('f1'));
      await reply;
      assert.ok(Date.now() - started < 2000, `registered after ${Date.now() - started} ms`);
      ws.close();
      // the silent ones are closed by the upgrade deadline
      await until(() => flood.every((s) => s.destroyed || s.readyState === 'closed'), 4000);
      assert.ok(n.t.snapshot().wsHandshakeTimeouts >= 90, JSON.stringify(n.t.snapshot()));
    } finally {
      for (const s of flood) s.destroy();
      await n.stop();
    }
  });
});

test('a client that does not read its frames is closed (write buffer bound, tcp.send_timeout_ms)', async () => {
  const n = await wsNode({ tcp: { writeBufferBytes: 16 * 1024, writeBufferMaxBytes: 256 * 1024, sendTimeoutMs: 300 } });
  try {
    const ws = await open(`ws://127.0.0.1:${n.port}`);
    ws.on('error', () => {});
    const hello = nextFrame(ws);
    ws.send(register('slow'));
    await hello;
    const rcv = n.got[0]!.rcv;
    (ws as unknown as { _socket: net.Socket })._socket.pause();
    const frame = Buffer.from(`OPTIONS sip:a@b SIP/2.0\r\nX-Pad: ${'x'.repeat(60_000)}\r\n\r\n`);
    const started = Date.now();
    // keep writing until the server gives up on it (the kernel first takes megabytes)
    while (n.t.send(frame, { proto: 'ws', ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId }) && Date.now() - started < 5000) {
      await new Promise((r) => setImmediate(r));
    }
    await until(() => n.t.snapshot().wsConnectionsOpen === 0, 3000);
    const s = n.t.snapshot();
    assert.equal(s.wsConnectionsOpen, 0);
    assert.ok(s.tcpSendTimeouts + s.tcpWriteOverflows >= 1, JSON.stringify(s));
    assert.ok(Date.now() - started < 5000, `closed after ${Date.now() - started} ms`);
  } finally {
    await n.stop();
  }
});

test('config: ws:/wss: listen entries and the websocket section; an origin that cannot match is an error naming it', async () => {
  const { settingsFromConfigText } = await import('../../host/config/load-config.js');
  const s = settingsFromConfigText('listen: ["ws:127.0.0.1:8080", "udp:127.0.0.1:5060"]\nwebsocket:\n  allowed_origins: ["https://a.example.com:8443"]\n  keepalive_interval_ms: 0\n', 'k.yaml');
  assert.deepEqual(s.listen[0], { proto: 'ws', ip: '127.0.0.1', port: 8080 });
  assert.deepEqual(s.websocket, { ...DEFAULT_WS_SETTINGS, allowedOrigins: ['https://a.example.com:8443'], keepaliveIntervalMs: 0 });
  assert.deepEqual(settingsFromConfigText('listen: ["udp:127.0.0.1:5060"]\n', 'k.yaml').websocket, DEFAULT_WS_SETTINGS);
  assert.throws(() => settingsFromConfigText('websocket:\n  allowed_origins: ["https://a.example.com/"]\n', 'k.yaml'), /k\.yaml: key 'websocket': allowed_origins: .*got 'https:\/\/a\.example\.com\/'/);
  assert.throws(() => settingsFromConfigText('websocket:\n  max_payload: 5\n', 'k.yaml'), /max_payload/);
  assert.throws(() => settingsFromConfigText('listen: ["wss:127.0.0.1:8443"]\n', 'k.yaml'), /wss:127\.0\.0\.1:8443' needs tls\.certificate/);
});

test('a full table evicts the idlest connection for a new client', async () => {
  const n = await wsNode({ tcp: { maxConnections: 2 } });
  try {
    const a = await open(`ws://127.0.0.1:${n.port}`);
    await new Promise((r) => setTimeout(r, 20));
    const b = await open(`ws://127.0.0.1:${n.port}`);
    const aClosed = closed(a);
    const c = await open(`ws://127.0.0.1:${n.port}`);
    await aClosed;
    assert.equal(b.readyState, b.OPEN);
    const reply = nextFrame(c);
    c.send(register('c1'));
    assert.match((await reply).text, /Call-ID: c1/);
    assert.equal(n.t.snapshot().tcpEvicted, 1);
    b.close();
    c.close();
  } finally {
    await n.stop();
  }
});

test('a client pipelining 1000 frames does not hold back another client (turns)', async () => {
  const n = await wsNode({ costMs: 1 });
  try {
    const busy = await open(`ws://127.0.0.1:${n.port}`);
    const quiet = await open(`ws://127.0.0.1:${n.port}`);
    busy.on('message', () => {});
    for (let i = 0; i < 1000; i++) busy.send(register(`b${i}`));
    await until(() => n.got.length > 0, 3000);
    const reply = nextFrame(quiet);
    quiet.send(register('q1'));
    await reply;
    const busyBefore = n.got.findIndex((g) => g.text.includes('Call-ID: q1'));
    assert.ok(busyBefore < 300, `the quiet client's frame was handled after ${busyBefore} of the busy one's`);
    busy.close();
    quiet.close();
  } finally {
    await n.stop();
  }
});
