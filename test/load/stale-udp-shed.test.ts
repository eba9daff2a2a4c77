// A server that falls behind on UDP does not answer requests its clients have already
// retransmitted (issue 9: the metastable collapse). Its queue is in the kernel's receive
// buffer, where Node cannot see how long a datagram waited; the UDP listener's probe tells
// (host/transport/udp-wait-probe.ts), and while overloaded the policy sheds a new request that
// waited past overload.udp_max_wait_ms (250 ms by default, below SIP's T1 of 500 ms) as stale. Here one engine (workers: 1)
// whose route takes 2-3 ms is sent OPTIONS at 1000/s for 4 s, over twice what it serves,
// with the per-source rates out of the way, so staleness is the only reason to shed. Without
// the probe the queue grew to seconds and was answered, late (measured: p50 2.8 s, p95 5.3 s,
// 0 shed); with it, what is answered is answered within T1 (before a client retransmits),
// and the server is caught up right after.
//
// In test/load/: `npm run test:alone` runs it one file at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess } from '../support/server-process.js';

const RATE = 1000;
const SECONDS = 4;
const MAX_WAIT_MS = 250; // overload.udp_max_wait_ms's default, not set below
const T1_MS = 500;
/** A route of 2-3 ms (Date.now() moves by whole ms): ~400 a second at most. */
const SCRIPT = `
function ksr_request_route() {
  const until = Date.now() + 3;
  while (Date.now() < until) { /* the route's cost */ }
  KSR.sl.sl_send_reply(200, "OK");
  KSR.x.exit();
}
`;

function options(port: number, clientPort: number, i: number): Buffer {
  return Buffer.from([
    `OPTIONS sip:127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${clientPort};branch=z9hG4bK-stale-${i};rport`,
    'Max-Forwards: 70',
    `From: <sip:load@127.0.0.1>;tag=f${i}`,
    `To: <sip:127.0.0.1:${port}>`,
    `Call-ID: stale-${i}@127.0.0.1`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n'));
}

test(`one engine sent twice what it serves: requests that waited past ${MAX_WAIT_MS} ms in the kernel are shed, the rest answered in time`, { timeout: 90_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-stale-'));
  const script = join(dir, 'routing.js');
  writeFileSync(script, SCRIPT);
  const server = await startServerProcess({
    script, engine: 'v8', workers: 1,
    config: () => ({ store: `sqlite:${join(dir, 'store.db')}`, overload: { source_rate: 1_000_000, source_rate_any: 1_000_000 } }),
  });
  const client = dgram.createSocket('udp4');
  await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
  const clientPort = client.address().port;
  const sentAt = new Map<number, number>();
  const took: number[] = [];
  client.on('message', (m) => {
    const i = Number(/Call-ID: stale-(\d+)@/.exec(m.toString('latin1'))?.[1] ?? -1);
    const at = sentAt.get(i);
    if (at !== undefined && m.toString('latin1', 0, 11) === 'SIP/2.0 200') took.push(Date.now() - at);
  });
  try {
    // warm: the route compiled and optimised
    for (let i = 0; i < 200; i++) {
      client.send(options(server.port, clientPort, -1 - i), server.port, '127.0.0.1');
      await sleep(5);
    }
    await sleep(500);
    const before = (await server.rpc('kemi.stats')).result.overload;
    const total = RATE * SECONDS;
    const start = Date.now();
    for (let i = 0; i < total; ) {
      const due = Math.min(total, Math.floor(((Date.now() - start) * RATE) / 1000) + 1);
      for (; i < due; i++) {
        sentAt.set(i, Date.now());
        client.send(options(server.port, clientPort, i), server.port, '127.0.0.1');
      }
      await sleep(1);
    }
    // what is answered at all is answered within a few seconds
    await sleep(4000);
    const stats = (await server.rpc('kemi.stats')).result;
    const o = stats.overload;
    const shedStale = o.shedStale - before.shedStale;
    took.sort((a, b) => a - b);
    const q = (f: number) => took[Math.min(took.length - 1, Math.floor(took.length * f))] ?? -1;
    const figures = `${total} OPTIONS at ${RATE}/s: ${took.length} answered (p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms), ${shedStale} shed as stale; overload ${JSON.stringify(o)}; udp ${JSON.stringify(stats.transport)}`;
    t.diagnostic(figures);
    assert.ok(took.length < total, `the server could not serve all of it (else this proves nothing): ${figures}`);
    assert.ok(shedStale > 0, `requests were shed as stale: ${figures}`);
    assert.ok(q(0.95) < T1_MS, `95 % of the answers came within T1 (${T1_MS} ms), before a client retransmits: ${figures}`);
    assert.ok(took.length >= total * 0.25, `a good share was answered (the server kept serving while it shed): ${figures}`);
    // caught up: a request now is answered at once
    const t0 = Date.now();
    sentAt.set(total, t0);
    const n = took.length;
    client.send(options(server.port, clientPort, total), server.port, '127.0.0.1');
    for (let i = 0; i < 100 && took.length === n; i++) await sleep(10);
    assert.ok(took.length > n && Date.now() - t0 < 500, `a request after the load is answered at once (${took.length > n ? `${Date.now() - t0} ms` : 'no answer'})`);
  } finally {
    client.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
