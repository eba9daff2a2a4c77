// A route that loops or eats memory is stopped: the request gets 500 within the limit and the
// next request is served, in every runtime (JavaScript on V8 and on QuickJS), end to end
// through a real server process.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';

// Each script: a request with "X-Do: loop" spins (swallowing what it can), "X-Do: eat"
// allocates without end; anything else gets 200.
const SCRIPTS: Record<string, { ext: string; text: string }> = {
  js: {
    ext: 'js',
    text: `function ksr_request_route() {
  var what = KSR.hdr.get('X-Do');
  if (what === 'loop') { for (;;) { try { while (true) {} } catch (e) {} } }
  if (what === 'eat') { var a = []; for (;;) { a.push(new Array(100000).fill(1)); } }
  KSR.sl.sl_send_reply(200, 'OK');
}`,
  },
  lua: {
    ext: 'lua',
    text: `function ksr_request_route()
  local what = KSR.hdr.get("X-Do")
  if what == "loop" then while true do pcall(function() while true do end end) end end
  if what == "eat" then local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep("x", 1000) .. i end end
  KSR.sl.sl_send_reply(200, "OK")
end`,
  },
  python: {
    ext: 'py',
    text: `def ksr_request_route():
    what = KSR.hdr.get("X-Do")
    if what == "loop":
        while True:
            try:
                while True:
                    pass
            except BaseException:
                pass
    if what == "eat":
        a = []
        while True:
            a.append(bytearray(1000000))
    KSR.sl.sl_send_reply(200, "OK")
`,
  },
};

// Every runtime: JavaScript on V8 and on QuickJS (whose limits are its own: an interrupt
// handler and a capped wasm memory), Lua, Python.
const RUNS: Array<{ label: string; language: keyof typeof SCRIPTS; engine?: 'v8' | 'quickjs' }> = [
  { label: 'js on v8', language: 'js', engine: 'v8' },
  { label: 'js on quickjs', language: 'js', engine: 'quickjs' },
  { label: 'lua', language: 'lua' },
  { label: 'python', language: 'python' },
];

for (const { label, language, engine } of RUNS) {
  const { ext, text } = SCRIPTS[language]!;
  describe(`limits, ${label}`, () => {
    let server: ServerProcess;
    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ksr-limits-'));
      const file = join(dir, `limits.${ext}`);
      writeFileSync(file, text);
      server = await startServerProcess({ script: file, engine, startTimeoutMs: 60000 });
    });
    after(async () => server?.stop());

    async function served(): Promise<number> {
      // The runtime may be being rebuilt after a limit: allow a few seconds for it (Python boots in 2-3 s).
      for (let i = 0; i < 40; i++) {
        const [r] = await udpExchange(server.port, request('OPTIONS', server.port), { waitMs: 1000 });
        if (r && statusOf(r) === 200) return 200;
        await sleep(250);
      }
      return 0;
    }

    test('a route stuck in a loop answers 500 and the next request is served', async () => {
      const [r] = await udpExchange(server.port, request('OPTIONS', server.port, { headers: ['X-Do: loop'] }), { waitMs: 5000 });
      assert.equal(statusOf(r ?? ''), 500);
      assert.equal(await served(), 200);
    });

    test('a route that allocates without end is stopped and the server keeps serving', async () => {
      const [r] = await udpExchange(server.port, request('OPTIONS', server.port, { headers: ['X-Do: eat'] }), { waitMs: 15000 });
      assert.equal(statusOf(r ?? ''), 500);
      assert.equal(await served(), 200);
      const stats = (await server.rpc('kemi.stats')).result;
      assert.ok(stats.messages.scriptFailures >= 2);
    });
  });
}
