// The comparison's registrar (bench/scripts/registrar.*) in one process, without the network:
// the register-auth exchange (REGISTER → 401, REGISTER with credentials → 200) in a loop, for a
// profiler to attach to once the process is warm. It prints `warm` after WARMUP exchanges,
// pauses, then runs N more and prints their CPU per exchange: both routes, and the loop's own
// work (two messages parsed, the 401's nonce read, the digest answer computed), all threads.
//   node --no-node-snapshot [--perf-basic-prof] --import tsx bench/registrar-loop.ts [ENGINE] [N] [--pause-ms MS]
//   perf record -g -p "$(pgrep -f bench/registrar-loop.ts)" -- sleep 4    # during the N
// ENGINE: v8 (default), quickjs, fengari, pyodide; N: exchanges measured (10 000, at most 200 000).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import type { MsgContext } from '../host/core/context.js';
import { createRuntime } from '../runtimes/index.js';
import type { EngineName } from '../runtimes/runtime.js';
import { registrarExchange, USERS } from './registrar-exchange.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'pause-ms': { type: 'string', default: '1500' } } });
const engine = (positionals[0] ?? 'v8') as EngineName;
const N = Math.min(Number(positionals[1] ?? 10_000), 200_000);
const PAUSE_MS = Number(values['pause-ms']);
const WARMUP = 2000;
const SCRIPTS: Record<EngineName, string> = { v8: 'registrar.js', quickjs: 'registrar.js', fengari: 'registrar.lua', pyodide: 'registrar.py' };

const exchange = await registrarExchange();
const rt = await createRuntime(engine, { dispatcher: new Dispatcher(createRegistry()), limits: { cpuMs: 1000, memoryMb: 384 } });
const file = fileURLToPath(new URL(`./scripts/${SCRIPTS[engine]}`, import.meta.url));
await rt.load(readFileSync(file, 'utf8'), file);

function route(ctx: MsgContext): void {
  const r = rt.invoke('ksr_request_route', ctx);
  if (r.outcome !== 'ok' && r.outcome !== 'stopped') throw new Error(`ksr_request_route: ${r.outcome} ${r.error?.message ?? ''}`);
}

for (let i = 0; i < WARMUP; i++) exchange.run(i % USERS, route);
console.log('warm');
await sleep(PAUSE_MS);
const c0 = process.cpuUsage();
for (let i = 0; i < N; i++) exchange.run(i % USERS, route);
const c = process.cpuUsage(c0);
console.log(`${engine}: ${((c.user + c.system) / N).toFixed(1)} µs of CPU per exchange (both routes and the loop's own work), ${N} exchanges`);
rt.dispose();
