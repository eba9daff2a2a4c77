// TLS listeners and outbound TLS, in process on real sockets: SIP over TLS both ways, TLS 1.2
// at least, client certificates, SNI, certificates reloaded without a restart, handshake
// deadlines and floods, and server-certificate verification of connections we open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import tls from 'node:tls';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transports } from '../../host/transport/transports.js';
import { DEFAULT_TCP_SETTINGS, type TcpLimits } from '../../host/transport/tcp-settings.js';
import { DEFAULT_TLS, type TlsSettings } from '../../host/transport/tls-settings.js';
import type { ReceiveInfo } from '../../host/transport/types.js';
import { freePort } from '../support/ports.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const quiet = { warn: () => {}, debug: () => {} };
const options = (tag: string) => `OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bK${tag}\r\nCall-ID: ${tag}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`;
const callIdOf = (buf: Buffer | string) => /Call-ID: (\S+)/.exec(buf.toString())?.[1] ?? '';

interface Node {
  t: Transports;
  port: number;
  seen: ReceiveInfo[];
  stop(): Promise<void>;
}

/** A TLS listener that answers every request on its connection with "200 <Call-ID>". */
async function tlsNode(settings: TlsSettings, tcp: Partial<TcpLimits> = {}): Promise<Node> {
  const port = await freePort();
  const seen: ReceiveInfo[] = [];
  const t: Transports = new Transports([{ proto: 'tls', ip: '127.0.0.1', port }], (buf, rcv) => {
    seen.push(rcv);
    if (buf.toString('latin1', 0, 4) === 'SIP/') return;
    const reply = `SIP/2.0 200 OK\r\nCall-ID: ${callIdOf(buf)}\r\nContent-Length: 0\r\n\r\n`;
    t.send(Buffer.from(reply), { proto: 'tls', ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId });
  }, { udpMaxBytes: 65535, tcp: { ...DEFAULT_TCP_SETTINGS, ...tcp }, tls: settings }, quiet);
  await t.start();
  return { t, port, seen, stop: () => t.stop() };
}

interface Client {
  sock: tls.TLSSocket;
  /** Sends a request and waits for the reply with its Call-ID. */
  ask(tag: string, maxMs?: number): Promise<string>;
}

/** A TLS client (Node's tls.connect): resolves once the handshake is done, rejects on its error. */
function client(port: number, opts: tls.ConnectionOptions & { from?: string } = {}, maxMs = 3000): Promise<Client> {
  return new Promise((resolve, reject) => {
    const { from, ...rest } = opts;
    // from another loopback address: a source of its own for the connection table
    const socket = from ? net.connect({ host: '127.0.0.1', port, localAddress: from }) : undefined;
    const sock = tls.connect({ host: '127.0.0.1', port, ...(socket ? { socket } : {}), ...rest });
    let text = '';
    sock.on('data', (d) => (text += d.toString('latin1')));
    const timer = setTimeout(() => (sock.destroy(), reject(new Error(`no handshake within ${maxMs} ms`))), maxMs);
    sock.once('error', (e) => (clearTimeout(timer), reject(e)));
    sock.once('close', () => (clearTimeout(timer), reject(new Error('closed during the handshake'))));
    sock.once('secureConnect', () => {
      clearTimeout(timer);
      // TLS 1.3: a refused client certificate shows as the server closing right after
      resolve({
        sock,
        ask: (tag, waitMs = 3000) => new Promise((ok, no) => {
          sock.write(options(tag));
          const end = Date.now() + waitMs;
          const poll = () => {
            if (text.includes(`Call-ID: ${tag}`)) return ok(text);
            if (sock.destroyed || Date.now() > end) return no(new Error(`no reply to ${tag} (${sock.destroyed ? 'closed' : 'timeout'}): ${text}`));
            setTimeout(poll, 5);
          };
          poll();
        }),
      });
    });
  });
}

async function until(cond: () => boolean, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

describe('TLS transport', () => {
  let pki: TestPki;
  let other: TestPki;
  let ca: Buffer;
  let base: TlsSettings;
  before(() => {
    pki = makeTestPki();
    other = makeTestPki();
    ca = readFileSync(pki.caCert);
    const s = pki.server('main');
    base = { ...DEFAULT_TLS, certificate: s.cert, privateKey: s.key, caList: pki.caCert };
  });
  after(() => {
    pki?.remove();
    other?.remove();
  });

  test('a request over TLS is received as proto tls and answered on its connection', async () => {
    const n = await tlsNode(base);
    try {
      const c = await client(n.port, { ca });
      const r = await c.ask('one');
      assert.match(r, /^SIP\/2\.0 200 OK/);
      assert.equal(n.seen[0]!.proto, 'tls');
      assert.ok(n.seen[0]!.conId > 0);
      assert.deepEqual(n.t.localAddress('tls', false), { ip: '127.0.0.1', port: n.port });
      assert.equal(n.t.snapshot().tcpConnectionsOpen, 1);
      c.sock.destroy();
    } finally {
      await n.stop();
    }
  });

  test('a TLS 1.1 client is refused and counted', async () => {
    const n = await tlsNode(base);
    try {
      await assert.rejects(client(n.port, { ca, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }));
      await until(() => n.t.snapshot().tlsHandshakeFailures > 0, 2000);
      assert.equal(n.t.snapshot().tlsHandshakeFailures, 1);
      assert.equal(n.seen.length, 0);
    } finally {
      await n.stop();
    }
  });

  test('verify_client with require_client_certificate: the CA\'s client gets in, one without or from another CA does not', async () => {
    const n = await tlsNode({ ...base, verifyClient: true, requireClientCertificate: true });
    try {
      const alice = pki.client('alice');
      const good = await client(n.port, { ca, cert: readFileSync(alice.cert), key: readFileSync(alice.key) });
      assert.match(await good.ask('alice'), /200 OK/);
      good.sock.destroy();
      // TLS 1.3 sends the refusal after the client's handshake is done: it shows on the first exchange
      await assert.rejects(async () => (await client(n.port, { ca })).ask('nobody', 1000));
      const mallory = other.client('mallory');
      await assert.rejects(async () => (await client(n.port, { ca, cert: readFileSync(mallory.cert), key: readFileSync(mallory.key) })).ask('mallory', 1000));
      assert.deepEqual(n.seen.map((r) => r.proto), ['tls']);
      assert.ok(n.t.snapshot().tlsHandshakeFailures >= 2);
    } finally {
      await n.stop();
    }
  });

  test('verify_client without require: no certificate gets in, a certificate of another CA does not', async () => {
    const n = await tlsNode({ ...base, verifyClient: true, requireClientCertificate: false });
    try {
      const anon = await client(n.port, { ca });
      assert.match(await anon.ask('anon'), /200 OK/);
      anon.sock.destroy();
      const mallory = other.client('mallory2');
      await assert.rejects(async () => (await client(n.port, { ca, cert: readFileSync(mallory.cert), key: readFileSync(mallory.key) })).ask('mallory2', 1000));
    } finally {
      await n.stop();
    }
  });

  test('SNI picks the certificate by name', async () => {
    const a = pki.server('sni-a', ['a.example.com']);
    const b = pki.server('sni-b', ['*.b.example.com']);
    const n = await tlsNode({ ...base, servers: [{ serverName: 'a.example.com', certificate: a.cert, privateKey: a.key }, { serverName: '*.b.example.com', certificate: b.cert, privateKey: b.key }] });
    try {
      const ca1 = await client(n.port, { ca, servername: 'a.example.com' });
      assert.equal(ca1.sock.getPeerCertificate().subject.CN, 'a.example.com');
      const cb = await client(n.port, { ca, servername: 'sip.b.example.com' });
      assert.equal(cb.sock.getPeerCertificate().subject.CN, '*.b.example.com');
      const none = await client(n.port, { ca });
      assert.equal(none.sock.getPeerCertificate().subject.CN, 'localhost');
      for (const c of [ca1, cb, none]) c.sock.destroy();
    } finally {
      await n.stop();
    }
  });

  test('a reload swaps in certificates of another CA; an open connection goes on; broken files keep the old ones', async () => {
    const dir = pki.dir;
    const certFile = join(dir, 'reload.crt');
    const keyFile = join(dir, 'reload.key');
    const first = pki.server('before-reload');
    copyFileSync(first.cert, certFile);
    copyFileSync(first.key, keyFile);
    const n = await tlsNode({ ...base, certificate: certFile, privateKey: keyFile });
    try {
      const old = await client(n.port, { ca });
      assert.match(await old.ask('old-1'), /200 OK/);
      const next = other.server('after-reload');
      copyFileSync(next.cert, certFile);
      copyFileSync(next.key, keyFile);
      assert.deepEqual(n.t.reloadTls(), { ok: true });
      const fresh = await client(n.port, { ca: readFileSync(other.caCert) });
      assert.match(await fresh.ask('fresh'), /200 OK/);
      await assert.rejects(client(n.port, { ca }), /certificate/);
      assert.match(await old.ask('old-2'), /Call-ID: old-2/);
      // a key that does not parse: the reload says so and the certificate in service stays
      writeFileSync(keyFile, 'not a key');
      const r = n.t.reloadTls();
      assert.equal(r?.ok, false);
      assert.match(r && !r.ok ? r.error : '', /private_key|certificate/);
      const still = await client(n.port, { ca: readFileSync(other.caCert) });
      still.sock.destroy();
      for (const c of [old, fresh]) c.sock.destroy();
    } finally {
      await n.stop();
    }
  });

  test('the TCP limits apply to TLS connections: an idle one is closed, a message over the size limit closes its stream', async () => {
    const n = await tlsNode(base, { idleTimeoutMs: 300, maxMessageBytes: 2000 });
    try {
      const idle = await client(n.port, { ca });
      const closed = new Promise<void>((r) => idle.sock.once('close', () => r()));
      await closed;
      assert.equal(n.t.snapshot().tcpIdleTimeouts, 1);
      const big = await client(n.port, { ca });
      big.sock.on('error', () => {});
      const bigClosed = new Promise<void>((r) => big.sock.once('close', () => r()));
      big.sock.write(`OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nX-Junk: ${'a'.repeat(5000)}\r\n`);
      await bigClosed;
      assert.equal(n.t.snapshot().tcpFramingErrors, 1);
    } finally {
      await n.stop();
    }
  });

  test('a handshake not finished in time is closed and counted', async () => {
    const n = await tlsNode({ ...base, handshakeTimeoutMs: 200 });
    try {
      const raw = net.connect(n.port, '127.0.0.1');
      raw.on('error', () => {});
      const closed = new Promise<void>((r) => raw.once('close', () => r()));
      const t0 = Date.now();
      await closed;
      assert.ok(Date.now() - t0 < 2000, `closed after ${Date.now() - t0} ms`);
      await until(() => n.t.snapshot().tlsHandshakeTimeouts > 0, 1000);
      assert.equal(n.t.snapshot().tlsHandshakeTimeouts, 1);
    } finally {
      await n.stop();
    }
  });

  test('a flood of silent and garbage handshakes does not keep a real client out', async () => {
    const n = await tlsNode(base, { maxConnectionsPerSource: 256 });
    const flood: net.Socket[] = [];
    try {
      for (let i = 0; i < 200; i++) {
        const s = net.connect({ host: '127.0.0.1', port: n.port, localAddress: '127.0.0.2' });
        s.on('error', () => {});
        if (i % 4 === 0) s.once('connect', () => s.write(Buffer.alloc(600, 0x16)));
        flood.push(s);
      }
      await until(() => flood.every((s) => !s.connecting), 3000);
      const t0 = performance.now();
      const c = await client(n.port, { ca });
      assert.match(await c.ask('real'), /200 OK/);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `the real client took ${Math.round(ms)} ms`);
      c.sock.destroy();
    } finally {
      for (const s of flood) s.destroy();
      await n.stop();
    }
  });

  test('handshakes under way count toward a source\'s connection limit', async () => {
    const n = await tlsNode(base, { maxConnectionsPerSource: 5 });
    const silent: net.Socket[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const s = net.connect({ host: '127.0.0.1', port: n.port, localAddress: '127.0.0.3' });
        s.on('error', () => {});
        silent.push(s);
      }
      await until(() => silent.every((s) => !s.connecting), 2000);
      await new Promise((r) => setTimeout(r, 50));
      await assert.rejects(client(n.port, { ca, from: '127.0.0.3' }, 1500));
      assert.ok(n.t.snapshot().tcpConnectionsRefused >= 1);
      // another source is not affected
      const c = await client(n.port, { ca });
      c.sock.destroy();
    } finally {
      for (const s of silent) s.destroy();
      await n.stop();
    }
  });

  test('a full table makes room by closing the oldest handshake under way', async () => {
    const n = await tlsNode(base, { maxConnections: 10 });
    const silent: net.Socket[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const s = net.connect({ host: '127.0.0.1', port: n.port, localAddress: '127.0.0.4' });
        s.on('error', () => {});
        silent.push(s);
      }
      await until(() => silent.every((s) => !s.connecting), 2000);
      await new Promise((r) => setTimeout(r, 50));
      const c = await client(n.port, { ca });
      assert.match(await c.ask('room'), /200 OK/);
      assert.ok(n.t.snapshot().tcpEvicted >= 1);
      c.sock.destroy();
    } finally {
      for (const s of silent) s.destroy();
      await n.stop();
    }
  });

  test('outbound TLS verifies the server: the right CA goes through, another CA or a wrong name fails at once', async () => {
    const server = await tlsNode(base);
    const trusting = await tlsNode(base);
    const stranger = await tlsNode({ ...base, caList: other.caCert });
    const careless = await tlsNode({ ...base, caList: other.caCert, verifyServer: false });
    try {
      const send = (from: Node, tag: string, host?: string) => new Promise<string | null>((resolve) => {
        const ok = from.t.send(Buffer.from(options(tag)), { proto: 'tls', ip: '127.0.0.1', port: server.port, ...(host ? { host } : {}) }, undefined, (reason) => resolve(reason));
        if (!ok) return;
        const end = Date.now() + 3000;
        const poll = () => (from.seen.length > 0 ? resolve(null) : Date.now() > end ? resolve('no reply') : setTimeout(poll, 5));
        poll();
      });
      assert.equal(await send(trusting, 'ok-ip'), null, 'verified by IP SAN');
      assert.equal(trusting.seen[0]!.proto, 'tls', 'the reply came back on the connection we opened');
      const t0 = Date.now();
      assert.match((await send(stranger, 'bad-ca')) ?? '', /TLS to 127\.0\.0\.1.*(certificate|verify)/i);
      assert.ok(Date.now() - t0 < 2000);
      assert.ok(stranger.t.snapshot().tlsHandshakeFailures >= 1);
      assert.match((await send(careless, 'no-verify')) ?? 'delivered', /delivered/);
      const wrongName = await tlsNode(base);
      try {
        assert.match((await send(wrongName, 'bad-name', 'sip.example.org')) ?? '', /sip\.example\.org|altnames/i);
        assert.equal(await send(wrongName, 'good-name', 'localhost'), null);
      } finally {
        await wrongName.stop();
      }
    } finally {
      await Promise.all([server, trusting, stranger, careless].map((x) => x.stop()));
    }
  });

  test('a tls: listener without a tls section, or with a missing file, does not start and says why', async () => {
    const port = await freePort();
    const t = new Transports([{ proto: 'tls', ip: '127.0.0.1', port }], () => {}, { udpMaxBytes: 65535, tcp: DEFAULT_TCP_SETTINGS }, quiet);
    await assert.rejects(t.start(), /listen 'tls:127\.0\.0\.1:\d+' needs tls\.certificate and tls\.private_key/);
    await t.stop();
    const u = new Transports([{ proto: 'tls', ip: '127.0.0.1', port }], () => {}, { udpMaxBytes: 65535, tcp: DEFAULT_TCP_SETTINGS, tls: { ...base, privateKey: '/nonexistent/key.pem' } }, quiet);
    await assert.rejects(u.start(), /tls\.private_key '\/nonexistent\/key\.pem': cannot read it \(ENOENT\)/);
    await u.stop();
  });
});
