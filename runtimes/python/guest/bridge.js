// Runs after pyodide has booted: runs the Python side of the binding (ksr.py), hands it one
// JavaScript stub per registry row, and leaves the host its entry points. Every temporary
// global is deleted; the stubs keep the bridge callback in their closure only.
// Inputs (globals): __pyodide (the booted pyodide), __ksr_call, __ksr_entries, __ksr_limits,
// __ksr_protocol (runtimes/guest-protocol.ts as JSON), __ksr_router_logger
// (bindings/python-router.ts as JSON), __ksr_py.
(function installBridge(global) {
  'use strict';
  const py = global.__pyodide;
  const call = global.__ksr_call;
  const entries = JSON.parse(global.__ksr_entries);
  const limits = JSON.parse(global.__ksr_limits);
  const protocol = global.__ksr_protocol;
  const routerLogger = global.__ksr_router_logger;
  const source = global.__ksr_py;
  delete global.__pyodide;
  delete global.__ksr_call;
  delete global.__ksr_entries;
  delete global.__ksr_limits;
  delete global.__ksr_protocol;
  delete global.__ksr_router_logger;
  delete global.__ksr_py;

  const host = py.runPython(source, { filename: '<ksr>' });
  const pathOf = (e) => (e.module === '' ? `KSR.${e.name}` : `KSR.${e.module}.${e.name}`);
  const typeName = (v) => (v !== null && (typeof v === 'object' || typeof v === 'function') ? `a Python ${v.type ?? typeof v}` : typeof v);

  function refusedArgument(path, args) {
    // Only copyable values cross to the host: a Python object as argument cannot.
    const i = args.findIndex((a) => a !== null && (typeof a === 'object' || typeof a === 'function'));
    if (i < 0) return ['error', `${path}: the call could not be made (stack exhausted?)`];
    return ['error', `${path}: argument ${i + 1} must be a str or a number, got ${typeName(args[i])}`];
  }

  // Up to three arguments are passed on as they are (no rest array, no spread: issue 9).
  function stub(entry) {
    const index = entry.index;
    const path = pathOf(entry);
    return function ksrStub(a, b, c) {
      const n = arguments.length;
      let r;
      try {
        r = n === 0 ? call(index) : n === 1 ? call(index, a) : n === 2 ? call(index, a, b) : n === 3 ? call(index, a, b, c) : call(index, ...arguments);
      } catch {
        return refusedArgument(path, [...arguments]);
      }
      if (r === null) return undefined; // pyodide would turn null into jsnull, not None
      // a signal: raised in Python by the wrapper (ksr.py _ksr_function), not thrown through here
      if (typeof r === 'object') return [r.ksrSignal, r.message ?? ''];
      return r;
    };
  }

  // the longest str a KSR function takes: checked in Python (ksr.py), before pyodide copies it
  host.build(entries.map((e) => [e.module, e.name, stub(e), pathOf(e)]), limits.maxValueBytes, protocol, routerLogger);
  host.settle(); // called the way the host will call it: notes the depth of a settled stack
  global.__ksr_load = (text, file) => host.load(text, file);
  global.__ksr_names = () => host.names();
  // the bound method's proxy made once: `host.invoke` per callback made (and later freed) a
  // new PyProxy each time
  const invoke = host.invoke;
  global.__ksr_invoke = (name, arg) => invoke(name, arg === null ? undefined : arg);
  // A KeyboardInterrupt still pending may surface as soon as settle() is entered: try again.
  global.__ksr_settle = () => {
    for (let i = 0; i < 3; i++) {
      try {
        return host.settle();
      } catch {
        // the pending interrupt, raised before settle's own try: it is spent now
      }
    }
    return 'interrupts keep coming';
  };
})(globalThis);
