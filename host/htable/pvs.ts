// htable's pseudo-variables: $sht(t=>k) (read, write, $null removes), $shtex(t=>k) (seconds
// left / set the expiry), $shtcn(t=>expr) and $shtcv(t=>expr) (count by name / string value),
// $shtinc(t=>k) and $shtdec(t=>k) (atomic add, the new value), $shtitkey(i) / $shtitval(i)
// (the item an iterator stands on). Table and key may hold PVs ($sht(ipban=>$si)), expanded
// per message as Kamailio's pv_printf does.
import type { MsgContext } from '../core/context.js';
import type { PvClass, PvDeclarations } from '../core/pv.js';
import type { PvValue } from '../core/pv-value.js';
import { expandFormat } from '../core/pv-format.js';
import type { HtableState } from './htable-state.js';
import type { HashTable } from './table.js';
import { counterMatcher } from './match-ops.js';

const stateOf = (ctx: MsgContext): HtableState => ctx.core.modules.get<HtableState>('htable');

/** "table=>key" with its PVs expanded: the table and the key, or null (logged). */
function target(ctx: MsgContext, pv: string, arg: string): { table: HashTable; key: string } | null {
  const st = stateOf(ctx);
  const at = arg.indexOf('=>');
  if (at <= 0) {
    st.log(`$${pv}`, `expected "table=>key" in $${pv}(...), got "${arg.slice(0, 64)}"`);
    return null;
  }
  const tname = expandFormat(ctx, arg.slice(0, at));
  const key = expandFormat(ctx, arg.slice(at + 2));
  if (!tname.ok || !key.ok) {
    st.log(`$${pv}`, `cannot expand $${pv}(${arg.slice(0, 64)}): ${!tname.ok ? tname.error : (key as { error: string }).error}`);
    return null;
  }
  const table = st.table(tname.text, `$${pv}`);
  return table ? { table, key: key.text } : null;
}

function setCell(ctx: MsgContext, arg: string, v: PvValue): boolean {
  const t = target(ctx, 'sht', arg);
  if (!t) return false;
  if (v === null) {
    t.table.remove(t.key);
    return true;
  }
  const why = t.table.set(t.key, v);
  if (why) stateOf(ctx).log('$sht', `$sht(${t.table.name}=>${t.key.slice(0, 64)}) not set: expected ${why}`);
  return why === null;
}

function counter(pv: string, by: 'name' | 'value'): PvClass {
  return {
    hasArg: true,
    get: (ctx, arg) => {
      const t = target(ctx, pv, arg);
      if (!t) return null;
      const m = counterMatcher(t.key);
      if ('error' in m) {
        stateOf(ctx).log(`$${pv}`, m.error);
        return null;
      }
      return t.table.count(m, by);
    },
  };
}

function adder(pv: string, delta: number): PvClass {
  return {
    hasArg: true,
    get: (ctx, arg) => {
      const t = target(ctx, pv, arg);
      return t ? t.table.add(t.key, delta) : null;
    },
  };
}

export const HTABLE_PVS: PvDeclarations = {
  sht: {
    hasArg: true,
    get: (ctx, arg) => {
      const t = target(ctx, 'sht', arg);
      return t ? t.table.value(t.key) : null;
    },
    set: setCell,
  },
  shtex: {
    hasArg: true,
    get: (ctx, arg) => {
      const t = target(ctx, 'shtex', arg);
      return t ? t.table.expiresIn(t.key) : null;
    },
    set: (ctx, arg, v) => {
      const t = target(ctx, 'shtex', arg);
      if (!t) return false;
      const n = typeof v === 'number' ? v : v !== null && /^\s*\d+\s*$/.test(v) ? Number(v) : 0;
      t.table.setExpire(t.key, n);
      return true;
    },
  },
  shtcn: counter('shtcn', 'name'),
  shtcv: counter('shtcv', 'value'),
  shtinc: adder('shtinc', 1),
  shtdec: adder('shtdec', -1),
  shtitkey: { hasArg: true, get: (ctx, iname) => stateOf(ctx).iterators.key(iname) },
  shtitval: { hasArg: true, get: (ctx, iname) => stateOf(ctx).iterators.value(iname) },
};
