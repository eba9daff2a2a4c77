// Compares a registry with Kamailio's KEMI catalogue (bindings/catalogue.tsv): every declared
// function must exist there with the same parameter types and return type, so a script
// written for Kamailio finds the same function with the same arity (DESIGN.md §3).
import { ksrPath, type Registry } from './registry.js';

interface CatalogueRow {
  params: string[];
  variadic: boolean;
  returns: string;
  /** For an xval: the kinds of value it answers, as the catalogue words them ("str|null when absent"); '' when not given. */
  xvalKinds: string;
}

/** Catalogue rows keyed by KSR path ("KSR.hdr.get"; core rows as "KSR.info"). */
export function parseCatalogue(tsv: string): Map<string, CatalogueRow> {
  const rows = new Map<string, CatalogueRow>();
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0]?.split('\t') ?? [];
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`catalogue: expected a "${name}" column in the header, got: ${head.join(', ')}`);
    return i;
  };
  const [mod, fn, ret, par] = [col('module'), col('function'), col('return_type'), col('param_types')];
  const kinds = head.indexOf('xval_value_kinds');
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    const module = f[mod] === 'core' ? '' : f[mod]!;
    const raw = (f[par] ?? '').trim();
    const parts = raw === 'none' || raw === '' ? [] : raw.split(',').map((p) => p.trim());
    const variadic = parts.some((p) => p.startsWith('...'));
    rows.set(ksrPath({ module, name: f[fn]! }), {
      params: parts.filter((p) => !p.startsWith('...')),
      variadic,
      returns: f[ret]!.trim(),
      xvalKinds: kinds < 0 ? '' : (f[kinds] ?? '').trim(),
    });
  }
  return rows;
}

/** One line per mismatch; [] when every registry entry matches the catalogue. */
export function checkAgainstCatalogue(registry: Registry, catalogueTsvText: string): string[] {
  const rows = parseCatalogue(catalogueTsvText);
  const problems: string[] = [];
  for (const e of registry.entries) {
    const path = ksrPath(e);
    const row = rows.get(path);
    if (!row) {
      problems.push(`${path}: unknown name (not in the catalogue)`);
      continue;
    }
    const want = [...row.params, ...(row.variadic ? ['...str'] : [])].join(', ');
    const got = [...e.params, ...(e.variadic ? ['...str'] : [])].join(', ');
    if (want !== got) problems.push(`${path}: wrong params: catalogue (${want}), registry (${got})`);
    if (row.returns !== e.returns) problems.push(`${path}: wrong return: catalogue ${row.returns}, registry ${e.returns}`);
  }
  return problems;
}
