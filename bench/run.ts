// npm run bench: per runtime, a real server process under a sipp OPTIONS load (default
// 2000/s for 20 000 requests), then the engine's own route figures from kemi.stats, the
// script load time and the memory. Bounded: every sipp run has a call count and a timeout.
//   npm run bench -- [--rate 2000] [--calls 20000] [--engines v8,quickjs,fengari,pyodide] [--scenario options|register]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../test/support/server-process.js';
import { runSipp, scenario } from '../test/support/sipp.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    calls: { type: 'string', default: '20000' },
    engines: { type: 'string', default: 'v8,quickjs,fengari,pyodide' },
    scenario: { type: 'string', default: 'options' },
    transport: { type: 'string', default: 'udp' },
    scripts: { type: 'string' },
  },
});

// --scripts DIR: run the routing.{js,lua,py} of another folder (default: sample-scripts/)
const SCRIPT: Record<string, { file: string; engine?: 'v8' | 'quickjs' }> = {
  v8: { file: 'routing.js', engine: 'v8' },
  quickjs: { file: 'routing.js', engine: 'quickjs' },
  fengari: { file: 'routing.lua' },
  pyodide: { file: 'routing.py' },
};

const rows: string[] = [];
for (const name of values.engines!.split(',')) {
  const s = SCRIPT[name];
  if (!s) throw new Error(`unknown engine ${name}`);
  const script = values.scripts ? `${values.scripts}/${s.file}` : fileURLToPath(new URL(`../sample-scripts/${s.file}`, import.meta.url));
  const server = await startServerProcess({ script, engine: s.engine, startTimeoutMs: 60000 });
  try {
    const reload = await server.rpc('kemi.reload');
    await server.rpc('kemi.stats_reset');
    const t0 = performance.now();
    const run = await runSipp({
      scenario: scenario(`${values.scenario}.xml`),
      port: server.port,
      transport: values.transport === 'tcp' ? 'tcp' : 'udp',
      calls: Number(values.calls),
      rate: Number(values.rate),
      timeoutS: 120,
      extra: ['-l', '5000'],
    });
    const seconds = (performance.now() - t0) / 1000;
    const stats = (await server.rpc('kemi.stats')).result;
    const r = stats.routes.ksr_request_route ?? {};
    const failed = /Failed call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? '?';
    rows.push(
      `| ${name} | ${Math.round(reload.result?.loadMs ?? NaN)} ms | ${(stats.runtime.memoryBytes / 1e6).toFixed(1)} MB | ${(stats.process.rssBytes / 1e6).toFixed(0)} MB | ${r.count} | ${r.avg} | ${r.min} | ${r.max} | ${(Number(values.calls) / seconds).toFixed(0)}/s | ${failed} | ${run.code} |`,
    );
    if (run.code !== 0) process.stderr.write(`${name}: sipp exited ${run.code}\n${run.errors.slice(0, 1500)}\n${run.stderr.slice(-1500)}\n`);
    process.stderr.write(`${name}: done\n`);
  } finally {
    await server.stop();
  }
}
console.log(`sipp ${values.scenario} over ${values.transport}, ${values.calls} requests at ${values.rate}/s`);
console.log('| engine | load (reload) | runtime memory | server RSS | route count | avg µs | min µs | max µs | achieved | sipp failed | sipp exit |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
