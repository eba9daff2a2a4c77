// The control endpoint's protocol and checks, on an RpcServer in this process (the same
// attacks against a real server process are in control-endpoint.test.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { RpcError, RpcServer } from '../../host/control/rpc-server.js';
import { MAX_BATCH } from '../../host/control/jsonrpc.js';
import { splitHostHeader } from '../../host/control/request-checks.js';
import { tokenMatches } from '../../host/control/control-token.js';
import { freePort } from '../support/ports.js';

const TOKEN = 'unit-test-token-0123456789';
const server = new RpcServer({ token: TOKEN });
let port = 0;
let reads = 0;
let writes = 0;
before(async () => {
  server.register('echo', (p) => p, { readOnly: true });
  server.register('count', () => ++reads, { readOnly: true });
  server.register('change', () => ++writes);
  server.register('boom', () => { throw new RpcError(-32050, 'nope'); }, { readOnly: true });
  server.register('throws-null', () => { throw null; }, { readOnly: true });
  server.register('rejects', () => Promise.reject(new Error('async failure')), { readOnly: true });
  port = await freePort();
  await server.listen('127.0.0.1', port);
});
after(() => server.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const r = await request(`http://127.0.0.1:${port}/RPC`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const text = await r.body.text();
  return { status: r.statusCode, body: JSON.parse(text) as any };
}

const call = (method: string, extra: object = {}) => JSON.stringify({ jsonrpc: '2.0', method, id: 7, ...extra });

test('JSON-RPC 2.0 result, error, unknown method, parse error', async () => {
  assert.deepEqual((await post(call('echo', { params: [1] }))).body, { jsonrpc: '2.0', id: 7, result: [1] });
  assert.deepEqual((await post(call('boom'))).body.error, { code: -32050, message: 'nope' });
  assert.equal((await post(call('nosuch'))).body.error.code, -32601);
  assert.equal((await post('{not json')).body.error.code, -32700);
  assert.equal((await post(call('throws-null'))).body.error.code, -32000);
  assert.equal((await post(call('rejects'))).body.error.message, 'async failure');
});

test('malformed calls: each an "invalid request" error with the id when there is one', async () => {
  for (const body of ['null', '1', '"x"', 'true', '{}', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","method":5,"id":3}', '{"jsonrpc":"1.0","method":"echo","id":3}', '{"jsonrpc":"2.0","method":"echo","params":"str","id":3}', '{"jsonrpc":"2.0","method":"echo","id":{"x":1}}']) {
    const r = await post(body);
    assert.equal(r.status, 200, body);
    assert.equal(r.body.error?.code, -32600, `${body}: ${JSON.stringify(r.body)}`);
  }
  assert.equal((await post('{"jsonrpc":"2.0","method":5,"id":3}')).body.id, 3);
  assert.equal((await post('{"jsonrpc":"2.0","method":"echo","id":{"x":1}}')).body.id, null);
});

test('batches: one answer per element, junk elements get -32600, empty and oversized batches are refused', async () => {
  const r = await post(JSON.stringify([{ jsonrpc: '2.0', method: 'echo', params: ['a'], id: 1 }, null, 5, [], { jsonrpc: '2.0', id: 2 }, { jsonrpc: '2.0', method: 'nosuch', id: 3 }]));
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 6);
  assert.deepEqual(r.body[0], { jsonrpc: '2.0', id: 1, result: ['a'] });
  assert.deepEqual(r.body.slice(1, 5).map((a: any) => a.error.code), [-32600, -32600, -32600, -32600]);
  assert.equal(r.body[5].error.code, -32601);
  assert.equal((await post('[]')).body.error.code, -32600);
  const big = await post(JSON.stringify(Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ jsonrpc: '2.0', method: 'count', id: i }))));
  assert.equal(big.body.error.code, -32600);
  assert.equal(reads, 0, 'no element of a refused batch ran');
});

test('token: read-only methods without it on loopback; state-changing ones need it, compared exactly', async () => {
  assert.deepEqual((await post(call('echo', { params: [1] }))).body.result, [1]);
  const noToken = await post(call('change'));
  assert.equal(noToken.status, 401);
  assert.equal(noToken.body.error.code, -32001);
  const wrong = await post(call('change'), { authorization: `Bearer ${TOKEN}x` });
  assert.equal(wrong.status, 401);
  assert.equal(writes, 0);
  const right = await post(call('change'), { authorization: `Bearer ${TOKEN}` });
  assert.deepEqual([right.status, right.body.result], [200, 1]);
  // in a batch, per element
  const mixed = await post(JSON.stringify([{ jsonrpc: '2.0', method: 'change', id: 1 }, { jsonrpc: '2.0', method: 'echo', params: { v: 2 }, id: 2 }]));
  assert.deepEqual(mixed.body.map((a: any) => a.error?.code ?? a.result.v), [-32001, 2]);
  assert.equal(writes, 1);
  assert.equal(tokenMatches('abc', 'abc'), true);
  assert.equal(tokenMatches('abc', 'abd'), false);
  assert.equal(tokenMatches('abc', null), false);
});

test('Host header forms', () => {
  assert.deepEqual(splitHostHeader('127.0.0.1:5080'), { host: '127.0.0.1', port: 5080 });
  assert.deepEqual(splitHostHeader('[::1]:5080'), { host: '::1', port: 5080 });
  assert.deepEqual(splitHostHeader('LocalHost'), { host: 'localhost', port: null });
  assert.equal(splitHostHeader('evil.com/x'), null);
  assert.equal(splitHostHeader('a@b:1'), null);
});
