// Runs once pyodide has booted: hands pyodide the interrupt flag the host's watchdog raises
// at a call's deadline (an Int32Array over a SharedArrayBuffer shared with that thread;
// pyodide reads it every few dozen bytecodes and raises KeyboardInterrupt for SIGINT).
// Python reaches pyodide's API (`pyodide_js`), so the flag is pinned: a script cannot swap
// it for one nobody raises. (A script that disables interrupts some other way meets the
// isolate's own timeout a little later, and the instance is rebuilt.)
// Inputs (globals): __pyodide, __ksr_interrupt (the SharedArrayBuffer; deleted here).
(function installInterrupts(global) {
  'use strict';
  const py = global.__pyodide;
  const flag = new Int32Array(global.__ksr_interrupt, 0, 1);
  delete global.__ksr_interrupt;
  py.setInterruptBuffer(flag);
  Object.defineProperty(py._module, 'Py_EmscriptenSignalBuffer', { value: flag, writable: false, configurable: false });
  const refuse = () => {
    throw new Error('setInterruptBuffer: the interrupt buffer is the sandbox\'s');
  };
  Object.defineProperty(py, 'setInterruptBuffer', { value: refuse, writable: false, configurable: false });
})(globalThis);
