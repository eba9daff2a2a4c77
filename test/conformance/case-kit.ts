// What a per-module case file (cases/*.ts) writes its rows with: the same shorthands as the
// sections of cases.ts. `c(path, args, expect, extra)` is a row on the INVITE fixture unless
// extra says otherwise; `v(...)` a row of a value-only function (table.test.ts proves that
// nothing the host observes changes across the call).
import type { ConformanceCase, Expected, KsrCall } from './cases.js';
import type { FixtureName } from '../support/sip-fixtures.js';

export const I = (value: number): Expected => ({ type: 'int', value });
export const S = (value: string): Expected => ({ type: 'string', value });
export const B = (value: boolean): Expected => ({ type: 'bool', value });
export const N: Expected = { type: 'null' };
export const STOP: Expected = { type: 'stop' };

export const call = (path: string, ...args: Array<string | number>): KsrCall => ({ path, args });

export type Extra = Partial<Omit<ConformanceCase, 'call' | 'expect' | 'fixture' | 'name'>> & { fixture?: FixtureName; name?: string };

export function c(path: string, args: Array<string | number>, expect: Expected, extra: Extra = {}): ConformanceCase {
  const { fixture = 'invite', name = `${path}(${args.map((a) => JSON.stringify(a)).join(', ')})`, ...rest } = extra;
  return { name, fixture, call: call(path, ...args), expect, ...rest };
}

export function v(path: string, args: Array<string | number>, expect: Expected, extra: Extra = {}): ConformanceCase {
  return { ...c(path, args, expect, extra), valueOnly: true };
}
