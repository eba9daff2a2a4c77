// Micro-benchmarks of the hot pieces of a registration, each against its budget:
//   npm run bench:micro [-- NAME-FILTER]        (or npm run bench -- --micro)
// Prints name, µs of CPU per operation (best and median of 7 rounds), the best wall-clock
// figure, the budget; exits 1 when a best round is over its budget (harness.ts says why CPU
// time and why the best round). The machine may be shared: an over-budget figure is worth a second run
// before it is believed, and the pure-CPU cases are the steady ones.
import { CASES, closeShared } from './cases.js';
import { measure } from './harness.js';

export async function runMicro(filter?: string): Promise<number> {
  const chosen = CASES.filter((c) => !filter || c.name.toLowerCase().includes(filter.toLowerCase()));
  let over = 0;
  console.log('| case | CPU µs/op (best of 7) | median | wall µs/op (best) | GC ms per 10 000 ops | budget | pure CPU | |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const c of chosen) {
    const r = await measure(c);
    if (r.over) over++;
    console.log(`| ${r.name} | ${r.bestUs.toFixed(2)} | ${r.medianUs.toFixed(2)} | ${r.bestWallUs.toFixed(2)} | ${r.gcMsPer10k.toFixed(1)} | ${r.budgetUs} | ${r.pureCpu ? 'yes' : 'no'} | ${r.over ? 'OVER BUDGET' : 'ok'} |`);
  }
  await closeShared();
  if (over > 0) console.log(`${over} case(s) over budget`);
  return over > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runMicro(process.argv[2]);
}
