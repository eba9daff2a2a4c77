// sht_iterator_*: named cursors over a table, at most ITERATORS_MAX at once (Kamailio's 4),
// names of at most ITERATOR_NAME_MAX bytes. As in Kamailio they belong to the process (here:
// the core of the thread) and outlive the message. Kamailio holds the table's slot lock while
// an iterator stands on an item; here the iterator walks a snapshot of the names taken at
// start (bounded by the table's maxitems) and reads each item live, skipping items gone since.
import type { HashTable, HtValue } from './table.js';

export const ITERATORS_MAX = 4;
export const ITERATOR_NAME_MAX = 32;

interface Cursor {
  table: HashTable;
  names: string[];
  pos: number;
  current: string | null;
}

export class Iterators {
  private readonly cursors = new Map<string, Cursor>();

  /** Null when started; else why not. */
  start(iname: string, table: HashTable): string | null {
    if (iname === '' || Buffer.byteLength(iname) > ITERATOR_NAME_MAX) return `an iterator name of 1 to ${ITERATOR_NAME_MAX} bytes, got ${Buffer.byteLength(iname)}`;
    if (!this.cursors.has(iname) && this.cursors.size >= ITERATORS_MAX) {
      return `a free iterator (at most ${ITERATORS_MAX} at once: ${[...this.cursors.keys()].join(', ')}; end one with sht_iterator_end)`;
    }
    const names = table.entries().map(([n]) => n);
    this.cursors.set(iname, { table, names, pos: 0, current: null });
    return null;
  }

  has(iname: string): boolean {
    return this.cursors.has(iname);
  }

  /** Moves to the next item still there: true when there is one. */
  next(iname: string): boolean {
    const c = this.cursors.get(iname);
    if (!c) return false;
    c.current = null;
    while (c.pos < c.names.length) {
      const name = c.names[c.pos++]!;
      if (c.table.get(name)) {
        c.current = name;
        return true;
      }
    }
    return false;
  }

  end(iname: string): boolean {
    return this.cursors.delete(iname);
  }

  /** The table and name the iterator stands on, or null. */
  at(iname: string): { table: HashTable; name: string } | null {
    const c = this.cursors.get(iname);
    if (!c || c.current === null) return null;
    return { table: c.table, name: c.current };
  }

  key(iname: string): string | null {
    return this.at(iname)?.name ?? null;
  }

  value(iname: string): HtValue | null {
    const a = this.at(iname);
    return a ? (a.table.get(a.name)?.value ?? null) : null;
  }
}
