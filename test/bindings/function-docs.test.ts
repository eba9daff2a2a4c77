// Every KSR function has its row in bindings/docs/functions (parameter names, what it does, what
// it returns), and the checker finds each kind of mistake a row can have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../bindings/modules/index.js';
import { functionDocProblems, loadFunctionDocs } from '../../bindings/docs/function-docs.js';

test('every declared KSR function is documented, with as many parameter names as it declares', () => {
  const registry = createRegistry();
  const docs = loadFunctionDocs();
  assert.deepEqual(functionDocProblems(registry.entries, docs), []);
  assert.equal(docs.size, registry.entries.length);
});

test('the checker names a missing row, a wrong parameter count, a bad name, an empty cell and an undeclared function', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-fdocs-'));
  try {
    const header = 'function\tparams\tdoes\treturns';
    writeFileSync(join(dir, 'sanity.tsv'), [
      '# test', header,
      'sanity_check\tmsg_checks\tChecks.\t1 ok',
      'sanity_reply\t\t\t1 sent',
      'sanity_nothing\t\tNot a function.\tnothing',
    ].join('\n'));
    writeFileSync(join(dir, 'core.tsv'), [header, 'info\tfrom\tLogs.\tnothing'].join('\n'));
    const entries = createRegistry().entries.filter((e) => e.module === 'sanity' || (e.module === '' && e.name === 'info'));
    const problems = functionDocProblems(entries, loadFunctionDocs(dir)).join('\n');
    assert.match(problems, /sanity\.tsv:3: KSR\.sanity\.sanity_check declares 2 parameter\(s\) \(int, int\), the row names 1 \(msg_checks\)/);
    assert.match(problems, /sanity\.tsv:4: the "does" cell is empty/);
    assert.match(problems, /KSR\.sanity\.sanity_check_defaults: no row in bindings\/docs\/functions\/sanity\.tsv/);
    assert.match(problems, /sanity\.tsv:5: KSR\.sanity\.sanity_nothing is documented but not declared/);
    assert.match(problems, /core\.tsv:2: parameter name "from" is a reserved word/);
    writeFileSync(join(dir, 'core.tsv'), ['function\tparams', 'info\tx'].join('\n'));
    assert.throws(() => loadFunctionDocs(dir), /core\.tsv:1: expected the header line/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
