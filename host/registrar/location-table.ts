// usrloc's memory layer (modes memory and write-through), behind one interface so usrloc.ts
// keeps one code path: a Map in this thread (one worker: no cost added), or a table in the
// shared memory every worker sees (shared-location-table.ts). Bindings are kept by table
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
  /**
   * Runs fn (reads, then changes) as one step no other thread's change interleaves with; in the
   * shared table a throw undoes fn's changes. The Map of one thread runs fn as is.
   */
  atomically<T>(fn: () => T): T;
}

/**
 * The record with copies of the strings that may be slices of the REGISTER (detached-string.ts),
 * written as one literal (one object shape, no spread). A string equal to the one the binding it
 * replaces holds is that one (already a copy): a re-registration copies only what changed
 * (its Call-ID), not its contact URI again.
 */
function detachedRecord(r: LocationRecord, was: LocationRecord | undefined): LocationRecord {
  return {
    ruid: r.ruid, username: kept(r.username, was?.username), domain: kept(r.domain, was?.domain), contact: kept(r.contact, was?.contact),
    received: kept(r.received, was?.received), path: kept(r.path, was?.path), expires: r.expires, q: r.q, callid: kept(r.callid, was?.callid),
    cseq: r.cseq, lastModified: r.lastModified, flags: r.flags, cflags: r.cflags, userAgent: kept(r.userAgent, was?.userAgent),
    socket: r.socket, methods: r.methods, instance: kept(r.instance, was?.instance), regId: r.regId, serverId: r.serverId,
    connectionId: r.connectionId, keepalive: r.keepalive, partition: r.partition,
  };
}

/** s detached, or `was` (a detached copy kept already) when it holds the same text. */
function kept(s: string, was: string | undefined): string {
  return s === was ? was : detached(s);
}

/** The table of one thread. */
export class MapLocationTable implements LocationTable {
  private readonly tables = new Map<string, Map<string, LocationRecord[]>>();
  private loaded = false;
  /**
   * No binding expires before this (s): the earliest expiry the last scan kept, lowered by every
   * put since. A binding removed or refreshed since leaves it early, which costs one scan.
   */
  private earliestS = Infinity;

  private table(name: string): Map<string, LocationRecord[]> {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Map()));
    return t;
  }

  atomically<T>(fn: () => T): T {
    return fn();
  }

  list(table: string, aorKey: string): LocationRecord[] {
    return this.tables.get(table)?.get(aorKey) ?? [];
  }

  put(table: string, aorKey: string, given: LocationRecord): void {
    const t = this.table(table);
    let list = t.get(aorKey);
    if (!list) t.set(aorKey, (list = []));
    let i = 0;
    while (i < list.length && list[i]!.ruid !== given.ruid) i++;
    list[i] = detachedRecord(given, list[i]); // i === length: added at the end
    if (given.expires < this.earliestS) this.earliestS = given.expires;
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

  /**
   * The scan runs on the serving thread every usrloc timer interval: it allocates only for an
   * AoR that has an expired binding, and is skipped until the earliest expiry. With 100 000
   * AoRs, one in 100 expired, it took 6-69 ms and made ~10 MB of garbage (two arrays per AoR,
   * and an entry array per Map step) before; see ARCHITECTURE.md, "The lean path".
   */
  takeExpired(nowS: number): ExpiredBinding[] {
    const out: ExpiredBinding[] = [];
    if (nowS < this.earliestS) return out;
    let earliest = Infinity;
    for (const [table, t] of this.tables) {
      t.forEach((list, k) => {
        let gone = 0;
        for (let i = 0; i < list.length; i++) {
          const e = list[i]!.expires;
          if (e <= nowS) gone++;
          else if (e < earliest) earliest = e;
        }
        if (gone === 0) return;
        const rest: LocationRecord[] = [];
        for (const rec of list) {
          if (rec.expires <= nowS) out.push({ table, rec });
          else rest.push(rec);
        }
        // deleting or replacing the entry being visited is safe in Map.forEach
        if (rest.length > 0) t.set(k, rest);
        else t.delete(k);
      });
    }
    this.earliestS = earliest;
    return out;
  }
}
