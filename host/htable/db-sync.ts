// A table's dbtable (Kamailio's htable schema: key_name, key_type, value_type, key_value,
// expires) through the configured store: loaded at start and by htable.reload, written back at
// shutdown when dbmode=1 (every row deleted, then one row per item, as ht_db_sync_tables).
// key_type 1 rows make an array: name[0], name[1]... and name::size (Kamailio's
// array_size_suffix). The expires column counts only with db_expires=1.
import { HTABLE_TABLE, layoutNamed, type TableLayout } from '../store/module-tables.js';
import type { SyncStore } from '../store/store.js';
import type { HashTable, HtValue } from './table.js';

export interface LoadedItem {
  name: string;
  value: HtValue;
  /** Epoch seconds; 0 never. */
  expire: number;
}

const ARRAY_SIZE_SUFFIX = '::size';

export function layoutOf(table: HashTable, index: number): TableLayout {
  return layoutNamed(HTABLE_TABLE, table.spec.dbtable!, `modules.htable.tables[${index}].dbtable`);
}

/** The rows of the table's dbtable as items (throws StoreUnavailable when the store is down). */
export function readItems(store: SyncStore, layout: TableLayout, maxitems: number, dbExpires: boolean, now: number): LoadedItem[] {
  const items: LoadedItem[] = [];
  const arrays = new Map<string, number>();
  for (const row of store.tableRows(layout, maxitems)) {
    const key = String(row.key_name ?? '');
    if (key === '') continue;
    const raw = String(row.key_value ?? '');
    const value: HtValue = Number(row.value_type) === 1 ? Number.parseInt(raw, 10) | 0 : raw;
    const expire = dbExpires ? Number(row.expires ?? 0) || 0 : 0;
    if (expire !== 0 && expire < now) continue;
    if (Number(row.key_type) === 1) {
      const n = arrays.get(key) ?? 0;
      arrays.set(key, n + 1);
      items.push({ name: `${key}[${n}]`, value, expire });
    } else {
      items.push({ name: key, value, expire });
    }
  }
  for (const [key, n] of arrays) items.push({ name: `${key}${ARRAY_SIZE_SUFFIX}`, value: n, expire: 0 });
  return items.slice(0, maxitems);
}

/** Replaces the table's items by those of its dbtable. */
export function loadTable(table: HashTable, store: SyncStore, layout: TableLayout, dbExpires: boolean): number {
  const items = readItems(store, layout, table.spec.maxitems, dbExpires, table.now());
  table.cells.atomic(() => {
    table.cells.clear();
    for (const it of items) table.cells.put(it.name, { value: it.value, expire: it.expire });
  });
  return items.length;
}

/** Writes the visible items back (dbmode=1): the dbtable's rows replaced. */
export function saveTable(table: HashTable, store: SyncStore, layout: TableLayout, dbExpires: boolean): number {
  const items = table.entries();
  store.deleteRows(layout, {});
  for (const [name, c] of items) {
    store.insertRow(layout, {
      key_name: name, key_type: 0, value_type: typeof c.value === 'number' ? 1 : 0,
      key_value: String(c.value), expires: dbExpires ? c.expire : 0,
    });
  }
  return items.length;
}
