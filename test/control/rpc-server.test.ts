import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { RpcError, RpcServer } from '../../host/control/rpc-server.js';
import { freePort } from '../support/ports.js';

const server = new RpcServer();
let port = 0;
before(async () => {
  server.register('echo', (p) => p);
  server.register('boom', () => { throw new RpcError(-32001, 'nope'); });
  port = await freePort();
  await server.listen('127.0.0.1', port);
});
after(() => server.close());

async function post(body: string) {
  const r = await request(`http://127.0.0.1:${port}/RPC`, { method: 'POST', body });
  return (await r.body.json()) as any;
}

test('JSON-RPC 2.0 result, error, unknown method, parse error', async () => {
  assert.deepEqual(await post(JSON.stringify({ jsonrpc: '2.0', method: 'echo', params: [1], id: 7 })), { jsonrpc: '2.0', id: 7, result: [1] });
  assert.deepEqual((await post(JSON.stringify({ jsonrpc: '2.0', method: 'boom', id: 1 }))).error, { code: -32001, message: 'nope' });
  assert.equal((await post(JSON.stringify({ jsonrpc: '2.0', method: 'nosuch', id: 1 }))).error.code, -32601);
  assert.equal((await post('{not json')).error.code, -32700);
});
