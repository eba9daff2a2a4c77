// IPv6 listeners, UDP and TCP, with Via received/rport per RFC 3581 on the reply.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort } from '../support/ports.js';
import { headerValue, statusOf } from '../support/sip-client.js';

function options(port: number, transport: string, localPort: number): string {
  return [
    `OPTIONS sip:[::1]:${port} SIP/2.0`,
    `Via: SIP/2.0/${transport} [::1]:${localPort};branch=z9hG4bK6a${Date.now()};rport`,
    'From: <sip:a@[::1]>;tag=6', 'To: <sip:b@[::1]>', `Call-ID: v6-${Math.random()}`, 'CSeq: 1 OPTIONS', 'Max-Forwards: 70',
    'Content-Length: 0', '', '',
  ].join('\r\n');
}

describe('IPv6', () => {
  let server: ServerProcess;
  let port6 = 0;
  before(async () => {
    port6 = await freePort();
    const script = fileURLToPath(new URL('../../sample-scripts/routing.lua', import.meta.url));
    server = await startServerProcess({ script, extraArgs: ['--listen', `udp:[::1]:${port6}`, '--listen', `tcp:[::1]:${port6}`] });
  });
  after(async () => server?.stop());

  test('UDP over ::1, reply to the source port with rport filled', async () => {
    const sock = dgram.createSocket({ type: 'udp6' });
    await new Promise<void>((r) => sock.bind(0, '::1', () => r()));
    const local = sock.address().port;
    const reply = new Promise<string>((r) => sock.once('message', (m) => r(m.toString())));
    sock.send(options(port6, 'UDP', 5999), port6, '::1');
    const text = await Promise.race([reply, new Promise<string>((r) => setTimeout(() => r(''), 3000))]);
    sock.close();
    assert.equal(statusOf(text), 200, text);
    assert.match(headerValue(text, 'Via') ?? '', new RegExp(`;rport=${local}`));
    assert.match(headerValue(text, 'Via') ?? '', /received=::1|received=\[::1\]/);
  });

  test('TCP over ::1', async () => {
    const sock = net.connect(port6, '::1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    const reply = new Promise<string>((r) => sock.once('data', (d) => r(d.toString())));
    sock.write(options(port6, 'TCP', sock.localPort!));
    const text = await Promise.race([reply, new Promise<string>((r) => setTimeout(() => r(''), 3000))]);
    sock.destroy();
    assert.equal(statusOf(text), 200, text);
  });
});
