// The conformance table checked against the registry directly (no interpreter): every
// declared function has a case, every case says what its call does beyond its value (an
// effect check, a proved `valueOnly`, or an exemption naming the test that proves it), and
// every case's expectation holds on the host side. conformance.test.ts then proves each
// language receives the same values and types and leaves the same effects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher, isKsrJson, isSignal, ksrPath, type KsrJson, type KsrValue } from '../../bindings/registry.js';
import { CASES, type ConformanceCase } from './cases.js';
import { caseContext, checkCase, effectRequirement, statesEffect } from './check-case.js';
import type { Captured } from './capture-module.js';
import { settle, snapshot, snapshotDifference } from './host-state.js';

const registry = createRegistry();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

const label = (c: ConformanceCase, i: number) => `case_${i} ${c.name}`;

test('every case checks an effect, is value-only, or is exempt with a reason', () => {
  const refused = CASES.flatMap((c, i) => {
    const why = effectRequirement(c);
    return why ? [`${label(c, i)}: ${why}`] : [];
  });
  assert.deepEqual(refused, []);
});

test('the checker refuses a row that says nothing of its effect', () => {
  const bare: ConformanceCase = { name: 'bare', fixture: 'invite', call: { path: 'setflag', args: [1] }, expect: { type: 'bool', value: true } };
  assert.match(effectRequirement(bare) ?? '', /states no effect/);
  assert.equal(effectRequirement({ ...bare, host: { flags: 2 } }), null);
  assert.equal(effectRequirement({ ...bare, valueOnly: true }), null);
  assert.equal(effectRequirement({ ...bare, host: {} }) !== null, true, 'an empty host expectation checks nothing');
  assert.equal(effectRequirement({ ...bare, host: { log: { level: 'error', text: 'x' } } }) !== null, true, 'a log line alone says nothing of a flag');
  assert.equal(effectRequirement({ ...bare, call: { path: 'info', args: ['x'] }, host: { log: { level: 'info', text: 'x' } } }), null);
});

test('a function is value-only in all its rows or in none', () => {
  const byPath = new Map<string, boolean[]>();
  for (const c of CASES) byPath.set(c.call.path, [...(byPath.get(c.call.path) ?? []), c.valueOnly === true]);
  const mixed = [...byPath].filter(([, v]) => v.includes(true) && v.includes(false)).map(([p]) => p);
  assert.deepEqual(mixed, []);
});

test('a value-only row and an exemption carry no other claim of effect', () => {
  const both = CASES.flatMap((c, i) => (c.valueOnly && c.exempt ? [label(c, i)] : []));
  assert.deepEqual(both, []);
});

/** A module function by its dotted path ("tm.t_relay"); a core one as a call or a quoted name (KSR.route(, 'route'). */
function mentions(text: string, path: string): boolean {
  if (path.includes('.')) return text.includes(path);
  return text.includes(`KSR.${path}(`) || text.includes(`'${path}'`) || text.includes(`"${path}"`);
}

test('every exemption names a test file that exists, is a test, and mentions the function', () => {
  const bad = CASES.flatMap((c, i) => {
    if (!c.exempt) return [];
    const { test: file, why } = c.exempt;
    if (why.trim().length < 10) return [`${label(c, i)}: the reason "${why}" says nothing`];
    if (!/^test\/.+\.test\.ts$/.test(file)) return [`${label(c, i)}: ${file} is not a test file (test/**/*.test.ts)`];
    const path = ROOT + file;
    if (!existsSync(path)) return [`${label(c, i)}: ${file} does not exist`];
    return mentions(readFileSync(path, 'utf8'), c.call.path) ? [] : [`${label(c, i)}: ${file} does not call ${c.call.path}`];
  });
  assert.deepEqual(bad, []);
});

test('a snapshot sees an effect and only an effect', async () => {
  const c: ConformanceCase = { name: 'probe', fixture: 'options', call: { path: 'setflag', args: [1] }, expect: { type: 'bool', value: true } };
  const ctx = caseContext(c);
  const d = new Dispatcher(registry);
  d.context = ctx;
  const before = snapshot(ctx);
  d.call(registry.find('kx.get_ruri')!.index, []);
  assert.equal(snapshot(ctx), before, 'a getter');
  d.call(registry.find('forward')!.index, []);
  await settle();
  assert.match(snapshotDifference(before, snapshot(ctx)), /^sent: \[\] -> \[\{"to":"udp:127\.0\.0\.1:5060"/, 'a stateless forward, sent after the callback');
});

function asCaptured(v: KsrValue | KsrJson): Captured {
  if (v === null || v === undefined) return { type: 'null' };
  if (isKsrJson(v)) return { type: 'json', value: JSON.parse(v.ksrJson) };
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'boolean') return { type: 'bool', value: v };
  return Number.isInteger(v) ? { type: 'int', value: v } : { type: 'other', value: 'float' };
}

test('every case holds when called through the Dispatcher directly; a value-only call changes nothing', async () => {
  const d = new Dispatcher(registry);
  const problems: string[] = [];
  for (const [i, c] of CASES.entries()) {
    const ctx = caseContext(c);
    d.context = ctx;
    for (const s of c.setup ?? []) d.call(registry.find(s.path)!.index, s.args);
    const before = c.valueOnly ? snapshot(ctx) : '';
    const r = d.call(registry.find(c.call.path)!.index, c.call.args);
    await settle();
    if (c.valueOnly) {
      const after = snapshot(ctx);
      if (after !== before) problems.push(`${label(c, i)}: declared value-only, but ${snapshotDifference(before, after)}`);
    }
    const stopped = isSignal(r) && r.ksrSignal === 'stop';
    if (isSignal(r) && !stopped) problems.push(`${label(c, i)}: error ${r.ksrSignal === 'error' ? r.message : ''}`);
    const got = stopped || isSignal(r) ? [] : [asCaptured(r)];
    problems.push(...checkCase(c, i, stopped ? 'stopped' : 'ok', got, ctx));
  }
  assert.deepEqual(problems, []);
});
