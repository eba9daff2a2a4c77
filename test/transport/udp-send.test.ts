// UdpListener.send: an IP literal is sent inside the call (no lookup tick), a name still goes
// through dns.lookup, and a malformed literal is dropped without an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { UdpListener } from '../../host/transport/udp-listener.js';

async function sink(): Promise<{ port: number; got: Buffer[]; close(): void }> {
  const s = createSocket('udp4');
  const got: Buffer[] = [];
  s.on('message', (b) => got.push(b));
  s.bind(0, '127.0.0.1');
  await once(s, 'listening');
  return { port: s.address().port, got, close: () => s.close() };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
}

test('a datagram to an IPv4 literal leaves inside send(), with no tick deferred', async () => {
  const peer = await sink();
  const l = new UdpListener('127.0.0.1', 0, () => {}, 65535, () => {});
  await l.listen();
  let ticks = 0;
  const nextTick = process.nextTick;
  process.nextTick = ((...a: Parameters<typeof process.nextTick>) => (ticks++, nextTick(...a))) as typeof process.nextTick;
  try {
    l.send(Buffer.from('one'), '127.0.0.1', peer.port);
  } finally {
    process.nextTick = nextTick;
  }
  assert.equal(ticks, 0, 'no next-tick work for a literal address (dns.lookup deferred every send to one)');
  await until(() => peer.got.length === 1);
  assert.equal(peer.got[0]?.toString(), 'one');
  await l.close();
  peer.close();
});

test('a name is still resolved (dns.lookup), and a malformed literal is dropped quietly', async () => {
  const peer = await sink();
  const l = new UdpListener('127.0.0.1', 0, () => {}, 65535, () => {});
  await l.listen();
  l.send(Buffer.from('bad'), '999.1.1.1', peer.port);
  l.send(Buffer.from('named'), 'localhost', peer.port);
  await until(() => peer.got.length === 1);
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(peer.got.map(String), ['named']);
  await l.close();
  peer.close();
});

test('closing a listener twice resolves both times (a second stop, e.g. a second SIGTERM, threw ERR_SOCKET_DGRAM_NOT_RUNNING)', async () => {
  const l = new UdpListener('127.0.0.1', 0, () => {}, 65535, () => {});
  await l.listen();
  await Promise.all([l.close(), l.close()]);
  await l.close();
});
