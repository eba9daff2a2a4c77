// The guest protocol through all four runtimes, with the real registry:
// - a KSR module or function ksr-host does not have gets one error naming it, the same text
//   in every language, at the script's file and line (guest-protocol.ts MISSING_TEXT);
// - the log functions (needsMessage: false) may be called outside a route callback: at the
//   top level; a message function there is refused with the reason;
// - the script's callbacks are known at load (has() answers from a set read once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import type { LogLevel } from '../../host/core/services.js';
import { missingText } from '../../runtimes/guest-protocol.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { ScriptError, type EngineName, type Language, type ScriptRuntime } from '../../runtimes/runtime.js';
import { makeContext } from '../support/sip-fixtures.js';

const ENGINES: EngineName[] = ['v8', 'quickjs', 'fengari', 'pyodide'];
const EXT: Record<Language, string> = { js: 'js', lua: 'lua', python: 'py' };

/** Each script: the top level logs (line 1); the three calls to what is missing are on lines 3, 5 and 7. */
const SCRIPTS: Record<Language, string> = {
  js: `KSR.info('top level of the script');
function missing_module() {
  KSR.jsonrpcs.exec('{}');
}
function missing_function() {
  KSR.tm.t_replicate('sip:a@example.com');
}
function missing_core() {
  KSR.no_such_function();
}
function ksr_request_route() { KSR.info('route'); }
const ksr_reply_route = () => KSR.info('lexical');
function optional_module() {
  if (!KSR.jsonrpcs || KSR.tm.t_replicate !== undefined) { KSR.info('no jsonrpcs'); return; }
  KSR.jsonrpcs.exec('{}');
}
`,
  lua: `KSR.info('top level of the script')
function missing_module()
  KSR.jsonrpcs.exec('{}')
end
function missing_function()
  KSR.tm.t_replicate('sip:a@example.com')
end
function missing_core()
  KSR.no_such_function()
end
function ksr_request_route() KSR.info('route') end
ksr_reply_route = function() KSR.info('lexical') end
function optional_module()
  if not KSR.jsonrpcs or KSR.tm.t_replicate ~= nil then KSR.info('no jsonrpcs') return end
  KSR.jsonrpcs.exec('{}')
end
`,
  python: `import KSR; KSR.info('top level of the script')
def missing_module():
    KSR.jsonrpcs.exec('{}')

def missing_function():
    KSR.tm.t_replicate('sip:a@example.com')

def missing_core():
    KSR.no_such_function()

def ksr_request_route(): KSR.info('route')
ksr_reply_route = lambda: KSR.info('lexical')
def optional_module():
    if not hasattr(KSR, 'jsonrpcs') or getattr(KSR.tm, 't_replicate', None) is not None:
        KSR.info('no jsonrpcs')
        return
    KSR.jsonrpcs.exec('{}')
`,
};

const EXPECTED: [callback: string, line: number, text: string][] = [
  ['missing_module', 3, missingText('module', 'jsonrpcs', 'exec')],
  ['missing_function', 6, missingText('moduleFunction', 'tm', 't_replicate')],
  ['missing_core', 9, missingText('coreFunction', '', 'no_such_function')],
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function runtimeFor(engine: EngineName): Promise<{ rt: ScriptRuntime; logs: { level: LogLevel; text: string }[] }> {
  const logs: { level: LogLevel; text: string }[] = [];
  const dispatcher = new Dispatcher(createRegistry());
  dispatcher.outside = { core: { logger: { log: (level, text) => logs.push({ level, text }) } } };
  const rt = await createRuntime(engine, { dispatcher, limits: { cpuMs: 2000, memoryMb: LANGUAGE_OF[engine] === 'python' ? 384 : 128 } });
  return { rt, logs };
}

test('the texts are the ones the issue asks for', () => {
  assert.equal(missingText('module', 'jsonrpcs', 'exec'), 'KSR.jsonrpcs.exec: module jsonrpcs is not available in ksr-host');
  assert.equal(missingText('moduleFunction', 'tm', 't_replicate'), "KSR.tm.t_replicate: function t_replicate is not available in ksr-host's tm module");
  assert.equal(missingText('coreFunction', '', 'no_such_function'), 'KSR.no_such_function: function no_such_function is not available in ksr-host');
});

for (const engine of ENGINES) {
  const language = LANGUAGE_OF[engine];
  const file = `missing.${EXT[language]}`;

  test(`${engine}: a missing KSR module or function is one clear error naming it, at the script's line; the top level may log`, async () => {
    const { rt, logs } = await runtimeFor(engine);
    try {
      await rt.load(SCRIPTS[language], file);
      assert.deepEqual(logs, [{ level: 'info', text: 'top level of the script' }], 'KSR.info at the top level reached the log');
      for (const [callback, line, text] of EXPECTED) {
        const r = rt.invoke(callback, makeContext('options'));
        assert.equal(r.outcome, 'error', `${callback}: ${JSON.stringify(r)}`);
        // Python prefixes the class of its exceptions (KSRError: ...), as for every KSR error
        assert.match(r.error!.message, new RegExp(`^(KSRError: )?${escape(text)}$`), callback);
        assert.equal(r.error!.file, file, callback);
        assert.equal(r.error!.line, line, `${callback}: ${r.error!.message}`);
      }
      assert.equal(rt.broken, false);
    } finally {
      rt.dispose();
    }
  });

  test(`${engine}: a module ksr-host lacks is absent, as in Kamailio: a script may test for it and go on`, async () => {
    const { rt } = await runtimeFor(engine);
    try {
      await rt.load(SCRIPTS[language], file);
      const ctx = makeContext('options');
      assert.deepEqual(rt.invoke('optional_module', ctx), { outcome: 'ok' });
      assert.deepEqual((ctx.core as unknown as { logs: unknown[] }).logs, [{ level: 'info', text: 'no jsonrpcs' }]);
    } finally {
      rt.dispose();
    }
  });

  test(`${engine}: the callbacks are known at load, plain and lexical ones`, async () => {
    const { rt } = await runtimeFor(engine);
    try {
      await rt.load(SCRIPTS[language], file);
      assert.equal(rt.has('ksr_request_route'), true);
      assert.equal(rt.has('ksr_reply_route'), true);
      assert.equal(rt.has('missing_core'), true);
      assert.equal(rt.has('ksr_onsend_route'), false);
      assert.equal(rt.has('KSR'), false, 'KSR is no callback');
      assert.deepEqual(rt.invoke('ksr_onsend_route', makeContext('options')), { outcome: 'missing' });
      assert.deepEqual(rt.invoke('ksr_reply_route', makeContext('options')), { outcome: 'ok' });
    } finally {
      rt.dispose();
    }
  });

  test(`${engine}: a message function at the top level fails the load, saying it needs a message`, async () => {
    const { rt } = await runtimeFor(engine);
    const call = language === 'python' ? 'import KSR\nKSR.hdr.is_present("Via")\n' : 'KSR.hdr.is_present("Via")\n';
    try {
      await assert.rejects(rt.load(call, file), (e: unknown) => {
        assert.ok(e instanceof ScriptError);
        assert.match(e.message, /KSR\.hdr\.is_present: needs a SIP message: called outside a route callback/);
        assert.equal(e.line, language === 'python' ? 2 : 1);
        return true;
      });
    } finally {
      rt.dispose();
    }
  });
}
