// A node:test reporter that writes, at the end of a phase, one JSON line per file that defines
// top-level tests or suites: the time they took, summed (a suite shared by several test files,
// as the call flows per runtime, adds up under its own file). A test file's start (tsx, a
// runtime's boot outside a test) is not in it. `npm test` prints the slowest files just before
// its failures (test/support/print-durations.mjs), so what makes the suite long is at the end
// of the CI log: the rule is to keep the whole suite well under 20 minutes.
import { EventEmitter } from 'node:events';

// node 20's runner adds a few 'end' listeners to its event stream per reporter, and a third
// reporter passes the default 10: "MaxListenersExceededWarning: Possible EventEmitter memory
// leak" in every run, about a fixed count (it does not grow with the files run), not a leak.
// This module is loaded before the stream is made, so the stream takes the higher default.
EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 16);

export default async function* durationReporter(source) {
  /** Per file: ms of its top-level tests and suites, and how many there were. */
  const files = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, nesting, details } = event.data;
    if (nesting !== 0 || !file || typeof details?.duration_ms !== 'number') continue;
    const f = files.get(file) ?? { ms: 0, tests: 0 };
    f.ms += details.duration_ms;
    f.tests++;
    files.set(file, f);
  }
  for (const [file, f] of files) yield `${JSON.stringify({ file, ms: Math.round(f.ms), tests: f.tests })}\n`;
}
