// Issue 7 item 1 (and the control half of item 2) against a real server process: malformed
// JSON-RPC, huge, slow and endless bodies, held connections, foreign Host/Origin, wrong
// content types, and the token. Every attack gets a JSON-RPC error or the right HTTP status,
// and the server keeps its PID and goes on answering SIP and RPC. The endpoint does not depend
// on the script's runtime: one runtime (v8) stands for all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { freePort } from '../support/ports.js';
import { post, rawHttp } from './raw-http.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const SCRIPT = `function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n`;
const BODY_TIMEOUT_MS = 1000;
const HEADERS_TIMEOUT_MS = 1000;
const MAX_CONNECTIONS = 8;

function scriptFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-control-')), 'route.js');
  writeFileSync(file, SCRIPT);
  return file;
}

const call = (method: string, id: unknown = 1) => JSON.stringify({ jsonrpc: '2.0', method, id });

describe('control endpoint against a real server', () => {
  let s: ServerProcess;
  let pid: number | undefined;
  before(async () => {
    s = await startServerProcess({
      script: scriptFile(),
      config: ({ controlPort }) => ({
        control: {
          listen: `127.0.0.1:${controlPort}`, hosts: ['ksr.test'], origins: ['http://admin.ksr.test'],
          body_timeout_ms: BODY_TIMEOUT_MS, headers_timeout_ms: HEADERS_TIMEOUT_MS, request_timeout_ms: 3000, max_connections: MAX_CONNECTIONS,
        },
      }),
    });
    pid = s.child.pid;
  });
  after(() => s?.stop());

  const alive = async () => {
    assert.equal(s.child.exitCode, null, `the server exited:\n${s.output().slice(-3000)}`);
    assert.equal(s.child.pid, pid);
    const [r] = await udpExchange(s.port, request('OPTIONS', s.port), { waitMs: 3000 });
    assert.equal(r ? statusOf(r) : 0, 200, 'SIP is still answered');
    assert.equal((await s.rpc('core.version')).result?.name, 'ksr-host', 'RPC is still answered');
  };

  test('malformed JSON-RPC bodies: each gets a JSON-RPC error, the process lives on', async () => {
    const cases: Array<[string, number]> = [
      ['null', -32600], ['0', -32600], ['-1.5e308', -32600], ['"kemi.stats"', -32600], ['true', -32600],
      ['[]', -32600], ['{}', -32600], ['{"jsonrpc":"2.0","id":1}', -32600], ['{"jsonrpc":"2.0","method":null,"id":1}', -32600],
      ['{"jsonrpc":"2.0","method":["ul.add"],"id":1}', -32600], ['{"jsonrpc":"2.0","method":{},"id":1}', -32600],
      ['{"jsonrpc":"2.0","method":"kemi.stats","params":"x","id":1}', -32600], ['{"jsonrpc":"2.0","method":"__proto__","id":1}', -32601],
      ['{"jsonrpc":"2.0","method":"constructor","id":1}', -32601], ['', -32700], ['{', -32700], ['\u0000\u0001', -32700],
      ['{"a":' + '['.repeat(100000), -32700], ['{"jsonrpc":"2.0","method":"kemi.stats","id":' + '['.repeat(5000) + ']'.repeat(5000) + '}', -32600],
    ];
    for (const [body, code] of cases) {
      const r = await rawHttp(s.controlPort, [post(s.controlPort, body)]);
      assert.equal(r.status, 200, `${body.slice(0, 40)}: ${r.raw.slice(0, 200)}`);
      assert.equal(r.json?.error?.code, code, `${body.slice(0, 40)}: ${r.raw.slice(0, 300)}`);
    }
    await alive();
  });

  test('batches: an answer per element, junk elements -32600, an empty batch -32600', async () => {
    const r = await rawHttp(s.controlPort, [post(s.controlPort, `[null, 1, "x", [], {}, ${call('core.version', 5)}, {"jsonrpc":"2.0","method":7,"id":6}]`)]);
    assert.equal(r.status, 200);
    assert.equal(r.json.length, 7);
    assert.deepEqual(r.json.map((a: any) => a.error?.code ?? 'ok'), [-32600, -32600, -32600, -32600, -32600, 'ok', -32600]);
    assert.equal(r.json[5].id, 5);
    assert.equal(r.json[6].id, 6);
    assert.equal((await rawHttp(s.controlPort, [post(s.controlPort, '[]')])).json.error.code, -32600);
    const deep = await rawHttp(s.controlPort, [post(s.controlPort, '['.repeat(5000) + ']'.repeat(5000))]);
    assert.deepEqual(deep.json.map((a: any) => a.error.code), [-32600], 'a batch of one nested array');
    await alive();
  });

  test('a 10 MB body is refused with 413 (declared or chunked), never read into memory', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x20);
    const declared = await rawHttp(s.controlPort, [post(s.controlPort, '', { 'content-length': String(big.length) }), big], { stopWhenAnswered: true });
    assert.equal(declared.status, 413);
    assert.equal(declared.json.error.code, -32600);
    const chunked = post(s.controlPort, '', { 'content-length': null, 'transfer-encoding': 'chunked' });
    const chunk = Buffer.concat([Buffer.from(`${(1 << 20).toString(16)}\r\n`), Buffer.alloc(1 << 20, 0x20), Buffer.from('\r\n')]);
    const streamed = await rawHttp(s.controlPort, [chunked, ...Array.from({ length: 10 }, () => chunk)], { stopWhenAnswered: true });
    assert.equal(streamed.status, 413);
    await alive();
  });

  test('a slow body and a body that never ends get 408 at the body deadline, and the connection is closed', async () => {
    const slow = await rawHttp(s.controlPort, [post(s.controlPort, '', { 'content-length': '200' }), ...Array.from({ length: 40 }, () => ' ')], { gapMs: 100 });
    assert.equal(slow.status, 408);
    assert.equal(slow.json.error.code, -32600);
    assert.ok(slow.closedAfterMs !== null && slow.closedAfterMs < BODY_TIMEOUT_MS + 1500, `closed after ${slow.closedAfterMs} ms`);
    const endless = await rawHttp(s.controlPort, [post(s.controlPort, '', { 'content-length': '1000' }), '{"jsonrpc":'], { waitMs: BODY_TIMEOUT_MS + 3000 });
    assert.equal(endless.status, 408);
    assert.ok(endless.closedAfterMs !== null && endless.closedAfterMs < BODY_TIMEOUT_MS + 1500, `closed after ${endless.closedAfterMs} ms`);
    await alive();
  });

  test('slowloris headers: the connection is closed at the header deadline', async () => {
    const head = `POST /RPC HTTP/1.1\r\nHost: 127.0.0.1:${s.controlPort}\r\n`;
    const r = await rawHttp(s.controlPort, [head, ...Array.from({ length: 60 }, (_, i) => `X-Slow-${i}: y\r\n`)], { gapMs: 100, waitMs: 3000 });
    assert.ok(r.closedAfterMs !== null && r.closedAfterMs < HEADERS_TIMEOUT_MS + 2000, `closed after ${r.closedAfterMs} ms`);
    if (r.status !== null) assert.equal(r.status, 408);
    await alive();
  });

  test(`held connections: at most ${MAX_CONNECTIONS} open, the rest closed at once; held ones time out`, async () => {
    const sockets: net.Socket[] = [];
    const closedEarly: number[] = [];
    const t0 = Date.now();
    for (let i = 0; i < 30; i++) {
      const sock = net.connect(s.controlPort, '127.0.0.1');
      sock.on('error', () => {});
      sock.once('close', () => closedEarly.push(Date.now() - t0));
      sockets.push(sock);
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(closedEarly.length >= 30 - MAX_CONNECTIONS, `${closedEarly.length} of 30 closed at once`);
    // the held ones are closed by the header deadline, then the endpoint serves again. A
    // connection the kernel held for accept until a slot freed gets its deadline from its accept:
    // two deadlines at most (CI once saw 28 of 30 closed at one deadline + 1.5 s, under load)
    const limit = 2 * HEADERS_TIMEOUT_MS + 3000;
    while (closedEarly.length < 30 && Date.now() - t0 < limit) await new Promise((r) => setTimeout(r, 100));
    assert.equal(closedEarly.length, 30, `every held connection was closed within ${limit} ms (closed at ${closedEarly.join(', ')} ms)`);
    for (const sock of sockets) sock.destroy();
    await alive();
  });

  test('Host, Origin, Content-Type and method refusals', async () => {
    const port = s.controlPort;
    const status = async (extra: Record<string, string | null>, body = call('core.version')) => (await rawHttp(port, [post(port, body, extra)])).status;
    assert.equal(await status({}), 200);
    assert.equal(await status({ host: `localhost:${port}` }), 200);
    assert.equal(await status({ host: 'ksr.test' }), 200, 'a configured name');
    assert.equal(await status({ host: `evil.example:${port}` }), 403, 'DNS rebinding: a foreign name');
    assert.equal(await status({ host: `127.0.0.1:${port + 1}` }), 403, 'another port');
    assert.equal(await status({ origin: 'http://evil.example' }), 403);
    assert.equal(await status({ origin: 'null' }), 403);
    assert.equal(await status({ origin: 'http://admin.ksr.test' }), 200, 'an allowed origin');
    assert.equal(await status({ 'content-type': 'text/plain' }), 415, 'CSRF with text/plain');
    assert.equal(await status({ 'content-type': 'application/x-www-form-urlencoded' }), 415);
    assert.equal(await status({ 'content-type': null }), 415);
    assert.equal(await status({ 'content-type': 'application/json; charset=utf-8' }), 200);
    const get = await rawHttp(port, [`GET /RPC HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`]);
    assert.equal(get.status, 405);
    const preflight = await rawHttp(port, [`OPTIONS /RPC HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n`]);
    assert.equal(preflight.status, 405);
    assert.doesNotMatch(preflight.raw, /access-control-allow/i);
    await alive();
  });

  test('token: made at start with mode 0600; state-changing methods need it; reads do not on loopback', async () => {
    assert.equal(statSync(join(s.stateDir, 'control-token')).mode & 0o777, 0o600);
    assert.equal(statSync(s.stateDir).mode & 0o077, 0);
    assert.doesNotMatch(s.output(), new RegExp(s.token()), 'the token is never logged');
    for (const method of ['kemi.reload', 'kemi.stats_reset', 'core.gc', 'ul.rm', 'ul.add']) {
      const r = await rawHttp(s.controlPort, [post(s.controlPort, call(method))]);
      assert.equal(r.status, 401, method);
      assert.equal(r.json.error.code, -32001, method);
      const wrong = await rawHttp(s.controlPort, [post(s.controlPort, call(method), { authorization: `Bearer ${s.token()}0` })]);
      assert.equal(wrong.status, 401, `${method} with a wrong token`);
    }
    const add = await rawHttp(s.controlPort, [post(s.controlPort, JSON.stringify({ jsonrpc: '2.0', method: 'ul.add', params: ['location', 'mallory', 'sip:m@192.0.2.1', '60', '1'], id: 1 }))]);
    assert.equal(add.status, 401);
    const dump = await s.rpc('ul.dump', undefined, { withToken: false });
    assert.deepEqual(dump.result.Domains.flatMap((d: any) => d.Domain.AoRs), [], 'no binding was added');
    assert.ok((await s.rpc('kemi.stats', undefined, { withToken: false })).result.routes, 'reads need no token');
    const reload = await s.rpc('kemi.reload');
    assert.equal(reload.error, undefined, 'with the token: accepted');
    await alive();
  });

  test('ksr-host rpc reads the token from the state directory, or takes --token', async () => {
    const cli = (...a: string[]) => promisify(execFile)(process.execPath, [BIN, 'rpc', ...a, '--control', `127.0.0.1:${s.controlPort}`]);
    const ok = await cli('kemi.stats_reset', '--state-dir', s.stateDir);
    assert.deepEqual(JSON.parse(ok.stdout), { ok: true });
    assert.deepEqual(JSON.parse((await cli('kemi.stats_reset', '--token', s.token())).stdout), { ok: true });
    await assert.rejects(cli('kemi.stats_reset', '--token', 'not-the-token-at-all'), (e: { code: number; stderr: string }) => e.code === 1 && /unauthorized/.test(e.stderr));
    const empty = mkdtempSync(join(tmpdir(), 'ksr-nostate-'));
    await assert.rejects(cli('kemi.stats_reset', '--state-dir', empty), (e: { stderr: string }) => /unauthorized[\s\S]*cannot read the control token/.test(e.stderr));
    assert.equal(JSON.parse((await cli('core.version', '--state-dir', empty)).stdout).name, 'ksr-host', 'a read needs no token on loopback');
  });
});

test('listening beyond loopback, every method needs the token', async () => {
  const controlPort = await freePort();
  const s = await startServerProcess({ script: scriptFile(), extraArgs: ['--control', `0.0.0.0:${controlPort}`] });
  try {
    const r = await rawHttp(controlPort, [post(controlPort, call('core.version'))]);
    assert.equal(r.status, 401);
    const ok = await rawHttp(controlPort, [post(controlPort, call('core.version'), { authorization: `Bearer ${s.token()}` })]);
    assert.equal(ok.status, 200);
    assert.equal(ok.json.result.name, 'ksr-host');
  } finally {
    await s.stop();
  }
});
