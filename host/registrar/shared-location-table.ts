// usrloc's memory layer in shared memory (host/shared/shared-string-map.ts): every worker sees
// every binding, as Kamailio's usrloc keeps its records in shm. One map entry per AoR of a
// table, its value the AoR's bindings one per line (`expires \t JSON ruid \t JSON record`: a
// change finds its binding by ruid and the expiry its bindings by time without parsing a
// record), its meta the AoR's earliest expiry (the expiry's scan reads no value). A change is a
// read and a write of the AoR's entry inside the map's lock, held a few µs.
import type { LocationRecord } from '../store/store.js';
import { SharedMapFullError, type SharedStringMap } from '../shared/shared-string-map.js';
import type { ExpiredBinding, LocationTable } from './location-table.js';

/** The map's flag bit: the table was filled from the store (loadOnce), once for all threads. */
const LOADED_BIT = 0;
/** The entry listing every table name a script used (ul.dump lists a table whose bindings all went). */
const NAMES_KEY = 'N';

/** A binding entry's key: 'T', the table's length, ':', the table, the AoR key (no separator to escape). */
function tablePrefix(table: string): string {
  return `T${table.length}:${table}`;
}

function tableOfKey(key: string): string {
  const colon = key.indexOf(':');
  return key.slice(colon + 1, colon + 1 + Number(key.slice(1, colon)));
}

/** A binding's line; `ruidField`: its ruid as JSON (the caller compares lines by it). */
function lineOf(rec: LocationRecord, ruidField: string): string {
  return `${rec.expires}\t${ruidField}\t${JSON.stringify(rec)}`;
}

function expiresOf(line: string): number {
  return Number(line.slice(0, line.indexOf('\t')));
}

/** The line's ruid field, as JSON (compared as written). */
function ruidFieldOf(line: string): string {
  const a = line.indexOf('\t') + 1;
  return line.slice(a, line.indexOf('\t', a));
}

function recordOf(line: string): LocationRecord {
  return JSON.parse(line.slice(line.indexOf('\t', line.indexOf('\t') + 1) + 1)) as LocationRecord;
}

function earliest(lines: readonly string[]): number {
  let min = Infinity;
  for (const l of lines) min = Math.min(min, expiresOf(l));
  return min;
}

/** The shared location table has no room for a change (which did not happen). */
export class LocationTableFull extends Error {
  constructor(full: SharedMapFullError) {
    super(`usrloc: the shared location table is full (${full.used} of ${full.capacity} bytes in use, a ${full.needed}-byte AoR entry to write): raise usrloc.shared_memory_mb`);
    this.name = 'LocationTableFull';
  }
}

export class SharedLocationTable implements LocationTable {
  /** Names this thread knows are in the names entry already (a name is never removed). */
  private readonly namesWritten = new Set<string>();

  constructor(private readonly map: SharedStringMap) {}

  atomically<T>(fn: () => T): T {
    return this.map.atomically(fn);
  }

  list(table: string, aorKey: string): LocationRecord[] {
    const v = this.map.get(tablePrefix(table) + aorKey);
    if (v === undefined) return [];
    const lines = v.split('\n');
    const out: LocationRecord[] = new Array(lines.length);
    for (let i = 0; i < lines.length; i++) out[i] = recordOf(lines[i]!);
    return out;
  }

  put(table: string, aorKey: string, rec: LocationRecord): void {
    const ruid = JSON.stringify(rec.ruid);
    const line = lineOf(rec, ruid);
    const key = tablePrefix(table) + aorKey;
    const newName = !this.namesWritten.has(table);
    this.change(() => {
      const v = this.map.get(key);
      const lines = v === undefined ? [] : v.split('\n');
      let i = 0;
      while (i < lines.length && ruidFieldOf(lines[i]!) !== ruid) i++;
      lines[i] = line; // i === length: added at the end
      this.map.set(key, lines.join('\n'), earliest(lines));
      if (newName) this.addName(table);
    });
    if (newName) this.namesWritten.add(table);
  }

  remove(table: string, aorKey: string, ruid: string): void {
    const field = JSON.stringify(ruid);
    const key = tablePrefix(table) + aorKey;
    this.change(() => {
      const v = this.map.get(key);
      if (v === undefined) return;
      this.keep(key, v.split('\n').filter((l) => ruidFieldOf(l) !== field));
    });
  }

  removeAor(table: string, aorKey: string): void {
    this.map.delete(tablePrefix(table) + aorKey);
  }

  all(table: string): LocationRecord[] {
    return this.map.valuesWhere(tablePrefix(table)).flatMap((v) => v.split('\n').map(recordOf));
  }

  names(): string[] {
    const v = this.map.get(NAMES_KEY);
    return v === undefined ? [] : (JSON.parse(v) as string[]);
  }

  loadOnce(table: string, records: () => Iterable<{ aorKey: string; rec: LocationRecord }>): number {
    return this.change(() => {
      if (this.map.flag(LOADED_BIT)) return 0;
      let n = 0;
      for (const { aorKey, rec } of records()) {
        this.put(table, aorKey, rec);
        n++;
      }
      this.map.setFlag(LOADED_BIT);
      return n;
    });
  }

  /**
   * Finds the AoRs with an expired binding by their earliest expiry (the map's meta, no value
   * read; the lock held for a slice of the buckets at a time), then takes each AoR's expired
   * bindings in a step of its own, if they are still expired: a binding refreshed between the
   * scan and the step stays.
   */
  takeExpired(nowS: number): ExpiredBinding[] {
    const taken: ExpiredBinding[] = [];
    for (const key of this.map.keysWhere('T', (earliestS) => earliestS <= nowS)) {
      // counted as taken only once the step that removes them has ended well
      const gone = this.change(() => {
        const v = this.map.get(key);
        if (v === undefined) return [];
        const lines = v.split('\n');
        const rest = lines.filter((l) => expiresOf(l) > nowS);
        if (rest.length === lines.length) return [];
        this.keep(key, rest);
        return lines.filter((l) => expiresOf(l) <= nowS);
      });
      const table = gone.length > 0 ? tableOfKey(key) : '';
      for (const l of gone) taken.push({ table, rec: recordOf(l) });
    }
    return taken;
  }

  /** The AoR's entry with these lines, or none when no line is left. */
  private keep(key: string, lines: string[]): void {
    if (lines.length === 0) this.map.delete(key);
    else this.map.set(key, lines.join('\n'), earliest(lines));
  }

  private addName(table: string): void {
    const names = this.names();
    if (!names.includes(table)) this.map.set(NAMES_KEY, JSON.stringify([...names, table]), Infinity);
  }

  /** fn as one step of the map; a full map says which setting makes room. */
  private change<T>(fn: () => T): T {
    try {
      return this.map.atomically(fn);
    } catch (e) {
      throw e instanceof SharedMapFullError ? new LocationTableFull(e) : e;
    }
  }
}
