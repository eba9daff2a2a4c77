// The one generator of everything derived from the registry: the typings
// (bindings/typings/*) and the generated sections of README.md and bindings/README.md.
//   npm run generate
// test/bindings/generated-docs.test.ts fails when a committed file differs from a fresh run.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Registry } from './registry.js';
import { generateTypings } from './typings/generate.js';
import { catalogueStatus } from './docs/module-status.js';
import { ksrModulesTable, leftOutTable, moduleStatusTable, partialTable } from './docs/markdown-tables.js';
import { fillSections } from './docs/sections.js';
import { functionDocProblems, loadFunctionDocs } from './docs/function-docs.js';
import { parseCatalogue } from './catalogue-check.js';

/** The repository's root (bindings/..). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

/**
 * Path relative to the root → its content as generated now (the READMEs as on disk with
 * their sections refilled). Throws when the catalogue and the registry disagree in a way
 * no table can show (a function neither declared nor left out, ...).
 */
export function generatedFiles(registry: Registry): Record<string, string> {
  const status = catalogueStatus(registry, read('bindings/catalogue.tsv'));
  const docs = loadFunctionDocs();
  const problems = [...status.problems, ...functionDocProblems(registry.entries, docs)];
  if (problems.length > 0) throw new Error(`bindings/generate.ts:\n  ${problems.join('\n  ')}`);
  const out: Record<string, string> = {
    'README.md': fillSections(read('README.md'), { 'ksr-modules': ksrModulesTable(status) }, 'README.md'),
    'bindings/README.md': fillSections(
      read('bindings/README.md'),
      { 'module-status': moduleStatusTable(status), partial: partialTable(status), 'left-out': leftOutTable(status) },
      'bindings/README.md',
    ),
  };
  for (const [file, text] of Object.entries(generateTypings(registry, { docs, xvalKinds: xvalKindsByPath(read('bindings/catalogue.tsv')) }))) out[`bindings/typings/${file}`] = text;
  return out;
}

/** The catalogue's xval value kinds by KSR path, for the typings' return types. */
export function xvalKindsByPath(catalogueTsv: string): Map<string, string> {
  return new Map([...parseCatalogue(catalogueTsv)].map(([path, row]) => [path, row.xvalKinds]));
}

async function main(): Promise<void> {
  const { createRegistry } = await import('./modules/index.js');
  for (const [rel, text] of Object.entries(generatedFiles(createRegistry()))) {
    if (read(rel) === text) continue;
    writeFileSync(join(ROOT, rel), text);
    console.log(`wrote ${rel}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
