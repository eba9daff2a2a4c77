import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { generateTypings } from '../../bindings/typings/generate.js';
import { loadFunctionDocs } from '../../bindings/docs/function-docs.js';
import { ROOT, xvalKindsByPath } from '../../bindings/generate.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// That the committed typings are fresh is checked with every generated file in
// generated-docs.test.ts.

test('typings name every registry function with its signature and status', () => {
  const reg = createRegistry();
  const t = generateTypings(reg, { docs: loadFunctionDocs(), xvalKinds: xvalKindsByPath(readFileSync(join(ROOT, 'bindings/catalogue.tsv'), 'utf8')) });
  for (const e of reg.entries) {
    assert.ok(t['ksr.lua']!.includes(`function KSR.${e.module ? `${e.module}.` : ''}${e.name}(`), e.name);
    assert.ok(t['KSR.pyi']!.includes(`def ${e.name}(`), e.name);
    assert.ok(t['ksr.d.ts']!.includes(`function ${e.name}(`), e.name);
  }
  // parameters carry the documented names (bindings/docs/functions), and an xval the kinds the catalogue gives it
  const namespace = (mod: string) => t['ksr.d.ts']!.split(`\n  namespace ${mod} {\n`)[1]!.split('\n  }\n')[0]!;
  assert.match(namespace('pv'), /function get\(pvname: string\): string \| number \| null;/);
  assert.match(namespace('hdr'), /function get\(hname: string\): string \| null;/);
  assert.match(t['KSR.pyi']!, /def sanity_check\(msg_checks: int, uri_checks: int\) -> int:/);
  assert.match(t['KSR.pyi']!, /def get_srcip\(\) -> str \| None:/);
  assert.match(t['ksr.lua']!, /---@param msg_checks integer\n---@param uri_checks integer\n---@return integer # 1 when every selected test passed/);
  // what it does, the signature with its status, and what it returns, in each doc comment
  assert.match(t['ksr.d.ts']!, /\/\*\*\n\s+\* Checks the request against the sanity tests[^\n]*\n\s+\* KSR\.sanity\.sanity_check\(int, int\): int -- complete\n\s+\* @returns 1 when every selected test passed[^\n]*\n\s+\*\/\n\s*function sanity_check\(/);
  assert.match(t['KSR.pyi']!, /KSR\.kx\.get_env\(str\): xval -- partial: scripts cannot read the server's environment/);
  assert.match(t['ksr.lua']!, /--- KSR\.x\.modf\(str, \.\.\.str\): int -- partial: only \d+ native names/);
});
