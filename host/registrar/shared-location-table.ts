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
  private readonly takeQ;
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
    this.expiredQ = db.prepare<[number], [string, string, string]>('SELECT tbl, aor, ruid FROM ul_bindings WHERE expires <= ?').raw();
    this.takeQ = db.prepare<[string, string, string, number], { rec: string }>('DELETE FROM ul_bindings WHERE tbl = ? AND aor = ? AND ruid = ? AND expires <= ? RETURNING rec').pluck();
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

  /**
   * Finds the expired bindings by a scan outside the writers' lock (WAL: a consistent snapshot;
   * ~1 ms per 10 000 bindings, 40 ms per 100 000, on the thread that runs the expiry, once per
   * timer_interval_s), then takes each inside one write, if it is still expired: a binding
   * refreshed between the scan and the write stays.
   */
  takeExpired(nowS: number): ExpiredBinding[] {
    const candidates = this.expiredQ.all(nowS) as unknown as Array<[string, string, string]>;
    if (candidates.length === 0) return [];
    return this.shared.write(() => {
      const taken: ExpiredBinding[] = [];
      for (const [table, aorKey, ruid] of candidates) {
        const rec = this.takeQ.get(table, aorKey, ruid, nowS) as unknown as string | undefined;
        if (rec !== undefined) taken.push({ table, rec: parse(rec) });
      }
      return taken;
    });
  }
}

function parse(json: string): LocationRecord {
  return JSON.parse(json) as LocationRecord;
}
