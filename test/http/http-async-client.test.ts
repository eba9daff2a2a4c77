// KSR.http_async_client.* through the Dispatcher: the query leaves at once, the answer runs
// the named route (in the resumed transaction, or on a copy of the request without one).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readPv } from '../../host/core/pv.js';
import type { MsgContext } from '../../host/core/context.js';
import type { HttpAsyncState } from '../../host/http/async-state.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js';

let srv: TestHttpServer;
before(async () => {
  srv = await startTestHttpServer();
});
after(() => srv.close());

const PVS = ['$http_ok', '$http_err', '$http_rs', '$http_rr', '$http_rb', '$http_bs', '$http_hdr(X-Test)', '$(http_hdr(X-Test)[1])', '$http_req_id', '$http_ml'];

function setup(config?: Record<string, unknown>) {
  const core = new RecordingCore(undefined, 2, config ? { moduleConfig: { ...TEST_MODULE_CONFIG, http_async_client: config } } : {});
  const ctx = makeContext('invite', { core });
  const seen: Array<{ routeType: string; pvs: Record<string, unknown>; arg?: string; ctx: MsgContext }> = [];
  core.routes.set('HTTP_REPLY', (c, arg) => {
    const pvs: Record<string, unknown> = {};
    for (const n of PVS) {
      const r = readPv(c, n);
      pvs[n] = r.ok ? r.value : `error ${r.error}`;
    }
    seen.push({ routeType: c.routeType, pvs, arg, ctx: c });
  });
  const state = core.modules.get<HttpAsyncState>('http_async_client');
  return { core, ctx, ksr: ksrOn(ctx), seen, state };
}

test('query in a transaction: 0, suspended, resumed in the route with the answer', async () => {
  const { core, ctx, ksr, seen, state } = setup();
  assert.equal(ksr('tm.t_newtran'), 1);
  assert.equal(ksr('http_async_client.query', `${srv.base}/hdrs`, 'HTTP_REPLY'), 0);
  const t = core.tm.transactionOf(ctx)!;
  assert.equal(t.suspended, true);
  assert.equal(seen.length, 0, 'nothing ran yet: the answer has not come');
  const id = readPv(ctx, '$http_req_id');
  assert.ok(id.ok && /^\d+-1$/.test(String(id.value)));
  await state.whenIdle();
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.routeType, 'failure', 't_continue runs the route as tm resumes it');
  assert.equal(t.suspended, false);
  const p = seen[0]!.pvs;
  assert.deepEqual([p.$http_ok, p.$http_err, p.$http_rs, p.$http_rr, p.$http_rb, p.$http_bs], [1, null, 200, 'Fine', 'h', 1]);
  assert.equal(p['$http_hdr(X-Test)'], 'one');
  assert.equal(p['$(http_hdr(X-Test)[1])'], 'two');
  assert.equal(p.$http_req_id, (id as { value: unknown }).value);
  assert.ok(typeof p.$http_ml === 'number' && p.$http_ml > 20);
});

test('without a transaction (or suspend = 0) the script goes on: 1; the route runs later on a copy', async () => {
  const { ctx, ksr, seen, state } = setup();
  assert.equal(ksr('http_async_client.query', `${srv.base}/json`, 'HTTP_REPLY'), 1);
  await state.whenIdle();
  assert.equal(seen.length, 1);
  assert.notEqual(seen[0]!.ctx, ctx);
  assert.equal(seen[0]!.pvs.$http_rb, '{"route":"sip:alice@10.0.0.1",\n"carrier":"c1"}', 'the whole body');
  assert.equal(ksr('tm.t_newtran'), 1);
  assert.equal(ksr('pv.seti', '$http_req(suspend)', 0), true);
  assert.equal(ksr('http_async_client.query', `${srv.base}/json`, 'HTTP_REPLY'), 1);
  assert.equal(ctx.core.tm.transactionOf(ctx)!.suspended, false);
  await state.whenIdle();
  assert.equal(seen.length, 2);
});

test('$http_req sets method, body, headers, timeout for the next query only', async () => {
  const { ksr, seen, state } = setup();
  assert.equal(ksr('pv.sets', '$http_req(method)', 'PUT'), true);
  assert.equal(ksr('pv.sets', '$http_req(body)', '{"a":1}'), true);
  assert.equal(ksr('pv.sets', '$http_req(hdr)', 'Content-Type: application/json'), true);
  assert.equal(ksr('pv.sets', '$http_req(hdr)', 'X-Foo: bar'), true);
  assert.equal(ksr('http_async_client.query', `${srv.base}/echo`, 'HTTP_REPLY'), 1);
  assert.equal(ksr('http_async_client.query', `${srv.base}/echo`, 'HTTP_REPLY'), 1);
  await state.whenIdle();
  const [first, second] = seen.map((s) => JSON.parse(String(s.pvs.$http_rb)));
  assert.deepEqual([first.method, first.body, first.headers['content-type'], first.headers['x-foo']], ['PUT', '{"a":1}', 'application/json', 'bar']);
  assert.deepEqual([second.method, second.body, second.headers['x-foo']], ['GET', '', undefined], 'parameters are reset after a query');
  assert.equal(ksr('pv.sets', '$http_req(method)', 'TRACE'), false);
  assert.equal(ksr('pv.sets', '$http_req(nope)', 'x'), false);
  assert.equal(ksr('pv.sets', '$http_req(timeout)', '100'), false, 'timeout takes an integer');
});

test('errors reach the route: $http_ok 0, $http_err set, $http_rs $null; timeout from $http_req(timeout)', async () => {
  const { ksr, seen, state } = setup();
  assert.equal(ksr('http_async_client.query', 'http://127.0.0.1:1/', 'HTTP_REPLY'), 1);
  assert.equal(ksr('pv.seti', '$http_req(timeout)', 100), true);
  const t0 = performance.now();
  assert.equal(ksr('http_async_client.query', `${srv.base}/slow?ms=2000`, 'HTTP_REPLY'), 1);
  assert.ok(performance.now() - t0 < 50, 'the call does not wait');
  assert.equal(ksr('http_async_client.query', 'file:///etc/passwd', 'HTTP_REPLY'), 1);
  assert.equal(ksr('http_async_client.query', `http://127.0.0.1:${srv.garbagePort}/`, 'HTTP_REPLY'), 1);
  await state.whenIdle();
  assert.equal(seen.length, 4);
  for (const s of seen) {
    assert.equal(s.pvs.$http_ok, 0);
    assert.equal(typeof s.pvs.$http_err, 'string');
    assert.equal(s.pvs.$http_rs, null);
  }
  assert.ok(seen.some((s) => String(s.pvs.$http_err).includes('ECONNREFUSED')));
  assert.ok(seen.some((s) => String(s.pvs.$http_err).includes('100 ms')));
  assert.ok(seen.some((s) => String(s.pvs.$http_err).includes("scheme 'file'")));
});

test('bad arguments: -1 (empty URL, unknown route); PVs outside the route are $null', () => {
  const { ctx, ksr } = setup();
  assert.equal(ksr('http_async_client.query', '', 'HTTP_REPLY'), -1);
  assert.equal(ksr('http_async_client.query', `${srv.base}/json`, 'NO_SUCH_ROUTE'), -1);
  const r = readPv(ctx, '$http_rs');
  assert.ok(r.ok && r.value === null);
  assert.ok(ctx.core.logs.some((l) => l.text.includes("no route named 'NO_SUCH_ROUTE'")));
});

test('send never suspends; send_xdata hands xdata to the route', async () => {
  const { ksr, seen, state, core, ctx } = setup();
  assert.equal(ksr('tm.t_newtran'), 1);
  assert.equal(ksr('http_async_client.send', `${srv.base}/lines`, 'HTTP_REPLY'), 1);
  assert.equal(core.tm.transactionOf(ctx)!.suspended, false);
  assert.equal(ksr('http_async_client.send_xdata', `${srv.base}/lines`, 'HTTP_REPLY', 'my-data'), 1);
  await state.whenIdle();
  assert.equal(seen.length, 2);
  assert.equal(seen[1]!.arg, 'my-data');
  assert.equal(seen[0]!.pvs.$http_rb, 'first line\nsecond line\n');
});

test('config: connection_timeout default 500 ms, bad keys named', () => {
  assert.equal(setup().state.settings.timeoutMs, 500);
  assert.equal(setup({ connection_timeout: 1000 }).state.settings.timeoutMs, 1000);
  assert.throws(() => setup({ connection_timeout: -1 }), /modules\.http_async_client\.connection_timeout: expected an integer/);
  assert.throws(() => setup({ tls_client_cert: '/x' }), /not supported/);
  assert.throws(() => setup({ nope: 1 }), /unknown modparam/);
});
