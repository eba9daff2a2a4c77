// The lifecycle lines in a real server's output (its stdout is a pipe: JSON lines): the script
// starts loading, is loaded (with the time it took), the server serves; at SIGTERM "stopping"
// then "stopped". The stop lines need the lead's wiring of host/log/lifecycle.ts into
// bin/commands/run.ts (see the issue 12 report of the logs-and-tracing session).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';

function scriptFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-lifecycle-')), 'route.js');
  writeFileSync(file, `function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n`);
  return file;
}

/** The JSON lines of the output, in order (anything else, e.g. a child's stderr, skipped). */
function jsonLines(output: string): Record<string, any>[] {
  return output.split('\n').flatMap((l) => {
    try {
      const o = JSON.parse(l);
      return typeof o === 'object' && o !== null ? [o] : [];
    } catch {
      return [];
    }
  });
}

test('a real server logs JSON: loading the script, script loaded in N ms, serving; stopping and stopped at SIGTERM', async () => {
  const script = scriptFile();
  const s = await startServerProcess({ script, workers: 1 });
  await s.stop();
  const lines = jsonLines(s.output());
  assert.ok(lines.length > 3, `JSON lines on a pipe; output:\n${s.output().slice(0, 2000)}`);
  const at = (msg: string | RegExp) => lines.findIndex((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(l.msg)));
  const loading = at(/^loading the script /);
  const loaded = at('script loaded');
  const serving = at('ksr-host serving');
  assert.ok(loading >= 0, 'a line when the runtime starts loading');
  assert.equal(lines[loading]!.msg, `loading the script ${script} in v8`);
  assert.ok(loaded > loading, 'then one when it is loaded');
  assert.equal(typeof lines[loaded]!.loadMs, 'number');
  assert.ok(serving > loaded);
  const stopping = at('stopping');
  const stopped = at('stopped');
  assert.ok(stopping > serving, `"stopping" at SIGTERM (needs the wiring in bin/commands/run.ts); output:\n${s.output().slice(-1500)}`);
  assert.ok(stopped > stopping, '"stopped" once everything is closed');
  assert.equal(typeof lines[stopped]!.stopMs, 'number');
});
