// The conformance table checked against the registry directly (no interpreter): every
// declared function has a case, and every case's expectation holds on the host side.
// conformance.test.ts then proves each language receives the same values and types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher, isSignal, ksrPath, type KsrValue } from '../../bindings/registry.js';
import { CASES } from './cases.js';
import { caseContext, checkCase } from './check-case.js';
import type { Captured } from './capture-module.js';

const registry = createRegistry();

test('every declared KSR function has at least one conformance case', () => {
  const covered = new Set(CASES.map((c) => `KSR.${c.call.path}`));
  const missing = registry.entries.map(ksrPath).filter((p) => !covered.has(p));
  assert.deepEqual(missing, []);
});

test('every case names a declared function with the right number of arguments', () => {
  for (const c of [...CASES.map((k) => k.call), ...CASES.flatMap((k) => k.setup ?? [])]) {
    const e = registry.find(c.path);
    assert.ok(e, `no KSR.${c.path}`);
    assert.ok(e.variadic ? c.args.length >= e.params.length : c.args.length === e.params.length, `KSR.${c.path} arity`);
  }
});

function asCaptured(v: KsrValue): Captured {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'boolean') return { type: 'bool', value: v };
  return Number.isInteger(v) ? { type: 'int', value: v } : { type: 'other', value: 'float' };
}

test('every case holds when called through the Dispatcher directly', () => {
  const d = new Dispatcher(registry);
  const problems: string[] = [];
  CASES.forEach((c, i) => {
    const ctx = caseContext(c);
    d.context = ctx;
    for (const s of c.setup ?? []) d.call(registry.find(s.path)!.index, s.args);
    const r = d.call(registry.find(c.call.path)!.index, c.call.args);
    const stopped = isSignal(r) && r.ksrSignal === 'stop';
    if (isSignal(r) && !stopped) problems.push(`case_${i} ${c.name}: error ${r.ksrSignal === 'error' ? r.message : ''}`);
    const got = stopped || isSignal(r) ? [] : [asCaptured(r)];
    problems.push(...checkCase(c, i, stopped ? 'stopped' : 'ok', got, ctx));
  });
  assert.deepEqual(problems, []);
});
