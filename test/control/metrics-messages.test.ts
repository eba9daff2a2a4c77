// Issue 12, "messages in/out by method and code" on GET /metrics, against real server
// processes with one thread and with 2 workers: known UDP traffic (OPTIONS answered 200,
// REGISTER answered 401, a method of a hostile peer's making, a MESSAGE forwarded to a peer of
// this test that answers 202, which the server relays back), then the counters, parsed as the
// Prometheus text format, say exactly that, summed over the `worker` label.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'undici';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { parsePrometheusText, type Family } from './prometheus-text.js';

function scriptFile(sinkPort: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-metrics-')), 'route.js');
  writeFileSync(file, [
    'function ksr_request_route() {',
    "  if (KSR.is_method('REGISTER')) { KSR.sl.sl_send_reply(401, 'Unauthorized'); return; }",
    `  if (KSR.is_method('MESSAGE')) { KSR.forward_uri('sip:127.0.0.1:${sinkPort}'); return; }`,
    "  KSR.sl.sl_send_reply(200, 'OK');",
    '}',
    '',
  ].join('\n'));
  return file;
}

/** A peer that answers every request with 202, its Via, From, To, Call-ID and CSeq copied (RFC 3261 §8.2.6.2). */
async function startSink(): Promise<{ port: number; received: () => number; close: () => void }> {
  const sock = dgram.createSocket('udp4');
  let received = 0;
  sock.on('message', (m, from) => {
    received++;
    const lines = m.toString('latin1').split('\r\n');
    const copied = lines.filter((l) => /^(via|from|to|call-id|cseq):/i.test(l));
    sock.send(['SIP/2.0 202 Accepted', ...copied, 'Content-Length: 0', '', ''].join('\r\n'), from.port, from.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  return { port: (sock.address() as { port: number }).port, received: () => received, close: () => sock.close() };
}

async function scrape(s: ServerProcess): Promise<Map<string, Family>> {
  const r = await httpRequest(`http://127.0.0.1:${s.controlPort}/metrics`, { headersTimeout: 10_000, bodyTimeout: 10_000 });
  const text = await r.body.text();
  assert.equal(r.statusCode, 200, text.slice(0, 300));
  return parsePrometheusText(text);
}

/** One family's samples summed over `worker`, keyed by the other label (method or code). */
function byLabel(families: Map<string, Family>, name: string, label: string): Record<string, number> {
  const f = families.get(name);
  assert.equal(f?.type, 'counter', `${name}: expected a counter family, got ${f?.type}`);
  const out: Record<string, number> = {};
  for (const s of f!.samples) {
    assert.ok(s.labels.worker !== undefined, `${name}: a sample without a worker label`);
    const key = s.labels[label]!;
    out[key] = (out[key] ?? 0) + s.value;
  }
  return out;
}

for (const workers of [1, 2]) {
  describe(`/metrics messages by method and code, workers: ${workers}`, () => {
    let s: ServerProcess;
    let sink: Awaited<ReturnType<typeof startSink>>;

    before(async () => {
      sink = await startSink();
      s = await startServerProcess({ script: scriptFile(sink.port), workers, startTimeoutMs: 60_000 });
    });
    after(async () => {
      await s?.stop();
      sink?.close();
    });

    test('requests in by method, replies out by code, a forwarded request and its relayed reply', async () => {
      for (let i = 0; i < 3; i++) assert.equal(statusOf((await udpExchange(s.port, request('OPTIONS', s.port), { waitMs: 3000 }))[0] ?? ''), 200);
      for (let i = 0; i < 2; i++) assert.equal(statusOf((await udpExchange(s.port, request('REGISTER', s.port), { waitMs: 3000 }))[0] ?? ''), 401);
      // a method no RFC names: counted as 'other', never as a label of its own
      assert.equal(statusOf((await udpExchange(s.port, request('XHOSTILE-7f3a', s.port), { waitMs: 3000 }))[0] ?? ''), 200);
      const relayed = await udpExchange(s.port, request('MESSAGE', s.port, { ruri: 'sip:bob@127.0.0.1' }), { waitMs: 3000 });
      assert.equal(statusOf(relayed[0] ?? ''), 202, `the sink's 202, relayed: ${relayed[0]?.slice(0, 200)}`);
      assert.equal(sink.received(), 1);

      const families = await scrape(s);
      assert.deepEqual(byLabel(families, 'ksr_sip_requests_in_total', 'method'), { OPTIONS: 3, REGISTER: 2, other: 1, MESSAGE: 1 });
      assert.deepEqual(byLabel(families, 'ksr_sip_replies_out_total', 'code'), { 200: 4, 401: 2, 202: 1 });
      assert.deepEqual(byLabel(families, 'ksr_sip_requests_out_total', 'method'), { MESSAGE: 1 });
      assert.deepEqual(byLabel(families, 'ksr_sip_replies_in_total', 'code'), { 202: 1 });
      const workerLabels = new Set(families.get('ksr_sip_requests_in_total')!.samples.map((x) => x.labels.worker));
      assert.ok([...workerLabels].every((w) => Number(w) >= 0 && Number(w) < workers), `worker labels ${[...workerLabels]}`);
    });

    test('the same counts through stats.get_statistics sip:', async () => {
      const r = await s.rpc('stats.get_statistics', ['sip:']);
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      const lines = new Set(r.result as string[]);
      for (const line of ['sip:requestsIn.OPTIONS = 3', 'sip:requestsIn.REGISTER = 2', 'sip:repliesOut.401 = 2', 'sip:requestsOut.MESSAGE = 1', 'sip:repliesIn.202 = 1']) {
        assert.ok(lines.has(line), `${line} missing in ${JSON.stringify(r.result)}`);
      }
    });
  });
}
