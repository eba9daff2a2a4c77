import { writeFileSync } from 'node:fs';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import { createRuntime } from '../runtimes/index.js';
import { makeContext, RecordingCore } from '../test/support/sip-fixtures.js';
import { register } from '../test/auth/requests.js';
const N = 20000;
const script = `
import KSR
f = KSR.isdsturiset
raw = [c.cell_contents for c in f.__closure__ if callable(c.cell_contents)][0]
g = KSR.hdr.get
rawg = [c.cell_contents for c in g.__closure__ if callable(c.cell_contents)][0]
def nop(): return 0
try:
    from pyodide.code import run_js
    jsnop = run_js('(function(){ return 0; })')
    jsid = run_js('(function(a){ return a; })')
except Exception as e:
    jsnop = nop; jsid = lambda a: a
    print('no run_js', e)
def ksr_empty(): pass
def ksr_wrapped():
    for i in range(${N}): f()
def ksr_raw():
    for i in range(${N}): raw()
def ksr_pynop():
    for i in range(${N}): nop()
def ksr_loop():
    for i in range(${N}): pass
def ksr_jsnop():
    for i in range(${N}): jsnop()
def ksr_jsid():
    for i in range(${N}): jsid('Call-ID')
def ksr_gw():
    for i in range(${N}): g("Call-ID")
def ksr_graw():
    for i in range(${N}): rawg("Call-ID")
`;
writeFileSync('/tmp/probe.py', script);
const registry = createRegistry();
const core = new RecordingCore();
const rt = await createRuntime('pyodide', { dispatcher: new Dispatcher(registry), limits: { cpuMs: 100000, memoryMb: 384 } });
await rt.load(script, '/tmp/probe.py');
const ctx = makeContext(register(null, 'u0'), { core });
const names = ['ksr_loop', 'ksr_pynop', 'ksr_wrapped', 'ksr_raw', 'ksr_gw', 'ksr_graw', 'ksr_jsnop', 'ksr_jsid'];
const best = new Map<string, number>();
for (let r = 0; r < 5; r++) for (const n of names) {
  ctx.cpuBudget = null; ctx.stopped = false;
  const t0 = process.hrtime.bigint();
  const res = rt.invoke(n, ctx);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / N;
  if (res.outcome !== 'ok') throw new Error(n + ' ' + res.outcome + ' ' + res.error?.message);
  best.set(n, Math.min(best.get(n) ?? Infinity, us));
}
// empty callback, many invokes
let e = Infinity;
for (let r = 0; r < 5; r++) { const t0 = process.hrtime.bigint(); for (let i = 0; i < 5000; i++) { ctx.cpuBudget = null; ctx.stopped = false; rt.invoke('ksr_empty', ctx); } e = Math.min(e, Number(process.hrtime.bigint() - t0) / 1000 / 5000); }
for (const [n, v] of best) console.log(n.padEnd(12), v.toFixed(3), 'µs per iteration');
console.log('empty invoke', e.toFixed(2), 'µs');
process.exit(0);
