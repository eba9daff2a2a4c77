// The import graph of host/ (issue 8 §2): no cycle between files or between capabilities
// (the folders of host/), host/core loads no capability's code but the message model, and
// host/ never imports bindings/ or runtimes/ (the direction is runtimes → bindings → host).
//
// Static `import ... from`, `import '...'` and `export ... from` statements are read from the
// sources. Type-only imports (`import type`, `export type`, or braces of `type` names only) are
// left out of the cycle checks: TypeScript and tsx erase them, so they decide neither what is
// loaded nor in which order; they are how host/core names the types of the services and the
// message state it carries (CoreServices.tm, MsgContext.transaction) without depending on
// their code. They still count for the bindings/runtimes rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// import X from '...' · import { a, type B } from '...' · import type {...} from '...' ·
// import * as n from '...' · import '...' · export { a } from '...' · export * from '...'
const STATEMENT = /^[ \t]*(import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;

function isTypeOnly(typeKeyword: string | undefined, clause: string | undefined): boolean {
  if (typeKeyword) return true;
  const braces = clause?.trim().match(/^\{([\s\S]*)\}$/);
  if (!braces) return false;
  const names = braces[1]!.split(',').map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** Every import of every file under host/, as repository-relative paths ('.js' read as '.ts'). */
function importsOfHost(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sources(join(ROOT, 'host'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATEMENT)) {
      const [, , typeKeyword, clause, spec] = m;
      if (!spec!.startsWith('.')) continue; // node: built-ins and packages
      const target = resolve(dirname(file), spec!.replace(/\.js$/, '.ts'));
      edges.push({ from: relative(ROOT, file), to: relative(ROOT, target), typeOnly: isTypeOnly(typeKeyword, clause) });
    }
  }
  return edges;
}

/** A cycle of the graph as [a, b, ..., a], or null. Iterative DFS, nodes in sorted order so the answer is stable. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of [...graph.keys()].sort()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ node: string; next: string[] }> = [];
    const enter = (node: string) => {
      state.set(node, 'open');
      path.push(node);
      stack.push({ node, next: [...(graph.get(node) ?? [])].sort() });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const n = top.next.shift();
      if (n === undefined) {
        state.set(top.node, 'done');
        stack.pop();
        path.pop();
      } else if (state.get(n) === 'open') {
        return [...path.slice(path.indexOf(n)), n];
      } else if (!state.has(n)) {
        enter(n);
      }
    }
  }
  return null;
}

function graphOf(edges: readonly Edge[], key: (path: string) => string): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = key(e.from);
    const b = key(e.to);
    if (a === b) continue;
    if (!g.has(a)) g.set(a, new Set());
    g.get(a)!.add(b);
  }
  return g;
}

/** host/tm/layer.ts → tm */
const capability = (path: string): string => path.split('/')[1] ?? path;

const ALL = importsOfHost();
const VALUE = ALL.filter((e) => !e.typeOnly);

test('the scan reads the imports it is meant to (so the checks below are not vacuous)', () => {
  assert.ok(ALL.length > 200, `found only ${ALL.length} imports in host/`);
  const has = (from: string, to: string, typeOnly: boolean) => ALL.some((e) => e.from === from && e.to === to && e.typeOnly === typeOnly);
  assert.ok(has('host/engine/engine.ts', 'host/tm/layer.ts', false), 'a value import');
  assert.ok(has('host/core/services.ts', 'host/tm/layer.ts', true), 'an import type');
  assert.ok(has('host/core/context.ts', 'host/transport/types.ts', true), 'an export type ... from');
  assert.ok(has('host/core/context-copy.ts', 'host/core/context.ts', false), 'an import with type and value names');
  assert.equal(isTypeOnly(undefined, '{ type A, type B }'), true);
  assert.equal(isTypeOnly(undefined, '{ type A, B }'), false);
  assert.equal(isTypeOnly(undefined, 'X'), false);
});

test('the cycle finder names a cycle and finds none in a tree', () => {
  const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a', 'd'])], ['d', new Set<string>()]]);
  assert.deepEqual(findCycle(g), ['a', 'b', 'c', 'a']);
  assert.equal(findCycle(new Map([['a', new Set(['b', 'c'])], ['b', new Set(['c'])]])), null);
});

test('no import cycle between the files of host/', () => {
  const cycle = findCycle(graphOf(VALUE, (p) => p));
  assert.equal(cycle, null, `import cycle: ${cycle?.join(' → ')}`);
});

test('no import cycle between the capabilities of host/ (its folders)', () => {
  const cycle = findCycle(graphOf(VALUE, capability));
  if (cycle) {
    const steps = cycle.slice(1).map((to, i) => {
      const from = cycle[i]!;
      const e = VALUE.find((x) => capability(x.from) === from && capability(x.to) === to)!;
      return `${from} → ${to} (${e.from} imports ${e.to})`;
    });
    assert.fail(`capability cycle ${cycle.join(' → ')}:\n  ${steps.join('\n  ')}`);
  }
});

test('host/core loads the code of no capability but host/sip (the message model)', () => {
  const out = VALUE.filter((e) => capability(e.from) === 'core' && !['core', 'sip'].includes(capability(e.to)));
  assert.deepEqual(out.map((e) => `${e.from} → ${e.to}`), []);
});

test('host/ never imports bindings/ or runtimes/, not even a type', () => {
  const up = ALL.filter((e) => !e.to.startsWith('host/'));
  assert.deepEqual(up.map((e) => `${e.from} → ${e.to}`), []);
});
