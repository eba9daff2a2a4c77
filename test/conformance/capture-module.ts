// The test-only KSR module `t`: a conformance script reports what a KSR call returned and the
// native type it had in the script's language (JS null/string/number/boolean, Lua
// nil/string/integer/boolean, Python None/str/int/bool). Anything else arrives as got_other.
import { defineModule, type KsrModule } from '../../bindings/registry.js';

export type Captured =
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'int'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'other'; value: string };

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
    /** The value had a type outside the four: its type name in the script's language. */
    got_other: { params: ['str'], returns: 'none', fn: (_c, t: string) => record({ type: 'other', value: t }) },
  });
  return { module, results };
}
