// The seed talk's two iterator examples (../shared/seed/000_21fce87f5e467756.txt, "Header fields
// iterators" and "Body lines iterators") written as loops in each language and run in every
// runtime on the talk's INVITE with the lines they look for (a My-Header: xyz header, an
// a=info:abc body line): the message as it would leave must be what Kamailio builds from the
// same lumps, byte for byte. The other examples of the talk are rows of the conformance table
// (cases/seed-talk.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, type EngineName } from '../../runtimes/runtime.js';
import { buildWithLumps } from '../../host/sip/builder.js';
import { FIXTURES, makeContext } from '../support/sip-fixtures.js';
import { withTrueLength } from './cases/seed-talk.js';


const INVITE = withTrueLength(
  FIXTURES.seed.replace('User-Agent: snom370/8.7.5.35\r\n', 'User-Agent: snom370/8.7.5.35\r\nMy-Header: xyz\r\n').replace('a=sendrecv\r\n', 'a=info:abc\r\na=sendrecv\r\n'),
);
/** hf example: My-Header removed, My-New-Header inserted before it and My-Other-Header appended after it. */
const AFTER_HF = withTrueLength(INVITE.replace('My-Header: xyz\r\n', 'My-New-Header: abc\r\nMy-Other-Header: def\r\n'));
/** bl example: the a=info:abc line replaced by a=info:xyz (Content-Length unchanged: same length). */
const AFTER_BL = withTrueLength(INVITE.replace('a=info:abc\r\n', 'a=info:xyz\r\n'));

const JS = `function hf_example() {
  KSR.textopsx.hf_iterator_start("i1");
  while (KSR.textopsx.hf_iterator_next("i1") > 0) {
    if (KSR.textopsx.hf_iterator_hname("i1") === "My-Header") {
      KSR.textopsx.hf_iterator_rm("i1");
    }
    if (KSR.textopsx.hf_iterator_hname("i1") === "My-Header") {
      KSR.textopsx.hf_iterator_insert("i1", "My-New-Header: abc\\r\\n");
    }
    if (KSR.textopsx.hf_iterator_hbody("i1") === "xyz") {
      KSR.textopsx.hf_iterator_append("i1", "My-Other-Header: def\\r\\n");
    }
  }
  KSR.textopsx.hf_iterator_end("i1");
}
function bl_example() {
  KSR.textopsx.bl_iterator_start("b1");
  while (KSR.textopsx.bl_iterator_next("b1") > 0) {
    var line = KSR.textopsx.bl_iterator_value("b1");
    if (line.startsWith("a=info:abc")) {
      KSR.textopsx.bl_iterator_rm("b1");
      KSR.textopsx.bl_iterator_insert("b1", "a=info:xyz\\r\\n");
    }
  }
  KSR.textopsx.bl_iterator_end("b1");
}
`;

const LUA = `function hf_example()
  KSR.textopsx.hf_iterator_start("i1")
  while KSR.textopsx.hf_iterator_next("i1") > 0 do
    if KSR.textopsx.hf_iterator_hname("i1") == "My-Header" then
      KSR.textopsx.hf_iterator_rm("i1")
    end
    if KSR.textopsx.hf_iterator_hname("i1") == "My-Header" then
      KSR.textopsx.hf_iterator_insert("i1", "My-New-Header: abc\\r\\n")
    end
    if KSR.textopsx.hf_iterator_hbody("i1") == "xyz" then
      KSR.textopsx.hf_iterator_append("i1", "My-Other-Header: def\\r\\n")
    end
  end
  KSR.textopsx.hf_iterator_end("i1")
end
function bl_example()
  KSR.textopsx.bl_iterator_start("b1")
  while KSR.textopsx.bl_iterator_next("b1") > 0 do
    local line = KSR.textopsx.bl_iterator_value("b1")
    if string.sub(line, 1, 10) == "a=info:abc" then
      KSR.textopsx.bl_iterator_rm("b1")
      KSR.textopsx.bl_iterator_insert("b1", "a=info:xyz\\r\\n")
    end
  end
  KSR.textopsx.bl_iterator_end("b1")
end
`;

const PY = `def hf_example():
    KSR.textopsx.hf_iterator_start("i1")
    while KSR.textopsx.hf_iterator_next("i1") > 0:
        if KSR.textopsx.hf_iterator_hname("i1") == "My-Header":
            KSR.textopsx.hf_iterator_rm("i1")
        if KSR.textopsx.hf_iterator_hname("i1") == "My-Header":
            KSR.textopsx.hf_iterator_insert("i1", "My-New-Header: abc\\r\\n")
        if KSR.textopsx.hf_iterator_hbody("i1") == "xyz":
            KSR.textopsx.hf_iterator_append("i1", "My-Other-Header: def\\r\\n")
    KSR.textopsx.hf_iterator_end("i1")

def bl_example():
    KSR.textopsx.bl_iterator_start("b1")
    while KSR.textopsx.bl_iterator_next("b1") > 0:
        line = KSR.textopsx.bl_iterator_value("b1")
        if line.startswith("a=info:abc"):
            KSR.textopsx.bl_iterator_rm("b1")
            KSR.textopsx.bl_iterator_insert("b1", "a=info:xyz\\r\\n")
    KSR.textopsx.bl_iterator_end("b1")
`;

const SCRIPTS: Record<EngineName, [string, string]> = {
  v8: ['seed.js', JS],
  quickjs: ['seed.js', JS],
  fengari: ['seed.lua', LUA],
  pyodide: ['seed.py', PY],
};

for (const engine of ['v8', 'quickjs', 'fengari', 'pyodide'] as EngineName[]) {
  test(`the seed talk's iterator examples on ${engine}`, async (t) => {
    const rt = await createRuntime(engine, { dispatcher: new Dispatcher(createRegistry()), limits: { cpuMs: 2000, memoryMb: DEFAULT_LIMITS[LANGUAGE_OF[engine]].memoryMb } });
    try {
      await rt.load(SCRIPTS[engine][1], SCRIPTS[engine][0]);
      for (const [callback, expected] of [['hf_example', AFTER_HF], ['bl_example', AFTER_BL]] as const) {
        await t.test(callback, () => {
          const ctx = makeContext(INVITE);
          const r = rt.invoke(callback, ctx);
          assert.equal(r.outcome, 'ok', r.error ? `${r.error.file}:${r.error.line}: ${r.error.message}` : '');
          assert.equal(buildWithLumps(ctx.msg, ctx.lumps).toString(), expected);
          // the lumps are pending: what the script reads is still the received message
          assert.equal(ctx.msg.buf.toString(), INVITE);
        });
      }
    } finally {
      rt.dispose();
    }
  });
}
