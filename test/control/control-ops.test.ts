// Issue 12, "Control endpoint and metrics", against real server processes, with one thread and
// with 2 workers (whose answers are gathered from the workers): JSON-RPC 2.0 notifications and
// batches, system.listMethods/methodHelp, Kamailio's method names, GET /metrics parsed as the
// Prometheus text format, /health and /ready, and the token rule for each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { post, rawHttp } from './raw-http.js';
import { parsePrometheusText, type Family } from './prometheus-text.js';

const SCRIPT = `function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n`;

function scriptFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-ops-')), 'route.js');
  writeFileSync(file, SCRIPT);
  return file;
}

const call = (method: string, params?: unknown, id: unknown = 1) => ({ jsonrpc: '2.0', method, ...(params !== undefined ? { params } : {}), id });
/** A notification: no "id" member at all. */
const notify = (method: string, params?: unknown) => ({ jsonrpc: '2.0', method, ...(params !== undefined ? { params } : {}) });

/** A GET of a page, as a client on this host sends it. */
function get(port: number, path: string, extra: Record<string, string> = {}): string {
  const headers = { host: `127.0.0.1:${port}`, connection: 'close', ...extra };
  return `GET ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/** The body of a raw answer (after the headers), as text. */
const bodyOf = (raw: string) => raw.split('\r\n\r\n').slice(1).join('\r\n\r\n');

const sum = (f: Family | undefined, pick: (labels: Record<string, string>) => boolean = () => true) =>
  (f?.samples ?? []).filter((s) => pick(s.labels)).reduce((n, s) => n + s.value, 0);

for (const workers of [1, 2]) {
  describe(`control endpoint, workers ${workers}`, () => {
    let s: ServerProcess;
    let port = 0;
    before(async () => {
      s = await startServerProcess({ script: scriptFile(), workers });
      port = s.controlPort;
      // traffic for the counters: a few OPTIONS answered by request_route
      for (let i = 0; i < 4; i++) {
        const [r] = await udpExchange(s.port, request('OPTIONS', s.port), { waitMs: 3000 });
        assert.equal(r ? statusOf(r) : 0, 200);
      }
    });
    after(() => s?.stop());

    const rpcRaw = (body: unknown, token = true) =>
      rawHttp(port, [post(port, JSON.stringify(body), token ? { authorization: `Bearer ${s.token()}` } : {})]);

    test('notifications get no answer: alone or a batch of them → 204 without a body; in a batch no entry; they do run', async () => {
      const alone = await rpcRaw(notify('core.version'));
      assert.equal(alone.status, 204, alone.raw);
      assert.equal(bodyOf(alone.raw), '');
      const only = await rpcRaw([notify('core.version'), notify('tm.stats')]);
      assert.equal(only.status, 204, only.raw);
      const notifyAdd = notify('ul.add', ['location', 'bob', 'sip:bob@192.0.2.7:5060', 60, 1]);
      const mixed = await rpcRaw([notifyAdd, call('core.version', undefined, 'v'), notify('nosuch.method'), call('ul.dump', undefined, 9)]);
      assert.equal(mixed.status, 200);
      assert.deepEqual(mixed.json.map((a: any) => a.id), ['v', 9], 'only the calls with an id are answered');
      assert.match(JSON.stringify(mixed.json[1].result), /sip:bob@192\.0\.2\.7:5060/, 'the notification ran before the next element');
      // an id of null is a call (answered), not a notification
      assert.equal((await rpcRaw(call('core.version', undefined, null))).json.id, null);
      // an invalid call without id is still answered with -32600 (it is not a valid notification)
      assert.equal((await rpcRaw({ jsonrpc: '2.0' })).json.error.code, -32600);
    });

    test('system.listMethods and system.methodHelp; -32601 and -32602 as the spec says', async () => {
      const list = (await s.rpc('system.listMethods', undefined, { withToken: false })).result as string[];
      for (const m of ['core.version', 'core.uptime', 'core.psx', 'stats.get_statistics', 'stats.reset_statistics', 'tm.stats', 'ul.dump', 'kemi.reload', 'app_lua.reload', 'app_python3.reload', 'app_jsdt.reload', 'system.methodHelp']) {
        assert.ok(list.includes(m), `${m} in ${list.join(' ')}`);
      }
      assert.deepEqual(list, [...list].sort());
      for (const m of list) {
        const help = (await s.rpc('system.methodHelp', [m], { withToken: false })).result;
        assert.equal(typeof help, 'string', m);
        assert.doesNotMatch(help, /\n/, `${m}: one line`);
      }
      assert.match((await s.rpc('system.methodHelp', { name: 'app_lua.reload' })).result, /alias of kemi\.reload/);
      assert.equal((await s.rpc('system.methodHelp', ['no.such'])).error?.code, -32602);
      assert.equal((await s.rpc('system.methodHelp')).error?.code, -32602);
      assert.equal((await s.rpc('no.such')).error?.code, -32601);
      assert.equal((await s.rpc('stats.get_statistics', [5])).error?.code, -32602);
    });

    test("Kamailio's names: core.uptime, core.psx, stats.get_statistics, stats.reset_statistics, reload aliases", async () => {
      const up = (await s.rpc('core.uptime', undefined, { withToken: false })).result;
      assert.ok(Number.isInteger(up.uptime) && up.uptime >= 0, JSON.stringify(up));
      assert.ok(Date.parse(up.up_since) <= Date.parse(up.now));
      const psx = (await s.rpc('core.psx', undefined, { withToken: false })).result;
      assert.equal(psx.length, workers === 1 ? 1 : workers + 1, JSON.stringify(psx));
      assert.deepEqual(psx.map((p: any) => p.IDX), psx.map((_: unknown, i: number) => i));
      assert.ok(psx.every((p: any) => p.PID === s.child.pid || Number.isInteger(p.PID)) && psx.every((p: any) => p.state === 'serving'), JSON.stringify(psx));
      if (workers > 1) assert.match(psx[0].DSC, /socket thread/);

      const all = (await s.rpc('stats.get_statistics', ['all'], { withToken: false })).result as string[];
      assert.ok(all.length > 10);
      for (const line of all) assert.match(line, /^[A-Za-z]+:[^ ]+ = -?\d+(\.\d+)?(e[-+]\d+)?$/, line);
      const received = Number(all.find((l) => l.startsWith('messages:received = '))?.split(' = ')[1]);
      assert.ok(received >= 4, `messages:received ${received}`);
      const tm = (await s.rpc('stats.get_statistics', ['tm:'])).result as string[];
      assert.ok(tm.length > 3 && tm.every((l) => l.startsWith('tm:')), tm.join('\n'));
      assert.deepEqual((await s.rpc('stats.get_statistics', ['tm:created'])).result, tm.filter((l) => l.startsWith('tm:created ')));
      assert.deepEqual((await s.rpc('stats.get_statistics', ['created'])).result, tm.filter((l) => l.startsWith('tm:created ')), 'a bare name, in any group');
      assert.ok(((await s.rpc('stats.get_statistics', ['routes:'])).result as string[]).some((l) => l.startsWith('routes:ksr_request_route.count = ')));
      assert.equal((await s.rpc('stats.get_statistics', ['nosuch:'])).error?.code, -32602);

      assert.equal((await s.rpc('stats.reset_statistics', undefined, { withToken: false })).error?.code, -32001, 'a reset changes state: token');
      assert.equal((await s.rpc('stats.reset_statistics')).result.ok, true);
      assert.deepEqual((await s.rpc('stats.get_statistics', ['routes:'])).error?.code, -32602, 'no route figures after the reset');
      assert.equal((await s.rpc('app_jsdt.reload', undefined, { withToken: false })).error?.code, -32001);
      for (const alias of ['app_lua.reload', 'app_python3.reload', 'app_jsdt.reload']) {
        const r = await s.rpc(alias);
        assert.equal(r.error, undefined, `${alias}: ${JSON.stringify(r.error)}`);
        assert.match(r.result.file, /route\.js$/);
      }
      assert.equal((await s.rpc('tm.stats', undefined, { withToken: false })).error, undefined);
      assert.equal((await s.rpc('core.version', undefined, { withToken: false })).result.name, 'ksr-host');
    });

    test('GET /metrics: the Prometheus text format, per worker, counters that match the traffic', async () => {
      for (let i = 0; i < 3; i++) await udpExchange(s.port, request('OPTIONS', s.port), { waitMs: 3000 });
      const r = await rawHttp(port, [get(port, '/metrics')]);
      assert.equal(r.status, 200, r.raw.slice(0, 300));
      assert.match(r.raw, /content-type: text\/plain; version=0\.0\.4/i);
      const families = parsePrometheusText(bodyOf(r.raw));
      const received = families.get('ksr_sip_received_total');
      assert.equal(received?.type, 'counter');
      const workerLabels = new Set(received!.samples.map((x) => x.labels.worker));
      assert.deepEqual([...workerLabels].sort(), Array.from({ length: workers }, (_, i) => String(i)));
      assert.ok(sum(received) >= 7, `received ${sum(received)}`);
      const requests = sum(families.get('ksr_sip_requests_total'));
      assert.ok(requests >= 7);
      // the route histogram: counted since the reset in the test before, per callback and runtime
      const hist = families.get('ksr_route_duration_seconds');
      assert.equal(hist?.type, 'histogram');
      const count = sum(hist, (l) => l.callback === 'ksr_request_route' && l.runtime === 'v8');
      assert.ok(count >= 3, `request_route count ${count}`);
      for (const name of ['ksr_script_failures_total', 'ksr_limit_hits_total', 'ksr_tm_transactions', 'ksr_tm_events_total', 'ksr_reloads_total', 'ksr_usrloc_bindings', 'ksr_store_up', 'ksr_store_ping_seconds', 'ksr_overload_shed_total', 'ksr_process_resident_memory_bytes']) {
        assert.ok(families.has(name), `${name} missing`);
      }
      assert.equal(sum(families.get('ksr_usrloc_bindings')), 1, 'the binding added by the notification');
      assert.equal(sum(families.get('ksr_store_up')), 1);
      assert.ok(sum(families.get('ksr_reloads_total')) >= 3, 'the three alias reloads');
      if (workers > 1) assert.ok(sum(families.get('ksr_socket_received_total')) >= 7);
    });

    test('GET /health and /ready: 200 with JSON; the Host and Origin checks apply; no token on loopback', async () => {
      const health = await rawHttp(port, [get(port, '/health')]);
      assert.equal(health.status, 200);
      assert.equal(health.json.status, 'live');
      const ready = await rawHttp(port, [get(port, '/ready')]);
      assert.equal(ready.status, 200, ready.raw);
      assert.deepEqual(ready.json, { status: 'ready' });
      assert.equal((await rawHttp(port, [get(port, '/metrics', { host: 'evil.example' })])).status, 403);
      assert.equal((await rawHttp(port, [get(port, '/ready', { origin: 'http://evil.example' })])).status, 403);
      assert.equal((await rawHttp(port, [`DELETE /health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`])).status, 405);
      const head = await rawHttp(port, [`HEAD /health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`]);
      assert.equal(head.status, 200);
    });
  });
}
