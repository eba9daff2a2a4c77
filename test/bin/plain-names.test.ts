// bin/plain-names-hooks.mjs: the keepNames helper tsx's esbuild writes is the one the hook
// replaces (were esbuild to write it otherwise, the hook would silently do nothing), and the
// replacement keeps the text's length (the inline source map's columns) and the module's meaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { KEEP_NAMES_HELPER, PLAIN_HELPER, load } from '../../bin/plain-names-hooks.mjs';

const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx'));
const esbuild = fromTsx('esbuild') as typeof import('esbuild');
const SOURCE = 'export function parse(x: number): number { return x + 1; }\nexport class Line { constructor(readonly at: number) {} }\n';

/** What tsx makes of SOURCE: its esbuild options (tsx 4: keepNames, whitespace minified). */
function asTsxCompiles(): string {
  return esbuild.transformSync(SOURCE, { loader: 'ts', format: 'esm', target: `node${process.versions.node}`, keepNames: true, minifyWhitespace: true, sourcemap: 'inline' }).code;
}

test('esbuild (as tsx runs it) writes the keepNames helper the hook looks for', () => {
  assert.ok(asTsxCompiles().includes(KEEP_NAMES_HELPER), asTsxCompiles().slice(0, 300));
  assert.equal(PLAIN_HELPER.length, KEEP_NAMES_HELPER.length);
});

test('the hook swaps the helper, same length; other modules pass untouched', async () => {
  const code = asTsxCompiles();
  const loaded = { format: 'module', source: code, shortCircuit: true };
  const next = async () => loaded;
  const out = await load('file:///app/host/x.ts', {}, next);
  const text = String(out.source);
  assert.equal(text.length, code.length);
  assert.ok(!text.includes(KEEP_NAMES_HELPER) && text.includes(PLAIN_HELPER));
  // the module still works, names included
  const mod = await import(`data:text/javascript,${encodeURIComponent(text)}`);
  assert.equal(mod.parse(1), 2);
  assert.equal(mod.parse.name, 'parse');
  assert.equal(new mod.Line(3).at, 3);
  assert.equal(mod.Line.name, 'Line');
  for (const url of ['file:///app/node_modules/x/y.js', 'node:fs']) assert.equal(await load(url, {}, next), loaded);
});
