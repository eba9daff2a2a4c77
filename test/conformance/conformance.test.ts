// The conformance table through every runtime: one runtime per engine, one script per
// language holding a function per case (Python loads once), each case on a fresh context.
// A case passes when the same value arrives as the same native type in every language
// and the host sees the same effects (those a call leaves for after the callback included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, type EngineName } from '../../runtimes/runtime.js';
import { CASES as ALL_CASES } from './cases.js';
import { createCaptureModule } from './capture-module.js';
import { caseContext, checkCase } from './check-case.js';
import { settle } from './host-state.js';
import { caseFunction, conformanceScript } from './script-templates.js';

const EXT = { js: 'js', lua: 'lua', python: 'py' } as const;
// KSR_CONFORMANCE_ONLY=textops.,posops. runs the rows whose path starts with one of these
// (while writing a module); the coverage check then covers only those
const ONLY = (process.env.KSR_CONFORMANCE_ONLY ?? '').split(',').filter((p) => p !== '');
const ENGINES: EngineName[] = (process.env.KSR_CONFORMANCE_ENGINES?.split(',') as EngineName[] | undefined) ?? ['v8', 'quickjs', 'fengari', 'pyodide'];
// KSR_CONFORMANCE_NAME=text: only the rows whose name starts with it ('seed talk:')
const NAMED = process.env.KSR_CONFORMANCE_NAME ?? '';
const CASES = ALL_CASES.filter((c) => (ONLY.length === 0 || ONLY.some((p) => c.call.path.startsWith(p))) && c.name.startsWith(NAMED));

for (const engine of ENGINES) {
  test(`every conformance case on ${engine}`, async () => {
    const capture = createCaptureModule();
    const dispatcher = new Dispatcher(createRegistry([capture.module]));
    const language = LANGUAGE_OF[engine];
    const runtime = await createRuntime(engine, {
      dispatcher,
      // Generous: the first calls into a fresh interpreter are slow on a shared 2-core machine.
      limits: { cpuMs: 2000, memoryMb: DEFAULT_LIMITS[language].memoryMb },
    });
    try {
      await runtime.load(conformanceScript(language, CASES), `conformance.${EXT[language]}`);
      const problems: string[] = [];
      for (const [i, c] of CASES.entries()) {
        const ctx = caseContext(c);
        capture.results.length = 0;
        const r = runtime.invoke(caseFunction(i), ctx);
        await settle();
        const detail = r.error ? `${r.error.file}:${r.error.line}: ${r.error.message}` : '';
        problems.push(...checkCase(c, i, r.outcome, capture.results, ctx, detail));
      }
      assert.deepEqual(problems, [], `${problems.length} of ${CASES.length} cases differ on ${engine}`);
    } finally {
      runtime.dispose();
    }
  });
}
