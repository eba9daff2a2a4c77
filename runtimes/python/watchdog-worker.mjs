// The watchdog of one Python runtime, on a thread of its own (see watchdog.ts). The host
// thread is blocked inside the isolate while Python runs, so this thread raises pyodide's
// interrupt flag (SIGINT: Python raises KeyboardInterrupt) once a call passes its deadline,
// and raises it again every few ms while the call goes on (a script that catches it is met
// by the isolate's own timeout, later). Plain JavaScript: no loader in a worker.
// Told everything through shared memory: no message per call.
import { parentPort, workerData } from 'node:worker_threads';

const { control, flag, layout } = workerData;
const ctl = new Int32Array(control, 0, layout.INTS);
const deadline = new Float64Array(control, layout.DEADLINE_BYTE, 1);
const raisedAt = new Float64Array(control, layout.RAISED_BYTE, 1);
const interrupt = new Int32Array(flag, 0, 1);
const { ARMED, FIRED, WRITING, IDLE, STOP, SIGINT, REPEAT_MS, TICK_MS, IDLE_AFTER_MS } = layout;

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Raises the flag for call `gen` unless the host has ended that call (Dekker with disarm). */
function raise(gen) {
  Atomics.store(ctl, WRITING, 1);
  if (Atomics.load(ctl, ARMED) === gen) {
    Atomics.store(interrupt, 0, SIGINT);
    if (Atomics.load(ctl, FIRED) !== gen) raisedAt[0] = now(); // published by the store below
    Atomics.store(ctl, FIRED, gen);
  }
  Atomics.store(ctl, WRITING, 0);
}

let lastBusy = now();
parentPort.postMessage('watching'); // the host waits for this before the first call
while (Atomics.load(ctl, STOP) === 0) {
  const gen = Atomics.load(ctl, ARMED);
  const t = now();
  if (gen === 0) {
    if (t - lastBusy < IDLE_AFTER_MS) {
      // recently busy: look again soon, so the host need not wake us for every call
      Atomics.wait(ctl, ARMED, 0, TICK_MS);
      continue;
    }
    Atomics.store(ctl, IDLE, 1);
    Atomics.wait(ctl, ARMED, 0); // the host notifies when it arms a call while IDLE is set
    Atomics.store(ctl, IDLE, 0);
    lastBusy = now();
    continue;
  }
  lastBusy = t;
  const left = deadline[0] - t;
  if (left > 0) {
    Atomics.wait(ctl, ARMED, gen, left);
    continue;
  }
  raise(gen);
  Atomics.wait(ctl, ARMED, gen, REPEAT_MS);
}
