// What every transformation class shares: the value a transformation works on and its
// parameters as Kamailio parses them (a number, a string, or a pseudo-variable read when the
// transformation runs). A transformation answers null when Kamailio's would fail (tr_exec
// returning -1): the whole PV then reads as $null.
import type { PvValue } from '../pv-value.js';

export type TrValue = PvValue;

export type TrParam =
  | { readonly kind: 'number'; readonly n: number }
  | { readonly kind: 'string'; readonly s: string }
  | { readonly kind: 'pv'; readonly name: string };

/** Reads a PV named in a parameter ($var(i) in {s.substr,$var(i),2}). */
export type PvReader = (name: string) => PvValue;

export type TrFunction = (value: TrValue, params: readonly TrParam[], read: PvReader) => TrValue;

/** One transformation of a class: its parameter kinds ('n' number or PV, 's' string or PV, 'c' select's separator char) and what it does. */
export interface TrDefinition {
  readonly params: string;
  /** How many of `params` may be left out (the separator of param.*). */
  readonly optional?: number;
  readonly run: TrFunction;
}

/** A number parameter: a literal, or a PV holding an int (Kamailio refuses a string there). */
export function intParam(p: TrParam | undefined, read: PvReader): number | null {
  if (!p) return null;
  if (p.kind === 'number') return p.n;
  if (p.kind === 'pv') {
    const v = read(p.name);
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** A string parameter: a literal, or a PV holding a non-empty value. */
export function strParam(p: TrParam | undefined, read: PvReader): string | null {
  if (!p) return null;
  if (p.kind === 'string') return p.s;
  if (p.kind === 'pv') {
    const v = read(p.name);
    if (v === null) return null;
    const s = String(v);
    return s.length > 0 ? s : null;
  }
  return String(p.n);
}

/** A value as the string a string transformation works on (ints print in decimal). */
export function asText(v: TrValue): string | null {
  return v === null ? null : String(v);
}
