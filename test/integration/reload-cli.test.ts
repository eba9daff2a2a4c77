// `ksr-host rpc kemi.reload` returns its result however long the new runtime takes to load:
// a Python reload whose boot and top level take longer than the ordinary answer deadline of
// the control endpoint's clients (bin/reload-rpc.ts ANSWER_DEADLINE_MS) is waited for by the
// real CLI, which prints the result; the new script then serves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ANSWER_DEADLINE_MS } from '../../bin/reload-rpc.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { versionServed, versionedPythonScript } from '../support/versioned-script.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const run = promisify(execFile);

/** The top level of version two spins this long (wall clock), within its load budget (10 × cpu_ms). */
const TOP_LEVEL_MS = ANSWER_DEADLINE_MS - 500;
const CPU_MS = 1500;

const script = versionedPythonScript;


describe('kemi.reload through the CLI, python', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-reload-cli-'));
  const file = join(dir, 'slow.py');
  let server: ServerProcess;
  before(async () => {
    writeFileSync(file, script('one'));
    server = await startServerProcess({ script: file, startTimeoutMs: 90_000, config: () => ({ limits: { cpu_ms: CPU_MS } }) });
  });
  after(async () => server?.stop());

  test(`a reload longer than the ordinary ${ANSWER_DEADLINE_MS} ms answer deadline returns its result to \`ksr-host rpc kemi.reload\``, async (t) => {
    assert.equal(await versionServed(server.port), 'one');
    writeFileSync(file, script('two', `end = time.monotonic() + ${TOP_LEVEL_MS / 1000}\nwhile time.monotonic() < end:\n    pass\n`));
    const t0 = performance.now();
    const { stdout } = await run(process.execPath, [BIN, 'rpc', 'kemi.reload', '--control', `127.0.0.1:${server.controlPort}`, '--state-dir', server.stateDir], {
      timeout: 120_000,
    });
    const ms = performance.now() - t0;
    t.diagnostic(`the CLI got the reload's result after ${Math.round(ms)} ms`);
    const result = JSON.parse(stdout) as { file: string; engine: string; loadMs: number };
    assert.equal(result.engine, 'pyodide');
    assert.equal(result.file, file);
    assert.ok(result.loadMs > ANSWER_DEADLINE_MS, `the load took ${result.loadMs} ms: not past the ordinary deadline, so this proves nothing`);
    assert.ok(ms >= result.loadMs);
    assert.equal(await versionServed(server.port), 'two');
  });
});
