// `ksr-host api [FUNCTION] [--json]`: every KSR function with its signature and status, or one
// function with its Kamailio documentation link. Descriptions and return codes are not in the
// registry yet: what exists is printed.
import type { Command } from 'commander';
import { createRegistry } from '../../bindings/modules/index.js';
import { ksrPath, signatureOf, type KsrEntry } from '../../bindings/registry.js';
import { apiList } from '../server.js';
import { print } from './print.js';

/** Kamailio's KEMI page for the core functions (KSR.x, KSR.hdr, KSR.pv are core sub-modules there). */
export const KEMI_CORE_DOCS = 'https://www.kamailio.org/docs/tutorials/devel/kamailio-kemi-framework/core/';
const CORE_SUBMODULES = new Set(['', 'hdr', 'pv', 'x']);
/** KSR sub-modules whose Kamailio module has another name. */
const MODULE_OF: Record<string, string> = { kx: 'kemix' };

export function docsLink(module: string): string {
  if (CORE_SUBMODULES.has(module)) return KEMI_CORE_DOCS;
  return `https://www.kamailio.org/docs/modules/stable/modules/${MODULE_OF[module] ?? module}.html`;
}

function findEntry(entries: readonly KsrEntry[], name: string): KsrEntry {
  const path = name.startsWith('KSR.') ? name : `KSR.${name}`;
  const entry = entries.find((e) => ksrPath(e) === path);
  if (entry) return entry;
  const last = path.split('.').at(-1)!;
  const near = entries.filter((e) => e.name === last || ksrPath(e).startsWith(path)).slice(0, 8).map(ksrPath);
  throw new Error(`no KSR function '${name}' (expected MODULE.FUNCTION, e.g. htable.sht_get)${near.length ? `; did you mean: ${near.join(', ')}` : ''}`);
}

function describe(e: KsrEntry): string {
  return [signatureOf(e), `status: ${e.status}`, `docs: ${docsLink(e.module)}`].join('\n');
}

function api(name: string | undefined, opts: { json?: boolean }): void {
  const registry = createRegistry();
  if (name !== undefined) {
    const entry = findEntry(registry.entries, name);
    const one = apiList(registry).methods[entry.index];
    print(opts.json ? JSON.stringify({ ...one?.func, docs: docsLink(entry.module) }, null, 2) : describe(entry));
    return;
  }
  if (opts.json) return print(JSON.stringify(apiList(registry), null, 2));
  const lines = registry.entries.map((e) => `${signatureOf(e)} -- ${e.status}`);
  const partial = registry.entries.filter((e) => e.status !== 'complete').length;
  lines.push(`${registry.entries.length} functions: ${registry.entries.length - partial} complete, ${partial} partial`);
  print(lines.join('\n'));
}

export function addApiCommand(program: Command): void {
  program
    .command('api')
    .description('every KSR function: signature and status (complete, or partial: why); or one function with its docs link')
    .argument('[function]', 'one function, e.g. htable.sht_get or KSR.htable.sht_get')
    .option('--json', "as JSON (as the control endpoint's kemi.api_list answers)")
    .action((name: string | undefined, opts: { json?: boolean }) => api(name, opts));
}
