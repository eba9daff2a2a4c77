// Runs after pyodide has booted: runs the Python side of the binding (ksr.py), hands it one
// JavaScript stub per registry row, and leaves the host its entry points. Every temporary
// global is deleted; the stubs keep the bridge callback in their closure only.
// Inputs (globals): __pyodide (the booted pyodide), __ksr_call, __ksr_entries, __ksr_limits,
// __ksr_protocol (runtimes/guest-protocol.ts as JSON), __ksr_router_logger
// (bindings/python-router.ts as JSON), __ksr_py, __ksr_facts (../../guest-facts.ts, made
// for this host's separator and limit), __ksr_overdue (interrupts.js).
(function installBridge(global) {
  'use strict';
  const py = global.__pyodide;
  const call = global.__ksr_call;
  const entries = JSON.parse(global.__ksr_entries);
  const limits = JSON.parse(global.__ksr_limits);
  const protocol = global.__ksr_protocol;
  const routerLogger = global.__ksr_router_logger;
  const source = global.__ksr_py;
  const { facts, answerOf } = global.__ksr_facts;
  const overdue = global.__ksr_overdue;
  delete global.__pyodide;
  delete global.__ksr_call;
  delete global.__ksr_entries;
  delete global.__ksr_limits;
  delete global.__ksr_protocol;
  delete global.__ksr_router_logger;
  delete global.__ksr_py;
  delete global.__ksr_facts;
  delete global.__ksr_overdue;

  const host = py.runPython(source, { filename: '<ksr>' });
  const RESULT = JSON.parse(protocol).result;
  // Callbacks running now (nested through KSR.route), and whether the innermost one is stopped:
  // by a row declared `stops` (KSR.x.exit, answered here without crossing) or by a STOP the
  // host answered. Then every later KSR call of it stops again here, and the invoke answers
  // RESULT.stopped however the callback ended (as in the JS guest, runtimes/js-bootstrap.ts).
  let running = 0;
  let stopped = false;
  const pathOf = (e) => (e.module === '' ? `KSR.${e.name}` : `KSR.${e.module}.${e.name}`);
  const typeName = (v) => (v !== null && (typeof v === 'object' || typeof v === 'function') ? `a Python ${v.type ?? typeof v}` : typeof v);

  function refusedArgument(path, args) {
    // Only copyable values cross to the host: a Python object as argument cannot.
    const i = args.findIndex((a) => a !== null && (typeof a === 'object' || typeof a === 'function'));
    if (i < 0) return ['error', `${path}: the call could not be made (stack exhausted?)`];
    return ['error', `${path}: argument ${i + 1} must be a str or a number, got ${typeName(args[i])}`];
  }

  // A row with `answer` is answered from the message's facts when it can be: not once the
  // call is interrupted (every KSR call then stops the script: the host says so).
  function stub(entry) {
    const viaHost = hostStub(entry);
    if (entry.stops === true) return stopStub(viaHost);
    if (entry.answer === undefined) return viaHost;
    const answer = answerOf(entry);
    return function ksrFactStub(a, b, c) {
      const n = arguments.length;
      const v = n <= 1 && !overdue() ? answer(a, n) : undefined;
      if (v !== undefined) return v;
      return n === 0 ? viaHost() : n === 1 ? viaHost(a) : n === 2 ? viaHost(a, b) : n === 3 ? viaHost(a, b, c) : viaHost(...arguments);
    };
  }

  /** The stop signal for ksr.py (jsnull: raised there as KSRStop); the callback stays stopped. */
  function stop() {
    stopped = true;
    facts.drop();
    return null;
  }

  /** A 'stops' row: the callback stops itself (with arguments, or outside one: the host answers). */
  function stopStub(viaHost) {
    return function ksrStopStub(a, b, c) {
      const n = arguments.length;
      if (running === 0 || n !== 0) return n === 1 ? viaHost(a) : n === 2 ? viaHost(a, b) : n === 3 ? viaHost(a, b, c) : viaHost(...arguments);
      return stop();
    };
  }

  // Up to three arguments are passed on as they are (no rest array, no spread: issue 9).
  function hostStub(entry) {
    const index = entry.index;
    const path = pathOf(entry);
    const forgets = entry.changesMessage === true;
    return function ksrStub(a, b, c) {
      // past the deadline the call crosses all the same: the host then ends a script that
      // catches its stops and calls on at the budget's cap (the isolate's timeout would only
      // count the time spent in here, not the host's)
      if (stopped && !overdue()) return null;
      const n = arguments.length;
      let r;
      try {
        r = n === 0 ? call(index) : n === 1 ? call(index, a) : n === 2 ? call(index, a, b) : n === 3 ? call(index, a, b, c) : call(index, ...arguments);
      } catch {
        return refusedArgument(path, [...arguments]);
      }
      // a row that may replace the message: the facts are stale after it (guest-facts.ts forget)
      if (forgets) facts.forget();
      if (r === null) return undefined; // pyodide would turn null into jsnull, not None
      // a signal: raised in Python by the wrapper (ksr.py _ksr_function), not thrown through here;
      // a dict/array ({ksrJson}): its JSON text, made a dict/list there (json.loads)
      if (typeof r === 'object') {
        if (typeof r.ksrJson === 'string') return ['json', r.ksrJson];
        // the host stopped the message (KSR.x.drop, an exit in a sub-route, a spent budget);
        // jsnull in Python: a singleton, no proxy made per stop
        if (r.ksrSignal === 'stop') return stop();
        return [r.ksrSignal, r.message ?? ''];
      }
      return r;
    };
  }

  // the longest str a KSR function takes: checked in Python (ksr.py), before pyodide copies it
  host.build(entries.map((e) => [e.module, e.name, stub(e), pathOf(e)]), limits.maxValueBytes, protocol, routerLogger);
  host.settle(); // called the way the host will call it: notes the depth of a settled stack
  global.__ksr_load = (text, file) => host.load(text, file);
  global.__ksr_names = () => host.names();
  // the script's bound method, its proxy made once: `host.invoke` per callback made (and later
  // freed) a new PyProxy each time, and Host.invoke was one Python frame more per callback
  const invoke = host.script.invoke;
  // facts: the message's (null: none), for the callback's duration (callbacks nest through
  // KSR.route); nested: inside another callback (the host says so: a callback cut off by a
  // limit never ran its finally, an outermost one starts from zero)
  global.__ksr_invoke = (name, arg, factText, nested) => {
    const outer = facts.enter(factText);
    const outerStopped = stopped;
    const outerRunning = nested === true ? running : 0;
    stopped = false;
    running = outerRunning + 1;
    try {
      const r = invoke(name, arg === null ? undefined : arg);
      // stopped, also when the script caught the stop and then failed: the stop came first
      return stopped && r !== RESULT.missing ? RESULT.stopped : r;
    } finally {
      facts.leave(outer);
      running = outerRunning;
      // a nested callback gives the outer one its state back
      stopped = nested === true && outerStopped;
    }
  };
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
