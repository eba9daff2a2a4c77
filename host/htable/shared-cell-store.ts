// One table's items in the workers' shared state (host/shared/schema.ts htable_cells): every
// worker reads and writes the same rows; writes run in shared.write() (the writers' lock and
// one transaction), so sht_inc's read-add-write is one step across workers. Reads are plain
// SELECTs (a consistent WAL snapshot).
import type Database from 'better-sqlite3';
import type { SharedState } from '../shared/shared-state.js';
import type { Cell, CellStore } from './cell-store.js';

interface Row {
  name: string;
  ival: number | null;
  sval: string | null;
  expire: number;
}

const cellOf = (r: Row): Cell => ({ value: r.sval !== null ? r.sval : (r.ival ?? 0), expire: r.expire });

export class SharedCellStore implements CellStore {
  private readonly select: Database.Statement<[string, string], Row>;
  private readonly upsert: Database.Statement<[string, string, number | null, string | null, number]>;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly every: Database.Statement<[string], Row>;
  private readonly count: Database.Statement<[string], { n: number }>;
  private readonly wipe: Database.Statement<[string]>;

  constructor(
    private readonly shared: SharedState,
    private readonly table: string,
  ) {
    const db = shared.db;
    this.select = db.prepare('SELECT name, ival, sval, expire FROM htable_cells WHERE tbl = ? AND name = ?');
    this.upsert = db.prepare(
      'INSERT INTO htable_cells (tbl, name, ival, sval, expire) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, name) DO UPDATE SET ival = excluded.ival, sval = excluded.sval, expire = excluded.expire',
    );
    this.remove = db.prepare('DELETE FROM htable_cells WHERE tbl = ? AND name = ?');
    this.every = db.prepare('SELECT name, ival, sval, expire FROM htable_cells WHERE tbl = ?');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM htable_cells WHERE tbl = ?');
    this.wipe = db.prepare('DELETE FROM htable_cells WHERE tbl = ?');
  }

  get(name: string): Cell | null {
    const r = this.select.get(this.table, name);
    return r ? cellOf(r) : null;
  }

  put(name: string, cell: Cell): void {
    const { value } = cell;
    this.shared.write(() => this.upsert.run(this.table, name, typeof value === 'number' ? value : null, typeof value === 'string' ? value : null, cell.expire));
  }

  delete(name: string): boolean {
    return this.shared.write(() => this.remove.run(this.table, name).changes > 0);
  }

  all(): Array<[string, Cell]> {
    return this.every.all(this.table).map((r) => [r.name, cellOf(r)]);
  }

  size(): number {
    return this.count.get(this.table)!.n;
  }

  clear(): void {
    this.shared.write(() => this.wipe.run(this.table));
  }

  atomic<T>(fn: () => T): T {
    return this.shared.write(fn);
  }
}
