// Prints the test files that took longest in the phases of `npm test` (recorded by
// test/support/duration-reporter.mjs), and each phase's total: what to shorten when the suite
// nears its 20 minutes. Usage: node print-durations.mjs COUNT FILE...
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [countArg, ...paths] = process.argv.slice(2);
const count = Number(countArg);
for (const path of paths) {
  if (!existsSync(path)) continue;
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const total = lines.reduce((s, r) => s + r.ms, 0);
  // the shared phase runs three files at a time: its wall time is well below this sum
  console.log(`\n## slowest of ${lines.length} files in ${relative(process.cwd(), path)} (${(total / 1000).toFixed(0)} s of test time in all)`);
  for (const r of lines.sort((a, b) => b.ms - a.ms).slice(0, count)) {
    console.log(`${(r.ms / 1000).toFixed(1).padStart(7)} s  ${relative(process.cwd(), r.file)} (${r.tests} top-level)`);
  }
}
