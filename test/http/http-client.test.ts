// KSR.http_client.* through the Dispatcher against a local HTTP server (in a worker thread:
// the synchronous calls block this one).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readPv } from '../../host/core/pv.js';
import { BREAKER_FAILURES } from '../../host/http/sync-fetch.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js';

let srv: TestHttpServer;
before(async () => {
  srv = await startTestHttpServer();
});
after(() => srv.close());

function withConfig(http_client: Record<string, unknown>) {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, http_client } });
  const ctx = makeContext('invite', { core });
  return { ctx, ksr: ksrOn(ctx), core };
}
const pv = (ctx: ReturnType<typeof makeContext>, name: string) => {
  const r = readPv(ctx, name);
  return r.ok ? r.value : `error: ${r.error}`;
};

test('query: the status is returned, the first line of the body stored (query_result 1)', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('http_client.query', `${srv.base}/json`, '$var(r)'), 200);
  assert.equal(pv(ctx, '$var(r)'), '{"route":"sip:alice@10.0.0.1",');
  assert.equal(ksr('http_client.query', `${srv.base}/status/404`, '$var(r)'), 404);
  assert.equal(pv(ctx, '$var(r)'), 'status 404', '4xx bodies are kept');
  assert.equal(ksr('http_client.query', `${srv.base}/status/503`, '$var(r)'), 503);
  assert.equal(pv(ctx, '$var(r)'), '', '5xx bodies are not');
});

test('query_result 0 keeps the whole body; query_maxdatasize cuts it', () => {
  const { ctx, ksr } = withConfig({ query_result: 0 });
  assert.equal(ksr('http_client.query', `${srv.base}/json`, '$var(r)'), 200);
  assert.deepEqual(JSON.parse(String(pv(ctx, '$var(r)'))), { route: 'sip:alice@10.0.0.1', carrier: 'c1' });
  const cut = withConfig({ query_result: 0, query_maxdatasize: 10 });
  assert.equal(cut.ksr('http_client.query', `${srv.base}/huge?n=5000000`, '$var(r)'), 200);
  assert.equal(pv(cut.ctx, '$var(r)'), 'x'.repeat(10));
});

test('failures return libcurl codes: refused 7, timeout 28, not HTTP 1, bad scheme 1, malformed 3; bad PV -1', () => {
  const { ctx, ksr, core } = withConfig({ connection_timeout: 300, timeout_mode: 2 });
  assert.equal(ksr('http_client.query', 'http://127.0.0.1:1/x', '$var(r)'), 7);
  assert.equal(pv(ctx, '$var(r)'), '');
  const t0 = performance.now();
  assert.equal(ksr('http_client.query', `${srv.base}/slow?ms=2000`, '$var(r)'), 28);
  const blocked = performance.now() - t0;
  assert.ok(blocked >= 280 && blocked < 800, `a slow server costs the timeout, not more (${blocked} ms)`);
  assert.equal(ksr('http_client.query', `http://127.0.0.1:${srv.garbagePort}/`, '$var(r)'), 1);
  assert.equal(ksr('http_client.query', 'file:///etc/passwd', '$var(r)'), 1);
  assert.equal(ksr('http_client.query', 'gopher://127.0.0.1/', '$var(r)'), 1);
  assert.equal(ksr('http_client.query', 'http://[bad', '$var(r)'), 3);
  assert.equal(ksr('http_client.query', '', '$var(r)'), 3);
  assert.equal(ksr('http_client.query', `${srv.base}/json`, '$si'), -1, 'read-only PV');
  assert.equal(ksr('http_client.query', `${srv.base}/json`, 'nope'), -1);
  assert.ok(core.logs.some((l) => l.text.includes('KSR.http_client.query: expected a writable PV')));
  assert.ok(core.logs.some((l) => l.text.includes("scheme 'file' is not supported")));
});

test('breaker: after repeated failures to one origin the call fails at once', async () => {
  const other = await startTestHttpServer();
  try {
    const { ksr } = withConfig({ connection_timeout: 150, timeout_mode: 2 });
    const url = `${other.base}/slow?ms=1000`;
    for (let i = 0; i < BREAKER_FAILURES; i++) assert.equal(ksr('http_client.query', url, '$var(r)'), 28);
    const t0 = performance.now();
    assert.equal(ksr('http_client.query', `${other.base}/json`, '$var(r)'), 28, 'same origin: failing fast');
    assert.ok(performance.now() - t0 < 50);
    assert.equal(ksr('http_client.query', `${srv.base}/json`, '$var(r)'), 200, 'other origins are not affected');
  } finally {
    await other.close();
  }
});

test('query_post posts form data; query_post_hdrs adds headers; get_hdrs sends GET with a body', () => {
  const { ctx, ksr } = withConfig({ query_result: 0, useragent: 'test-agent' });
  assert.equal(ksr('http_client.query_post', `${srv.base}/echo`, 'a=1', '$var(r)'), 200);
  let e = JSON.parse(String(pv(ctx, '$var(r)')));
  assert.equal(e.method, 'POST');
  assert.equal(e.body, 'a=1');
  assert.equal(e.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(e.headers['user-agent'], 'test-agent');
  assert.equal(ksr('http_client.query_post_hdrs', `${srv.base}/echo`, '{"x":1}', 'Content-Type: application/json\r\nX-Call: abc', '$var(r)'), 200);
  e = JSON.parse(String(pv(ctx, '$var(r)')));
  assert.equal(e.headers['content-type'], 'application/json');
  assert.equal(e.headers['x-call'], 'abc');
  assert.equal(ksr('http_client.get_hdrs', `${srv.base}/echo`, 'q', 'X-A: 1', '$var(r)'), 200);
  e = JSON.parse(String(pv(ctx, '$var(r)')));
  assert.equal(e.method, 'GET');
  assert.equal(e.body, 'q');
  assert.equal(ksr('http_client.query_post_hdrs', `${srv.base}/echo`, '', 'not a header', '$var(r)'), -1);
  assert.equal(ksr('http_client.query_post', `${srv.base}/echo`, '', '$var(r)'), 200);
  assert.equal(JSON.parse(String(pv(ctx, '$var(r)'))).method, 'GET', 'an empty body is none');
});

// query_request_v2pk (HTTP/2 with prior knowledge) is tested in http-client-v2pk.test.ts
test('query_request uses the method given', () => {
  const { ctx, ksr } = withConfig({ query_result: 0 });
  assert.equal(ksr('http_client.query_request', 'PUT', `${srv.base}/echo`, 'b', 'X-B: 2', '$var(r)'), 200);
  const e = JSON.parse(String(pv(ctx, '$var(r)')));
  assert.deepEqual([e.method, e.body, e.headers['x-b']], ['PUT', 'b', '2']);
  assert.equal(ksr('http_client.query_request', 'DELETE', `${srv.base}/echo`, '', '', '$var(r)'), 200);
  assert.equal(JSON.parse(String(pv(ctx, '$var(r)'))).method, 'DELETE');
});

test('redirects: not followed by default (302 returned), followed with httpredirect', () => {
  const url = `${srv.base}/redirect?to=${encodeURIComponent(`${srv.base}/lines`)}`;
  const plain = withConfig({});
  assert.equal(plain.ksr('http_client.query', url, '$var(r)'), 302);
  const follow = withConfig({ httpredirect: 1 });
  assert.equal(follow.ksr('http_client.query', url, '$var(r)'), 200);
  assert.equal(pv(follow.ctx, '$var(r)'), 'first line');
  const toFile = `${srv.base}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`;
  assert.equal(follow.ksr('http_client.query', toFile, '$var(r)'), 1, 'a redirect to another scheme is refused');
});

test('curl_connect and curl_connect_post use named connections; failover; unknown name -1', () => {
  const { ctx, ksr } = withConfig({
    httpcon: [`api=>${srv.base}`, `down=>http://127.0.0.1:1;failover=api`, `small=>127.0.0.1:${srv.port};maxdatasize=5`],
  });
  assert.equal(ksr('http_client.curl_connect', 'api', '/json', '$var(r)'), 200);
  assert.deepEqual(JSON.parse(String(pv(ctx, '$var(r)'))).carrier, 'c1', 'whole body for connections');
  assert.equal(ksr('http_client.curl_connect', 'small', 'lines', '$var(r)'), 200);
  assert.equal(pv(ctx, '$var(r)'), 'first');
  assert.equal(ksr('http_client.curl_connect_post', 'api', 'echo', 'application/json', '{"a":1}', '$var(r)'), 200);
  const e = JSON.parse(String(pv(ctx, '$var(r)')));
  assert.deepEqual([e.method, e.body, e.headers['content-type'], e.url], ['POST', '{"a":1}', 'application/json', '/echo']);
  assert.equal(ksr('http_client.curl_connect', 'down', 'json', '$var(r)'), 200, 'failover answered');
  assert.equal(ksr('http_client.curl_connect', 'nope', 'json', '$var(r)'), -1);
});

test('$curlerror and $httprhdr', () => {
  const { ctx, ksr } = withConfig({ response_headers: 1 });
  assert.equal(pv(ctx, '$curlerror(28)'), 'Timeout was reached');
  assert.equal(pv(ctx, '$curlerror(7)'), "Couldn't connect to server");
  assert.equal(ksr('http_client.query', `${srv.base}/hdrs`, '$var(r)'), 200);
  assert.equal(pv(ctx, '$httprhdr(X-Test)'), 'one');
});

test('bad config names the key', () => {
  const bad = (http_client: unknown) => () => new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, http_client } });
  assert.throws(bad({ connection_timeout: 'x' }), /modules\.http_client\.connection_timeout: expected an integer/);
  assert.throws(bad({ httpproxy: 'p' }), /modules\.http_client\.httpproxy: not supported/);
  assert.throws(bad({ httpcon: 'nameonly' }), /modules\.http_client\.httpcon: expected "name=>url"/);
  assert.throws(bad({ httpcon: ['a=>ftp://x'] }), /only http:\/\/ and https:\/\//);
  assert.throws(bad({ httpcon: ['a=>h;failover=b'] }), /fails over to 'b'/);
  assert.throws(bad({ bogus: 1 }), /unknown modparam/);
});
