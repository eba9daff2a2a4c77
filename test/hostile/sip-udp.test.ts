// A UDP flood from one source (issue 7 item 12), against a real server: while 20 000
// OPTIONS/s come from 127.0.0.2 for 3 s, a legitimate UDP client and a client on a new TCP
// connection each time (127.0.0.1) are answered within 200 ms throughout; the server keeps its
// PID; kemi.stats shows the overload episode, what the policy shed and what the kernel
// dropped (a server that answered the whole flood kept up, and shed nothing). With workers
// (sip-udp-workers2.test.ts) the probes pass the flood in the socket thread's fair hold.
//
// The floods come to a server that has served legitimate traffic first (WARM_UP), as any
// server in service has: a server's first burst of traffic after its start also runs its
// message path unoptimised while V8 compiles it on four helper threads besides the serving
// ones, and on the 2-core CI machine that doubled the probes' wait in the first flood (2
// workers: 100-137 ms against 21-71 ms for the same flood a second time, on one server).
// What is tested is the overload policy, not the JIT's warm-up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startGapProbe } from '../support/gap-probe.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { runAttack } from '../support/attack-process.js';

const MAX_GAP_MS = 200;
const FLOOD = { rate: 20_000, seconds: 3 };
/** Legitimate traffic before the floods, from a third address: one source at a rate no server sheds (test/load/single-source-not-shed.test.ts). */
const WARM_UP = { rate: 1500, seconds: 2, from: '127.0.0.3' };

const SCRIPT = `function ksr_request_route() {
  if (KSR.is_ACK()) return;
  KSR.sl.sl_send_reply(200, 'OK');
}
`;

describe('hostile SIP peers over UDP', () => {
  let server: ServerProcess;

  before(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ksr-sip-udp-')), 'answer.js');
    writeFileSync(file, SCRIPT);
    server = await startServerProcess({ script: file, config: () => ({}) });
    const w = WARM_UP;
    const warm = await runAttack('udpFlood', { port: server.port, rate: w.rate, count: w.rate * w.seconds, maxMs: w.seconds * 1000 + 2000, localAddress: w.from });
    console.log(`# warm-up: ${warm.sent} OPTIONS from ${w.from} in ${warm.ms} ms, ${JSON.stringify(warm.replies)} back`);
    assert.ok((warm.replies[200] ?? 0) >= warm.sent * 0.99, `legitimate traffic at ${w.rate}/s is answered, not shed: ${JSON.stringify(warm.replies)} of ${warm.sent}`);
  });
  after(async () => server?.stop());

  async function stats(): Promise<any> {
    return (await server.rpc('kemi.stats')).result;
  }

  /** Runs a flood from 127.0.0.2 beside the probes; returns what both saw and what the server counted. */
  async function floodWithProbes(name: string, kind: 'options' | 'in-dialog' | 'garbage') {
    const garbage = kind === 'garbage';
    const pid = server.child.pid;
    // each flood starts on a calm server (start-up and the flood before leave it overloaded a while)
    for (let i = 0; i < 50 && (await stats()).overload.overloaded; i++) await new Promise((r) => setTimeout(r, 100));
    const before = await stats();
    const udp = await startGapProbe({ port: server.port, transport: 'udp', maxMs: 60_000 });
    const tcp = await startGapProbe({ port: server.port, transport: 'tcp-new', maxMs: 60_000 });
    let flood;
    let u;
    let c;
    try {
      flood = await runAttack('udpFlood', { port: server.port, rate: FLOOD.rate, count: FLOOD.rate * FLOOD.seconds, maxMs: FLOOD.seconds * 1000 + 2000, garbage, toTag: kind === 'in-dialog' });
    } finally {
      u = await udp.stop();
      c = await tcp.stop();
    }
    const s = await stats();
    const d = (f: (x: any) => number) => f(s) - f(before);
    const shed = d((x) => x.overload.shedSourceRate + x.overload.shedSourceFlood + x.overload.shedStale);
    const kernel = d((x) => x.transport.udpKernelDrops);
    // with workers: received by the socket thread, then dropped because its hold for a worker was full
    const heldDropped = d((x) => x.workers?.heldDropped ?? 0);
    const received = d((x) => x.messages.received);
    // what the server answered of the flood: the replies it sent, less every probe answered (a
    // low bound: in one run the counter grew by fewer than the probes' replies; not looked into)
    const answered = Math.max(0, d((x) => x.messages.repliesSent) - u.answered - c.answered);
    // worst at: when the longest-waiting probe was sent, from the probes' start (the flood's process starts ~0.4 s after them)
    console.log(`# gap item 12 ${name}: udp ${u.maxGapMs} ms (${u.answered}/${u.sent}, worst at ${u.worstAtMs} ms), tcp ${c.maxGapMs} ms (${c.answered}/${c.sent}, worst at ${c.worstAtMs} ms); ` +
      `flood ${flood.sent} sent in ${flood.ms} ms, ${JSON.stringify(flood.replies)} back; server received ${received}, answered ${answered}, shed ${shed}, ` +
      `kernel drops ${kernel}, malformed dropped ${d((x) => x.messages.malformedDropped)}, episodes ${d((x) => x.overload.episodes)}, loop held up to ${s.overload.loopLagMaxMs} ms` +
      ((flood.replies[200] ?? 0) >= flood.sent * 0.98 ? '; carried in full' : '') +
      (s.workers ? `; socket thread dropped ${d((x) => x.workers.socketThread.earlyDropped)} early, held up to ${s.workers.heldMax} for a worker (${heldDropped} dropped when full)` : ''));
    assert.equal(server.child.exitCode, null);
    assert.equal(server.child.pid, pid);
    assert.ok(flood.sent >= FLOOD.rate * FLOOD.seconds * 0.9, `the flood ran (${flood.sent} sent)`);
    // every datagram of the flood is accounted for: received (then routed, shed or refused as
    // malformed, or with workers dropped by a full hold) or dropped by the kernel
    assert.ok(received + kernel >= flood.sent * 0.99, `received ${received} + kernel drops ${kernel} vs ${flood.sent} sent`);
    if (garbage) {
      const refused = shed + heldDropped + d((x) => x.messages.malformedDropped + x.messages.badRequests);
      assert.ok(refused + kernel >= flood.sent * 0.99, `garbage shed or refused: ${refused} + kernel drops ${kernel} vs ${flood.sent}`);
    }
    // a server that answered the whole flood kept up with it: it had nothing to shed (2 workers
    // on 2 cores may carry 20 000 in-dialog OPTIONS/s: 59 780 of 60 000 answered, no episode);
    // one that did not must have been overloaded and shed. What it answered is what it sent
    // (its counter, less the probes' replies): the flooder's own socket may lose replies the
    // server did send (58 308 of 60 000 came back once, with nothing shed and no kernel drop)
    const carried = !garbage && ((flood.replies[200] ?? 0) >= flood.sent * 0.98 || answered >= flood.sent * 0.98);
    if (!garbage && !carried) {
      assert.ok(d((x) => x.overload.episodes) > 0, 'the flood made the server overloaded');
      assert.ok(shed > 0, 'the policy shed part of the flood');
    }
    assert.ok(u.maxGapMs <= MAX_GAP_MS, `a UDP client waited ${u.maxGapMs} ms (limit ${MAX_GAP_MS})`);
    assert.ok(c.maxGapMs <= MAX_GAP_MS, `a client on a new TCP connection waited ${c.maxGapMs} ms (limit ${MAX_GAP_MS})`);
    return { flood, shed, carried };
  }

  test(`item 12: a flood of ${FLOOD.rate} OPTIONS/s from one source does not deny the others; its losses are counted`, async () => {
    const { flood } = await floodWithProbes('OPTIONS flood', 'options');
    // the flooding source keeps its share (source_rate a second), answered by the script
    assert.ok((flood.replies[200] ?? 0) > 0);
    assert.equal(flood.replies[503], undefined, 'shed datagrams are dropped, not answered');
  });

  test(`item 12: a flood of ${FLOOD.rate} garbage datagrams/s from one source does not deny the others`, async () => {
    await floodWithProbes('garbage flood', 'garbage');
  });

  test(`item 12: a flood of ${FLOOD.rate} in-dialog OPTIONS/s (To tag) from one source is bounded too`, async () => {
    const before = (await stats()).overload.shedSourceFlood;
    const { flood, carried } = await floodWithProbes('in-dialog flood', 'in-dialog');
    if (!carried) assert.ok((await stats()).overload.shedSourceFlood > before, 'dropped by the any-message rate');
    assert.ok((flood.replies[200] ?? 0) > 0, 'the source keeps its share');
  });

  test('after the flood the server is out of overload and answers', async () => {
    await new Promise((r) => setTimeout(r, 1500)); // the policy stays on 1 s after the load fell
    assert.equal((await stats()).overload.overloaded, false);
    const [r] = await udpExchange(server.port, request('OPTIONS', server.port));
    assert.equal(statusOf(r ?? ''), 200);
  });

  test('kemi.stats reads the kernel drop counter of the UDP socket', async () => {
    const s = await stats();
    assert.equal(typeof s.transport.udpKernelDrops, 'number');
    assert.equal(typeof s.transport.udpRxQueueBytes, 'number');
  });
});
