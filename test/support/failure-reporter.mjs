// A node:test reporter that writes one JSON line per failed test (file, the suites around it,
// name, error's first lines). `npm test` runs its two phases with it beside the TAP reporter,
// then prints every failure of both phases last (test/support/print-failures.mjs): the end of a
// long CI log is what gets read, and the shared phase's failures would otherwise sit 6 minutes
// of output up. The suites matter: one test runs in several runtimes, each in a suite of its own.
export default async function* failureReporter(source) {
  /** Per file, the name of the test or suite started last at each nesting level. */
  const open = new Map();
  for await (const event of source) {
    if (event.type === 'test:start') rememberStart(open, event.data);
    if (event.type !== 'test:fail') continue;
    const { name, file, line, nesting, details } = event.data;
    const error = details?.error;
    const cause = error?.cause ?? error;
    const message = String(cause?.message ?? cause ?? error ?? 'failed').split('\n').slice(0, 12).join('\n');
    const suites = (open.get(file ?? '') ?? []).slice(0, nesting);
    yield `${JSON.stringify({ file: file ?? null, line: line ?? null, nesting, suites, name, failureType: error?.failureType ?? null, message })}\n`;
  }
}

function rememberStart(open, { file, nesting, name }) {
  const key = file ?? '';
  const path = open.get(key) ?? [];
  path.length = nesting;
  path[nesting] = name;
  open.set(key, path);
}
