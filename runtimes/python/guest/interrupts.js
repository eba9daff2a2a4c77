// Runs once pyodide has booted: hands pyodide its interrupt buffer, which pyodide reads every
// few dozen bytecodes (raising KeyboardInterrupt for SIGINT, 2). The buffer answers SIGINT
// when the host's watchdog thread raised the flag in the shared block, or when the call
// running now is past the deadline the host wrote there: checked here, on Python's own
// thread, so the interrupt does not wait for another thread to be scheduled.
// Python reaches pyodide's API (`pyodide_js`), so the buffer is pinned: a script cannot swap
// it for one nobody raises. (A script that disables interrupts some other way meets the
// isolate's own timeout a little later, and the instance is rebuilt.)
// Inputs (globals): __pyodide, __ksr_interrupt (the SharedArrayBuffer, layout in
// watchdog.ts FLAG_LAYOUT; deleted here).
(function installInterrupts(global) {
  'use strict';
  const py = global.__pyodide;
  const shared = global.__ksr_interrupt;
  delete global.__ksr_interrupt;
  const flag = new Int32Array(shared, 0, 2);
  const deadline = new Float64Array(shared, 8, 1);
  const now = Date.now; // captured: a script redefining Date.now changes nothing here
  const SIGINT = 2;
  // Past the deadline, raised again at most this often: raising it at every read would run
  // Python's handler inside itself, without end (seen: the JS stack overflowing).
  const REPEAT_MS = 2;
  let lastRaised = 0;
  const buffer = Object.freeze({
    get 0() {
      const raised = flag[0];
      if (raised !== 0) return raised;
      const t = now();
      if (t <= deadline[0] || t - lastRaised < REPEAT_MS) return 0;
      lastRaised = t;
      flag[1] = 1; // tells the host the guest raised it
      return SIGINT;
    },
    set 0(value) {
      flag[0] = value | 0;
    },
  });
  py.setInterruptBuffer(buffer);
  // For the bridge (taken and deleted there): true once the call running now was interrupted
  // or is past its deadline, when every KSR call must reach the host, which answers STOP.
  global.__ksr_overdue = () => flag[0] !== 0 || flag[1] !== 0 || now() > deadline[0];
  Object.defineProperty(py._module, 'Py_EmscriptenSignalBuffer', { value: buffer, writable: false, configurable: false });
  const refuse = () => {
    throw new Error('setInterruptBuffer: the interrupt buffer is the sandbox\'s');
  };
  Object.defineProperty(py, 'setInterruptBuffer', { value: refuse, writable: false, configurable: false });
})(globalThis);
