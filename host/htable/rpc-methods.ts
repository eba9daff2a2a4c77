// htable's control methods, by Kamailio's names and result shapes (htable.c htable_rpc):
// dump, get, sets, seti, delete, reload, listTables, stats. Faults are Kamailio's texts (500).
// Differences: dump groups items by a slot of our own hash (entry numbers are not Kamailio's)
// and lists a slot's items as an array (Kamailio repeats an "item" key in one struct).
import { RpcError } from '../control/jsonrpc.js';
import type { ModuleRpc } from '../core/module-service.js';
import type { HtableState } from './htable-state.js';
import type { HashTable } from './table.js';
import type { Cell } from './cell-store.js';

/** Positional ([a, b]) or named ({table, key}) params, as strings; a fault naming what is missing. */
function params(p: unknown, names: readonly string[], missing: string): unknown[] {
  const list = Array.isArray(p) ? p : p && typeof p === 'object' ? names.map((n) => (p as Record<string, unknown>)[n]) : [];
  if (list.length < names.length || list.slice(0, names.length).some((v) => v === undefined || v === null)) throw new RpcError(500, missing);
  return list;
}

function tableOf(st: HtableState, name: unknown): HashTable {
  const t = st.tables.get(String(name));
  if (!t) throw new RpcError(500, 'No such htable');
  return t;
}

/** Kamailio's slot of a name: a hash of ours, modulo 2^size. */
function slotOf(name: string, size: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (2 ** size - 1);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-mm-dd HH:MM:SS" local time, or "NEVER" (Kamailio's htable.get). */
function expireText(expire: number): string {
  if (expire === 0) return 'NEVER';
  const d = new Date(expire * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function dump(t: HashTable): unknown[] {
  const slots = new Map<number, Array<[string, Cell]>>();
  for (const e of t.entries()) {
    const s = slotOf(e[0], t.spec.size);
    slots.set(s, [...(slots.get(s) ?? []), e]);
  }
  return [...slots.entries()].sort((a, b) => a[0] - b[0]).map(([entry, items]) => ({
    entry, size: items.length,
    slot: items.map(([name, c]) => ({ item: { name, value: c.value, type: typeof c.value === 'number' ? 'int' : 'str' } })),
  }));
}

function setter(kind: 'str' | 'int'): ModuleRpc<HtableState> {
  return {
    help: `htable.set${kind[0]} TABLE KEY VALUE: sets the item KEY of TABLE to ${kind === 'int' ? 'the integer' : 'the string'} VALUE`,
    handler(st, p) {
      const [tn, key, value] = params(p, ['table', 'key', 'value'], 'Not enough parameters (htable name, key name and value)');
      const t = tableOf(st, tn);
      let v: string | number = String(value);
      if (kind === 'int') {
        if (!/^\s*-?\d+\s*$/.test(v)) throw new RpcError(500, `expected an integer value, got ${JSON.stringify(value)}`);
        v = Number(v);
      }
      const why = t.set(String(key), v);
      if (why) {
        st.log('rpc', `htable.set${kind[0]}: cannot set $sht(${t.name}=>${String(key).slice(0, 64)}): expected ${why}`);
        throw new RpcError(500, 'Failed to set the item');
      }
      return null;
    },
  };
}

export const HTABLE_RPC: Readonly<Record<string, ModuleRpc<HtableState>>> = {
  'htable.dump': {
    readOnly: true,
    help: 'htable.dump TABLE: every item of TABLE by hash slot, with name, value and type',
    handler: (st, p) => dump(tableOf(st, params(p, ['table'], 'No htable name given')[0])),
  },
  'htable.get': {
    readOnly: true,
    help: 'htable.get TABLE KEY: the item KEY of TABLE with its value, type flags and expiry',
    handler(st, p) {
      const [tn, key] = params(p, ['table', 'key'], 'Not enough parameters (htable name and key name)');
      const t = tableOf(st, tn);
      const c = t.get(String(key));
      if (!c) throw new RpcError(500, "Key name doesn't exist in htable.");
      return { item: { name: String(key), value: c.value, flags: typeof c.value === 'string' ? 2 : 0, expire: expireText(c.expire) } };
    },
  },
  'htable.sets': setter('str'),
  'htable.seti': setter('int'),
  'htable.delete': {
    help: 'htable.delete TABLE KEY: removes the item KEY from TABLE',
    handler(st, p) {
      const [tn, key] = params(p, ['table', 'key'], 'Not enough parameters (htable name & key name');
      tableOf(st, tn).remove(String(key));
      return null;
    },
  },
  'htable.reload': {
    help: 'htable.reload TABLE: replaces the items of TABLE by the rows of its dbtable in the store',
    handler(st, p) {
      const [tn] = params(p, ['table'], 'No htable name given');
      try {
        st.reload(String(tn));
      } catch (e) {
        throw new RpcError(500, (e as Error).message);
      }
      return null;
    },
  },
  'htable.listTables': {
    readOnly: true,
    help: 'every table with its dbtable, dbmode, autoexpire, updateexpire and size',
    handler(st) {
      if (st.tables.size === 0) throw new RpcError(500, 'No htables');
      return [...st.tables.values()].map(({ spec }) => ({
        name: spec.name, dbtable: spec.dbtable ?? '', dbmode: spec.dbmode, expire: spec.autoexpire,
        updateexpire: spec.updateexpire ? 1 : 0, size: 2 ** spec.size, dmqreplicate: 0,
      }));
    },
  },
  'htable.stats': {
    readOnly: true,
    help: 'per table: slots, items, and the fewest and most items in one slot',
    handler(st) {
      if (st.tables.size === 0) throw new RpcError(500, 'No htables');
      return [...st.tables.values()].map((t) => {
        const slots = 2 ** t.spec.size;
        const per = new Array<number>(slots).fill(0);
        const items = t.entries();
        for (const [name] of items) per[slotOf(name, t.spec.size)]!++;
        return { name: t.name, slots, all: items.length, min: Math.min(...per), max: Math.max(...per) };
      });
    },
  },
};
