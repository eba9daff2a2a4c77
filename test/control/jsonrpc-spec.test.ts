// Issue 12: JSON-RPC 2.0 as the specification's own examples show it
// (https://www.jsonrpc.org/specification, section 7), on an RpcServer in this process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { RpcError, RpcServer } from '../../host/control/rpc-server.js';
import { INVALID_PARAMS } from '../../host/control/jsonrpc.js';
import { freePort } from '../support/ports.js';

const server = new RpcServer({ token: 'spec-test-token-0123456789' });
let port = 0;
const notified: unknown[] = [];
before(async () => {
  const subtract = (p: unknown) => {
    const [a, b] = Array.isArray(p) ? p : [(p as { minuend?: unknown })?.minuend, (p as { subtrahend?: unknown })?.subtrahend];
    if (typeof a !== 'number' || typeof b !== 'number') throw new RpcError(INVALID_PARAMS, `subtract: expected two numbers, got ${JSON.stringify(p)}`);
    return a - b;
  };
  server.register('subtract', subtract, { readOnly: true, help: 'subtract A B: A - B' });
  server.register('sum', (p) => (p as number[]).reduce((n, x) => n + x, 0), { readOnly: true });
  server.register('get_data', () => ['hello', 5], { readOnly: true });
  for (const m of ['update', 'notify_hello', 'notify_sum']) server.register(m, (p) => void notified.push([m, p]), { readOnly: true });
  port = await freePort();
  await server.listen('127.0.0.1', port);
});
after(() => server.close());

async function rpc(body: string): Promise<{ status: number; text: string; json: any }> {
  const r = await request(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const text = await r.body.text();
  return { status: r.statusCode, text, json: text === '' ? undefined : JSON.parse(text) };
}

test('positional and named parameters', async () => {
  assert.deepEqual((await rpc('{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}')).json, { jsonrpc: '2.0', result: 19, id: 1 });
  assert.deepEqual((await rpc('{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}')).json, { jsonrpc: '2.0', result: 19, id: 3 });
  assert.equal((await rpc('{"jsonrpc": "2.0", "method": "subtract", "params": ["x"], "id": 4}')).json.error.code, -32602);
});

test('notifications: no answer (HTTP 204, no body), but they run', async () => {
  const r = await rpc('{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}');
  assert.deepEqual([r.status, r.text], [204, '']);
  assert.deepEqual(notified.at(-1), ['update', [1, 2, 3, 4, 5]]);
  assert.equal((await rpc('{"jsonrpc": "2.0", "method": "foobar"}')).status, 204, 'even an unknown method');
});

test('errors: -32601, -32700, -32600, a batch of invalid JSON, an empty batch, invalid batches', async () => {
  assert.equal((await rpc('{"jsonrpc": "2.0", "method": "foobar", "id": "1"}')).json.error.code, -32601);
  const parse = (await rpc('{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]')).json;
  assert.deepEqual([parse.error.code, parse.id], [-32700, null]);
  assert.deepEqual([(await rpc('{"jsonrpc": "2.0", "method": 1, "params": "bar"}')).json.error.code], [-32600]);
  assert.equal((await rpc('[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},{"jsonrpc": "2.0", "method"]')).json.error.code, -32700);
  const empty = (await rpc('[]')).json;
  assert.equal(Array.isArray(empty), false, 'an empty batch: one error, not an array');
  assert.equal(empty.error.code, -32600);
  assert.deepEqual((await rpc('[1]')).json.map((a: any) => [a.error.code, a.id]), [[-32600, null]]);
  assert.deepEqual((await rpc('[1,2,3]')).json.map((a: any) => a.error.code), [-32600, -32600, -32600]);
});

test('a mixed batch: an answer per call with an id, none for the notifications', async () => {
  const r = await rpc(`[
    {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
    {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
    {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
    {"foo": "boo"},
    {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
    {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
  ]`);
  assert.deepEqual(r.json, [
    { jsonrpc: '2.0', result: 7, id: '1' },
    { jsonrpc: '2.0', result: 19, id: '2' },
    { jsonrpc: '2.0', id: null, error: r.json[2].error },
    { jsonrpc: '2.0', id: '5', error: r.json[3].error },
    { jsonrpc: '2.0', result: ['hello', 5], id: '9' },
  ]);
  assert.deepEqual([r.json[2].error.code, r.json[3].error.code], [-32600, -32601]);
  const all = await rpc('[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]}, {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]');
  assert.deepEqual([all.status, all.text], [204, '']);
});

test('system.listMethods, system.methodHelp; a notification of a method that needs the token does not run', async () => {
  assert.deepEqual((await rpc('{"jsonrpc":"2.0","method":"system.listMethods","id":1}')).json.result, ['get_data', 'notify_hello', 'notify_sum', 'subtract', 'sum', 'system.listMethods', 'system.methodHelp', 'update']);
  assert.equal((await rpc('{"jsonrpc":"2.0","method":"system.methodHelp","params":["subtract"],"id":1}')).json.result, 'subtract A B: A - B');
  assert.match((await rpc('{"jsonrpc":"2.0","method":"system.methodHelp","params":["sum"],"id":1}')).json.result, /no help given/);
  let ran = 0;
  server.register('guarded', () => ++ran);
  assert.equal((await rpc('{"jsonrpc":"2.0","method":"guarded"}')).status, 204);
  assert.equal(ran, 0);
  assert.throws(() => server.alias('x', 'no.such'), /alias x: no method no\.such registered/);
});
