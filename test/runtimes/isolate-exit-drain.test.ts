// isolated-vm 5.0 aborts a process that exits while V8 still has an incremental marking to
// finish, once its own cleanup hook has run (runtimes/isolate/exit-drain.ts). The sandbox
// therefore collects the garbage in 'exit'. The abort itself is a race (1 run in 12 of
// guest-stop.test.ts under load), so this test checks the mechanism: a process that made a
// sandbox ends with its garbage collected before Node's teardown, one that did not keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const sandboxModule = fileURLToPath(new URL('../../runtimes/isolate/sandbox.ts', import.meta.url));

function exitState(makeSandbox: boolean): { status: number | null; out: string; err: string } {
  const program = `
    const { IsolateSandbox } = await import(${JSON.stringify(sandboxModule)});
    if (${makeSandbox}) IsolateSandbox.create(16).isolate.dispose();
    const garbage = new WeakRef({ big: new Array(1000).fill(1) });
    // registered after the sandbox's listener, so it sees what that listener left
    process.on('exit', () => console.log(garbage.deref() === undefined ? 'collected' : 'alive'));
  `;
  const r = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
}

test('a process that made a sandbox collects its garbage in exit, before Node tears isolated-vm down', () => {
  const r = exitState(true);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, 'collected');
});

test('without a sandbox nothing is collected at exit (the check above can fail)', () => {
  const r = exitState(false);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, 'alive');
});
