// usrloc's memory layer in the shared database (host/shared): every worker sees every
// binding. Reads are plain SELECTs (no lock); each change is one short write transaction
// inside the writers' lock. The record is stored as JSON beside the columns the queries use.
import type { LocationRecord } from '../store/store.js';
import type { SharedState } from '../shared/shared-state.js';
import type { ExpiredBinding, LocationTable } from './location-table.js';

const LOADED_FLAG = 'usrloc-loaded';

export class SharedLocationTable implements LocationTable {
  private readonly listQ;
  private readonly allQ;
  private readonly namesQ;
  private readonly upsertQ;
  private readonly removeQ;
  private readonly removeAorQ;
  private readonly addNameQ;
  private readonly expiredQ;
  private readonly flagQ;
  private readonly setFlagQ;
  /** Names this thread knows are in ul_tables already (a name is never removed). */
  private readonly namesWritten = new Set<string>();

  constructor(private readonly shared: SharedState) {
    const db = shared.db;
    this.listQ = db.prepare<[string, string], { rec: string }>('SELECT rec FROM ul_bindings WHERE tbl = ? AND aor = ?').pluck();
    this.allQ = db.prepare<[string], { rec: string }>('SELECT rec FROM ul_bindings WHERE tbl = ?').pluck();
    this.namesQ = db.prepare<[], { tbl: string }>('SELECT tbl FROM ul_tables').pluck();
    this.upsertQ = db.prepare('INSERT OR REPLACE INTO ul_bindings (tbl, aor, ruid, expires, rec) VALUES (?, ?, ?, ?, ?)');
    this.removeQ = db.prepare('DELETE FROM ul_bindings WHERE tbl = ? AND aor = ? AND ruid = ?');
    this.removeAorQ = db.prepare('DELETE FROM ul_bindings WHERE tbl = ? AND aor = ?');
    this.addNameQ = db.prepare('INSERT OR IGNORE INTO ul_tables (tbl) VALUES (?)');
    this.expiredQ = db.prepare<[number], { tbl: string; rec: string }>('DELETE FROM ul_bindings WHERE expires <= ? RETURNING tbl, rec');
    this.flagQ = db.prepare<[string], { name: string }>('SELECT name FROM shared_flags WHERE name = ?').pluck();
    this.setFlagQ = db.prepare('INSERT INTO shared_flags (name) VALUES (?)');
  }

  list(table: string, aorKey: string): LocationRecord[] {
    return (this.listQ.all(table, aorKey) as unknown as string[]).map(parse);
  }

  put(table: string, aorKey: string, rec: LocationRecord): void {
    const json = JSON.stringify(rec);
    const newName = !this.namesWritten.has(table);
    this.shared.write(() => {
      this.upsertQ.run(table, aorKey, rec.ruid, rec.expires, json);
      if (newName) this.addNameQ.run(table);
    });
    if (newName) this.namesWritten.add(table);
  }

  remove(table: string, aorKey: string, ruid: string): void {
    this.shared.write(() => this.removeQ.run(table, aorKey, ruid));
  }

  removeAor(table: string, aorKey: string): void {
    this.shared.write(() => this.removeAorQ.run(table, aorKey));
  }

  all(table: string): LocationRecord[] {
    return (this.allQ.all(table) as unknown as string[]).map(parse);
  }

  names(): string[] {
    return this.namesQ.all() as unknown as string[];
  }

  loadOnce(table: string, records: () => Iterable<{ aorKey: string; rec: LocationRecord }>): number {
    return this.shared.write(() => {
      if (this.flagQ.get(LOADED_FLAG) !== undefined) return 0;
      this.setFlagQ.run(LOADED_FLAG);
      let n = 0;
      for (const { aorKey, rec } of records()) {
        this.upsertQ.run(table, aorKey, rec.ruid, rec.expires, JSON.stringify(rec));
        n++;
      }
      if (n > 0) this.addNameQ.run(table);
      return n;
    });
  }

  takeExpired(nowS: number): ExpiredBinding[] {
    const rows = this.shared.write(() => this.expiredQ.all(nowS) as Array<{ tbl: string; rec: string }>);
    return rows.map((r) => ({ table: r.tbl, rec: parse(r.rec) }));
  }
}

function parse(json: string): LocationRecord {
  return JSON.parse(json) as LocationRecord;
}
