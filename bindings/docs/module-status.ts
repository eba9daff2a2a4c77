// The registry held against Kamailio's catalogue, per module: how many functions the
// catalogue has, which are declared, which of those are partial (and why), which are left
// out (and why, from left-out.ts). The READMEs' tables are rendered from this.
import { parseCatalogue } from '../catalogue-check.js';
import { ksrPath, type KsrEntry, type Registry } from '../registry.js';
import { ABSENT_MODULE_REASONS, LEFT_OUT } from '../left-out.js';

export interface LeftOutFunction {
  readonly path: string;
  readonly why: string;
}

export interface ModuleStatus {
  /** '' for core. */
  readonly module: string;
  readonly catalogue: number;
  readonly declared: readonly KsrEntry[];
  readonly partial: readonly KsrEntry[];
  readonly leftOut: readonly LeftOutFunction[];
}

export interface AbsentModule {
  readonly module: string;
  readonly catalogue: number;
  readonly why: string;
}

export interface CatalogueStatus {
  /** Modules with at least one function declared, in registry order (core first). */
  readonly present: readonly ModuleStatus[];
  /** Catalogue modules with none, most functions first. */
  readonly absent: readonly AbsentModule[];
  /** Each a sentence naming the function: a catalogue function neither declared nor left out, ... */
  readonly problems: readonly string[];
}

export const NOT_YET = 'not yet';

/** "KSR.hdr.get" → "hdr"; "KSR.info" → "". */
const moduleOfPath = (path: string): string => {
  const parts = path.split('.');
  return parts.length === 2 ? '' : parts[1]!;
};

export function catalogueStatus(registry: Registry, catalogueTsv: string): CatalogueStatus {
  const catalogue = [...parseCatalogue(catalogueTsv).keys()];
  const declared = new Map(registry.entries.map((e) => [ksrPath(e), e]));
  const reasons = new Map<string, string>();
  const problems: string[] = [];
  for (const group of LEFT_OUT) {
    for (const f of group.functions) {
      const path = `KSR.${f}`;
      if (reasons.has(path)) problems.push(`${path}: listed twice in bindings/left-out.ts`);
      reasons.set(path, group.why);
      if (declared.has(path)) problems.push(`${path}: declared, yet listed as left out in bindings/left-out.ts`);
      if (!catalogue.includes(path)) problems.push(`${path}: listed in bindings/left-out.ts but not in the catalogue`);
    }
  }

  const order = [...new Set(registry.entries.map((e) => e.module))];
  const present: ModuleStatus[] = order.map((module) => {
    const mine = catalogue.filter((p) => moduleOfPath(p) === module);
    const entries = registry.entries.filter((e) => e.module === module);
    const leftOut: LeftOutFunction[] = [];
    for (const path of mine) {
      if (declared.has(path)) continue;
      const why = reasons.get(path);
      if (why === undefined) problems.push(`${path}: in the catalogue, neither declared nor listed in bindings/left-out.ts`);
      else leftOut.push({ path, why });
    }
    return { module, catalogue: mine.length, declared: entries, partial: entries.filter((e) => e.status !== 'complete'), leftOut };
  });

  const counts = new Map<string, number>();
  for (const p of catalogue) counts.set(moduleOfPath(p), (counts.get(moduleOfPath(p)) ?? 0) + 1);
  const absent = [...counts]
    .filter(([m]) => !order.includes(m))
    .map(([module, n]) => ({ module, catalogue: n, why: ABSENT_MODULE_REASONS[module] ?? NOT_YET }))
    .sort((a, b) => b.catalogue - a.catalogue || a.module.localeCompare(b.module));
  for (const m of Object.keys(ABSENT_MODULE_REASONS)) {
    if (!counts.has(m) || order.includes(m)) problems.push(`bindings/left-out.ts: module "${m}" has a reason for being absent, but it is ${counts.has(m) ? 'declared' : 'not in the catalogue'}`);
  }
  return { present, absent, problems };
}
