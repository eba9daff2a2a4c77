// Issue 12: system.methodHelp answers every method system.listMethods lists with its own line,
// never the fallback: the core's, the modules' (dispatcher, uac, htable, pike, rtpproxy,
// rtpengine, permissions, nathelper) and, with workers, the test hooks. Real server processes,
// one thread and 2 workers (whose module methods are registered by the socket thread).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** One method of each module that declares control methods: proof that the modules' methods are listed. */
const MODULE_METHODS = ['dispatcher.list', 'uac.reg_dump', 'htable.dump', 'pike.top', 'rtpproxy.list', 'rtpengine.show', 'permissions.addressDump', 'nathelper.ping_stats'];
const FALLBACK = /\(no help given\)$/;

function scriptFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-help-')), 'route.js');
  writeFileSync(file, "function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n");
  return file;
}

for (const workers of [1, 2]) {
  describe(`system.methodHelp for every listed method, workers: ${workers}`, () => {
    let s: ServerProcess;
    before(async () => {
      s = await startServerProcess({ script: scriptFile(), workers, env: { KSR_TEST_WORKER_HOOKS: '1' }, startTimeoutMs: 60_000 });
    });
    after(async () => s?.stop());

    test('each method has a help line of its own', async () => {
      const listed = await s.rpc('system.listMethods');
      assert.equal(listed.error, undefined, JSON.stringify(listed.error));
      const names = listed.result as string[];
      for (const m of MODULE_METHODS) assert.ok(names.includes(m), `${m} not listed: ${names.join(', ')}`);
      if (workers > 1) assert.ok(names.includes('workers.test_exit'), 'the test hooks are listed with KSR_TEST_WORKER_HOOKS=1');
      const missing: string[] = [];
      for (const name of names) {
        const r = await s.rpc('system.methodHelp', [name]);
        assert.equal(r.error, undefined, `${name}: ${JSON.stringify(r.error)}`);
        const help = String(r.result);
        if (FALLBACK.test(help) || help.trim().length < 10) missing.push(`${name}: '${help}'`);
      }
      assert.deepEqual(missing, [], `methods without a help line of their own:\n${missing.join('\n')}`);
    });
  });
}
