// usrloc's memory layer (modes memory and write-through), behind one interface so usrloc.ts
// keeps one code path: a Map in this thread (one worker: no cost added), or a table in the
// shared database every worker sees (shared-location-table.ts). Bindings are kept by table
// name and AoR key; lists come back in no order and with expired ones (usrloc filters and sorts).
import type { LocationRecord } from '../store/store.js';
import { detached } from '../core/detached-string.js';

export interface ExpiredBinding {
  table: string;
  rec: LocationRecord;
}

export interface LocationTable {
  /** Every binding of the AoR in the table, expired ones included. */
  list(table: string, aorKey: string): LocationRecord[];
  /** Inserts, or replaces the binding of the AoR with the same ruid. */
  put(table: string, aorKey: string, rec: LocationRecord): void;
  remove(table: string, aorKey: string, ruid: string): void;
  removeAor(table: string, aorKey: string): void;
  /** Every binding of the table. */
  all(table: string): LocationRecord[];
  /** Names of the tables that ever held a binding. */
  names(): string[];
  /**
   * Adds the records (write-through's load at start) unless they were loaded already: the
   * shared table is filled by the first thread that asks, once. How many were added.
   */
  loadOnce(table: string, records: () => Iterable<{ aorKey: string; rec: LocationRecord }>): number;
  /** Removes and returns every binding with expires <= nowS; each is taken by one caller only. */
  takeExpired(nowS: number): ExpiredBinding[];
}

/** The record with copies of the strings that may be slices of the REGISTER (detached-string.ts). */
function detachedRecord(r: LocationRecord): LocationRecord {
  return {
    ...r, username: detached(r.username), domain: detached(r.domain), contact: detached(r.contact), received: detached(r.received),
    path: detached(r.path), callid: detached(r.callid), userAgent: detached(r.userAgent), instance: detached(r.instance),
  };
}

/** The table of one thread. */
export class MapLocationTable implements LocationTable {
  private readonly tables = new Map<string, Map<string, LocationRecord[]>>();
  private loaded = false;

  private table(name: string): Map<string, LocationRecord[]> {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Map()));
    return t;
  }

  list(table: string, aorKey: string): LocationRecord[] {
    return this.tables.get(table)?.get(aorKey) ?? [];
  }

  put(table: string, aorKey: string, given: LocationRecord): void {
    const t = this.table(table);
    const rec = detachedRecord(given);
    const list = t.get(aorKey) ?? [];
    const i = list.findIndex((r) => r.ruid === rec.ruid);
    if (i >= 0) list[i] = rec;
    else list.push(rec);
    t.set(aorKey, list);
  }

  remove(table: string, aorKey: string, ruid: string): void {
    const t = this.tables.get(table);
    if (!t) return;
    const rest = (t.get(aorKey) ?? []).filter((r) => r.ruid !== ruid);
    if (rest.length > 0) t.set(aorKey, rest);
    else t.delete(aorKey);
  }

  removeAor(table: string, aorKey: string): void {
    this.tables.get(table)?.delete(aorKey);
  }

  all(table: string): LocationRecord[] {
    return [...(this.tables.get(table)?.values() ?? [])].flat();
  }

  names(): string[] {
    return [...this.tables.keys()];
  }

  loadOnce(table: string, records: () => Iterable<{ aorKey: string; rec: LocationRecord }>): number {
    if (this.loaded) return 0;
    this.loaded = true;
    let n = 0;
    for (const { aorKey, rec } of records()) {
      this.put(table, aorKey, rec);
      n++;
    }
    return n;
  }

  takeExpired(nowS: number): ExpiredBinding[] {
    const out: ExpiredBinding[] = [];
    for (const [table, t] of this.tables) {
      for (const [k, list] of t) {
        const gone = list.filter((r) => r.expires <= nowS);
        if (gone.length === 0) continue;
        const rest = list.filter((r) => r.expires > nowS);
        if (rest.length > 0) t.set(k, rest);
        else t.delete(k);
        for (const rec of gone) out.push({ table, rec });
      }
    }
    return out;
  }
}
