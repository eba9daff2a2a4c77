// sipp as caller → ksr-host running the sample proxy → sipp as callee(s), for one runtime,
// over UDP and TCP: full call, CANCEL, 486 → failure route → second callee, no answer → 408,
// lost packets, UDP in → TCP out, and a reload between INVITE and its reply.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, testWorkers, type ServerProcess } from '../support/server-process.js';
import { explain, scenario, startSipp, type SippOptions } from '../support/sipp.js';
import { freePort } from '../support/ports.js';

const EXT = { js: 'js', lua: 'lua', python: 'py' } as const;
/** fr_inv_timer of the test server: short so the 408 flow is quick. */
const FR_INV_MS = 2500;
/** fr_timer (Kamailio's default): no reply at all. Timer A retransmits until then (T1, 2T1,
 *  4T1...): 8 copies of the INVITE with T1 = 125 ms, so the lossy callee (25%) practically
 *  never loses them all; the reload test's callee stays silent while the script reloads. */
const FR_MS = 30_000;
/** RFC 3261 T1 of the test server (default 500 ms). Timers D (after a non-2xx from a callee)
 *  and J (after the final reply to a non-INVITE) keep a transaction 64*T1 over UDP, so the
 *  table empties 64*T1 after the last call at the latest: 8 s here instead of 32 s (eight
 *  suites wait for it: with 250 ms they spent 2 minutes of the shared phase's test time). */
const T1_MS = 125;

interface Flow {
  caller: string;
  callees: { scenario: string; transport?: 'udp' | 'tcp' }[];
  /**
   * Loss on purpose, where the scenarios say so (lost="N" on chosen messages), rather than
   * sipp's -lost on everything: random loss of any packet makes sipp itself fail now and then
   * (it forgets a finished call and goes deaf to retransmissions), which tests sipp, not the
   * proxy. With loss, the sipp ends retransmit (no -nr).
   */
  lossy?: boolean;
  calls?: number;
}

/**
 * A callee on UDP that says nothing to the INVITE (the proxy's Timer A copies are ignored)
 * until `answerWhen` settles, then answers 486 and waits for the hop-by-hop ACK.
 */
async function busyCallee(answerWhen: Promise<void>) {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  let invited!: (inv: { text: string; port: number }) => void;
  let acked!: () => void;
  const invite = new Promise<{ text: string; port: number }>((r) => (invited = r));
  const ack = new Promise<void>((r) => (acked = r));
  sock.on('message', (buf, from) => {
    const text = buf.toString();
    if (text.startsWith('INVITE ')) invited({ text, port: from.port });
    if (text.startsWith('ACK ')) acked();
  });
  void Promise.all([invite, answerWhen]).then(([inv]) => sock.send(busyReply(inv.text), inv.port, '127.0.0.1'));
  return { port: sock.address().port, invited: invite, acked: ack, close: () => sock.close() };
}

/** 486 to a request: its Via lines, From, To with a tag, Call-ID and CSeq. */
function busyReply(request: string): string {
  const lines = request.split('\r\n');
  const pick = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name}:`));
  const to = pick('to')[0]!;
  return ['SIP/2.0 486 Busy Here', ...pick('via'), ...pick('from'), `${to};tag=busy1`, ...pick('call-id'), ...pick('cseq'), 'Content-Length: 0', '', ''].join('\r\n');
}

export function callFlowSuite(language: 'js' | 'lua' | 'python', engine?: 'v8' | 'quickjs'): void {
  const workers = testWorkers();
  describe(`proxy call flows, ${language}${engine ? ` on ${engine}` : ''}${workers > 1 ? `, ${workers} workers` : ''}`, () => {
    let server: ServerProcess;
    let dir: string;
    let scriptFile: string;
    let sample: string;
    let failoverPort = 0;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ksr-calls-'));
      sample = readFileSync(fileURLToPath(new URL(`../../sample-scripts/routing.${EXT[language]}`, import.meta.url)), 'utf8');
      scriptFile = join(dir, `routing.${EXT[language]}`);
      writeFileSync(scriptFile, sample);
      failoverPort = await freePort();
      const config = join(dir, 'ksr-host.yaml');
      writeFileSync(
        config,
        `tm: { t1_ms: ${T1_MS}, fr_inv_timer_ms: ${FR_INV_MS}, fr_timer_ms: ${FR_MS} }\ndefines: { FAILOVER_URI: "sip:failover@127.0.0.1:${failoverPort}" }\nstore: "sqlite::memory:"\n`,
      );
      server = await startServerProcess({ script: scriptFile, engine, extraArgs: ['--config', config], startTimeoutMs: 60000 });
    });
    after(async () => server?.stop());

    /** Starts the callees, then the caller; all must end with sipp's exit code 0. */
    async function runFlow(name: string, transport: 'udp' | 'tcp', flow: Flow): Promise<void> {
      const calls = flow.calls ?? 3;
      const ports: number[] = [];
      const callees = [];
      for (const [i, c] of flow.callees.entries()) {
        // the second callee is the failover destination, FAILOVER_URI: always UDP
        const port = i === 1 ? failoverPort : await freePort();
        ports.push(port);
        const t = i === 1 ? 'udp' : (c.transport ?? transport);
        const opts: SippOptions = {
          scenario: scenario(c.scenario), localPort: port, transport: t, calls, timeoutS: 40, retransmissions: flow.lossy === true,
        };
        callees.push(startSipp(opts));
      }
      const all = [...callees];
      try {
        await new Promise((r) => setTimeout(r, 300)); // let the callees bind
        const t = flow.callees[0]!.transport ?? transport;
        const callee = `127.0.0.1:${ports[0]}${t === 'tcp' ? ';transport=tcp' : ''}`;
        const caller = startSipp({
          scenario: scenario(flow.caller), port: server.port, localPort: await freePort(), transport, calls, rate: 5,
          timeoutS: 40, retransmissions: flow.lossy === true, keys: { callee }, extra: ['-s', 'bob'],
        });
        all.push(caller);
        const c = await caller.done;
        assert.equal(c.code, 0, explain(`${name} caller`, c) + `\nserver, on the failed calls:\n${linesOfFailedCalls(c.errors, server.output())}\nserver, last:\n${server.output().slice(-1500)}`);
        for (const [i, p] of callees.entries()) {
          const r = await p.done;
          assert.equal(r.code, 0, explain(`${name} callee ${i}`, r));
        }
      } finally {
        for (const p of all) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      }
    }

    for (const transport of ['udp', 'tcp'] as const) {
      test(`full call INVITE/100/180/200/ACK/BYE over ${transport}`, () =>
        runFlow('call', transport, { caller: 'uac-call.xml', callees: [{ scenario: 'uas-answer.xml' }] }));

      test(`CANCEL before answer over ${transport}`, () =>
        runFlow('cancel', transport, { caller: 'uac-cancel.xml', callees: [{ scenario: 'uas-ring-cancel.xml' }] }));

      test(`486 → failure route → second callee answers, over ${transport}`, () =>
        runFlow('failover', transport, { caller: 'uac-call.xml', callees: [{ scenario: 'uas-busy.xml' }, { scenario: 'uas-answer.xml' }] }));

      test(`no answer → 408 after fr_inv_timer (failover tried once), over ${transport}`, () =>
        runFlow('timeout', transport, {
          caller: 'uac-timeout.xml', calls: 2,
          callees: [{ scenario: 'uas-ring-cancel.xml' }, { scenario: 'uas-ring-cancel.xml' }],
        }));
    }

    test('lost and duplicated packets over UDP are repaired by retransmissions', async () => {
      // the callee loses a quarter of the INVITEs (repaired by the proxy's Timer A); the caller
      // every 100 (the callee's 180 comes a second later, so each INVITE is retransmitted once)
      // and a tenth of the 200s to its BYE. Its retransmitted INVITEs and BYEs must be absorbed
      // by the proxy's transactions and answered with their last reply. The INVITE's copy is
      // certain, so at least one absorbed request per call; the random losses only add to it.
      const absorbed = async () => (await server.rpc('kemi.stats')).result.tm.retransmissionsAbsorbed as number;
      const before = await absorbed();
      const calls = 16;
      await runFlow('lossy call', 'udp', { caller: 'uac-call-lossy.xml', callees: [{ scenario: 'uas-answer-lossy.xml' }], lossy: true, calls });
      const seen = (await absorbed()) - before;
      assert.ok(seen >= calls, `the proxy absorbed a retransmitted request per call at least: expected >= ${calls}, saw ${seen}`);
    });

    test('UDP in, TCP out (double Record-Route)', () =>
      runFlow('udp→tcp', 'udp', { caller: 'uac-call.xml', callees: [{ scenario: 'uas-answer.xml', transport: 'tcp' }] }));

    test('a reload between the INVITE and its reply runs the failure route of the new script', async () => {
      // The running script has no failover (its failure route reads a define that is not set).
      // The busy callee answers 486 only once the reload of the sample script has returned: a
      // reload can take longer than any fixed pause (pyodide boots a new interpreter, seconds
      // on a loaded machine), and a pause longer than the 486 is not a test of the reload.
      writeFileSync(scriptFile, sample.replaceAll('FAILOVER_URI', 'NO_SUCH_DEFINE'));
      assert.equal((await server.rpc('kemi.reload')).error, undefined);
      let reloaded!: () => void;
      const reloadDone = new Promise<void>((r) => (reloaded = r));
      const busy = await busyCallee(reloadDone);
      const answer = startSipp({ scenario: scenario('uas-answer.xml'), localPort: failoverPort, transport: 'udp', calls: 1, timeoutS: 30 });
      try {
        await new Promise((r) => setTimeout(r, 300));
        const caller = startSipp({
          scenario: scenario('uac-call.xml'), port: server.port, localPort: await freePort(), transport: 'udp', calls: 1, timeoutS: 30,
          keys: { callee: `127.0.0.1:${busy.port}` }, extra: ['-s', 'bob'],
        });
        await busy.invited; // the old script relayed the INVITE
        writeFileSync(scriptFile, sample);
        assert.equal((await server.rpc('kemi.reload')).error, undefined);
        reloaded();
        const c = await caller.done;
        assert.equal(c.code, 0, explain('caller', c) + `\nserver:\n${server.output().slice(-3000)}`);
        await busy.acked; // the 486 was ACKed hop by hop
        assert.equal((await answer.done).code, 0);
      } finally {
        busy.close();
        if (answer.child.exitCode === null) answer.child.kill('SIGKILL');
      }
    });

    test('the transaction table empties after the calls', async () => {
      let tm: { transactions: number } | undefined;
      // the longest a finished transaction stays is 64*T1 (Timers D, H, J), plus a margin
      for (let i = 0; i < (64 * T1_MS + 5000) / 500; i++) {
        tm = (await server.rpc('kemi.stats')).result.tm;
        if (tm?.transactions === 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.equal(tm?.transactions, 0, JSON.stringify(tm));
    });
  });
}

/** The server's log lines that name a call sipp gave up on (its errors name each by Call-ID): what the server did with it. */
function linesOfFailedCalls(sippErrors: string, serverOutput: string): string {
  const ids = new Set([...sippErrors.matchAll(/Call-ID '([^']+)'/g)].map((m) => m[1]!));
  if (ids.size === 0) return '(sipp named no Call-ID)';
  const lines = serverOutput.split('\n').filter((l) => [...ids].some((id) => l.includes(id)));
  return `${[...ids].join(', ')}: ${lines.length} lines\n${lines.slice(0, 60).join('\n')}`;
}
