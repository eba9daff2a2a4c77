// A real ksr-host process with a `tls:` listener and the sample Lua script: requests over TLS
// are answered on their connection (one worker and two), kemi.reload reads the certificate
// files again (another CA's certificate is served to new clients, an open connection goes on,
// files that fail keep the running ones), and a tls: listener without certificates does not start.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import tls from 'node:tls';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort } from '../support/ports.js';
import { request, statusOf } from '../support/sip-client.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

/** What a reload said about the TLS certificates: in its answer, or after a refused script's error. */
const tlsNote = (r: { result?: { tls?: string }; error?: { message: string } }) => r.result?.tls ?? /; TLS: (.*)$/.exec(r.error?.message ?? '')?.[1];

const SCRIPT = fileURLToPath(new URL('../../sample-scripts/routing.lua', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));

/** One TLS connection to the server, asking requests on it one after the other. */
async function tlsClient(port: number, ca: Buffer): Promise<{ sock: tls.TLSSocket; ask(msg: string): Promise<string> }> {
  const sock = tls.connect({ host: '127.0.0.1', port, ca });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no TLS handshake within 5 s')), 5000);
    sock.once('secureConnect', () => (clearTimeout(timer), resolve()));
    sock.once('error', (e) => (clearTimeout(timer), reject(e)));
  });
  let text = '';
  sock.on('data', (d) => (text += d.toString('latin1')));
  return {
    sock,
    ask: async (msg) => {
      const callId = /Call-ID: (\S+)/.exec(msg)![1]!;
      text = '';
      sock.write(msg);
      const end = Date.now() + 5000;
      while (!text.includes(callId) && Date.now() < end && !sock.destroyed) await new Promise((r) => setTimeout(r, 10));
      assert.ok(text.includes(callId), `no reply over TLS (${sock.destroyed ? 'closed' : 'timeout'}): ${text}`);
      return text;
    },
  };
}

for (const workers of [1, 2]) {
  describe(`TLS listener in a server process (workers: ${workers})`, () => {
    let pki: TestPki;
    let other: TestPki;
    let server: ServerProcess;
    let tlsPort: number;
    let certFile: string;
    let keyFile: string;
    before(async () => {
      pki = makeTestPki();
      other = makeTestPki();
      const first = pki.server('main');
      certFile = join(pki.dir, 'served.crt');
      keyFile = join(pki.dir, 'served.key');
      copyFileSync(first.cert, certFile);
      copyFileSync(first.key, keyFile);
      tlsPort = await freePort();
      server = await startServerProcess({
        script: SCRIPT,
        workers,
        extraArgs: ['--listen', `tls:127.0.0.1:${tlsPort}`],
        // a loaded machine must not refuse the reloaded script for its top level's CPU time
        config: () => ({ limits: { cpu_ms: 2000 }, tls: { certificate: certFile, private_key: keyFile, ca_list: pki.caCert, handshake_timeout_ms: 2000 } }),
      });
    });
    after(async () => {
      await server?.stop();
      pki?.remove();
      other?.remove();
    });

    test('OPTIONS and REGISTER over TLS are answered on the connection', async () => {
      const c = await tlsClient(tlsPort, readFileSync(pki.caCert));
      try {
        const opts = await c.ask(request('OPTIONS', tlsPort, { transport: 'TCP' }).replace('SIP/2.0/TCP', 'SIP/2.0/TLS'));
        assert.equal(statusOf(opts), 200, opts);
        const reg = request('REGISTER', tlsPort, { headers: ['Contact: <sip:alice@127.0.0.1:5999;transport=tls>', 'Expires: 60'] }).replace('SIP/2.0/UDP', 'SIP/2.0/TLS');
        assert.equal(statusOf(await c.ask(reg)), 401);
      } finally {
        c.sock.destroy();
      }
    });

    test('kemi.reload serves another CA\'s certificate to new clients; an open connection goes on; broken files keep the running ones', async () => {
      const old = await tlsClient(tlsPort, readFileSync(pki.caCert));
      try {
        const next = other.server(`after-${workers}`);
        copyFileSync(next.cert, certFile);
        copyFileSync(next.key, keyFile);
        const r = await server.rpc('kemi.reload');
        assert.equal(tlsNote(r), 'certificates reloaded', JSON.stringify(r));
        const fresh = await tlsClient(tlsPort, readFileSync(other.caCert));
        fresh.sock.destroy();
        await assert.rejects(tlsClient(tlsPort, readFileSync(pki.caCert)), /certificate/);
        const opts = await old.ask(request('OPTIONS', tlsPort).replace('SIP/2.0/UDP', 'SIP/2.0/TLS'));
        assert.equal(statusOf(opts), 200);
        writeFileSync(keyFile, 'not a key');
        const bad = await server.rpc('kemi.reload');
        assert.match(tlsNote(bad) ?? '', /^certificates not reloaded, the running ones stay: tls\.certificate\/private_key/, JSON.stringify(bad));
        const still = await tlsClient(tlsPort, readFileSync(other.caCert));
        still.sock.destroy();
      } finally {
        old.sock.destroy();
      }
    });
  });
}

describe('TLS configuration errors', () => {
  const run = (config: string, listen: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'ksr-tls-cfg-'));
    const file = join(dir, 'ksr-host.yaml');
    writeFileSync(file, config);
    return spawnSync(process.execPath, [BIN, 'run', '--config', file, '--script', SCRIPT, '--store', 'sqlite::memory:', '--state-dir', dir, '--control', 'off', '--workers', '1', ...listen.flatMap((l) => ['--listen', l])], { encoding: 'utf8', timeout: 30_000 });
  };

  test('a tls: listen entry without a tls section names what it needs', async () => {
    const port = await freePort();
    const r = run(`listen: ["tls:127.0.0.1:${port}"]\n`, []);
    assert.notEqual(r.status, 0);
    assert.match(r.stdout + r.stderr, new RegExp(`listen 'tls:127\\.0\\.0\\.1:${port}' needs tls\\.certificate and tls\\.private_key`));
  });

  test('a wrong key in tls names itself; an unreadable file stops the server naming it', async () => {
    const port = await freePort();
    const r = run('tls: { certificate: /x.crt, private_key: /x.key, verify_clients: true }\n', [`tls:127.0.0.1:${port}`]);
    assert.notEqual(r.status, 0);
    assert.match(r.stdout + r.stderr, /unknown key 'tls\.verify_clients'/);
    const s = run('tls: { certificate: /nonexistent/x.crt, private_key: /nonexistent/x.key }\n', [`tls:127.0.0.1:${port}`]);
    assert.notEqual(s.status, 0);
    assert.match(s.stdout + s.stderr, /tls\.certificate '\/nonexistent\/x\.crt': cannot read it \(ENOENT\)/);
  });
});
