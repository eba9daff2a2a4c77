// Under a real-time policy each worker thread runs worker_rt_step (default 1) below the socket
// thread (host/workers/realtime-step.ts): a real server started by `chrt -f 10`, its threads'
// priorities read back from kemi.stats and from /proc; worker_rt_step 0 leaves them equal.
// Starting a server under SCHED_FIFO needs root (or an RLIMIT_RTPRIO): skipped without it. In
// the tests run alone (npm run test:alone): a server starting under SCHED_FIFO takes the cores
// from every other process while it boots, and the shared run's timing bounds would pay for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStatScheduling, stepBelowIfRealtime, threadScheduling } from '../../host/workers/realtime-step.js';
import { osThreadId } from '../../host/workers/os-thread-id.js';
import { startServerProcess } from '../support/server-process.js';

test('the policy and real-time priority are read after the command name, whatever it holds', () => {
  // fields 40 (rt_priority) and 41 (policy) of proc(5), a name with a space and a ')' in it
  const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
  fields[40 - 3] = '10';
  fields[41 - 3] = '1';
  assert.deepEqual(parseStatScheduling(`1234 (a) b c) ${fields.join(' ')}`), { policy: 1, rtPriority: 10 });
  assert.equal(parseStatScheduling('no name here'), null);
});

test('a thread under no real-time policy, or a step of 0, is left alone, with the reason', () => {
  const self = threadScheduling(osThreadId());
  if (self && self.policy !== 0) return; // the test runner itself runs real-time: nothing to judge here
  assert.deepEqual(stepBelowIfRealtime(osThreadId(), 0), { stepped: false, realtime: false, why: 'worker_rt_step is 0' });
  const r = stepBelowIfRealtime(osThreadId(), 1);
  assert.equal(r.stepped, false);
  assert.match((r as { why: string }).why, self ? /not under a real-time policy/ : /cannot be read/);
});

const canRunFifo = spawnSync('chrt', ['-f', '10', 'true']).status === 0;

test('under chrt -f 10 the workers run at 9, the socket thread at 10; worker_rt_step 0 keeps them at 10', { skip: !canRunFifo && 'chrt -f 10 is not permitted here (needs root or RLIMIT_RTPRIO)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-rt-'));
  const script = join(dir, 'route.js');
  writeFileSync(script, "function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n");
  for (const [step, expected] of [[undefined, 9], [0, 10]] as const) {
    const server = await startServerProcess({
      script, workers: 2, wrapper: ['chrt', '-f', '10'],
      config: () => (step === undefined ? {} : { worker_rt_step: step }),
    });
    try {
      const w = (await server.rpc('kemi.stats')).result.workers;
      assert.equal(w.socketThread.realtimePriority, 10, 'the socket thread keeps the priority it was started with');
      assert.deepEqual(w.perWorker.map((x: { realtimePriority: number }) => x.realtimePriority), [expected, expected]);
      // read back from the kernel, not only from what the server says
      const pid = w.socketThread.osThreadId as number;
      for (const x of w.perWorker as { osThreadId: number }[]) {
        assert.deepEqual(parseStatScheduling(readFileSync(`/proc/${pid}/task/${x.osThreadId}/stat`, 'latin1')), { policy: 1, rtPriority: expected });
      }
      if (step === undefined) assert.match(server.output(), /worker thread below the socket thread/);
    } finally {
      await server.stop();
    }
  }
});
