// The test-only KSR module `t`: a conformance script reports what a KSR call returned and the
// native type it had in the script's language (JS null/string/number/boolean, Lua
// nil/string/integer/boolean, Python None/str/int/bool). A dict or an array (a JS object or
// array, a Lua table, a Python dict or list) arrives as JSON through got_json. Anything else
// arrives as got_other.
import { defineModule, type KsrModule } from '../../bindings/registry.js';

export type Captured =
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'int'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'json'; value: unknown }
  | { type: 'other'; value: string };

/**
 * A dict/array as compared across languages: keys sorted (a JS object puts integer-like keys
 * first, a Lua table has no order), and an empty dict as [] (Lua cannot tell {} from []).
 */
export function canonicalJson(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x !== null && typeof x === 'object') {
      const keys = Object.keys(x).sort();
      if (keys.length === 0) return [];
      return Object.fromEntries(keys.map((k) => [k, norm((x as Record<string, unknown>)[k])]));
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

export interface Capture {
  readonly module: KsrModule;
  readonly results: Captured[];
}

export function createCaptureModule(): Capture {
  const results: Captured[] = [];
  const record = (c: Captured) => {
    results.push(c);
    return null;
  };
  const module = defineModule('t', {
    got_null: { params: [], returns: 'none', fn: () => record({ type: 'null' }) },
    got_str: { params: ['str'], returns: 'none', fn: (_c, s: string) => record({ type: 'string', value: s }) },
    got_int: { params: ['int'], returns: 'none', fn: (_c, n: number) => record({ type: 'int', value: n }) },
    got_bool: { params: ['int'], returns: 'none', fn: (_c, b: number) => record({ type: 'bool', value: b !== 0 }) },
    /** The value was a dict or an array: as JSON, written by the script (script-templates.ts). */
    got_json: { params: ['str'], returns: 'none', fn: (_c, s: string) => record({ type: 'json', value: JSON.parse(s) }) },
    /** The value had a type outside the four: its type name in the script's language. */
    got_other: { params: ['str'], returns: 'none', fn: (_c, t: string) => record({ type: 'other', value: t }) },
  });
  return { module, results };
}
