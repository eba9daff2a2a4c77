// Shorthands for declaration tables: `decl('str,int', 'bool', fn)` reads like the catalogue row.
import type { KsrDeclaration, KsrImpl, KsrScope, KsrValue, ParamType, ReturnType } from '../registry.js';

export function decl(params: string, returns: ReturnType, fn: KsrImpl): KsrDeclaration {
  const list = params === '' ? [] : (params.split(',').map((p) => p.trim()) as ParamType[]);
  return { params: list, returns, fn };
}

/**
 * Marks a declaration partial: `why` says what of Kamailio's behaviour is ignored or missing
 * (an argument, a mode, a case), in a few words; it shows in the READMEs, `ksr-host api` and
 * the typings. A declaration without it is complete.
 */
export function partial(why: string, d: KsrDeclaration): KsrDeclaration {
  return { ...d, status: `partial: ${why}` };
}

/** A function that needs no message (`needsMessage: false`): it reads only the scope's logger. */
export function declWithoutMessage(params: string, returns: ReturnType, fn: (scope: KsrScope, ...args: any[]) => KsrValue): KsrDeclaration {
  return { ...decl(params, returns, fn as KsrImpl), needsMessage: false };
}

/** KSR int convention for a host boolean: 1 true, -1 false. */
export const intOf = (ok: boolean): number => (ok ? 1 : -1);

/** The three null modes of KSR getters (conventions.md §e): get → null, gete → '', getw → '<null>'. */
export type NullMode = 'null' | 'empty' | 'print';

export function withNullMode<T extends string | number>(value: T | null, mode: NullMode): T | string | null {
  if (value !== null) return value;
  return mode === 'null' ? null : mode === 'empty' ? '' : '<null>';
}
