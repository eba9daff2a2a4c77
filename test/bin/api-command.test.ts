// `ksr-host api [--json]` through the real command line (bin/ksr-host.mjs): every function of
// the registry with its signature and its status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../../bindings/modules/index.js';
import { signatureOf } from '../../bindings/registry.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const run = async (...args: string[]) => (await promisify(execFile)(process.execPath, [BIN, ...args], { timeout: 60_000 })).stdout;

interface ApiMethod {
  func: { module: string; name: string; path: string; signature: string; status: string };
}

test('ksr-host api --json shows each function with its signature and status', async () => {
  const registry = createRegistry();
  const out = JSON.parse(await run('api', '--json')) as { msize: number; methods: ApiMethod[] };
  assert.equal(out.msize, registry.entries.length);
  assert.equal(out.methods.length, registry.entries.length);
  out.methods.forEach((m, i) => {
    const e = registry.entries[i]!;
    assert.equal(m.func.signature, signatureOf(e));
    assert.equal(m.func.status, e.status, m.func.path);
    assert.match(m.func.status, /^(complete|partial: \S.*)$/, m.func.path);
  });
  const byPath = new Map(out.methods.map((m) => [m.func.path, m.func.status]));
  assert.equal(byPath.get('KSR.hdr.append'), 'complete');
  assert.match(byPath.get('KSR.kx.get_env')!, /^partial: scripts cannot read the server's environment/);
  assert.equal(byPath.get('KSR.tm.t_replicate'), undefined, 'left out: not listed');
});

test('ksr-host api prints one line per function, signature then status, and the counts', async () => {
  const registry = createRegistry();
  const lines = (await run('api')).trimEnd().split('\n');
  assert.equal(lines.length, registry.entries.length + 1);
  registry.entries.forEach((e, i) => assert.equal(lines[i], `${signatureOf(e)} -- ${e.status}`));
  const partial = registry.entries.filter((e) => e.status !== 'complete').length;
  assert.ok(partial > 0);
  assert.equal(lines.at(-1), `${registry.entries.length} functions: ${registry.entries.length - partial} complete, ${partial} partial`);
});

test('a reader that stops early (ksr-host api --json | head) ends the command quietly, exit 0', async () => {
  // a real pipe to a real head, as an operator types it; bash reports the exit code of ksr-host
  const line = `"${process.execPath}" "${BIN}" api --json | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
  const { stdout, stderr } = await promisify(execFile)('bash', ['-c', line], { timeout: 60_000 });
  assert.match(stdout, /exit=0/, `stderr: ${stderr}`);
  assert.doesNotMatch(stderr, /EPIPE/);
});
