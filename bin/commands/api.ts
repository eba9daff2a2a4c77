// `ksr-host api [FUNCTION] [--json]`: every KSR function with its signature and status, or one
// function with its parameters' names, what it does, its return codes, its status and the
// Kamailio page documenting its module (bindings/docs/functions/*.tsv, bindings/docs/kamailio-docs.ts).
import type { Command } from 'commander';
import { ksrPath, signatureOf, type KsrEntry } from '../../bindings/registry.js';
import { docKey, loadFunctionDocs, namedSignatureOf } from '../../bindings/docs/function-docs.js';
import { kamailioDocsLink } from '../../bindings/docs/kamailio-docs.js';
import { readFileSync } from 'node:fs';
import { API_SNAPSHOT_FILE, apiSnapshot, type ApiSnapshot } from '../api-list.js';
import { print } from './print.js';

function findEntry(entries: readonly KsrEntry[], name: string): KsrEntry {
  const path = name.startsWith('KSR.') ? name : `KSR.${name}`;
  const entry = entries.find((e) => ksrPath(e) === path);
  if (entry) return entry;
  const last = path.split('.').at(-1)!;
  const near = entries.filter((e) => e.name === last || ksrPath(e).startsWith(path)).slice(0, 8).map(ksrPath);
  throw new Error(`no KSR function '${name}' (expected MODULE.FUNCTION, e.g. htable.sht_get)${near.length ? `; did you mean: ${near.join(', ')}` : ''}`);
}

/** One function as an operator reads it: named signature, what it does, returns, status, docs. */
function describe(e: KsrEntry): { text: string; json: object } {
  const doc = loadFunctionDocs().get(docKey(e.module, e.name));
  const signature = namedSignatureOf(e, doc);
  const docs = kamailioDocsLink(e.module);
  const lines = [signature, ...(doc ? [`  ${doc.does}`, `returns: ${doc.returns}`] : []), `status: ${e.status}`, `Kamailio docs: ${docs}`];
  return { text: lines.join('\n'), json: { signature, param_names: doc?.params ?? [], does: doc?.does ?? null, returns: doc?.returns ?? null, docs } };
}

/** The registry as `api` shows it: from dist/, the snapshot the build wrote beside it; from the sources, built now. */
async function loadApi(): Promise<ApiSnapshot> {
  if (import.meta.url.endsWith('.js')) {
    try {
      return JSON.parse(readFileSync(new URL(`../../${API_SNAPSHOT_FILE}`, import.meta.url), 'utf8')) as ApiSnapshot;
    } catch {
      // a dist/ built before the snapshot existed: build the registry as from the sources
    }
  }
  // loaded by the command, not at the top: `ksr-host --help` and `rpc` do not build the registry
  const { createRegistry } = await import('../../bindings/modules/index.js');
  return apiSnapshot(createRegistry());
}

async function api(name: string | undefined, opts: { json?: boolean }): Promise<void> {
  const { entries, list } = await loadApi();
  if (name !== undefined) {
    const entry = findEntry(entries, name);
    const d = describe(entry);
    print(opts.json ? JSON.stringify({ ...list.methods[entry.index]?.func, ...d.json }, null, 2) : d.text);
    return;
  }
  if (opts.json) return print(JSON.stringify(list, null, 2));
  const lines = entries.map((e) => `${signatureOf(e)} -- ${e.status}`);
  const partial = entries.filter((e) => e.status !== 'complete').length;
  lines.push(`${entries.length} functions: ${entries.length - partial} complete, ${partial} partial`);
  print(lines.join('\n'));
}

export function addApiCommand(program: Command): void {
  program
    .command('api')
    .description('every KSR function: signature and status (complete, or partial: why); or one function: its parameters, what it does, its return codes and its Kamailio docs link')
    .argument('[function]', 'one function, e.g. htable.sht_get or KSR.htable.sht_get')
    .option('--json', "as JSON (as the control endpoint's kemi.api_list answers)")
    .action((name: string | undefined, opts: { json?: boolean }) => api(name, opts));
}
