// A thread that makes QuickJS ask its interrupt handler once a callback is past its deadline.
// The handler alone is asked only every 10 000 ticks (see interrupt-counter.ts); a loop of
// slow built-ins could run for minutes before that. The watchdog thread sleeps until the
// deadline of the callback running now, then sets that runtime's interrupt counter to 1 (its
// wasm memory is shared for this), every millisecond until the callback ends: the handler runs
// at the next tick and decides (the deadline is the handler's; the watchdog only makes sure it
// is asked). What it cannot shorten is one tick: a single built-in call on data as large as the
// memory cap allows.
//
// One watchdog per process, for every QuickJS runtime: only one callback runs at a time on the
// serving thread. Arming costs two atomic stores and, only when the thread sleeps for lack of
// work, one notify.
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

const GEN = 0;
const ARMED = 1;
const TARGET = 2;
const SLEEPING = 3;
const DEADLINE_BYTE = 16;
const CONTROL_BYTES = 24;

/** The thread's code: CommonJS, evaluated as a worker. */
const WORKER_SOURCE = String.raw`
'use strict';
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const ctrl = new Int32Array(workerData.control, 0, 4);
const deadline = new Float64Array(workerData.control, ${DEADLINE_BYTE}, 1);
const port = workerData.port;
const targets = new Map();
function drain() {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const { slot, buffer, index } = m.message;
    if (buffer) targets.set(slot, { view: new Int32Array(buffer), index });
    else targets.delete(slot);
  }
}
for (;;) {
  if (Atomics.load(ctrl, ${ARMED}) === 0) {
    drain();
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
  drain();
  const t = targets.get(Atomics.load(ctrl, ${TARGET}));
  if (t && Atomics.load(ctrl, ${GEN}) === gen) Atomics.store(t.view, t.index, 1);
  Atomics.wait(ctrl, ${GEN}, gen, 1);
}
`;

export class Watchdog {
  private static instance: Watchdog | null = null;
  private readonly ctrl: Int32Array;
  private readonly deadline: Float64Array;
  private readonly port: MessagePort;
  private nextSlot = 1;

  private constructor() {
    const control = new SharedArrayBuffer(CONTROL_BYTES);
    this.ctrl = new Int32Array(control, 0, 4);
    this.deadline = new Float64Array(control, DEADLINE_BYTE, 1);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { control, port: port2 }, transferList: [port2] });
    // The thread never ends by itself; it must not keep the process alive either.
    worker.unref();
    this.port.unref();
  }

  static shared(): Watchdog {
    return (Watchdog.instance ??= new Watchdog());
  }

  /** Watches the int32 at `index` of `memory` (which must be shared); returns its slot. */
  register(memory: WebAssembly.Memory, index: number): number {
    const slot = this.nextSlot++;
    this.port.postMessage({ slot, buffer: memory.buffer, index });
    return slot;
  }

  unregister(slot: number): void {
    this.port.postMessage({ slot, buffer: null, index: 0 });
  }

  /** The callback of `slot` runs until `deadlineMs` (Date.now() time). */
  arm(slot: number, deadlineMs: number): void {
    const c = this.ctrl;
    this.deadline[0] = deadlineMs;
    Atomics.store(c, TARGET, slot);
    Atomics.add(c, GEN, 1);
    Atomics.store(c, ARMED, 1);
    if (Atomics.load(c, SLEEPING) === 1) Atomics.notify(c, ARMED);
  }

  disarm(): void {
    Atomics.store(this.ctrl, ARMED, 0);
    Atomics.add(this.ctrl, GEN, 1);
  }
}
