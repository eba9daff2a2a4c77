import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry } from '../../bindings/modules/index.js';
import { generateTypings, TYPINGS_DIR } from '../../bindings/typings/generate.js';

test('committed typings equal a fresh generation (run bindings/typings/generate.ts)', () => {
  const fresh = generateTypings(createRegistry());
  for (const [file, text] of Object.entries(fresh)) {
    assert.equal(readFileSync(join(TYPINGS_DIR, file), 'utf8'), text, `bindings/typings/${file} is stale`);
  }
});

test('typings name every registry function with its signature', () => {
  const reg = createRegistry();
  const t = generateTypings(reg);
  for (const e of reg.entries) {
    assert.ok(t['ksr.lua']!.includes(`function KSR.${e.module ? `${e.module}.` : ''}${e.name}(`), e.name);
    assert.ok(t['KSR.pyi']!.includes(`def ${e.name}(`), e.name);
    assert.ok(t['ksr.d.ts']!.includes(`function ${e.name}(`), e.name);
  }
  assert.match(t['ksr.d.ts']!, /function get\(p1: string\): string \| number \| null;/);
  assert.match(t['KSR.pyi']!, /def setl\(p1: str, p2: int\) -> bool:/);
});
