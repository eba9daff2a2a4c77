// KSR.htable.*: Kamailio's htable for KEMI, over the tables of the module state
// (host/htable/htable-state.ts: a Map per table with one thread, shared rows with workers).
// A table not declared in modules.htable.tables answers -1 with a log line naming it.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { HtableState } from '../../host/htable/htable-state.js';
import type { HashTable, HtValue } from '../../host/htable/table.js';
import { HTABLE_PVS } from '../../host/htable/pvs.js';
import { HTABLE_RPC } from '../../host/htable/rpc-methods.js';
import { COUNT_OPS, MATCH_OPS, RM_OPS, matcherOf, type MatchOp } from '../../host/htable/match-ops.js';
import { decl, withNullMode, type NullMode } from './decl.js';

const stateOf = (ctx: MsgContext): HtableState => ctx.core.modules.get<HtableState>('htable');

/** Runs `body` on the named table; -1 (logged by the state) when there is none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each function's own argument types
function onTable(fn: string, body: (t: HashTable, st: HtableState, ...rest: any[]) => number) {
  return (ctx: MsgContext, tname: string, ...rest: unknown[]): number => {
    const st = stateOf(ctx);
    const t = st.table(tname, fn);
    return t ? body(t, st, ...rest) : -1;
  };
}

/** A set's answer: 1, or -1 with the refusal logged. */
function setOutcome(st: HtableState, fn: string, t: HashTable, key: string, why: string | null): number {
  if (why === null) return 1;
  st.log(fn, `$sht(${t.name}=>${key.slice(0, 64)}) not set: expected ${why}`);
  return -1;
}

function setter(fn: string, params: string, withExpire: boolean) {
  return decl(params, 'int', onTable(fn, (t, st, key: string, value: HtValue, exv = 0) =>
    setOutcome(st, fn, t, key, t.set(key, value, withExpire ? exv : 0))));
}

function getter(mode: NullMode) {
  return decl('str, str', 'xval', (ctx, tname: string, key: string) => {
    const t = stateOf(ctx).table(tname, 'sht_get');
    return withNullMode(t ? t.value(key) : null, mode);
  });
}

/** sht_rm_name / sht_rm_value / sht_match_* / sht_cn: an op over names or string values. */
function byOp(fn: string, ops: readonly MatchOp[], act: (t: HashTable, m: (s: string) => boolean) => number) {
  return decl('str, str, str', 'int', onTable(fn, (t, st, op: string, mval: string) => {
    const m = matcherOf(op, mval, ops);
    if ('error' in m) {
      st.log(fn, m.error, 'warn');
      return -1;
    }
    return act(t, m);
  }));
}

function reRemover(fn: string, by: 'name' | 'value') {
  return decl('str, str', 'int', onTable(fn, (t, st, re: string) => {
    const m = matcherOf('re', re, RM_OPS);
    if ('error' in m) {
      st.log(fn, m.error);
      return -1;
    }
    t.removeMatching(m, by);
    return 1;
  }));
}

function adder(fn: string, delta: number) {
  // The new value; 0 when nothing was added (a missing item of a table without initval, a string item)
  return decl('str, str', 'int', onTable(fn, (t, _st, key: string) => t.add(key, delta) ?? 0));
}

/** The iterator functions: -1 with a log line when the iterator is unknown or stands on no item. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each function's own argument type
function onIterator(fn: string, body: (st: HtableState, at: { table: HashTable; name: string }, iname: string, arg: any) => number) {
  return (ctx: MsgContext, iname: string, arg?: unknown): number => {
    const st = stateOf(ctx);
    const at = st.iterators.at(iname);
    if (!at) {
      st.log(fn, `expected iterator "${iname.slice(0, 32)}" started and standing on an item (sht_iterator_start, sht_iterator_next)`);
      return -1;
    }
    return body(st, at, iname, arg);
  };
}

const matchNameScan = byOp('sht_match_name', MATCH_OPS, (t, m) => (t.has(m, 'name') ? 1 : -1));

export const htableModule = defineModule('htable', {
  // Every KSR call runs whole in its thread, and the read-modify-writes (sht_inc/dec, $shtinc)
  // run in one shared write across workers: a slot lock has nothing left to protect, so the
  // pair only checks the table, as Kamailio's answer does.
  sht_lock: decl('str, str', 'int', onTable('sht_lock', () => 1)),
  sht_unlock: decl('str, str', 'int', onTable('sht_unlock', () => 1)),
  sht_reset: decl('str', 'int', onTable('sht_reset', (t) => {
    t.reset();
    return 1;
  })),
  sht_iterator_start: decl('str, str', 'int', (ctx, iname: string, tname: string) => {
    const st = stateOf(ctx);
    const t = st.table(tname, 'sht_iterator_start');
    if (!t) return -1;
    const why = st.iterators.start(iname, t);
    if (why) st.log('sht_iterator_start', `iterator "${iname.slice(0, 32)}" not started: expected ${why}`);
    return why ? -1 : 1;
  }),
  sht_iterator_next: decl('str', 'int', (ctx, iname: string) => (stateOf(ctx).iterators.next(iname) ? 1 : -1)),
  sht_iterator_end: decl('str', 'int', (ctx, iname: string) => (stateOf(ctx).iterators.end(iname) ? 1 : -1)),
  // 1: removed and the iterator stands on the next item; -2: removed, no item left
  sht_iterator_rm: decl('str', 'int', onIterator('sht_iterator_rm', (st, at, iname) => {
    at.table.remove(at.name);
    return st.iterators.next(iname) ? 1 : -2;
  })),
  sht_iterator_sets: decl('str, str', 'int', onIterator('sht_iterator_sets', (st, at, _i, v: string) =>
    setOutcome(st, 'sht_iterator_sets', at.table, at.name, at.table.set(at.name, v)))),
  sht_iterator_seti: decl('str, int', 'int', onIterator('sht_iterator_seti', (st, at, _i, v: number) =>
    setOutcome(st, 'sht_iterator_seti', at.table, at.name, at.table.set(at.name, v)))),
  sht_iterator_setex: decl('str, int', 'int', onIterator('sht_iterator_setex', (_st, at, _i, exv: number) => {
    at.table.setExpire(at.name, exv);
    return 1;
  })),
  // Kamailio answers 1 whether or not the item was there
  sht_rm: decl('str, str', 'int', onTable('sht_rm', (t, _st, key: string) => {
    t.remove(key);
    return 1;
  })),
  sht_rm_name_re: reRemover('sht_rm_name_re', 'name'),
  sht_rm_value_re: reRemover('sht_rm_value_re', 'value'),
  sht_rm_name: byOp('sht_rm_name', RM_OPS, (t, m) => (t.removeMatching(m, 'name'), 1)),
  sht_rm_value: byOp('sht_rm_value', RM_OPS, (t, m) => (t.removeMatching(m, 'value'), 1)),
  // "eq" on a name is one lookup, not a scan: the ipban check of Kamailio's examples runs per request
  sht_match_name: decl('str, str, str', 'int', (ctx, tname: string, op: string, mval: string) => {
    if (op !== 'eq') return matchNameScan.fn(ctx, tname, op, mval) as number;
    const t = stateOf(ctx).table(tname, 'sht_match_name');
    return t ? (t.get(mval) ? 1 : -1) : -1;
  }),
  sht_match_str_value: byOp('sht_match_str_value', MATCH_OPS, (t, m) => (t.has(m, 'value') ? 1 : -1)),
  sht_get: getter('null'),
  sht_gete: getter('empty'),
  sht_getw: getter('print'),
  sht_sets: setter('sht_sets', 'str, str, str', false),
  sht_seti: setter('sht_seti', 'str, str, int', false),
  sht_setex: decl('str, str, int', 'int', onTable('sht_setex', (t, _st, key: string, exv: number) => {
    t.setExpire(key, exv);
    return 1;
  })),
  sht_setxi: setter('sht_setxi', 'str, str, int, int', true),
  sht_setxs: setter('sht_setxs', 'str, str, str, int', true),
  // 1: the item is absent (null); -1: it has a value; 2: no such table (Kamailio's ki_ht_is_null)
  sht_is_null: decl('str, str', 'int', (ctx, tname: string, key: string) => {
    const t = stateOf(ctx).table(tname, 'sht_is_null');
    if (!t) return 2;
    return t.get(key) ? -1 : 1;
  }),
  sht_inc: adder('sht_inc', 1),
  sht_dec: adder('sht_dec', -1),
  sht_cn: byOp('sht_cn', COUNT_OPS, (t, m) => t.count(m, 'name')),
}, {
  pvs: HTABLE_PVS,
  service: {
    create: (host) => new HtableState(host),
    rpc: HTABLE_RPC,
  },
});
