// A real server with its engine in 2 worker threads: dispatch keeps each transaction on one
// worker (a retransmission is absorbed, a CANCEL finds its INVITE), kemi.stats and tm.stats
// answer for the whole server, a reload switches every worker or none, and a worker that dies
// is restarted while the server keeps answering.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const SCRIPT = (version: string) => `
function ksr_request_route() {
  if (KSR.is_CANCEL()) {
    if (KSR.tm.t_check_trans() > 0) KSR.tm.t_relay();
    else KSR.sl.sl_send_reply(481, "No CANCEL target");
    return;
  }
  if (KSR.tm.t_check_trans() === 0) return; // a retransmission: tm resent the last reply
  if (KSR.is_INVITE()) {
    KSR.tm.t_newtran();
    KSR.tm.t_reply(180, "Ringing");
    return;
  }
  KSR.sl.sl_send_reply(200, "${version}");
}
`;

/** One UDP socket for a whole exchange (a CANCEL must come from where its INVITE came). */
class Peer {
  readonly sock = dgram.createSocket('udp4');
  readonly got: string[] = [];
  /** The source port of each reply, in order. */
  readonly fromPorts: number[] = [];
  constructor(private readonly serverPort: number) {
    this.sock.on('message', (m, r) => {
      this.got.push(m.toString('latin1'));
      this.fromPorts.push(r.port);
    });
  }
  async open(): Promise<void> {
    await new Promise<void>((r) => this.sock.bind(0, '127.0.0.1', () => r()));
  }
  get port(): number {
    return (this.sock.address() as { port: number }).port;
  }
  send(text: string): void {
    this.sock.send(text, this.serverPort, '127.0.0.1');
  }
  /** Waits until `n` replies match, at most ms. */
  async waitFor(pred: (r: string) => boolean, n: number, ms = 5000): Promise<string[]> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hits = this.got.filter(pred);
      if (hits.length >= n) return hits;
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.got.filter(pred);
  }
  close(): void {
    this.sock.close();
  }
}

/** Counts that only grow, from kemi.stats and tm.stats. */
function countsOf(stats: any, tm: any): Record<string, number> {
  return {
    requests: stats.messages.requests,
    repliesSent: stats.messages.repliesSent,
    optionsIn: stats.sip.requestsIn.OPTIONS ?? 0,
    routeCount: stats.routes.ksr_request_route?.count ?? 0,
    gcCount: stats.gc.count,
    tmCreated: tm.created,
    tmFreed: tm.freed,
  };
}

function request(method: string, peerPort: number, callId: string, branch: string, cseqMethod = method): string {
  return [
    `${method} sip:bob@127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=${branch};rport`,
    `From: <sip:alice@127.0.0.1>;tag=${callId}`,
    'To: <sip:bob@127.0.0.1>',
    `Call-ID: ${callId}`,
    `CSeq: 1 ${cseqMethod}`,
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

const status = (r: string) => Number(/^SIP\/2\.0 (\d{3})/.exec(r)?.[1] ?? 0);
const callIdOf = (r: string) => /^Call-ID:\s*(.*)$/im.exec(r)?.[1]?.trim();
const reasonOf = (r: string) => /^SIP\/2\.0 \d{3} (.*)$/m.exec(r)?.[1]?.trim();

describe('a server with 2 workers', () => {
  let server: ServerProcess;
  let dir: string;
  let script: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ksr-workers-'));
    script = join(dir, 'route.js');
    writeFileSync(script, SCRIPT('v1'));
    server = await startServerProcess({ script, workers: 2, env: { KSR_TEST_WORKER_HOOKS: '1' }, config: () => ({ tm: { t1_ms: 500 } }), startTimeoutMs: 60_000 });
  });
  after(async () => server?.stop());

  /** OPTIONS with `n` different Call-IDs; the reasons of the 200s (the script's version). */
  async function options(n: number, waitMs = 4000): Promise<string[]> {
    const peer = new Peer(server.port);
    await peer.open();
    try {
      for (let i = 0; i < n; i++) peer.send(request('OPTIONS', peer.port, `opt-${Date.now()}-${i}`, `z9hG4bKo${i}x${Date.now()}`));
      return (await peer.waitFor((r) => status(r) === 200, n, waitMs)).map((r) => reasonOf(r)!);
    } finally {
      peer.close();
    }
  }

  test('every transaction meets its worker: retransmissions absorbed, each CANCEL finds its INVITE; stats are the whole server\'s', async () => {
    assert.equal((await server.rpc('kemi.stats_reset')).result.ok, true);
    const before = (await server.rpc('tm.stats')).result;
    const peer = new Peer(server.port);
    await peer.open();
    const N = 24;
    try {
      const calls = Array.from({ length: N }, (_, i) => ({ callId: `call-${i}-${Date.now()}@test`, branch: `z9hG4bKinv${i}x${Date.now()}` }));
      for (const c of calls) peer.send(request('INVITE', peer.port, c.callId, c.branch));
      assert.equal((await peer.waitFor((r) => status(r) === 180, N)).length, N, 'a 180 to each INVITE');
      // the retransmissions: tm resends the 180, no new transaction
      for (const c of calls) peer.send(request('INVITE', peer.port, c.callId, c.branch));
      assert.equal((await peer.waitFor((r) => status(r) === 180, 2 * N)).length, 2 * N, 'the 180 again for each retransmission');
      for (const c of calls) peer.send(request('CANCEL', peer.port, c.callId, c.branch));
      const cancels = await peer.waitFor((r) => /CSeq: 1 CANCEL/i.test(r), N);
      assert.deepEqual(cancels.map(status), Array(N).fill(200), 'every CANCEL found its INVITE (no 481)');
      assert.equal(new Set(cancels.map(callIdOf)).size, N);
    } finally {
      peer.close();
    }
    const tm = (await server.rpc('tm.stats')).result;
    assert.equal(tm.created - before.created, 2 * N, 'one transaction per INVITE and one per CANCEL, none for a retransmission');
    assert.equal(tm.retransmissionsAbsorbed - before.retransmissionsAbsorbed, N);
    assert.equal(tm.cancelsReceived - before.cancelsReceived, N);
    const stats = (await server.rpc('kemi.stats')).result;
    assert.equal(stats.workers.count, 2);
    assert.ok(stats.workers.perWorker.every((w: { received: number }) => w.received > 0), `both workers served: ${JSON.stringify(stats.workers.perWorker)}`);
    // INVITE, its retransmission and CANCEL, counted by whichever worker ran them
    const route = stats.routes.ksr_request_route;
    assert.equal(route.count, 3 * N, `whole-server route count: ${JSON.stringify(route)}`);
    assert.ok(route.min <= route.avg && route.avg <= route.max);
    assert.equal(stats.tm.cancelsReceived, tm.cancelsReceived);
    // reset: every worker's figures
    assert.equal((await server.rpc('kemi.stats_reset')).result.ok, true);
    assert.equal((await server.rpc('kemi.stats')).result.routes.ksr_request_route, undefined);
  });

  test('kemi.stats names the socket thread and each worker by its operating-system thread id (for chrt -p)', { skip: !existsSync('/proc/thread-self') && 'no /proc/thread-self (not Linux)' }, async () => {
    const w = (await server.rpc('kemi.stats')).result.workers;
    const socketTid = w.socketThread.osThreadId as number;
    const workerTids = w.perWorker.map((x: { osThreadId: number }) => x.osThreadId) as number[];
    // the socket thread is the server process's main thread: its id is the process id
    assert.ok(Number.isInteger(socketTid) && existsSync(`/proc/${socketTid}/task/${socketTid}`), `socket thread ${socketTid}`);
    assert.match(readFileSync(`/proc/${socketTid}/cmdline`, 'utf8'), /cli\.(js|ts)\0run\0/, 'the socket thread is the server, not the launcher');
    assert.equal(workerTids.length, 2);
    assert.equal(new Set([socketTid, ...workerTids]).size, 3, `distinct: ${socketTid}, ${workerTids.join(', ')}`);
    for (const tid of workerTids) assert.ok(existsSync(`/proc/${socketTid}/task/${tid}`), `worker ${tid} is a thread of the server ${socketTid}`);
  });

  test('a reload switches every worker, or none when one worker refuses the script', async () => {
    writeFileSync(script, SCRIPT('v2'));
    const ok = await server.rpc('kemi.reload');
    assert.equal(ok.error, undefined, JSON.stringify(ok.error));
    assert.deepEqual(new Set(await options(16)), new Set(['v2']), 'every worker serves the new script');

    // a script that does not load is refused by every worker: all keep v2
    writeFileSync(script, 'function ksr_request_route() {\n  KSR.sl.sl_send_reply(200, "broken";\n}\n');
    const broken = await server.rpc('kemi.reload');
    assert.match(broken.error?.message ?? '', /refused.*worker \d+:.*route\.js/s);
    assert.deepEqual(new Set(await options(16)), new Set(['v2']));

    // one worker refuses (as a script failing in that worker alone would): the other, which loaded it, discards it
    writeFileSync(script, SCRIPT('v3'));
    assert.equal((await server.rpc('workers.test_refuse_next_reload', [1])).result, true);
    const refused = await server.rpc('kemi.reload');
    assert.match(refused.error?.message ?? '', /worker 1: refused by the test hook/);
    assert.deepEqual(new Set(await options(16)), new Set(['v2']), 'worker 0 did not switch alone');

    // and the next reload goes through in both
    const again = await server.rpc('kemi.reload');
    assert.equal(again.error, undefined, JSON.stringify(again.error));
    assert.deepEqual(new Set(await options(16)), new Set(['v3']));
    assert.equal((await server.rpc('kemi.stats')).result.runtime.reloads, 3, 'the first load and two reloads that went through');
  });

  test('a worker that dies is restarted with the current script, and the server keeps answering', async () => {
    // the whole server's counts never go down: the dead worker's are carried past its death
    let counts = countsOf((await server.rpc('kemi.stats')).result, (await server.rpc('tm.stats')).result);
    const workerCounts = (await server.rpc('kemi.stats')).result.workers.perWorker.map((w: { received: number }) => w.received);
    assert.ok(workerCounts.every((n: number) => n > 0), `both workers received messages before: ${workerCounts}`);
    const exited = await server.rpc('workers.test_exit', [1]);
    assert.equal(exited.error, undefined);
    // meanwhile worker 0 answers its share; once worker 1 is back, everything is answered again
    const end = Date.now() + 20_000;
    let stats;
    do {
      await new Promise((r) => setTimeout(r, 200));
      stats = (await server.rpc('kemi.stats')).result;
      const now = countsOf(stats, (await server.rpc('tm.stats')).result);
      for (const [k, v] of Object.entries(now)) assert.ok(v >= counts[k]!, `${k} went down from ${counts[k]} to ${v} (unanswered: ${JSON.stringify(stats.workers.unanswered)}, restarts: ${stats.workers.restarts})`);
      counts = now;
    } while ((stats.workers.restarts < 1 || stats.workers.unanswered.length > 0) && Date.now() < end);
    assert.equal(stats.workers.restarts, 1, JSON.stringify(stats.workers));
    const restarted = stats.workers.perWorker.find((w: { index: number }) => w.index === 1);
    assert.ok(restarted.received < workerCounts[1], `worker 1 counts from 0 again (${restarted.received} after ${workerCounts[1]}), the sums still hold its former life`);
    assert.deepEqual(stats.workers.unanswered, []);
    const answers = await options(32);
    assert.equal(answers.length, 32, 'all answered after the restart');
    assert.deepEqual(new Set(answers), new Set(['v3']), 'the restarted worker runs the current script');
    await server.waitForOutput(/worker died; restarting it/);
  });

  // after the restart above: the restarted worker has its own copy too, and the listener
  // survived the dead worker's copy closing
  test('each worker sends its UDP replies itself, from its own copy of the listening socket; the restarted one too', async () => {
    type PerWorker = { index: number; sentOwnUdp: number; sentViaSocketThread: number };
    const before: PerWorker[] = (await server.rpc('kemi.stats')).result.workers.perWorker;
    const peer = new Peer(server.port);
    await peer.open();
    const N = 32;
    try {
      for (let i = 0; i < N; i++) peer.send(request('OPTIONS', peer.port, `own-${Date.now()}-${i}`, `z9hG4bKown${i}x${Date.now()}`));
      assert.equal((await peer.waitFor((r) => status(r) === 200, N)).length, N);
      assert.deepEqual([...new Set(peer.fromPorts)], [server.port], 'every reply from the listening port');
    } finally {
      peer.close();
    }
    const after: PerWorker[] = (await server.rpc('kemi.stats')).result.workers.perWorker;
    let own = 0;
    for (const w of after) {
      const b = before.find((x) => x.index === w.index)!;
      assert.ok(w.sentOwnUdp > b.sentOwnUdp, `worker ${w.index} sent replies itself: ${JSON.stringify({ before: b, after: w })}`);
      assert.equal(w.sentViaSocketThread, b.sentViaSocketThread, `worker ${w.index} handed no UDP send to the socket thread`);
      own += w.sentOwnUdp - b.sentOwnUdp;
    }
    assert.equal(own, N, 'one own send per reply');
  });
});
