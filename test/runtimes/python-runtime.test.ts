// The Python runtime against the small observable registry. pyodide takes seconds to boot,
// so every case here shares one instance (limits that break an instance are in
// python-limits.test.ts). The generous CPU limit is for first imports of stdlib modules.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/python/index.js';
import { ScriptError, type ScriptRuntime } from '../../runtimes/runtime.js';
import { blankContext, testRuntimeOptions } from './support.js';

const { opts, rec } = testRuntimeOptions({ cpuMs: 5000, memoryMb: 128 });
let rt: ScriptRuntime;

const ROUTES = `import KSR
import KSR as K2

def ksr_request_route():
    KSR.info("core placement")
    KSR.t.record("module placement")
    return 1

def values_out():
    KSR.t.record(repr([KSR.t.str(), KSR.t.num(), KSR.t.yes(), KSR.t.nothing()]))
    KSR.t.record(repr([type(KSR.t.str()).__name__, type(KSR.t.num()).__name__, type(KSR.t.yes()).__name__]))

def values_in():
    KSR.t.record(str(KSR.t.add(40, 2)))
    KSR.t.record(str(KSR.t.add(True, 1)))
    KSR.t.record(7)
    KSR.t.record("h\\u00e9llo \\U0001F600")

def none_arg():
    KSR.t.record(None)

def list_arg():
    KSR.t.record([1, 2])

def arity():
    KSR.t.add(1)

def do_exit():
    KSR.t.record("before exit")
    KSR.x.exit()
    KSR.t.record("after exit")

def do_drop():
    KSR.x.drop()
    KSR.t.record("after drop")

def exit_in_except_exception():
    try:
        KSR.x.exit()
    except Exception:
        KSR.t.record("swallowed by except Exception")
    KSR.t.record("after try")

def catch_stop_on_purpose():
    for i in range(3):
        try:
            KSR.x.exit()
        except BaseException:
            pass
    KSR.t.record("after catching")

def catch_stop_and_return():
    try:
        KSR.x.exit()
    except BaseException as e:
        return type(e).__name__

def usage_error():
    x = 1
    KSR.t.fail_usage()

def usage_error_caught():
    try:
        KSR.t.fail_usage()
    except KSR.KSRError as e:
        KSR.t.record("caught: " + str(e))

def host_error():
    KSR.t.fail_host()

def helper(d):
    return d["missing"]

def script_error():
    return helper({})

def on_event(name):
    KSR.t.record("event " + name)

def cached_and_chained():
    rec = KSR.t.record
    rec("cached")
    K2.t.record("via alias")

def oom():
    data = bytearray(512 * 1024 * 1024)
    KSR.t.record("allocated %d" % len(data))

def still_alive():
    KSR.t.record("alive %d" % sum(range(10)))
`;

function run(callback: string, arg?: string) {
  rec.calls.length = 0;
  rec.logs.length = 0;
  const ctx = blankContext();
  const result = rt.invoke(callback, ctx, arg);
  return { result, ctx, calls: [...rec.calls], logs: [...rec.logs] };
}

before(async () => {
  rt = await create(opts);
  await rt.load(ROUTES, 'routes.py');
});

after(() => rt?.dispose());

test('identifies itself and answers has() for module-level functions', () => {
  assert.equal(rt.language, 'python');
  assert.equal(rt.engine, 'pyodide');
  assert.equal(rt.has('ksr_request_route'), true);
  assert.equal(rt.has('on_event'), true);
  assert.equal(rt.has('ksr_reply_route'), false);
  assert.equal(rt.has('KSR'), false, 'an imported module is not a callback');
});

test('KSR is built from the registry: core functions on KSR, others on KSR.<module>', () => {
  const r = run('ksr_request_route');
  assert.deepEqual(r.result, { outcome: 'ok' });
  assert.deepEqual(r.logs, [{ level: 'info', text: 'core placement' }]);
  assert.deepEqual(r.calls, ['module placement']);
});

test('values cross from the host with Python types; null becomes None', () => {
  const r = run('values_out');
  assert.deepEqual(r.result, { outcome: 'ok' });
  assert.deepEqual(r.calls, ["['hello', 42, True, None]", "['str', 'int', 'bool']"]);
});

test('values cross to the host: ints, bools as int, numbers as str, unicode', () => {
  const r = run('values_in');
  assert.deepEqual(r.result, { outcome: 'ok' });
  assert.deepEqual(r.calls, ['42', '2', '7', 'h\u00e9llo \u{1F600}']);
});

test('wrong argument types and counts are script errors naming the KSR function and line', () => {
  const none = run('none_arg');
  assert.equal(none.result.outcome, 'error');
  assert.match(none.result.error!.message, /KSR\.t\.record\(str\).*argument 1 must be str, got null/);
  assert.equal(none.result.error!.line, 20);
  assert.equal(none.result.error!.ksrFunction, 'KSR.t.record');
  const list = run('list_arg');
  assert.equal(list.result.outcome, 'error');
  assert.match(list.result.error!.message, /KSR\.t\.record: argument 1 must be a str or a number, got a Python list/);
  assert.equal(list.result.error!.line, 23);
  const count = run('arity');
  assert.match(count.result.error!.message, /KSR\.t\.add\(int, int\).*expected 2 argument\(s\), got 1/);
  assert.equal(count.result.error!.line, 26);
});

test('KSR.x.exit stops the callback; KSR.x.drop also marks the message dropped', () => {
  const e = run('do_exit');
  assert.deepEqual(e.result, { outcome: 'stopped' });
  assert.deepEqual(e.calls, ['before exit']);
  const d = run('do_drop');
  assert.deepEqual(d.result, { outcome: 'stopped' });
  assert.equal(d.ctx.dropped, true);
  assert.deepEqual(d.calls, []);
});

test('a hot loop of stops keeps working (signals are raised in Python, never thrown through JavaScript)', () => {
  // thrown through the JavaScript frames, this once ended the process with a V8 deoptimizer fault
  for (let i = 0; i < 3000; i++) assert.equal(run('do_exit').result.outcome, 'stopped');
});

test('except Exception does not swallow the stop', () => {
  const r = run('exit_in_except_exception');
  assert.deepEqual(r.result, { outcome: 'stopped' });
  assert.deepEqual(r.calls, []);
});

test('a script that catches the stop on purpose still ends stopped, with no further KSR effect', () => {
  const r = run('catch_stop_on_purpose');
  assert.deepEqual(r.result, { outcome: 'stopped' });
  assert.deepEqual(r.calls, []);
  const ret = run('catch_stop_and_return');
  assert.deepEqual(ret.result, { outcome: 'stopped' });
  assert.equal(ret.ctx.stopped, true);
});

test('a KSR usage error is raised at the call site: script line and KSR function', () => {
  const r = run('usage_error');
  assert.equal(r.result.outcome, 'error');
  assert.deepEqual(r.result.error, {
    message: 'KSRError: KSR.t.fail_usage: refused on purpose',
    file: 'routes.py',
    line: 60,
    ksrFunction: 'KSR.t.fail_usage',
  });
  const caught = run('usage_error_caught');
  assert.deepEqual(caught.result, { outcome: 'ok' });
  assert.deepEqual(caught.calls, ['caught: KSR.t.fail_usage: refused on purpose']);
});

test('host error text does not reach the script', () => {
  const r = run('host_error');
  assert.equal(r.result.outcome, 'error');
  assert.equal(r.result.error!.message, 'KSRError: KSR.t.fail_host: internal error (see server log)');
  assert.doesNotMatch(JSON.stringify(r.result), /secret|passwd/);
  assert.equal(r.result.error!.line, 69);
});

test('a Python exception maps to the innermost line of the script', () => {
  const r = run('script_error');
  assert.deepEqual(r.result, {
    outcome: 'error',
    error: { message: "KeyError: 'missing'", file: 'routes.py', line: 72 },
  });
});

test('an argument is passed to named callbacks; a missing callback is reported', () => {
  const r = run('on_event', 'core:worker-one-init');
  assert.deepEqual(r.result, { outcome: 'ok' });
  assert.deepEqual(r.calls, ['event core:worker-one-init']);
  assert.deepEqual(run('no_such_callback').result, { outcome: 'missing' });
});

test('KSR functions can be cached and KSR imported under another name', () => {
  const r = run('cached_and_chained');
  assert.deepEqual(r.result, { outcome: 'ok' });
  assert.deepEqual(r.calls, ['cached', 'via alias']);
});

test('MemoryError inside the wasm cap is reported as memory and the instance stays usable', () => {
  const r = run('oom');
  assert.equal(r.result.outcome, 'memory');
  assert.match(r.result.error!.message, /MemoryError/);
  assert.equal(r.result.error!.line, 86);
  assert.equal(rt.broken, false);
  assert.deepEqual(run('still_alive').calls, ['alive 45']);
  assert.ok(rt.memoryUsage() > 30 * 1024 * 1024, 'memory usage counts the wasm memory');
});

// --- sandbox: every escape attempt must fail ---

async function probe(body: string): Promise<ReturnType<typeof run>> {
  const indented = body
    .trim()
    .split('\n')
    .map((l) => '    ' + l.trim())
    .join('\n');
  await rt.load(`import KSR\ndef probe():\n${indented}\n`, 'probe.py');
  return run('probe');
}

test('sandbox: js.process does not exist', async () => {
  const r = await probe(`import js
    KSR.t.record(str(js.process))`);
  assert.equal(r.result.outcome, 'error');
  assert.match(r.result.error!.message, /AttributeError: process/);
});

test('sandbox: pyodide_js.mountNodeFS fails', async () => {
  const r = await probe(`import pyodide_js
    pyodide_js.mountNodeFS('/mnt', '/')
    KSR.t.record(open('/mnt/etc/hostname').read())`);
  assert.equal(r.result.outcome, 'error');
  assert.match(r.result.error!.message, /mountNodeFS only works in Node/);
  assert.deepEqual(r.calls, []);
});

test('sandbox: Function constructor reaches only the isolate global, without process', async () => {
  const r = await probe(`import pyodide.ffi
    F = pyodide.ffi.to_js({}).constructor.constructor
    KSR.t.record(F('return [typeof process, typeof require, typeof fetch, typeof __ksr_call].join()')())
    F('return process')()`);
  assert.deepEqual(r.calls, ['undefined,undefined,undefined,undefined']);
  assert.equal(r.result.outcome, 'error');
  assert.match(r.result.error!.message, /process is not defined/);
});

test('sandbox: run_js cannot import node modules', async () => {
  await rt.load(
    `import KSR\nfrom pyodide.code import run_js\nfut = None\ndef start():\n    global fut\n    fut = run_js("import('node:fs')")\n` +
      `def check():\n    KSR.t.record(repr((fut.done(), str(fut.exception()))))\n    KSR.t.record(run_js("typeof require + typeof process"))\n`,
    'runjs.py',
  );
  assert.deepEqual(run('start').result, { outcome: 'ok' });
  const r = run('check');
  assert.deepEqual(r.calls, ["(True, 'Error: Not supported')", 'undefinedundefined']);
});

test('sandbox: os.system fails, open() sees no host files, subprocess is unavailable', async () => {
  const sys = await probe(`import os
    KSR.t.record(str(os.system('id > /tmp/x')))`);
  assert.deepEqual(sys.calls, ['-1']);
  const file = await probe(`KSR.t.record(open('/etc/passwd').read())`);
  assert.equal(file.result.outcome, 'error');
  assert.match(file.result.error!.message, /FileNotFoundError/);
  const sub = await probe(`r = __import__('subprocess').run(['id'], capture_output=True)
    KSR.t.record(repr(r))`);
  assert.equal(sub.result.outcome, 'error');
  assert.match(sub.result.error!.message, /OSError: .*does not support processes/);
  assert.deepEqual(sub.calls, []);
});

test('sandbox: ctypes cannot be imported, even after clearing sys.modules', async () => {
  const r = await probe(`import ctypes
    KSR.t.record(repr(ctypes.CDLL(None)))`);
  assert.equal(r.result.outcome, 'error');
  assert.match(r.result.error!.message, /ImportError: import of ctypes is not allowed/);
  const raw = await probe(`import sys, importlib
    sys.modules.pop('_ctypes', None)
    importlib.import_module('_ctypes')
    KSR.t.record('imported')`);
  assert.equal(raw.result.outcome, 'error');
  assert.match(raw.result.error!.message, /ModuleNotFoundError: No module named '_ctypes'/);
  assert.deepEqual(raw.calls, []);
  const direct = await probe(`import _imp, importlib.machinery
    KSR.t.record(repr(_imp.create_builtin(importlib.machinery.ModuleSpec('_ctypes', None))))`);
  assert.deepEqual(direct.calls, ['None'], 'no built-in module _ctypes is left to create');
});

test('sandbox: no new WebAssembly.Memory after boot, by any path', async () => {
  const direct = await probe(`import js
    m = js.WebAssembly.Memory.new(js.Object.fromEntries([['initial', 10]]))
    KSR.t.record(str(m.buffer.byteLength))`);
  assert.equal(direct.result.outcome, 'error');
  assert.match(direct.result.error!.message, /creating a WebAssembly.Memory is not allowed/);
  const viaExisting = await probe(`import js, pyodide_js
    M = pyodide_js._module.memory.constructor
    m = M.new(js.Object.fromEntries([['initial', 10]]))
    KSR.t.record(str(m.buffer.byteLength))`);
  assert.equal(viaExisting.result.outcome, 'error');
  assert.match(viaExisting.result.error!.message, /creating a WebAssembly.Memory is not allowed/);
  // A module that defines its own memory (magic, version, memory section with 1 memory of 1 page).
  const module = await probe(`import js
    b = bytes([0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 0, 1])
    js.WebAssembly.Module.new(js.Uint8Array.new(b))
    KSR.t.record('compiled')`);
  assert.equal(module.result.outcome, 'error');
  assert.match(module.result.error!.message, /a module that defines its own memory is not allowed/);
  const unfreeze = await probe(`import js
    js.Object.defineProperty(js.WebAssembly, 'Memory', js.Object.fromEntries([['value', 1]]))`);
  assert.equal(unfreeze.result.outcome, 'error');
  assert.match(unfreeze.result.error!.message, /TypeError: Cannot redefine property/);
});

test('sandbox: a module without its own memory still compiles (pyodide needs that path)', async () => {
  const r = await probe(`import js
    m = js.WebAssembly.Module.new(js.Uint8Array.new(bytes([0, 97, 115, 109, 1, 0, 0, 0])))
    js.WebAssembly.Instance.new(m)
    KSR.t.record('ok')`);
  assert.deepEqual(r.result, { outcome: 'ok' });
  assert.deepEqual(r.calls, ['ok']);
});

test('random bytes come from the host CSPRNG', async () => {
  const r = await probe(`import os
    a, b = os.urandom(16), os.urandom(16)
    KSR.t.record(str(len(a)) + ' ' + str(a != b))`);
  assert.deepEqual(r.calls, ['16 True']);
});

// --- Kamailio's mod_init() shape and load errors ---

test("Kamailio's mod_init() object: methods are the callbacks, child_init(1) runs once", async () => {
  await rt.load(
    `import KSR as KSR
class kamailio:
    def __init__(self):
        self.ranks = []
    def child_init(self, rank):
        self.ranks.append(rank)
        return 0
    def ksr_request_route(self, msg):
        KSR.t.record("ranks=%r msg=%r" % (self.ranks, msg))
        return 1
    def on_failure(self, msg, name):
        KSR.t.record("failure " + name)
def mod_init():
    return kamailio()
`,
    'kamailio.py',
  );
  assert.equal(rt.has('ksr_request_route'), true);
  assert.equal(rt.has('on_failure'), true);
  assert.equal(rt.has('ksr_reply_route'), false);
  assert.deepEqual(run('ksr_request_route').calls, ['ranks=[1] msg=None']);
  assert.deepEqual(run('ksr_request_route').calls, ['ranks=[1] msg=None']);
  assert.deepEqual(run('on_failure', 'tm:failure').calls, ['failure tm:failure']);
});

test('load errors give file:line: syntax error, top-level exception, mod_init returning None', async () => {
  await assert.rejects(rt.load('import KSR\n\ndef broken(:\n    pass\n', 'bad.py'), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, 'bad.py');
    assert.equal(e.line, 3);
    assert.match(e.message, /SyntaxError/);
    return true;
  });
  await assert.rejects(rt.load('import KSR\nx = 1\ny = undefined_name\n', 'top.py'), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.line, 3);
    assert.match(e.message, /NameError: name 'undefined_name' is not defined/);
    return true;
  });
  await assert.rejects(rt.load('def mod_init():\n    pass\n', 'none.py'), /none\.py:1: mod_init\(\) returned None/);
  assert.equal(rt.broken, false);
  // A script that fails to load leaves the previous one in place.
  assert.deepEqual(run('ksr_request_route').calls, ['ranks=[1] msg=None']);
  assert.equal(rt.has('on_failure'), true);
});

test('the top level runs on the isolate thread while the event loop turns; its KSR calls are answered there (outside a route)', async () => {
  let turns = 0;
  const ticker = setInterval(() => turns++, 1);
  try {
    await rt.load(
      `import KSR
seen = []
for i in range(100):
    try:
        KSR.t.record("top")
    except KSR.KSRError as e:
        seen.append(str(e))
n = 0
while n < 3000000:
    n += 1
def ksr_request_route():
    KSR.t.record("%d %s" % (len(seen), seen[0]))
`,
      'top-level.py',
    );
  } finally {
    clearInterval(ticker);
  }
  assert.ok(turns > 0, 'the event loop turned while the top level ran');
  assert.deepEqual(run('ksr_request_route').calls, ['100 KSR.t.record: needs a SIP message: called outside a route callback (only the log functions may be)']);
});
