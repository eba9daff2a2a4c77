// The READMEs' generated tables, rendered from catalogueStatus (module-status.ts):
// README.md's "KSR modules" table, and bindings/README.md's module status, partial
// functions and left-out functions.
import { kamailioDocsLink } from './kamailio-docs.js';
import { ksrPath, type KsrEntry } from '../registry.js';
import { NOT_YET, type CatalogueStatus, type ModuleStatus } from './module-status.js';

const code = (s: string): string => `\`${s}\``;
const label = (m: ModuleStatus): string => (m.module === '' ? 'core (`KSR.*`)' : code(m.module));
/** "KSR.tm.t_replicate" → "t_replicate" (the module is in the row). */
const shortName = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
const why = (e: KsrEntry): string => e.status.replace(/^partial: /, '');
/** A table cell: no line breaks, no unescaped column separators. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "complete", or what is partial and what is left out, by name. */
function summary(m: ModuleStatus): string {
  const parts: string[] = [];
  if (m.partial.length > 0) parts.push(`partial: ${m.partial.map((e) => code(e.name)).join(', ')}`);
  if (m.leftOut.length > 0) parts.push(`left out: ${m.leftOut.map((f) => code(shortName(f.path))).join(', ')}`);
  return parts.length === 0 ? 'complete' : parts.join('; ');
}

/** README.md, "KSR modules": one row per module, the absent ones in one row. */
export function ksrModulesTable(s: CatalogueStatus): string {
  const rows = s.present.map((m) => [label(m), `${m.declared.length} / ${m.catalogue}`, summary(m), `[Kamailio](${kamailioDocsLink(m.module)})`]);
  const absentTotal = s.absent.reduce((n, a) => n + a.catalogue, 0);
  rows.push([
    s.absent.map((a) => code(a.module)).join(', '),
    `0 / ${absentTotal}`,
    'not available in ksr-host (bindings/README.md says why)',
    '',
  ]);
  return table(['module', 'declared / catalogue', 'status', 'same meaning as'], rows);
}

/** bindings/README.md: counts per module. */
export function moduleStatusTable(s: CatalogueStatus): string {
  const rows = s.present.map((m) => [
    label(m),
    String(m.catalogue),
    String(m.declared.length),
    String(m.declared.length - m.partial.length),
    String(m.partial.length),
    String(m.leftOut.length),
  ]);
  const declared = s.present.reduce((n, m) => n + m.declared.length, 0);
  const partial = s.present.reduce((n, m) => n + m.partial.length, 0);
  const catalogue = s.present.reduce((n, m) => n + m.catalogue, 0);
  const leftOut = s.present.reduce((n, m) => n + m.leftOut.length, 0);
  rows.push(['**total**', String(catalogue), String(declared), String(declared - partial), String(partial), String(leftOut)]);
  return table(['Module', 'Catalogue', 'Declared', 'Complete', 'Partial', 'Left out'], rows);
}

/** Paths grouped by reason, in the order the reasons first appear. */
function byReason(items: readonly { path: string; why: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const { path, why } of items) groups.set(why, [...(groups.get(why) ?? []), path]);
  return [...groups];
}

/** bindings/README.md: every partial function with what is partial (functions sharing a reason share a row). */
export function partialTable(s: CatalogueStatus): string {
  const items = s.present.flatMap((m) => m.partial.map((e) => ({ path: ksrPath(e), why: why(e) })));
  return table(['Function(s)', 'What is partial'], byReason(items).map(([reason, paths]) => [paths.map(code).join(', '), reason]));
}

/** bindings/README.md: the functions left out of declared modules, then the absent modules. */
export function leftOutTable(s: CatalogueStatus): string {
  const functions = table(
    ['Function(s)', 'Why'],
    byReason(s.present.flatMap((m) => m.leftOut)).map(([reason, paths]) => [paths.map(code).join(', '), reason]),
  );
  const modules = new Map<string, string[]>();
  for (const a of s.absent) modules.set(a.why, [...(modules.get(a.why) ?? []), `${code(a.module)} (${a.catalogue})`]);
  const absent = table(
    ['Module (catalogue functions)', 'Why'],
    [...modules].map(([reason, names]) => [names.join(', '), reason === NOT_YET ? 'not built yet' : reason]),
  );
  return `${functions}\n\nWhole modules not available:\n\n${absent}`;
}
