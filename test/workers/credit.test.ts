// The queue from the socket thread to a worker is bounded (host/workers/worker-pool.ts): at
// most the credit is in flight to a worker (its port hands over everything queued in one turn,
// and nothing can be taken back out of it); past it messages are held in the socket thread,
// fairly by source (host/workers/fair-hold.ts), judged by the overload policy when they leave,
// and a hold that stands deep is the congestion signal. Real worker threads (a stand-in worker
// that spends CPU per message: test/workers/fixtures/slow-worker.mjs), no engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FairHold } from '../../host/workers/fair-hold.js';
import { CREDIT, HELD_DEEP, WorkerPool } from '../../host/workers/worker-pool.js';
import type { ReceiveInfo } from '../../host/transport/types.js';

const quiet = { info() {}, warn() {}, error() {} };

function pool(o: { msPerMessage: number; maxHeld?: number; rejudge?: (buf: Buffer, rcv: ReceiveInfo) => boolean }): WorkerPool {
  return new WorkerPool({
    count: 1,
    entry: new URL('./fixtures/slow-worker.mjs', import.meta.url),
    workerData: (_index, signals) => ({ msPerMessage: o.msPerMessage, signals }),
    sockets: { send: () => true, addTcpAlias: () => true },
    marker: new Uint8Array(0),
    log: quiet,
    ...(o.maxHeld ? { maxHeld: o.maxHeld } : {}),
    ...(o.rejudge ? { rejudge: o.rejudge } : {}),
  });
}

function rcv(srcIp: string): ReceiveInfo {
  return { proto: 'udp', srcIp, srcPort: 5060, rcvIp: '127.0.0.1', rcvPort: 5060, conId: 0, receivedAt: Date.now() };
}

const OPTIONS = Buffer.from('OPTIONS sip:x SIP/2.0\r\nCall-ID: a\r\n\r\n');

async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('FairHold: one lane per source, taken in turn, in order within a lane, bounded', () => {
  const h = new FairHold<string>(10, 4);
  for (let i = 0; i < 6; i++) assert.equal(h.push('flood', `f${i}`), i < 4, 'a lane holds perSource at most');
  assert.ok(h.push('a', 'a0'));
  assert.ok(h.push('a', 'a1'));
  assert.ok(h.push('b', 'b0'));
  const out: string[] = [];
  for (let x = h.shift(); x !== undefined; x = h.shift()) out.push(x);
  assert.deepEqual(out, ['f0', 'a0', 'b0', 'f1', 'a1', 'f2', 'f3']);
  for (let i = 0; i < 10; i++) h.push(`s${i}`, 'x');
  assert.equal(h.push('another', 'x'), false, 'the hold holds total at most');
  assert.equal(h.clear(), 10);
  assert.equal(h.size, 0);
});

test('a flood is held in the socket thread, at most the credit in flight to the worker; another source passes the flood', async () => {
  const p = pool({ msPerMessage: 0.3 });
  await p.start();
  try {
    for (let i = 0; i < 1000; i++) p.dispatch(OPTIONS, rcv('10.0.0.2'));
    p.dispatch(OPTIONS, rcv('10.0.0.1'));
    assert.equal(p.queues()[0]!.inFlight, CREDIT, 'the credit is in flight');
    assert.equal(p.queues()[0]!.held, 1001 - CREDIT, 'the rest is held here');
    assert.ok(p.heldStandingMs(performance.now() + 100) >= 100, 'a deep hold stands');
    let mostInFlight = 0;
    await until(() => {
      mostInFlight = Math.max(mostInFlight, p.queues()[0]!.inFlight);
      return p.queues()[0]!.held === 0 && p.queues()[0]!.inFlight === 0;
    }, 'everything crossed and was acknowledged');
    assert.ok(mostInFlight <= CREDIT, `in flight ${mostInFlight} (credit ${CREDIT})`);
    const w = (await p.call(0, 'report')) as { sources: string[]; waits: number[] };
    assert.equal(w.sources.length, 1001, 'nothing lost');
    const probe = w.sources.indexOf('10.0.0.1');
    assert.ok(probe <= CREDIT + 1, `the other source's message crossed ${probe}th, not behind the flood's ${1000 - CREDIT} held`);
    const floodWait = Math.max(...w.waits);
    assert.ok(w.waits[probe]! * 2 < floodWait, `the other source waited ${w.waits[probe]} ms, the flood up to ${floodWait} ms`);
    assert.equal(p.heldStandingMs(), 0, 'no hold: nothing stands');
  } finally {
    await p.stop();
  }
});

test("a source's lane and the hold are bounded; what overflows is counted", async () => {
  const p = pool({ msPerMessage: 1, maxHeld: 400 });
  await p.start();
  try {
    for (let i = 0; i < 500; i++) p.dispatch(OPTIONS, rcv('10.0.0.2'));
    for (let i = 0; i < 50; i++) p.dispatch(OPTIONS, rcv('10.0.0.3'));
    const c = p.snapshot();
    // the credit crossed; the flooding source holds a quarter of the hold; the other source all of its own
    assert.equal(c.heldDropped, 500 - CREDIT - 100);
    assert.equal(c.heldMax, 150);
    assert.ok(HELD_DEEP <= 150 && p.heldStandingMs(performance.now() + 60) >= 60);
  } finally {
    await p.stop();
  }
});

test('held messages are judged by the overload policy when they leave the hold, unless judged when read', async () => {
  const judged: string[] = [];
  const p = pool({ msPerMessage: 0.1, rejudge: (_buf, r) => (judged.push(r.srcIp), r.srcIp === '10.0.0.2') });
  await p.start();
  try {
    for (let i = 0; i < CREDIT; i++) p.dispatch(OPTIONS, rcv('10.0.0.9'));
    for (let i = 0; i < 100; i++) p.dispatch(OPTIONS, rcv('10.0.0.2')); // read before the policy shed: judged on leaving
    for (let i = 0; i < 100; i++) p.dispatch(OPTIONS, rcv('10.0.0.3'), true); // read while it shed: charged already
    await until(() => p.queues()[0]!.held === 0 && p.queues()[0]!.inFlight === 0, 'the hold drained');
    const w = (await p.call(0, 'report')) as { sources: string[] };
    assert.equal(judged.length, 100, 'only what was not judged when read');
    assert.ok(judged.every((s) => s === '10.0.0.2'));
    assert.equal(w.sources.filter((s) => s === '10.0.0.2').length, 0, 'what the policy shed did not cross');
    assert.equal(w.sources.filter((s) => s === '10.0.0.3').length, 100);
  } finally {
    await p.stop();
  }
});
