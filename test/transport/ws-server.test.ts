// SIP over WebSocket against a real server process: a REGISTER over ws and over wss is
// challenged and then accepted by a script that sees $proto and KSR.is_WS()/is_WSS(); the
// config's `websocket:` section (Origin list) is applied; with one worker and with two.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort } from '../support/ports.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

// 401 without credentials, 200 with: the shape of a registrar's challenge, and what the script saw
const script = `
function ksr_request_route()
  KSR.hdr.append_to_reply("X-Seen: " .. KSR.pv.get("$proto") .. " ws=" .. tostring(KSR.is_WS()) .. " wss=" .. tostring(KSR.is_WSS()) .. " si=" .. KSR.pv.get("$si") .. "\\r\\n")
  if KSR.hdr.is_present("Authorization") < 0 then
    KSR.hdr.append_to_reply("WWW-Authenticate: Digest realm=\\"test\\", nonce=\\"n1\\"\\r\\n")
    KSR.sl.sl_send_reply(401, "Unauthorized")
    return
  end
  KSR.sl.sl_send_reply(200, "OK")
end
`;

const register = (tag: string, cseq: number, auth: boolean) =>
  `REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK${tag}${cseq}\r\nMax-Forwards: 70\r\n` +
  `From: <sip:alice@127.0.0.1>;tag=${tag}\r\nTo: <sip:alice@127.0.0.1>\r\nCall-ID: ${tag}\r\nCSeq: ${cseq} REGISTER\r\n` +
  `Contact: <sip:alice@df7jal23ls0d.invalid;transport=ws>;expires=600\r\n` +
  (auth ? `Authorization: Digest username="alice", realm="test", nonce="n1", uri="sip:127.0.0.1", response="00"\r\n` : '') +
  `Content-Length: 0\r\n\r\n`;

function open(url: string, opts: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'sip', opts);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
}

function exchange(ws: WebSocket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within 5 s to:\n${text}`)), 5000);
    ws.once('message', (d) => {
      clearTimeout(t);
      resolve(d.toString());
    });
    ws.send(text);
  });
}

for (const workers of [1, 2]) {
  describe(`SIP over ws and wss, a server process with ${workers} worker(s)`, () => {
    let pki: TestPki;
    let server: ServerProcess;
    let wsPort = 0;
    let wssPort = 0;
    before(async () => {
      pki = makeTestPki();
      const cert = pki.server('server', ['127.0.0.1']);
      const dir = mkdtempSync(join(tmpdir(), 'ksr-ws-'));
      const file = join(dir, 'ws.lua');
      writeFileSync(file, script);
      wsPort = await freePort();
      wssPort = await freePort();
      server = await startServerProcess({
        script: file,
        workers,
        extraArgs: ['--listen', `ws:127.0.0.1:${wsPort}`, '--listen', `wss:127.0.0.1:${wssPort}`],
        config: () => ({
          tls: { certificate: cert.cert, private_key: cert.key },
          websocket: { allowed_origins: ['https://phone.example.com'], keepalive_interval_ms: 1000 },
        }),
      });
    });
    after(async () => {
      await server?.stop();
      pki?.remove();
    });

    test('REGISTER over ws: 401, then 200; the script sees ws', async () => {
      const ws = await open(`ws://127.0.0.1:${wsPort}`);
      try {
        const first = await exchange(ws, register('w1', 1, false));
        assert.match(first, /^SIP\/2\.0 401 Unauthorized\r\n/);
        assert.match(first, /X-Seen: ws ws=true wss=false si=127\.0\.0\.1/);
        const second = await exchange(ws, register('w1', 2, true));
        assert.match(second, /^SIP\/2\.0 200 OK\r\n/);
        // RFC 7118 §5: the Via of the reply keeps the client's sent-by, with received (the TCP peer)
        assert.match(second, /Via: SIP\/2\.0\/WSS df7jal23ls0d\.invalid;branch=z9hG4bKw12;received=127\.0\.0\.1/);
      } finally {
        ws.close();
      }
    });

    test('REGISTER over wss (the test CA): 401, then 200; the script sees wss', async () => {
      const ws = await open(`wss://127.0.0.1:${wssPort}`, { ca: readFileSync(pki.caCert), origin: 'https://phone.example.com' });
      try {
        assert.match(await exchange(ws, register('s1', 1, false)), /^SIP\/2\.0 401 [^]*X-Seen: wss ws=false wss=true/);
        assert.match(await exchange(ws, register('s1', 2, true)), /^SIP\/2\.0 200 OK\r\n/);
      } finally {
        ws.close();
      }
    });

    test('an Origin not in websocket.allowed_origins is refused with 403', async () => {
      await assert.rejects(open(`ws://127.0.0.1:${wsPort}`, { origin: 'https://evil.example.com' }), (e: { status: number }) => e.status === 403);
    });

    test('kemi.stats transport shows the open WebSocket connections and the refusals', async () => {
      const ws = await open(`ws://127.0.0.1:${wsPort}`);
      try {
        await exchange(ws, register('k1', 1, false));
        const t = (await server.rpc('kemi.stats')).result.transport;
        assert.equal(t.wsConnectionsOpen, 1, JSON.stringify(t));
        assert.ok(t.wsHandshakeRefused >= 1, JSON.stringify(t));
      } finally {
        ws.close();
      }
    });
  });
}
