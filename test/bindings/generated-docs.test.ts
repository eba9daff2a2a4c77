// Everything derived from the registry is generated (npm run generate): the typings and the
// tables in README.md and bindings/README.md. These tests fail when a committed file is stale
// and when the catalogue, the registry and bindings/left-out.ts disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry } from '../../bindings/modules/index.js';
import { generatedFiles, ROOT } from '../../bindings/generate.js';
import { catalogueStatus } from '../../bindings/docs/module-status.js';
import { fillSections } from '../../bindings/docs/sections.js';
import { defineModule, Registry } from '../../bindings/registry.js';
import { decl, partial } from '../../bindings/modules/decl.js';

const tsv = readFileSync(join(ROOT, 'bindings/catalogue.tsv'), 'utf8');

test('every generated file and README section is fresh (run npm run generate)', () => {
  for (const [rel, text] of Object.entries(generatedFiles(createRegistry()))) {
    assert.ok(readFileSync(join(ROOT, rel), 'utf8') === text, `${rel} is stale: run npm run generate`);
  }
});

test('every catalogue function of a declared module is declared or left out with a reason', () => {
  const s = catalogueStatus(createRegistry(), tsv);
  assert.deepEqual(s.problems, []);
  const tm = s.present.find((m) => m.module === 'tm')!;
  assert.deepEqual(tm.leftOut.map((f) => f.path).sort(), ['KSR.tm.t_next_contact_flow', 'KSR.tm.t_replicate', 'KSR.tm.t_uac_send']);
  assert.equal(tm.declared.length + tm.leftOut.length, tm.catalogue);
  // issue 10: the message-content modules are whole
  for (const m of ['pv', 'pvx', 'hdr', 'kx', 'textops', 'textopsx', 'posops', 'siputils', 'corex']) {
    const status = s.present.find((x) => x.module === m);
    assert.ok(status, `module ${m} is declared`);
    assert.deepEqual(status.leftOut.map((f) => f.path), [], `every catalogue function of ${m} is declared`);
  }
});

test('a function neither declared nor left out, or declared and left out, is a problem naming it', () => {
  const fn = () => 1;
  // maxfwd.is_maxfwd_lt is missing and not left out; tm.t_replicate is declared though left out
  const reg = new Registry([
    defineModule('maxfwd', { process_maxfwd: decl('int', 'int', fn) }),
    defineModule('tm', { t_replicate: decl('str', 'int', fn) }),
  ]);
  const problems = catalogueStatus(reg, tsv).problems;
  assert.ok(problems.includes('KSR.maxfwd.is_maxfwd_lt: in the catalogue, neither declared nor listed in bindings/left-out.ts'), problems.join('\n'));
  assert.ok(problems.includes('KSR.tm.t_replicate: declared, yet listed as left out in bindings/left-out.ts'), problems.join('\n'));
});

test('a status must be complete or say why it is partial', () => {
  const fn = () => 1;
  const ok = new Registry([defineModule('x', { probe: partial('some reason', decl('', 'none', fn)), exit: decl('', 'none', fn) })]);
  assert.deepEqual(ok.entries.map((e) => e.status), ['partial: some reason', 'complete']);
  assert.throws(
    () => new Registry([defineModule('x', { probe: { ...decl('', 'none', fn), status: 'partial: ' as 'complete' } })]),
    /registry: KSR\.x\.probe has status "partial: ", expected "complete" or "partial: <why>"/,
  );
});

test('generated sections replace only the text between their markers', () => {
  const text = 'prose before\n<!-- generated:t -->\nold table\n<!-- /generated:t -->\nprose after\n';
  assert.equal(fillSections(text, { t: '| a |' }, 'X.md'), 'prose before\n<!-- generated:t -->\n| a |\n<!-- /generated:t -->\nprose after\n');
  assert.throws(() => fillSections('no markers', { t: 'x' }, 'X.md'), /X\.md: expected the markers <!-- generated:t --> \.\.\. <!-- \/generated:t -->, found no start marker/);
});

test('the READMEs show each module\'s counts and every partial and left-out function from the registry', () => {
  const reg = createRegistry();
  const files = generatedFiles(reg);
  const top = files['README.md']!;
  const bindings = files['bindings/README.md']!;
  const tmCatalogue = tsv.split('\n').filter((l) => l.startsWith('tm\t')).length;
  const tmDeclared = reg.entries.filter((e) => e.module === 'tm').length;
  assert.match(top, new RegExp(`\\| \`tm\` \\| ${tmDeclared} / ${tmCatalogue} \\| .*left out: .*\`t_replicate\``));
  for (const e of reg.entries.filter((x) => x.status !== 'complete')) {
    const path = e.module === '' ? `KSR.${e.name}` : `KSR.${e.module}.${e.name}`;
    const row = bindings.split('\n').find((l) => l.includes(`\`${path}\``) && l.endsWith(` | ${e.status.replace(/^partial: /, '')} |`));
    assert.ok(row, `${path} with its reason in the partial table`);
  }
  assert.match(bindings, /\| `KSR\.tm\.t_replicate` \| a copy of the request on a transaction of its own/);
  assert.match(bindings, /`jsonrpcs` \(4\)/);
});
