// The SIP trace through a real server's control endpoint (HTTP JSON-RPC): trace.start to the
// log and to a pcap, trace.status, trace.stop, a file outside <state_dir>/traces refused, the
// config switch that starts it at boot; with one thread and with workers (every message once:
// the trace sits in the socket thread). Needs the lead's wiring of host/trace/trace-rpc.ts into
// bin/server.ts and bin/worker-server.ts (see the issue 12 report of the logs-and-tracing session).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { parsePcap } from './pcap-parse.js';

function scriptFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-trace-rpc-')), 'route.js');
  writeFileSync(file, `function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n`);
  return file;
}

for (const workers of [1, 2]) {
  test(`trace.start/status/stop over RPC, to the log and to a pcap (${workers} worker${workers > 1 ? 's' : ''})`, async () => {
    const s = await startServerProcess({ script: scriptFile(), workers });
    try {
      const methods = (await s.rpc('system.listMethods')).result as string[];
      assert.ok(['trace.start', 'trace.stop', 'trace.status'].every((m) => methods.includes(m)), `the trace methods are registered; got ${methods}`);
      assert.equal((await s.rpc('trace.status')).result.running, false);
      const started = await s.rpc('trace.start', { method: 'OPTIONS', max: 10 });
      assert.equal(started.result?.running, true, JSON.stringify(started));
      const req = request('OPTIONS', s.port);
      const callId = /Call-ID: (\S+)/.exec(req)![1]!;
      const [reply] = await udpExchange(s.port, req);
      assert.equal(statusOf(reply!), 200);
      const out = await s.waitForOutput(new RegExp(`"trace":"out".*${callId.replace(/[.]/g, '\\.')}|${callId.replace(/[.]/g, '\\.')}.*"trace":"out"`));
      const lines = out.split('\n').filter((l) => l.includes('"trace":"') && l.includes(callId));
      assert.equal(lines.length, 2, `one line in, one out, each once; got\n${lines.join('\n')}`);
      assert.equal((await s.rpc('trace.status')).result.messages, 2);
      assert.equal((await s.rpc('trace.stop')).result.running, false);

      const outside = await s.rpc('trace.start', { output: 'pcap', file: '../../etc/x' });
      assert.equal(outside.error?.code, -32602);
      assert.match(outside.error!.message, /bare file name/);
      const pcap = await s.rpc('trace.start', { output: 'pcap', file: 'rpc' });
      assert.equal(pcap.result?.file, join(s.stateDir, 'traces', 'rpc.pcap'));
      await udpExchange(s.port, request('OPTIONS', s.port));
      const stopped = (await s.rpc('trace.stop')).result;
      assert.equal(stopped.messages, 2);
      const packets = parsePcap(readFileSync(stopped.file)).packets;
      assert.deepEqual(packets.map((p) => p.payload.toString().split('\r\n')[0]!.slice(0, 11)), ['OPTIONS sip', 'SIP/2.0 200']);
      assert.equal((await s.rpc('trace.start', {}, { withToken: false })).error?.code, -32001, 'trace.start needs the token');
    } finally {
      await s.stop();
    }
  });
}

test('the config switch starts a pcap trace at boot', async () => {
  const s = await startServerProcess({ script: scriptFile(), workers: 1, config: () => ({ trace: { enabled: true, output: 'pcap', file: 'boot', max: 2 } }) });
  try {
    const status = (await s.rpc('trace.status')).result;
    assert.equal(status.running, true, JSON.stringify(status));
    await udpExchange(s.port, request('OPTIONS', s.port));
    const file = join(s.stateDir, 'traces', 'boot.pcap');
    const deadline = Date.now() + 3000;
    while ((await s.rpc('trace.status')).result.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match((await s.rpc('trace.status')).result.stopReason, /max of 2 messages/);
    assert.ok(existsSync(file));
    assert.equal(parsePcap(readFileSync(file)).packets.length, 2);
  } finally {
    await s.stop();
  }
});
