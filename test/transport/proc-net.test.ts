// Finding our sockets in Linux's /proc/net/{udp,udp6,tcp,tcp6} (kernel drop counters, send queues).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { procAddress } from '../../host/transport/proc-net-address.js';
import { parseProcUdp, readUdpKernelStats } from '../../host/transport/udp-kernel-stats.js';
import { parseProcTcp, procKey, readTcpSendQueues } from '../../host/transport/tcp-send-queue.js';

const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

test('addresses in the form /proc/net prints them', { skip: !LE && 'little-endian layout' }, () => {
  assert.equal(procAddress('127.0.0.1', 5060), '0100007F:13C4');
  assert.equal(procAddress('0.0.0.0', 1), '00000000:0001');
  assert.equal(procAddress('::1', 5060), '00000000000000000000000001000000:13C4');
  assert.equal(procAddress('::ffff:127.0.0.1', 80), '0000000000000000FFFF00000100007F:0050');
});

test('the drops and receive queue of a UDP socket, from a /proc/net/udp text', { skip: !LE && 'little-endian layout' }, () => {
  const uid = process.getuid?.() ?? 0;
  const text = [
    '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
    `  1: 0100007F:13C5 00000000:0000 07 00000000:00000000 00:00000000 00000000 ${uid} 0 1 2 0000000000000000 7`,
    `  2: 0100007F:13C4 00000000:0000 07 00000000:00000A00 00:00000000 00000000 ${uid} 0 3 2 0000000000000000 42`,
  ].join('\n');
  assert.deepEqual(parseProcUdp(text, '127.0.0.1', 5060), { drops: 42, rxQueueBytes: 0xa00 });
  assert.equal(parseProcUdp(text, '127.0.0.1', 5070), null);
});

test('the send queue of a TCP connection, from a /proc/net/tcp text', () => {
  const text = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 0100007F:13C4 0200007F:9C40 01 0026A000:00000000 00:00000000 00000000     0        0 1',
  ].join('\n');
  const m = parseProcTcp(text, new Set(['0100007F:13C4 0200007F:9C40']));
  assert.equal(m.get('0100007F:13C4 0200007F:9C40'), 0x26a000);
});

test('our own sockets are found in the live files (Linux)', { skip: !existsSync('/proc/net/udp') && 'no /proc/net' }, async () => {
  const udp = dgram.createSocket('udp4');
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
  const port = (udp.address() as { port: number }).port;
  assert.deepEqual(readUdpKernelStats('127.0.0.1', port), { drops: 0, rxQueueBytes: 0 });
  udp.close();

  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  const peer = await accepted;
  const queues = await readTcpSendQueues([peer]);
  assert.equal(queues.get(procKey(peer)!), 0);
  client.destroy();
  peer.destroy();
  server.close();
});

test('a UDP socket whose reader is stuck shows kernel drops and a full receive queue (Linux)', { skip: !existsSync('/proc/net/udp') && 'no /proc/net' }, async () => {
  // the receiver: another process that binds, says its port, then holds its event loop 3 s
  const child = spawn(process.execPath, ['-e', `
    const d = require('dgram').createSocket('udp4');
    d.bind(0, '127.0.0.1', () => {
      console.log(d.address().port);
      setTimeout(() => { const t = Date.now(); while (Date.now() - t < 3000) {} process.exit(0); }, 20);
    });`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
    await new Promise((r) => setTimeout(r, 100)); // its loop is held now
    const sender = dgram.createSocket('udp4');
    const payload = Buffer.alloc(1000, 0x61);
    // bounded: 3000 datagrams of 1 kB, far more than a default receive buffer holds
    for (let i = 0; i < 3000; i++) await new Promise<void>((r) => sender.send(payload, port, '127.0.0.1', () => r()));
    sender.close();
    const s = readUdpKernelStats('127.0.0.1', port);
    assert.ok(s, 'the socket is found');
    assert.ok(s.drops > 0, `drops ${s.drops}`);
    assert.ok(s.rxQueueBytes > 0, `queue ${s.rxQueueBytes}`);
  } finally {
    child.kill('SIGKILL');
  }
});
