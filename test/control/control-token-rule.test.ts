// Issue 12: the control token rule, and /ready's refusal. Listening beyond loopback needs a
// token (a server without one refuses to listen there), and then every method and page needs
// it; on loopback reads and pages need none. /ready answers 503 with its reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RpcServer } from '../../host/control/rpc-server.js';
import { readyPage, probeStore } from '../../host/control/health.js';
import { startServerProcess } from '../support/server-process.js';
import { freePort } from '../support/ports.js';
import { post, rawHttp } from './raw-http.js';

const SCRIPT = `function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n`;

function scriptFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-token-')), 'route.js');
  writeFileSync(file, SCRIPT);
  return file;
}

const get = (port: number, path: string, token?: string) =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}Connection: close\r\n\r\n`;

test('an endpoint without a token refuses to listen beyond loopback, and says why', async () => {
  const port = await freePort();
  const bare = new RpcServer();
  await assert.rejects(bare.listen('0.0.0.0', port), /0\.0\.0\.0:\d+: listening beyond loopback needs a control token/);
  await bare.close();
  const withToken = new RpcServer({ token: 'a-token-of-enough-length-0123' });
  await withToken.listen('0.0.0.0', port);
  await withToken.close();
  const local = new RpcServer();
  await local.listen('127.0.0.1', port);
  await local.close();
});

test('beyond loopback every method and every page needs the token; with it they answer', async () => {
  const controlPort = await freePort();
  for (const workers of [1, 2]) {
    const s = await startServerProcess({ script: scriptFile(), workers, extraArgs: ['--control', `0.0.0.0:${controlPort}`] });
    try {
      for (const path of ['/metrics', '/health', '/ready']) {
        const refused = await rawHttp(controlPort, [get(controlPort, path)]);
        assert.equal(refused.status, 401, `${path} without the token, workers ${workers}`);
        assert.equal(refused.json.error.code, -32001);
        assert.equal((await rawHttp(controlPort, [get(controlPort, path, `${s.token()}x`)])).status, 401, `${path}: a wrong token`);
        assert.equal((await rawHttp(controlPort, [get(controlPort, path, s.token())])).status, 200, `${path} with the token, workers ${workers}`);
      }
      for (const method of ['system.listMethods', 'core.uptime', 'stats.get_statistics']) {
        const body = JSON.stringify({ jsonrpc: '2.0', method, id: 1 });
        assert.equal((await rawHttp(controlPort, [post(controlPort, body)])).status, 401, method);
        const ok = await rawHttp(controlPort, [post(controlPort, body, { authorization: `Bearer ${s.token()}` })]);
        assert.equal(ok.status, 200, method);
        assert.equal(ok.json.error, undefined, `${method}: ${JSON.stringify(ok.json.error)}`);
      }
    } finally {
      await s.stop();
    }
  }
});

test('/ready: 503 with a JSON reason per failed check; the store probe times and survives a failing ping', async () => {
  const down = await readyPage({ script: async () => 'the runtime is not in service', store: () => probeStore({ ping: () => { throw new Error('connection refused'); } }) });
  assert.equal(down.status, 503);
  assert.equal(down.contentType, 'application/json');
  assert.deepEqual(JSON.parse(down.body), { status: 'not ready', reasons: ['script: the runtime is not in service', 'store: it did not answer a ping'] });
  const up = await readyPage({ script: async () => null, store: () => probeStore({ ping() {} }) });
  assert.deepEqual([up.status, JSON.parse(up.body)], [200, { status: 'ready' }]);
  const probe = probeStore({ ping() {} });
  assert.ok(probe.up && probe.seconds >= 0 && probe.seconds < 1);
});
