import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { generateTypings } from '../../bindings/typings/generate.js';

// That the committed typings are fresh is checked with every generated file in
// generated-docs.test.ts.

test('typings name every registry function with its signature and status', () => {
  const reg = createRegistry();
  const t = generateTypings(reg);
  for (const e of reg.entries) {
    assert.ok(t['ksr.lua']!.includes(`function KSR.${e.module ? `${e.module}.` : ''}${e.name}(`), e.name);
    assert.ok(t['KSR.pyi']!.includes(`def ${e.name}(`), e.name);
    assert.ok(t['ksr.d.ts']!.includes(`function ${e.name}(`), e.name);
  }
  assert.match(t['ksr.d.ts']!, /function get\(p1: string\): string \| number \| null;/);
  assert.match(t['KSR.pyi']!, /def setl\(p1: str, p2: int\) -> bool:/);
  // the status follows the signature in each doc comment
  assert.match(t['ksr.d.ts']!, /\/\*\* KSR\.hdr\.append\(str\): int -- complete \*\/\n\s*function append\(/);
  assert.match(t['KSR.pyi']!, /"""KSR\.kx\.get_env\(str\): xval -- partial: scripts cannot read the server's environment[^"]*"""/);
  assert.match(t['ksr.lua']!, /--- KSR\.x\.modf\(str, \.\.\.str\): int -- partial: only \d+ native names/);
});
