// A copy of a listening UDP socket's descriptor (host/transport/udp-fd-dup.ts), made through a
// helper process, as worker threads use it: a worker thread sends from its copy (its datagrams
// leave from the listener's port), never reads from it (every datagram to the port reaches the
// listener), and when the worker ends its copy closes while the listener keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { Worker } from 'node:worker_threads';
import { dupUdpDescriptors } from '../../host/transport/udp-fd-dup.js';

function bound(): Promise<dgram.Socket> {
  const s = dgram.createSocket('udp4');
  return new Promise((r) => s.bind(0, '127.0.0.1', () => r(s)));
}

test('a worker thread sends from its copy of the listener, does not read from it, and its end leaves the listener open', async () => {
  const listener = await bound();
  const peer = await bound();
  const heard: { text: string; port: number }[] = [];
  const atListener: string[] = [];
  peer.on('message', (m, r) => heard.push({ text: m.toString(), port: r.port }));
  listener.on('message', (m) => atListener.push(m.toString()));
  try {
    const [[copy]] = await dupUdpDescriptors([listener], 1);
    assert.ok(copy && copy.fd > 2 && copy.type === 'udp4', `a new descriptor: ${JSON.stringify({ fd: copy?.fd, type: copy?.type })}`);
    const worker = new Worker(new URL('./fixtures/udp-copy-worker.mjs', import.meta.url), { workerData: { fd: copy.fd, count: 3, to: peer.address().port, holdMs: 400 } });
    const result = new Promise<{ read: number }>((r) => worker.once('message', r));
    // while the worker holds its copy, everything sent to the port reaches the listener
    const sent = Date.now() + 5000;
    while (heard.length < 3 && Date.now() < sent) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < 20; i++) peer.send(`to the port ${i}`, listener.address().port, '127.0.0.1');
    assert.equal((await result).read, 0, 'the worker read nothing from its copy');
    await new Promise((r) => worker.once('exit', r));
    assert.deepEqual(heard.map((h) => h.port), [listener.address().port, listener.address().port, listener.address().port], "the worker's datagrams left from the listener's port");
    assert.equal(atListener.length, 20, 'the listener read every datagram sent to its port');
    // the worker is gone and its copy closed with it: the listener still reads and sends
    peer.send('after the worker', listener.address().port, '127.0.0.1');
    listener.send('from the listener', peer.address().port, '127.0.0.1');
    const end = Date.now() + 2000;
    while ((atListener.length < 21 || heard.length < 4) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    assert.equal(atListener.at(-1), 'after the worker');
    assert.equal(heard.at(-1)?.text, 'from the listener');
  } finally {
    listener.close();
    peer.close();
  }
});
