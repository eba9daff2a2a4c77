// KSR.http_client.query_request_v2pk: HTTP/2 with prior knowledge over cleartext (curl's
// CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE), against a local h2c server, through the Dispatcher.
// Codes as curl 7.88.1 (nghttp2 1.52) gives them, measured with `curl --http2-prior-knowledge`:
// 7 for a closed port, 28 for a timeout, 52 when the peer speaks HTTP/1.1 (or nothing).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readPv } from '../../host/core/pv.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { startTestH2cServer, type TestH2cServer } from './test-h2c-server.js';
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js';
import { freePort } from '../support/ports.js';

let h2: TestH2cServer;
let h1: TestHttpServer;
before(async () => {
  h2 = await startTestH2cServer();
  h1 = await startTestHttpServer();
});
after(async () => {
  await h2.close();
  await h1.close();
});

function withConfig(http_client: Record<string, unknown>) {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, http_client } });
  const ctx = makeContext('invite', { core });
  return { ctx, ksr: ksrOn(ctx), core };
}
const pv = (ctx: ReturnType<typeof makeContext>, name: string) => {
  const r = readPv(ctx, name);
  return r.ok ? r.value : `error: ${r.error}`;
};
const v2pk = (ksr: ReturnType<typeof ksrOn>, method: string, url: string, body = '', hdrs = '') =>
  ksr('http_client.query_request_v2pk', method, url, body, hdrs, '$var(r)');

test('a JSON answer over h2c: 200, the body stored, HTTP/2 at once (no Upgrade)', () => {
  const { ctx, ksr } = withConfig({ query_result: 0 });
  assert.equal(v2pk(ksr, 'GET', `${h2.base}/json`), 200);
  assert.equal(pv(ctx, '$var(r)'), '{"route":"sip:alice@10.0.0.1","carrier":"c1"}');
  assert.equal(v2pk(ksr, 'POST', `${h2.base}/echo`, '{"a":1}', 'Content-Type: application/json\r\nX-A: 1'), 200);
  const e = JSON.parse(String(pv(ctx, '$var(r)')));
  assert.equal(e.version, '2.0');
  assert.equal(e.method, 'POST');
  assert.equal(e.body, '{"a":1}');
  assert.equal(e.headers['x-a'], '1');
  assert.equal(e.headers['content-type'], 'application/json');
  assert.equal(e.headers.upgrade, undefined);
  assert.match(e.headers['user-agent'], /./);
});

test('the session to an origin is reused across requests', () => {
  const { ctx, ksr } = withConfig({ query_result: 0 });
  assert.equal(v2pk(ksr, 'GET', `${h2.base}/echo`), 200);
  const first = JSON.parse(String(pv(ctx, '$var(r)'))).sessions;
  for (let i = 0; i < 3; i++) assert.equal(v2pk(ksr, 'GET', `${h2.base}/echo`), 200);
  assert.equal(JSON.parse(String(pv(ctx, '$var(r)'))).sessions, first);
});

test('a slow answer: 28 after the timeout, the value emptied; the next request works', () => {
  const { ctx, ksr, core } = withConfig({ connection_timeout: 1, query_result: 0 });
  pvSet(ctx, ksr);
  const t0 = performance.now();
  assert.equal(v2pk(ksr, 'GET', `${h2.base}/slow?ms=3000`), 28);
  const took = performance.now() - t0;
  assert.ok(took >= 900 && took < 2500, `waited ${took} ms`);
  assert.equal(pv(ctx, '$var(r)'), '');
  assert.ok(core.logs.some((l) => l.level === 'warn' && l.text.startsWith('KSR.http_client.query_request_v2pk: request to ')));
  assert.equal(v2pk(ksr, 'GET', `${h2.base}/json`), 200);
});

function pvSet(_ctx: ReturnType<typeof makeContext>, ksr: ReturnType<typeof ksrOn>) {
  ksr('pv.sets', '$var(r)', 'before');
}

test('a closed port: 7 (couldn\'t connect)', async () => {
  const port = await freePort();
  const { ctx, ksr } = withConfig({});
  pvSet(ctx, ksr);
  assert.equal(v2pk(ksr, 'GET', `http://127.0.0.1:${port}/x`), 7);
  assert.equal(pv(ctx, '$var(r)'), '');
});

test('an HTTP/1.1 server: 52, as curl --http2-prior-knowledge ("Empty reply from server")', () => {
  const { ctx, ksr, core } = withConfig({});
  assert.equal(v2pk(ksr, 'GET', `${h1.base}/json`), 52);
  assert.equal(pv(ctx, '$var(r)'), '');
  assert.ok(core.logs.some((l) => l.text.includes('curl error 52')), JSON.stringify(core.logs));
  // a server that is not HTTP at all is the same for curl
  assert.equal(v2pk(ksr, 'GET', `http://127.0.0.1:${h1.garbagePort}/`), 52);
  // and the plain query functions still speak HTTP/1.1 to it
  assert.equal(ksr('http_client.query_request', 'GET', `${h1.base}/json`, '', '', '$var(r)'), 200);
});

test('bounds as the other queries: body cut at maxdatasize, redirects only with httpredirect, bad schemes', () => {
  const cut = withConfig({ query_result: 0, query_maxdatasize: 10 });
  assert.equal(v2pk(cut.ksr, 'GET', `${h2.base}/huge?n=100000`), 200);
  assert.equal(pv(cut.ctx, '$var(r)'), 'xxxxxxxxxx');
  // the session was dropped with the cut stream: the next request still answers
  assert.equal(v2pk(cut.ksr, 'GET', `${h2.base}/json`), 200);
  const to = `${h2.base}/redirect?to=${encodeURIComponent(`${h2.base}/json`)}`;
  const plain = withConfig({ query_result: 0 });
  assert.equal(v2pk(plain.ksr, 'GET', to), 302);
  const follow = withConfig({ query_result: 0, httpredirect: 1 });
  assert.equal(v2pk(follow.ksr, 'GET', to), 200);
  assert.equal(pv(follow.ctx, '$var(r)'), '{"route":"sip:alice@10.0.0.1","carrier":"c1"}');
  assert.equal(v2pk(plain.ksr, 'GET', 'gopher://127.0.0.1/'), 1);
  assert.equal(v2pk(plain.ksr, 'GET', ''), 3);
  assert.equal(v2pk(plain.ksr, 'GET', `${h2.base}/json`, '', 'not a header'), -1);
});
