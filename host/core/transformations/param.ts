// The {param.*} class (Kamailio tr_eval_paramlist): a "a=1;b=2" list held in the value, with
// ';' or the one-char separator given last. Missing names or positions give ""; {param.count}
// and {param.in} give ints. An empty value or an int fails (null).
import { findParam, paramAt, paramList, type Param } from './param-list.js';
import { intParam, strParam, type PvReader, type TrDefinition, type TrParam, type TrValue } from './types.js';

/** The list in the value, split on the separator parameter at `sepAt` (';' when absent). */
function listOf(v: TrValue, p: readonly TrParam[], sepAt: number, read: PvReader): Param[] | null {
  if (typeof v !== 'string' || v === '') return null;
  let sep = ';';
  const given = p[sepAt];
  if (given) {
    const s = given.kind === 'pv' ? strParam(given, read)?.[0] ?? null : given.kind === 'string' && given.s.length === 1 ? given.s : null;
    if (s === null) return null;
    sep = s;
  }
  return paramList(v, sep);
}

export const PARAM_TRANSFORMATIONS: Readonly<Record<string, TrDefinition>> = {
  value: {
    params: 'ss',
    optional: 1,
    run: (v, p, read) => {
      const list = listOf(v, p, 1, read);
      const name = strParam(p[0], read);
      return list && name !== null ? (findParam(list, name)?.value ?? '') : null;
    },
  },
  in: {
    params: 'ss',
    optional: 1,
    run: (v, p, read) => {
      const list = listOf(v, p, 1, read);
      const name = strParam(p[0], read);
      return list && name !== null ? (findParam(list, name) ? 1 : 0) : null;
    },
  },
  valueat: {
    params: 'ns',
    optional: 1,
    run: (v, p, read) => {
      const list = listOf(v, p, 1, read);
      const i = intParam(p[0], read);
      return list && i !== null ? (paramAt(list, i)?.value ?? '') : null;
    },
  },
  name: {
    params: 'ns',
    optional: 1,
    run: (v, p, read) => {
      const list = listOf(v, p, 1, read);
      const i = intParam(p[0], read);
      return list && i !== null ? (paramAt(list, i)?.name ?? '') : null;
    },
  },
  count: {
    params: 's',
    optional: 1,
    run: (v, p, read) => listOf(v, p, 0, read)?.length ?? null,
  },
};
