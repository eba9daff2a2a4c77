// A node:test reporter that writes one JSON line per failed test (file, name, error's first
// lines). `npm test` runs its two phases with it beside the TAP reporter, then prints every
// failure of both phases last (test/support/print-failures.mjs): the end of a long CI log is
// what gets read, and the shared phase's failures would otherwise sit 6 minutes of output up.
export default async function* failureReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, line, nesting, details } = event.data;
    const error = details?.error;
    const cause = error?.cause ?? error;
    const message = String(cause?.message ?? cause ?? error ?? 'failed').split('\n').slice(0, 12).join('\n');
    yield `${JSON.stringify({ file: file ?? null, line: line ?? null, nesting, name, failureType: error?.failureType ?? null, message })}\n`;
  }
}
