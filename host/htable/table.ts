// One htable: Kamailio's item semantics over a CellStore (a Map of the thread or the workers'
// shared rows). Expiry follows ht_api.c: an item's expire counts only in a table with
// autoexpire (the timer sweeps only those, and only those hide expired items); a set restarts
// it when updateexpire is on; an expired item is never visible, even before the sweep.
// Values are an int (32-bit, as Kamailio's int_str) or a string; both bounded.
import type { Cell, CellStore } from './cell-store.js';
import { MAX_NAME_BYTES, MAX_VALUE_BYTES, type TableSpec } from './table-settings.js';
import type { Matcher } from './match-ops.js';

export type HtValue = string | number;

/** Why a write was refused, for the caller's log line; null when it was done. */
export type Refusal = string | null;

export class HashTable {
  constructor(
    readonly spec: TableSpec,
    readonly cells: CellStore,
    /** Epoch milliseconds (tests give a fake clock). */
    private readonly clock: () => number,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  /** Now in epoch seconds, as Kamailio's time(NULL). */
  now(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** Whether an item is gone: only a table with autoexpire expires items. */
  expired(cell: Cell, now = this.now()): boolean {
    return this.spec.autoexpire > 0 && cell.expire !== 0 && cell.expire < now;
  }

  private freshExpire(now: number): number {
    return this.spec.autoexpire > 0 ? now + this.spec.autoexpire : 0;
  }

  /** The visible item, or null. */
  get(name: string): Cell | null {
    const c = this.cells.get(name);
    return c && !this.expired(c) ? c : null;
  }

  /** The item's value, or initval, or null (Kamailio's $sht read). */
  value(name: string): HtValue | null {
    return this.get(name)?.value ?? this.spec.initval;
  }

  /** Why `name`/`value` cannot be stored, or null. */
  refusal(name: string, value: HtValue): Refusal {
    const nb = Buffer.byteLength(name);
    if (nb === 0 || nb > MAX_NAME_BYTES) return `an item name of 1 to ${MAX_NAME_BYTES} bytes, got ${nb} bytes`;
    if (typeof value === 'string' && Buffer.byteLength(value) > MAX_VALUE_BYTES) return `a value of at most ${MAX_VALUE_BYTES} bytes, got ${Buffer.byteLength(value)}`;
    return null;
  }

  /** Room for one more item (expired ones swept first when full), inside an atomic step. */
  private room(): Refusal {
    if (this.cells.size() < this.spec.maxitems) return null;
    this.sweepNow();
    return this.cells.size() < this.spec.maxitems ? null : `room in table ${this.name} (maxitems ${this.spec.maxitems} reached)`;
  }

  /** $sht(t=>k) = v; `expireIn` > 0 sets the item's own expiry (sht_setxs/sht_setxi). */
  set(name: string, value: HtValue, expireIn = 0): Refusal {
    const bad = this.refusal(name, value);
    if (bad) return bad;
    const v = typeof value === 'number' ? value | 0 : value;
    return this.cells.atomic(() => {
      const now = this.now();
      const old = this.cells.get(name);
      const live = old !== null && !this.expired(old, now);
      if (!old) {
        const full = this.room();
        if (full) return full;
      }
      let expire = live && !this.spec.updateexpire ? old.expire : this.freshExpire(now);
      if (expireIn > 0) expire = now + expireIn;
      this.cells.put(name, { value: v, expire });
      return null;
    });
  }

  /** $shtex(t=>k) = n (sht_setex): an existing item's expiry, now + n (0: never); nothing in a table without autoexpire. */
  setExpire(name: string, seconds: number): void {
    if (this.spec.autoexpire <= 0) return;
    this.cells.atomic(() => {
      const c = this.get(name);
      if (c) this.cells.put(name, { value: c.value, expire: seconds > 0 ? this.now() + seconds : 0 });
    });
  }

  /** Seconds until the item expires ($shtex read): 0 for never or absent. */
  expiresIn(name: string): number {
    const c = this.get(name);
    return c && c.expire !== 0 ? Math.max(0, c.expire - this.now()) : 0;
  }

  remove(name: string): boolean {
    return this.cells.delete(name);
  }

  /**
   * $shtinc / $shtdec (ht_cell_value_add): an int item plus delta, stored and returned. A
   * missing item starts at initval and is created only when the table has one; an expired
   * item restarts at initval (or 0). A string item is not changed. Null: nothing done.
   */
  add(name: string, delta: number): number | null {
    if (this.refusal(name, 0)) return null;
    return this.cells.atomic(() => {
      const now = this.now();
      const old = this.cells.get(name);
      if (old && !this.expired(old, now)) {
        if (typeof old.value !== 'number') return null;
        const v = (old.value + delta) | 0;
        this.cells.put(name, { value: v, expire: this.spec.updateexpire ? this.freshExpire(now) : old.expire });
        return v;
      }
      if (old) {
        const v = ((this.spec.initval ?? 0) + delta) | 0;
        this.cells.put(name, { value: v, expire: this.freshExpire(now) });
        return v;
      }
      if (this.spec.initval === null || this.room()) return null;
      const v = (this.spec.initval + delta) | 0;
      this.cells.put(name, { value: v, expire: this.freshExpire(now) });
      return v;
    });
  }

  /** Every visible item, [name, cell]. */
  entries(): Array<[string, Cell]> {
    const now = this.now();
    return this.cells.all().filter(([, c]) => !this.expired(c, now));
  }

  /** How many visible items have a name (or a string value) the matcher takes. */
  count(match: Matcher, by: 'name' | 'value'): number {
    return this.entries().filter(([n, c]) => (by === 'name' ? match(n) : typeof c.value === 'string' && match(c.value))).length;
  }

  /** Whether a visible item matches; "eq" on the name is a direct lookup. */
  has(match: Matcher, by: 'name' | 'value'): boolean {
    return this.entries().some(([n, c]) => (by === 'name' ? match(n) : typeof c.value === 'string' && match(c.value)));
  }

  /** Removes the items whose name (or string value) matches; how many went. */
  removeMatching(match: Matcher, by: 'name' | 'value'): number {
    return this.cells.atomic(() => {
      let n = 0;
      for (const [name, c] of this.cells.all()) {
        const hit = by === 'name' ? match(name) : typeof c.value === 'string' && match(c.value);
        if (hit && this.cells.delete(name)) n++;
      }
      return n;
    });
  }

  reset(): void {
    this.cells.clear();
  }

  /** The expiry sweep (Kamailio's ht_timer): expired items removed; how many. */
  sweep(): number {
    if (this.spec.autoexpire <= 0) return 0;
    return this.cells.atomic(() => this.sweepNow());
  }

  private sweepNow(): number {
    if (this.spec.autoexpire <= 0) return 0;
    const now = this.now();
    let n = 0;
    for (const [name, c] of this.cells.all()) if (this.expired(c, now) && this.cells.delete(name)) n++;
    return n;
  }
}
