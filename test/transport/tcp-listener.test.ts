// The TCP listener on real sockets, in process: turns between connections, the connection
// table's bounds and eviction, the per-message deadline, answers before bad bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { TcpListener } from '../../host/transport/tcp-listener.js';
import { DEFAULT_TCP_SETTINGS } from '../../host/transport/tcp-settings.js';
import type { CloseReason, TcpLimits } from '../../host/transport/tcp-settings.js';
import type { ReceiveInfo } from '../../host/core/context.js';
import { freePort } from '../support/ports.js';
import { connectFrom } from '../support/sip-attacks.js';

const msg = (tag: string) => `OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nCall-ID: ${tag}\r\nContent-Length: 0\r\n\r\n`;

interface Harness {
  listener: TcpListener;
  port: number;
  closed: { reason: CloseReason; peer: string }[];
  handled: string[];
}

/** A listener whose handler answers each message with its Call-ID, after `costMs` of work. */
async function harness(limits: Partial<TcpLimits>, costMs = 0): Promise<Harness> {
  const port = await freePort();
  const closed: Harness['closed'] = [];
  const handled: string[] = [];
  let ids = 0;
  const listener: TcpListener = new TcpListener('127.0.0.1', port, (buf: Buffer, rcv: ReceiveInfo) => {
    const id = /Call-ID: (\S+)/.exec(buf.toString())![1]!;
    handled.push(id);
    const end = performance.now() + costMs;
    while (performance.now() < end);
    listener.send(Buffer.from(`SIP/2.0 200 OK\r\nCall-ID: ${id}\r\nContent-Length: 0\r\n\r\n`), rcv.srcIp, rcv.srcPort, rcv.conId);
  }, { ...DEFAULT_TCP_SETTINGS, ...limits }, {
    onClosed: (reason, peer) => closed.push({ reason, peer }),
    onReadPaused: () => {},
  }, () => ++ids);
  await listener.listen();
  return { listener, port, closed, handled };
}

function replies(sock: net.Socket): { text: () => string; closed: Promise<void> } {
  let text = '';
  sock.on('data', (d) => (text += d.toString('latin1')));
  sock.on('error', () => {});
  return { text: () => text, closed: new Promise((r) => sock.once('close', () => r())) };
}

async function until(cond: () => boolean, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

test('a pipelined burst on one connection does not hold back a message on another (turns)', async () => {
  const h = await harness({ messagesPerTurn: 16 }, 1);
  try {
    const a = await connectFrom(h.port, '127.0.0.2');
    replies(a);
    a.write(Array.from({ length: 1000 }, (_, i) => msg(`a${i}`)).join(''));
    await until(() => h.handled.length > 0, 5000);
    const b = await connectFrom(h.port, '127.0.0.3');
    const rb = replies(b);
    const handledWhenSent = h.handled.length;
    b.write(msg('b0'));
    await until(() => rb.text().includes('b0'), 5000);
    const before = h.handled.indexOf('b0') - handledWhenSent;
    // at most the turn under way and the burst's next visit, whatever the machine's speed
    assert.ok(before <= 2 * 16 + 16, `${before} messages of the burst were handled before the new one`);
    assert.ok(h.handled.length < 1000, 'the burst was still being served');
    a.destroy();
    b.destroy();
  } finally {
    await h.listener.close();
  }
});

test('a source at its connection limit is refused; a full table evicts the idlest of the source holding the most', async () => {
  const h = await harness({ maxConnections: 3, maxConnectionsPerSource: 2 });
  try {
    const a1 = await connectFrom(h.port, '127.0.0.2');
    const a2 = await connectFrom(h.port, '127.0.0.2');
    const b1 = await connectFrom(h.port, '127.0.0.3');
    const [ra1, ra2, rb1] = [replies(a1), replies(a2), replies(b1)];
    await until(() => h.listener.size === 3, 2000);
    // a1 speaks after a2 connected: a2 is the idlest of 127.0.0.2, the source holding the most
    await new Promise((r) => setTimeout(r, 20));
    a1.write(msg('a1'));
    await until(() => ra1.text().includes('a1'), 2000);

    const a3 = await connectFrom(h.port, '127.0.0.2');
    const ra3 = replies(a3);
    await ra3.closed;
    assert.deepEqual(h.closed.map((c) => c.reason), ['source-limit'], 'a third from 127.0.0.2 is refused');

    const c1 = await connectFrom(h.port, '127.0.0.4');
    const rc1 = replies(c1);
    await ra2.closed;
    assert.deepEqual(h.closed.map((c) => c.reason), ['source-limit', 'evicted']);
    assert.match(h.closed[1]!.peer, /^127\.0\.0\.2:/);
    c1.write(msg('c1'));
    await until(() => rc1.text().includes('c1'), 2000);
    assert.ok(rc1.text().includes('c1'), 'the newcomer is served');
    assert.equal(a1.destroyed || b1.destroyed, false, 'the others stay');
    for (const s of [a1, b1, c1]) s.destroy();
    void rb1;
  } finally {
    await h.listener.close();
  }
});

test('a message still incomplete header_timeout_ms after its first byte closes the connection, however it trickles', async () => {
  const h = await harness({ headerTimeoutMs: 300 });
  try {
    const slow = await connectFrom(h.port, '127.0.0.2');
    const quick = await connectFrom(h.port, '127.0.0.3');
    const [rs, rq] = [replies(slow), replies(quick)];
    const t0 = Date.now();
    slow.write('OPTIONS sip:x@127.0.0.1 SIP/2.0\r\n');
    const drip = setInterval(() => slow.destroyed || slow.write('X: y\r\n'), 50);
    // the other one takes 200 ms over its message, within the deadline: answered, kept
    const text = msg('q');
    quick.write(text.slice(0, 20));
    await new Promise((r) => setTimeout(r, 200));
    quick.write(text.slice(20));
    await rs.closed;
    clearInterval(drip);
    const lasted = Date.now() - t0;
    assert.ok(lasted >= 300 && lasted < 300 + 1500, `closed after ${lasted} ms`);
    assert.deepEqual(h.closed.map((c) => c.reason), ['header-timeout']);
    assert.ok(rq.text().includes('Call-ID: q'));
    assert.equal(quick.destroyed, false);
    quick.destroy();
  } finally {
    await h.listener.close();
  }
});

test('every complete message before bytes that cannot be framed is answered, then the stream is closed', async () => {
  const h = await harness({});
  try {
    const s = await connectFrom(h.port, '127.0.0.2');
    const r = replies(s);
    s.write(msg('m1') + msg('m2') + 'NOT SIP AT ALL\r\n\r\n' + msg('m3'));
    await r.closed;
    assert.match(r.text(), /Call-ID: m1[\s\S]*Call-ID: m2/);
    assert.doesNotMatch(r.text(), /m3/);
    assert.deepEqual(h.closed.map((c) => c.reason), ['framing']);
  } finally {
    await h.listener.close();
  }
});
