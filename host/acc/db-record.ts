// The database backend: one row per record in the table named (acc, missed_calls, or the
// script's), the columns of Kamailio's acc table (names from the acc_*_column modparams), the
// time_mode columns and db_extra's. A store that fails is logged, never thrown into the route.
import type { ScriptLogger } from '../core/services.js';
import type { SyncStore } from '../store/store.js';
import { ACC_TABLE, checkTableName, type TableLayout, type TableRow } from '../store/module-tables.js';
import type { AccRecord } from './record.js';
import type { AccSettings } from './settings.js';
import { formatTime } from './time-format.js';

const LAYOUTS_KEPT = 64;

/** The layouts by table name, built once each (a script naming many tables keeps at most LAYOUTS_KEPT). */
export class AccLayouts {
  private readonly byName = new Map<string, TableLayout>();
  constructor(private readonly s: AccSettings) {}

  /** The layout of `table`; throws an Error naming the table when it is not a table name. */
  of(table: string, where: string): TableLayout {
    const hit = this.byName.get(table);
    if (hit) return hit;
    const c = this.s.columns;
    const dflt = new Map(ACC_TABLE.columns.map((col) => [col.name, col]));
    const renamed = (k: keyof typeof c, base: string) => ({ ...dflt.get(base)!, name: c[k] });
    const layout: TableLayout = {
      ...ACC_TABLE,
      name: checkTableName(table, where),
      columns: [
        renamed('method', 'method'), renamed('fromTag', 'from_tag'), renamed('toTag', 'to_tag'), renamed('callid', 'callid'),
        renamed('sipCode', 'sip_code'), renamed('sipReason', 'sip_reason'), renamed('time', 'time'),
        ...(this.s.timeMode === 1 ? [{ name: this.s.timeAttr, type: 'int' as const }, { name: this.s.timeExten, type: 'int' as const }] : []),
        // a double has no column type here: seconds.milliseconds is kept as its text
        ...(this.s.timeMode === 2 ? [{ name: this.s.timeAttr, type: 'string' as const, size: 32 }] : []),
        ...(this.s.timeMode >= 3 ? [{ name: this.s.timeAttr, type: 'string' as const, size: 128 }] : []),
        ...this.s.dbExtra.map((e) => ({ name: e.name, type: 'string' as const, size: 255 })),
      ],
    };
    if (this.byName.size >= LAYOUTS_KEPT) this.byName.delete(this.byName.keys().next().value as string);
    this.byName.set(table, layout);
    return layout;
  }
}

export function dbRow(r: AccRecord, s: AccSettings, extras: ReadonlyArray<string | null>): TableRow {
  const c = s.columns;
  const sec = Math.floor(r.timeMs / 1000);
  const row: TableRow = {
    [c.method]: r.method, [c.fromTag]: r.fromTag, [c.toTag]: r.toTag, [c.callid]: r.callId,
    [c.sipCode]: r.code, [c.sipReason]: r.reason, [c.time]: sec,
  };
  if (s.timeMode === 1) Object.assign(row, { [s.timeAttr]: sec, [s.timeExten]: (r.timeMs % 1000) * 1000 });
  if (s.timeMode === 2) row[s.timeAttr] = (r.timeMs / 1000).toFixed(3);
  if (s.timeMode === 3 || s.timeMode === 4) row[s.timeAttr] = formatTime(r.timeMs, s.timeFormat, s.timeMode === 4);
  s.dbExtra.forEach((e, i) => (row[e.name] = extras[i] ?? (s.extraNullable ? null : '')));
  return row;
}

/** Inserts the row: 1, or -1 with an error log (no store, a bad table name, the store failing). */
export function insertRecord(store: SyncStore | null, log: ScriptLogger, layouts: AccLayouts, table: string, row: TableRow, fn: string): number {
  if (!store) {
    log.log('error', `${fn}: no store configured (the acc records go to the server's store: set store: in the config)`);
    return -1;
  }
  try {
    store.insertRow(layouts.of(table, `${fn}: table`), row);
    return 1;
  } catch (e) {
    log.log('error', `${fn}: failed to insert into ${JSON.stringify(table.slice(0, 64))}: ${(e as Error).message}`);
    return -1;
  }
}
