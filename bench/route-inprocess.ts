// The cost of the sample script's OPTIONS route in one process, without the network: the
// runtime, the KSR crossings and the KSR functions themselves (the reply is built, not sent).
//   node --no-node-snapshot --import tsx bench/route-inprocess.ts ENGINE [N] [--per-function]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import { createRuntime } from '../runtimes/index.js';
import type { EngineName } from '../runtimes/runtime.js';
import { makeContext } from '../test/support/sip-fixtures.js';

const engine = (process.argv[2] ?? 'v8') as EngineName;
const N = Number(process.argv[3] ?? 3000);
const perFunction = process.argv.includes('--per-function');
const FILES: Record<EngineName, string> = { v8: 'routing.js', quickjs: 'routing.js', fengari: 'routing.lua', pyodide: 'routing.py' };
const file = fileURLToPath(new URL(`../sample-scripts/${FILES[engine]}`, import.meta.url));

// per KSR function: total µs and calls, measured around Dispatcher.call
const spent = new Map<number, { calls: number; us: number }>();
if (perFunction) {
  const call = Dispatcher.prototype.call;
  Dispatcher.prototype.call = function (index, args) {
    const t0 = process.hrtime.bigint();
    const r = call.call(this, index, args);
    const e = spent.get(index) ?? { calls: 0, us: 0 };
    e.calls++;
    e.us += Number(process.hrtime.bigint() - t0) / 1000;
    spent.set(index, e);
    return r;
  };
}

const registry = createRegistry();
const rt = await createRuntime(engine, { dispatcher: new Dispatcher(registry), limits: { cpuMs: 1000, memoryMb: 384 } });
await rt.load(readFileSync(file, 'utf8'), file);
const raw = (i: number) =>
  `OPTIONS sip:127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK${i};rport\r\n` +
  `From: <sip:a@127.0.0.1>;tag=${i}\r\nTo: <sip:127.0.0.1>\r\nCall-ID: bench-${i}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n`;

const times: number[] = [];
for (let i = 0; i < N; i++) {
  const ctx = makeContext(raw(i));
  const t0 = process.hrtime.bigint();
  const r = rt.invoke('ksr_request_route', ctx);
  times.push(Number(process.hrtime.bigint() - t0) / 1000);
  if (ctx.core.replies[0]?.code !== 200) throw new Error(`route ended ${r.outcome} without a 200: ${r.error?.message ?? ''}`);
}
rt.dispose();
times.sort((a, b) => a - b);
const q = (f: number) => times[Math.floor(N * f)]!.toFixed(1);
console.log(`${engine}: ${N} routes, median ${q(0.5)} µs, p10 ${q(0.1)}, p90 ${q(0.9)}`);
for (const [i, e] of [...spent].sort((a, b) => b[1].us - a[1].us)) {
  const x = registry.entries[i]!;
  console.log(`  ${x.module ? `${x.module}.` : ''}${x.name}: ${(e.us / e.calls).toFixed(1)} µs`);
}
process.exit(0);
