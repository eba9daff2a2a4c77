// A thread that makes QuickJS ask its interrupt handler once a callback is past its deadline.
// The handler alone is asked only every 10 000 ticks (see interrupt-counter.ts); a loop of
// slow built-ins could run for minutes before that. The watchdog thread sleeps until the
// deadline of the callback running now, then sets the runtime's interrupt counter to 1 (its
// wasm memory is shared for this), every millisecond until the callback ends: the handler runs
// at the next tick and decides (the deadline is the handler's; the watchdog only makes sure it
// is asked). What it cannot shorten is one tick: a single built-in call on data as large as the
// memory cap allows.
//
// One thread per runtime, ended with it: a view of the wasm memory held by a thread that lives
// on would keep that memory (up to the cap) alive, and a long-lived thread's garbage views are
// collected only when it allocates. Arming costs a few atomic stores and, only when the thread
// sleeps for lack of work, one notify.
import { Worker } from 'node:worker_threads';

const GEN = 0;
const ARMED = 1;
const SLEEPING = 2;
const DEADLINE_BYTE = 16;
const CONTROL_BYTES = 24;

/** The thread's code: CommonJS, evaluated as a worker. */
const WORKER_SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
const ctrl = new Int32Array(workerData.control, 0, 4);
const deadline = new Float64Array(workerData.control, ${DEADLINE_BYTE}, 1);
const counter = new Int32Array(workerData.memory);
const index = workerData.index;
for (;;) {
  if (Atomics.load(ctrl, ${ARMED}) === 0) {
    Atomics.store(ctrl, ${SLEEPING}, 1);
    Atomics.wait(ctrl, ${ARMED}, 0);
    Atomics.store(ctrl, ${SLEEPING}, 0);
    continue;
  }
  const gen = Atomics.load(ctrl, ${GEN});
  const wait = deadline[0] - Date.now();
  if (wait > 0) {
    Atomics.wait(ctrl, ${GEN}, gen, wait);
    continue;
  }
  if (Atomics.load(ctrl, ${GEN}) === gen && Atomics.load(ctrl, ${ARMED}) === 1) Atomics.store(counter, index, 1);
  Atomics.wait(ctrl, ${GEN}, gen, 1);
}
`;

export class Watchdog {
  private readonly ctrl: Int32Array;
  private readonly deadline: Float64Array;
  private readonly worker: Worker;
  /** Resolves once the thread runs: a runtime is put in service only then. */
  readonly ready: Promise<void>;

  /** Watches the int32 at `index` (in words) of `memory`, which must be shared. */
  constructor(memory: WebAssembly.Memory, index: number) {
    const control = new SharedArrayBuffer(CONTROL_BYTES);
    this.ctrl = new Int32Array(control, 0, 4);
    this.deadline = new Float64Array(control, DEADLINE_BYTE, 1);
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { control, memory: memory.buffer, index } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('online', () => {
        // The thread never ends by itself; once running, it must not keep the process alive.
        this.worker.unref();
        resolve();
      });
      this.worker.once('error', reject);
    });
  }

  /** The callback running now must be over by `deadlineMs` (Date.now() time). */
  arm(deadlineMs: number): void {
    const c = this.ctrl;
    this.deadline[0] = deadlineMs;
    Atomics.add(c, GEN, 1);
    Atomics.store(c, ARMED, 1);
    if (Atomics.load(c, SLEEPING) === 1) Atomics.notify(c, ARMED);
  }

  disarm(): void {
    Atomics.store(this.ctrl, ARMED, 0);
    Atomics.add(this.ctrl, GEN, 1);
  }

  /** Ends the thread (and its hold on the wasm memory). */
  close(): void {
    this.disarm();
    void this.worker.terminate();
  }
}
