// Hostile SIP peers over TCP (issue 7 items 11, 13, 14), against a real server: while each
// attack runs, a legitimate UDP client and a client on a new TCP connection each time
// (test/support/gap-probe.ts) are answered within 200 ms throughout; the server keeps its
// PID; kemi.stats counts what was closed, evicted or refused. Attacks come from 127.0.0.2 and
// up, the probes from 127.0.0.1. Each server is warmed first by a TCP burst from 127.0.0.5
// (WARM_UP), as any server in service is: what is tested is the transport's policy, not V8
// compiling the message path on a server that has served nothing (the UDP suite does the
// same; CI once saw the first attack on a cold server keep a new TCP client 244 ms).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startGapProbe, type GapReport } from '../support/gap-probe.js';
import { tcpExchange, request } from '../support/sip-client.js';
import { attackOptions } from '../support/sip-attacks.js';
import { runAttack } from '../support/attack-process.js';

/** Longest a legitimate client may wait while an attack runs (issue 7: 2 × the 100 ms CPU limit). */
const MAX_GAP_MS = 200;
/** Deadlines shortened for the test so that their effect shows within seconds. */
const HEADER_TIMEOUT_MS = 1000;
const SEND_TIMEOUT_MS = 1000;
const WRITE_BUFFER_MAX_BYTES = 256 * 1024;
/** The warm-up: a few connections of pipelined OPTIONS, read, from an address no attack uses. */
const WARM_UP = { connections: 4, perConnection: 250, from: '127.0.0.5' };

const SCRIPT = `function ksr_request_route() {
  if (KSR.is_ACK()) return;
  KSR.sl.sl_send_reply(200, 'OK');
}
`;

/** The longest a 10 ms timer of this process fired late, from now until stop(). */
export function loopLag(): { stop(): number } {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 10);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(0, Math.round(max));
    },
  };
}

/** A real server for one describe block, and the probes around each attack. */
function serverUnderTest(config: Record<string, unknown>) {
  const t = {
    server: undefined as unknown as ServerProcess,
    pid: undefined as number | undefined,
    gaps: [] as string[],
    async stats(): Promise<any> {
      return (await t.server.rpc('kemi.stats')).result;
    },
    /** Runs `attack` between a UDP probe and a new-TCP probe; asserts the gaps and the PID. */
    async withProbes<T>(name: string, attack: () => Promise<T>): Promise<T> {
      const server = t.server;
      const udp = await startGapProbe({ port: t.server.port, transport: 'udp', maxMs: 60_000 });
      const tcp = await startGapProbe({ port: t.server.port, transport: 'tcp-new', maxMs: 60_000 });
      let result: T;
      let u: GapReport;
      let c: GapReport;
      await t.stats(); // starts the server's loop-lag window
      const own = loopLag(); // the probes' own process: a late probe may be the client's delay
      try {
        result = await attack();
      } finally {
        u = await udp.stop();
        c = await tcp.stop();
        const lag = (await t.stats()).overload.loopLagMaxMs;
        t.gaps.push(`${name}: udp ${u.maxGapMs} ms (${u.answered}/${u.sent}), tcp ${c.maxGapMs} ms (${c.answered}/${c.sent}); server loop held up to ${lag} ms, the probes' ${own.stop()} ms`);
      }
      assert.equal(server.child.exitCode, null, `the server is still running:\n${server.output().slice(-3000)}`);
      assert.equal(server.child.pid, t.pid);
      assert.ok(u.answered > 0 && c.answered > 0, `probes answered: udp ${u.answered}/${u.sent}, tcp ${c.answered}/${c.sent}`);
      assert.ok(u.maxGapMs <= MAX_GAP_MS, `${name}: a UDP client waited ${u.maxGapMs} ms (limit ${MAX_GAP_MS})`);
      assert.ok(c.maxGapMs <= MAX_GAP_MS, `${name}: a client on a new TCP connection waited ${c.maxGapMs} ms (limit ${MAX_GAP_MS})`);
      return result;
    },
  };
  before(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ksr-sip-tcp-')), 'answer.js');
    writeFileSync(file, SCRIPT);
    t.server = await startServerProcess({ script: file, config: () => config });
    t.pid = t.server.child.pid;
    const w = WARM_UP;
    const warm = await runAttack('pipelinedBurst', { port: t.server.port, connections: w.connections, perConnection: w.perConnection, read: true, maxMs: 15_000, localAddress: w.from });
    const answered = Object.values(warm.replies).reduce((a, b) => a + b, 0);
    console.log(`# warm-up: ${answered}/${warm.sent} OPTIONS over TCP from ${w.from} answered in ${warm.ms} ms, ${JSON.stringify(warm.replies)}`);
    assert.equal(answered, warm.sent, `every warm-up request has its final reply: ${JSON.stringify(warm.replies)} of ${warm.sent}`);
  });
  after(async () => {
    for (const g of t.gaps) console.log(`# gap ${g}`);
    await t.server?.stop();
  });
  return t;
}

describe('hostile SIP peers over TCP, turns alone (overload shedding out of the way)', () => {
  const t = serverUnderTest({ overload: { source_rate: 1_000_000_000, max_wait_ms: 1_000_000_000 } });

  test('item 11: 20 connections × 2000 pipelined OPTIONS are all routed by the script, and nobody else starves', async (ctx) => {
    const r = await t.withProbes('item 11 pipelined burst, no shedding', () =>
      runAttack('pipelinedBurst', { port: t.server.port, connections: 20, perConnection: 2000, read: true, maxMs: 30_000 }),
    );
    ctx.diagnostic(`burst: ${r.replies[200] ?? 0}/${r.sent} answered 200 in ${r.ms} ms`);
    assert.deepEqual(r.replies, { 200: r.sent });
    const s = await t.stats();
    assert.equal(s.overload.shedSourceRate + s.overload.shedStale, 0);
  });
});

describe('hostile SIP peers over TCP', () => {
  const t = serverUnderTest({
    tcp: { header_timeout_ms: HEADER_TIMEOUT_MS, send_timeout_ms: SEND_TIMEOUT_MS, write_buffer_max_bytes: WRITE_BUFFER_MAX_BYTES },
  });
  const stats = () => t.stats();
  const withProbes = <T>(name: string, attack: () => Promise<T>) => t.withProbes(name, attack);

  test('item 11: 20 connections × 2000 pipelined OPTIONS are all answered, and nobody else starves', async (ctx) => {
    const r = await withProbes('item 11 pipelined burst', () =>
      runAttack('pipelinedBurst', { port: t.server.port, connections: 20, perConnection: 2000, read: true, maxMs: 30_000 }),
    );
    const answered = Object.values(r.replies).reduce((a, b) => a + b, 0);
    ctx.diagnostic(`burst: ${answered}/${r.sent} answered in ${r.ms} ms, by status ${JSON.stringify(r.replies)}`);
    // every request gets its final reply: 200 from the script, or 503 from the overload policy
    assert.equal(answered, r.sent);
    assert.deepEqual(Object.keys(r.replies).filter((c) => c !== '200' && c !== '503'), []);
    assert.equal(r.closedByServer, 0);
  });

  test('item 11: 20 connections that never read their replies are paused, then closed', async (ctx) => {
    const before = (await stats()).transport;
    const r = await withProbes('item 11 non-reading peers', () =>
      // replies of ~3.3 kB each: 1000 of them are far more than the socket buffers hold, and the
      // first ~80 already pass write_buffer_max_bytes (256 kB here) in the kernel's send queue
      runAttack('pipelinedBurst', { port: t.server.port, connections: 20, perConnection: 1000, read: false, pad: 3000, maxMs: 6000 }),
    );
    const s = (await stats()).transport;
    ctx.diagnostic(`closed by the server: ${r.closedByServer}/20 after ${r.ms} ms; readPauses +${s.tcpReadPauses - before.tcpReadPauses}, sendTimeouts +${s.tcpSendTimeouts - before.tcpSendTimeouts}, writeOverflows +${s.tcpWriteOverflows - before.tcpWriteOverflows}`);
    assert.ok(s.tcpReadPauses - before.tcpReadPauses >= 20, 'reading stopped on each of them');
    assert.equal(r.closedByServer, 20, 'each was closed by the server');
    assert.equal(s.tcpSendTimeouts + s.tcpWriteOverflows - before.tcpSendTimeouts - before.tcpWriteOverflows, 20);
  });

  test('item 13: a valid OPTIONS followed by junk is answered, then the stream is closed (200 times)', async () => {
    const before = (await stats()).transport.tcpFramingErrors;
    const outcomes = await withProbes('item 13 request + junk', async () => {
      const out: { status: boolean; closed: boolean }[] = [];
      for (let round = 0; round < 20; round++) {
        const batch = await Promise.all(
          Array.from({ length: 10 }, () =>
            tcpExchange(t.server.port, [attackOptions(t.server.port, round) + 'JUNK \x00\xff NOT SIP\r\n\r\n'], { waitMs: 2000 }),
          ),
        );
        for (const r of batch) out.push({ status: /^SIP\/2\.0 200 /m.test(r.data), closed: r.closedByServer });
      }
      return out;
    });
    assert.equal(outcomes.filter((o) => o.status).length, 200, 'every valid request before the junk is answered');
    assert.equal(outcomes.filter((o) => o.closed).length, 200, 'every stream is closed at the junk');
    assert.ok((await stats()).transport.tcpFramingErrors - before >= 200);
  });

  test('item 13: RFC 4475 dblreq over TCP gets both its requests answered, then the stream is closed', async () => {
    const dat = readFileSync(new URL('../transport/fixtures/dblreq.dat', import.meta.url));
    const r = await tcpExchange(t.server.port, [dat], { waitMs: 3000 });
    const statuses = [...r.data.matchAll(/^SIP\/2\.0 (\d{3}) .*\r\n(?:.*\r\n)*?CSeq: 8 (\w+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(statuses, ['200 REGISTER', '200 INVITE'], r.data);
    assert.equal(r.closedByServer, true);
  });

  test('item 14: 2100 held connections (table of 2048) do not lock new clients out; the idlest are evicted', async (ctx) => {
    const before = (await stats()).transport;
    // ten sources of 210, each under the per-source limit of 256: the table fills, then evicts
    const sources = Array.from({ length: 10 }, (_, i) => `127.0.0.${10 + i}`);
    let attack: ReturnType<typeof runAttack<'heldConnections'>> | undefined;
    let full = { open: 0, evicted: 0 };
    // the probes run while the connections are opened and held; the attacker lets them all go
    // at once only after (a mass disconnect is another matter: see the closing note)
    const probed = withProbes('item 14 held connections', async () => {
      attack = runAttack('heldConnections', { port: t.server.port, count: 2100, sources, holdMs: 6000 });
      for (let i = 0; i < 100; i++) {
        const s = (await stats()).transport;
        full = { open: s.tcpConnectionsOpen, evicted: s.tcpEvicted - before.tcpEvicted };
        if (full.evicted >= 2100 - 2048) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 1500)); // new clients keep coming to a full table
    });
    // the attacker's connections are gone before the next test, whatever the probes found
    await probed.finally(() => attack?.catch(() => undefined));
    const held = await attack!;
    const s = (await stats()).transport;
    ctx.diagnostic(`opened ${held.opened}, failed ${held.failed}, closed by the server ${held.closedByServer}; table ${full.open} when full; evicted +${s.tcpEvicted - before.tcpEvicted}`);
    assert.equal(held.failed, 0);
    assert.ok(full.open <= 2048, `the table held ${full.open}`);
    assert.ok(s.tcpEvicted - before.tcpEvicted >= 2100 - 2048, `evicted ${s.tcpEvicted - before.tcpEvicted}`);
    assert.ok(held.closedByServer >= 2100 - 2048, 'the held connections made room for the new ones');
  });

  test('item 14: one source is refused past tcp.max_connections_per_source (256)', async () => {
    const before = (await stats()).transport;
    const held = await withProbes('item 14 one source, 300 connections', () =>
      runAttack('heldConnections', { port: t.server.port, count: 300, sources: ['127.0.0.30'], holdMs: 300 }),
    );
    const s = (await stats()).transport;
    assert.equal(s.tcpConnectionsRefused - before.tcpConnectionsRefused, 300 - 256);
    assert.equal(held.closedByServer, 300 - 256);
  });

  test('item 14: slowloris connections are closed at the message deadline, whatever they trickle', async (ctx) => {
    const before = (await stats()).transport.tcpHeaderTimeouts;
    const r = await withProbes('item 14 slowloris', () =>
      runAttack('slowloris', { port: t.server.port, count: 50, everyMs: 200, maxMs: 5 * HEADER_TIMEOUT_MS }),
    );
    const after = (await stats()).transport.tcpHeaderTimeouts;
    ctx.diagnostic(`closed ${r.closedByServer}/50, lasted ${Math.min(...r.lastedMs)}–${Math.max(...r.lastedMs)} ms`);
    assert.equal(r.closedByServer, 50);
    assert.ok(Math.max(...r.lastedMs) < HEADER_TIMEOUT_MS + 1500, 'closed soon after the deadline');
    assert.ok(Math.min(...r.lastedMs) >= HEADER_TIMEOUT_MS - 50, 'not before it');
    assert.equal(after - before, 50);
  });

  test('the server still answers over TCP after all of it', async () => {
    const r = await tcpExchange(t.server.port, [request('OPTIONS', t.server.port, { transport: 'TCP' })], { waitMs: 2000 });
    assert.match(r.data, /^SIP\/2\.0 200 /);
  });
});
