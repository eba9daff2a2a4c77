// A strict parser of Prometheus's text exposition format (version 0.0.4,
// https://prometheus.io/docs/instrumenting/exposition_formats/), for the tests of /metrics:
// every line is a HELP, a TYPE, or a sample of a family declared before it; names, label
// names and escapes as the grammar says; values floats (or ±Inf, NaN); no series twice;
// histograms with cumulative buckets ending in +Inf equal to _count. Throws at the first
// line that does not conform, saying which and why.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count', ''] };

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  text.split('\n').forEach((line, i) => {
    const where = `line ${i + 1} '${line.slice(0, 120)}'`;
    if (line === '') return;
    if (line.startsWith('#')) return comment(line, families, where);
    const s = sampleOf(line, where);
    const family = familyOf(s.name, families);
    if (!family) throw new Error(`${where}: sample of ${s.name} before its # TYPE`);
    const key = `${s.name}{${Object.entries(s.labels).sort().map(([k, v]) => `${k}=${v}`).join(',')}}`;
    if (seen.has(key)) throw new Error(`${where}: series ${key} twice`);
    seen.add(key);
    family.samples.push(s);
  });
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function comment(line: string, families: Map<string, Family>, where: string): void {
  const m = /^# (HELP|TYPE) ([^ ]+) ?(.*)$/.exec(line);
  if (!m) return; // other comments are allowed
  const [, kind, name, rest] = m as unknown as [string, string, string, string];
  if (!NAME.test(name)) throw new Error(`${where}: bad metric name ${name}`);
  const f = families.get(name) ?? { name, type: 'untyped', help: '', samples: [] };
  if (kind === 'TYPE') {
    if (!TYPES.has(rest)) throw new Error(`${where}: unknown type ${rest}`);
    if (families.has(name) && families.get(name)!.samples.length > 0) throw new Error(`${where}: TYPE after samples of ${name}`);
    f.type = rest;
  } else {
    if (/\\[^\\n]/.test(rest.replace(/\\\\/g, ''))) throw new Error(`${where}: bad escape in HELP`);
    f.help = rest;
  }
  families.set(name, f);
}

function familyOf(sampleName: string, families: Map<string, Family>): Family | undefined {
  const exact = families.get(sampleName);
  if (exact && !SUFFIXES[exact.type]?.every((x) => x !== '')) return exact;
  for (const f of families.values()) {
    for (const suffix of SUFFIXES[f.type] ?? []) if (suffix !== '' && sampleName === f.name + suffix) return f;
  }
  return undefined;
}

function sampleOf(line: string, where: string): Sample {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? ([^ ]+)( -?\d+)?$/.exec(line);
  if (!m) throw new Error(`${where}: not a sample line (name{labels} value [timestamp])`);
  return { name: m[1]!, labels: m[3] !== undefined ? labelsOf(m[3], where) : {}, value: valueOf(m[4]!, where) };
}

function labelsOf(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = /^([^=]+)="((?:[^"\\\n]|\\["\\n])*)"(,?)/.exec(rest);
    if (!m) throw new Error(`${where}: bad label pair at '${rest.slice(0, 40)}'`);
    const [all, name, raw, comma] = m as unknown as [string, string, string, string];
    if (!LABEL_NAME.test(name)) throw new Error(`${where}: bad label name ${name}`);
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    labels[name] = raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(all.length);
    if (comma === '' && rest.length > 0) throw new Error(`${where}: labels not separated by commas`);
  }
  return labels;
}

/** As Go's strconv.ParseFloat, which the format names: Inf, Infinity and NaN in any case
 *  (prom-client writes 'Nan' for a mean of no samples, e.g. event loop lag just after start). */
function valueOf(text: string, where: string): number {
  if (/^\+?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`${where}: value '${text}' is not a float`);
  return Number(text);
}

/** Per label set: buckets non-decreasing by le, ending in +Inf, which equals _count; a _sum. */
function checkHistogram(f: Family): void {
  const series = new Map<string, { buckets: Array<[number, number]>; count?: number; sum?: number }>();
  for (const s of f.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    if (s.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${f.name}: a bucket without le`);
      entry.buckets.push([valueOf(le, `${f.name} le`), s.value]);
    } else if (s.name.endsWith('_count')) entry.count = s.value;
    else entry.sum = s.value;
    series.set(key, entry);
  }
  for (const [key, e] of series) {
    const sorted = [...e.buckets].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) if (sorted[i]![1] < sorted[i - 1]![1]) throw new Error(`${f.name} ${key}: bucket le=${sorted[i]![0]} below the one before`);
    const inf = sorted.at(-1);
    if (!inf || inf[0] !== Infinity) throw new Error(`${f.name} ${key}: no +Inf bucket`);
    if (e.count !== inf[1]) throw new Error(`${f.name} ${key}: _count ${e.count} is not the +Inf bucket ${inf[1]}`);
    if (e.sum === undefined) throw new Error(`${f.name} ${key}: no _sum`);
  }
}
