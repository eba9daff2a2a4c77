import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRegistry } from '../../bindings/modules/index.js';
import { checkAgainstCatalogue } from '../../bindings/catalogue-check.js';
import { defineModule, Registry } from '../../bindings/registry.js';

const tsv = readFileSync(new URL('../../bindings/catalogue.tsv', import.meta.url), 'utf8');

test('every registry function matches the KEMI catalogue', () => {
  assert.deepEqual(checkAgainstCatalogue(createRegistry(), tsv), []);
});

test('the check reports unknown names, wrong params and wrong returns', () => {
  const fn = () => null;
  const bad = new Registry([
    defineModule('hdr', {
      get: { params: ['str', 'int'], returns: 'xval', fn },
      nosuch: { params: [], returns: 'int', fn },
    }),
    defineModule('', { is_INVITE: { params: [], returns: 'int', fn } }),
    defineModule('pv', { setl: { params: ['str', 'int'], returns: 'bool', fn } }),
  ]);
  const problems = checkAgainstCatalogue(bad, tsv);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0]!, /KSR\.hdr\.get: wrong params/);
  assert.match(problems[1]!, /KSR\.hdr\.nosuch: unknown name/);
  assert.match(problems[2]!, /KSR\.is_INVITE: wrong return/);
  assert.match(problems[3]!, /KSR\.pv\.setl: wrong params.*long/);
});

test('the variadic KSR.x.modf matches the catalogue only when declared variadic', () => {
  const fn = () => 1;
  const plain = new Registry([defineModule('x', { modf: { params: ['str'], returns: 'int', fn } })]);
  assert.match(checkAgainstCatalogue(plain, tsv)[0]!, /modf: wrong params/);
});
