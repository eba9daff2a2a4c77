// Reload in two steps (ScriptManager.prepare, then commit or abort), which the workers' all-or-
// none reload is made of: a prepared script is loaded but not in service; commit switches,
// abort keeps the running one; a failing script is refused at prepare; a reload asked
// meanwhile waits for the decision.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../bindings/modules/index.js';
import { engineForFile } from '../../runtimes/index.js';
import { ScriptManager, type ManagerLog } from '../../runtimes/manager.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-prepare-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const quiet: ManagerLog = { debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
const version = (v: string) => `function ksr_request_route() {}\nfunction ksr_${v}() {}\n`;

for (const ext of ['js', 'lua']) {
  test(`prepare, commit and abort (${ext})`, async () => {
    const file = join(dir, `route.${ext}`);
    const src = (v: string) => (ext === 'js' ? version(v) : `function ksr_request_route() end\nfunction ksr_${v}() end\n`);
    writeFileSync(file, src('v1'));
    const m = new ScriptManager(createRegistry(), engineForFile(file), file, { cpuMs: 100, memoryMb: 64 }, quiet);
    await m.start();
    try {
      writeFileSync(file, src('v2'));
      const p = await m.prepare();
      assert.equal(p.ok, true);
      assert.ok(m.has('ksr_v1') && !m.has('ksr_v2'), 'prepared, not in service');
      assert.equal(m.commit()?.ok, true);
      assert.ok(m.has('ksr_v2') && !m.has('ksr_v1'), 'committed');
      assert.equal(m.commit(), null, 'nothing left to commit');

      writeFileSync(file, src('v3'));
      assert.equal((await m.prepare()).ok, true);
      // a reload asked now waits for the decision on the prepared one
      let reloaded = false;
      const reload = m.reload().then((r) => ((reloaded = true), r));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(reloaded, false, 'reload waits while a prepared script awaits commit or abort');
      assert.equal(m.abort(), true);
      assert.ok(m.has('ksr_v2') && !m.has('ksr_v3'), 'aborted: the running script stays');
      assert.equal((await reload).ok, true);
      assert.ok(m.has('ksr_v3'), 'the reload after the abort went through');

      writeFileSync(file, ext === 'js' ? 'function ksr_request_route( {' : 'function ksr_request_route(');
      const bad = await m.prepare();
      assert.equal(bad.ok, false);
      assert.match(bad.error!, new RegExp(`route\\.${ext}`));
      assert.equal(m.abort(), false, 'nothing was prepared');
      assert.ok(m.has('ksr_v3'));
      // a refusal holds nothing: the next reload runs
      writeFileSync(file, src('v4'));
      assert.equal((await m.reload()).ok, true);
      assert.ok(m.has('ksr_v4'));
    } finally {
      m.dispose();
    }
  });
}
