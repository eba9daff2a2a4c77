// Prints the failures the phases of `npm test` recorded (test/support/failure-reporter.mjs),
// grouped by file, as the last lines of the run. Usage: node print-failures.mjs FILE...
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const SUBTEST_ONLY = 'subtestsFailed'; // a suite that failed because a test inside it did: the test is listed

function readFailures(path) {
  if (!existsSync(path)) return [{ file: null, name: `no failure record at ${path}: the phase did not run to its end`, message: '' }];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

let count = 0;
for (const path of process.argv.slice(2)) {
  const failures = readFailures(path).filter((f) => f.failureType !== SUBTEST_ONLY);
  count += failures.length;
  if (failures.length === 0) continue;
  console.log(`\n## ${failures.length} failed in ${path}`);
  for (const f of failures) {
    const where = f.file ? `${relative(process.cwd(), f.file)}${f.line ? `:${f.line}` : ''}` : '';
    const within = f.suites?.length ? `${f.suites.join(' > ')} > ` : '';
    console.log(`- ${where} ${within}${f.name}`);
    if (f.message) console.log(f.message.split('\n').map((l) => `    ${l}`).join('\n'));
  }
}
console.log(count === 0 ? '\nnpm test: no test failed' : `\nnpm test: ${count} failed (listed above)`);
