// The manager's recovery policy, from each runtime's declaration (runtimes/*/declaration.ts):
// a runtime that does not recover from a timeout by itself (fengari) is renewed by the
// manager after one (ScriptRuntime.renew), a broken one (out of memory) is replaced; one that
// recovers (v8, QuickJS) serves on and the timeout is counted as kept. The replacement of a
// runtime without a spare is in service by the next turn of the event loop. Log functions at
// a top level reach the manager's log.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../bindings/modules/index.js';
import { declarationOf, ENGINES, engineForFile, LANGUAGE_OF } from '../../runtimes/index.js';
import { ScriptManager, type ManagerLog } from '../../runtimes/manager.js';
import { makeContext } from '../support/sip-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-manager-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function recordingLog(): ManagerLog & { lines: { level: string; msg: string }[] } {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: object, msg: string) => void lines.push({ level, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

async function managerFor(name: string, source: string, memoryMb = 64, cpuMs = 50) {
  const file = join(dir, name);
  writeFileSync(file, source);
  const log = recordingLog();
  const m = new ScriptManager(createRegistry(), engineForFile(file), file, { cpuMs, memoryMb }, log);
  await m.start();
  return { m, log };
}

test('every engine comes from its folder declaration; extensions pick the engine', () => {
  assert.deepEqual([...ENGINES].sort(), ['fengari', 'pyodide', 'quickjs', 'v8']);
  for (const e of ENGINES) assert.equal(declarationOf(e).language, LANGUAGE_OF[e]);
  assert.equal(engineForFile('a.lua'), 'fengari');
  assert.equal(engineForFile('a.py'), 'pyodide');
  assert.equal(engineForFile('a.js'), 'v8');
  assert.equal(engineForFile('a.mjs', 'quickjs'), 'quickjs');
  assert.throws(() => engineForFile('a.rb'), /cannot tell the language of 'a\.rb': expected a file ending in \.js, \.mjs, \.cjs, \.lua, \.py/);
  assert.deepEqual(declarationOf('fengari').recovery, { fromTimeout: false, keepsSpare: true });
  assert.deepEqual(declarationOf('v8').recovery, { fromTimeout: true, keepsSpare: false });
  assert.deepEqual(declarationOf('pyodide').recovery, { fromTimeout: true, keepsSpare: true });
});

test('fengari: after a timeout the manager renews the runtime at once (a fresh Lua state, the top level run again)', async () => {
  const { m, log } = await managerFor(
    'spin.lua',
    `KSR.info('top level ran')
loads = (loads or 0) + 1
function spin() while true do end end
function ksr_request_route() KSR.pv.sets('$var(loads)', tostring(loads)) end
`,
  );
  try {
    const topLevels = () => log.lines.filter((l) => l.msg === 'top level ran').length;
    // the warm spare's load logs it too, whenever its build gets there
    assert.ok(topLevels() >= 1, 'the top level logged through the manager');
    assert.equal(m.has('ksr_request_route'), true);
    const before = topLevels();
    assert.equal(m.invoke('spin', makeContext('options')).outcome, 'timeout');
    assert.equal(m.renewals, 1, 'renewed by the manager, synchronously');
    assert.equal(m.rebuilds, 0);
    assert.equal(m.timeoutsKept, 0);
    assert.equal(topLevels(), before + 1, 'the top level ran again in the fresh Lua state, within the call');
    const ctx = makeContext('options');
    assert.deepEqual(m.invoke('ksr_request_route', ctx), { outcome: 'ok' });
    assert.equal(ctx.vars.get('loads'), '1', 'a fresh Lua state: the script loaded afresh');
  } finally {
    m.dispose();
  }
});

test('v8: a timeout is kept (the isolate recovers); out of memory breaks it and the manager replaces it by the next turn', async () => {
  const source = `var hoard = [];
function spin() { for (;;) {} }
function greedy() { for (;;) hoard.push(new Array(4096).fill(hoard.length)); }
function ksr_request_route() { KSR.pv.sets('$var(ok)', 'yes'); }
`;
  const spinning = await managerFor('spin.js', source);
  try {
    assert.equal(spinning.m.invoke('spin', makeContext('options')).outcome, 'timeout');
    assert.equal(spinning.m.rebuilds, 0);
    assert.equal(spinning.m.timeoutsKept, 1);
  } finally {
    spinning.m.dispose();
  }
  // memory, not time, must stop the loop: the heap fills through collections near the limit
  const { m } = await managerFor('greedy.js', source, 32, 3000);
  try {
    assert.equal(m.ready, true, 'in service (v8 keeps no spare)');
    assert.equal(m.invoke('greedy', makeContext('options')).outcome, 'memory');
    assert.equal(m.rebuilds, 1);
    assert.equal(m.ready, false, 'not ready while the replacement builds');
    await nextTurn();
    assert.equal(m.ready, true, 'ready again once the replacement serves');
    const ctx = makeContext('options');
    assert.deepEqual(m.invoke('ksr_request_route', ctx), { outcome: 'ok' });
    assert.equal(ctx.vars.get('ok'), 'yes');
  } finally {
    m.dispose();
  }
});

test('whenSettled waits for a runtime still booting when the manager is disposed (a stop must not exit under it)', { timeout: 60_000 }, async () => {
  const { m } = await managerFor('settle.py', 'def ksr_request_route(msg):\n    pass\n', 384, 1000);
  // a reload boots a new pyodide on isolated-vm's pool: dispose in the middle of it
  let settled = false;
  const reload = m.reload().finally(() => (settled = true));
  // past the file's read: the boot (~2 s) is under way
  await new Promise((r) => setTimeout(r, 300));
  m.dispose();
  assert.equal(settled, false, 'the boot is still under way when the manager is disposed');
  await m.whenSettled();
  assert.equal(settled, true, 'whenSettled returned only once the boot had ended');
  const r = await reload;
  assert.equal(r.ok, false, 'the runtime booted for a disposed manager is refused (and disposed)');
  assert.match(r.error ?? '', /disposed while a runtime was being made/);
});
