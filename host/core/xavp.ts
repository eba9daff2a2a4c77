// Extended AVPs (Kamailio's xavp.c): per-message lists of named values, a value being a
// string, an int, or a nested list (children: $xavp(a=>b)). Three roots, as in Kamailio:
// xavp (names exact), xavu (unique: one item per name, a set replaces it) and xavi (names
// case-insensitive). A list keeps every name's items in one chain, newest first, so item
// [0] of a name is the last one added and printing/imploding follows Kamailio's order.
//
// Bounds: a script must not grow a message's memory without end. A store counts every entry
// (nested ones too) and the bytes of its names and string values; past XAVP_MAX_ENTRIES,
// XAVP_MAX_PER_NAME items of one name in one list, or XAVP_MAX_BYTES, an add is refused
// (null/false) and the caller logs and answers Kamailio's failure code.
//
// Kamailio moves the xavps into the transaction when it is created and every later route of
// it (branch, failure, onreply) works on that one list: tm's copies of a context share the
// store (context-copy.ts), they do not copy it.
import type { MsgContext } from './context.js';

/** Entries (at every depth) one message may hold. */
export const XAVP_MAX_ENTRIES = 1024;
/** Items of one name in one list (a root or a child list). */
export const XAVP_MAX_PER_NAME = 256;
/** Bytes of names and string values one message may hold (UTF-16 units, a close bound). */
export const XAVP_MAX_BYTES = 1024 * 1024;

export type XavpScalar = string | number;
/** null is Kamailio's SR_XTYPE_NULL (a name with no value). */
export type XavpValue = XavpScalar | XavpList | null;

export interface XavpEntry {
  readonly name: string;
  value: XavpValue;
}

/** What the entries of one store may still use; shared by the store's lists. */
class XavpBudget {
  entries = 0;
  bytes = 0;
}

function costOf(name: string, value: XavpValue): { entries: number; bytes: number } {
  let entries = 1;
  let bytes = name.length + (typeof value === 'string' ? value.length : 0);
  if (value instanceof XavpList) {
    for (const e of value.entries) {
      const c = costOf(e.name, e.value);
      entries += c.entries;
      bytes += c.bytes;
    }
  }
  return { entries, bytes };
}

/** One chain of named entries, newest first (a root, or the value of an entry). */
export class XavpList {
  readonly entries: XavpEntry[] = [];

  constructor(
    /** xavi: names compare case-insensitively. */
    readonly caseless: boolean,
    private readonly budget: XavpBudget,
  ) {}

  /** As JSON: the entries, without the store's counters. */
  toJSON(): unknown {
    return this.entries;
  }

  /** An empty list for a child value, counted in this list's store. */
  newChild(): XavpList {
    return new XavpList(this.caseless, this.budget);
  }

  sameName(a: string, b: string): boolean {
    return a === b || (this.caseless && a.toLowerCase() === b.toLowerCase());
  }

  /** Every item of name, newest first. */
  all(name: string): XavpEntry[] {
    return this.entries.filter((e) => this.sameName(e.name, name));
  }

  count(name: string): number {
    let n = 0;
    for (const e of this.entries) if (this.sameName(e.name, name)) n++;
    return n;
  }

  /** Item idx of name: 0 the newest, negative from the oldest (-1 the oldest), as $xavp(a[-1]). */
  get(name: string, idx = 0): XavpEntry | null {
    const items = this.all(name);
    const i = idx < 0 ? items.length + idx : idx;
    return i >= 0 && i < items.length ? items[i]! : null;
  }

  /** Distinct names, in the order of their newest item. */
  names(): string[] {
    const out: string[] = [];
    for (const e of this.entries) if (!out.some((n) => this.sameName(n, e.name))) out.push(e.name);
    return out;
  }

  private admits(name: string, value: XavpValue, freed = { entries: 0, bytes: 0 }, perName = true): boolean {
    const c = costOf(name, value);
    if (perName && this.count(name) >= XAVP_MAX_PER_NAME) return false;
    return this.budget.entries - freed.entries + c.entries <= XAVP_MAX_ENTRIES && this.budget.bytes - freed.bytes + c.bytes <= XAVP_MAX_BYTES;
  }

  private charge(name: string, value: XavpValue, sign: 1 | -1): void {
    const c = costOf(name, value);
    this.budget.entries += sign * c.entries;
    this.budget.bytes += sign * c.bytes;
  }

  /** Adds a new newest item of name (xavp_add_value); null when a bound refuses it. */
  add(name: string, value: XavpValue): XavpEntry | null {
    if (!this.admits(name, value)) return null;
    const e: XavpEntry = { name, value };
    this.charge(name, value, 1);
    this.entries.unshift(e);
    return e;
  }

  /** Adds an item of name after every other item (xavp_add_last: it becomes the oldest). */
  addLast(name: string, value: XavpValue): XavpEntry | null {
    if (!this.admits(name, value)) return null;
    const e: XavpEntry = { name, value };
    this.charge(name, value, 1);
    this.entries.push(e);
    return e;
  }

  /** Replaces the value of item idx of name (xavp_set_value); false when there is none or a bound refuses. */
  set(name: string, idx: number, value: XavpValue): boolean {
    const e = this.get(name, idx);
    if (e === null) return false;
    return this.replaceValue(e, value);
  }

  /** Replaces an entry's value, within the bounds. */
  replaceValue(e: XavpEntry, value: XavpValue): boolean {
    if (!this.admits(e.name, value, costOf(e.name, e.value), false)) return false;
    this.charge(e.name, e.value, -1);
    e.value = value;
    this.charge(e.name, value, 1);
    return true;
  }

  /** xavu: the one item of name gets value (others of that name removed), or a new one is added. */
  setUnique(name: string, value: XavpValue): XavpEntry | null {
    const first = this.get(name, 0);
    if (first === null) return this.add(name, value);
    if (!this.replaceValue(first, value)) return null;
    for (const e of this.all(name).slice(1)) this.removeEntry(e);
    return first;
  }

  /** Removes one entry (with its children). */
  removeEntry(e: XavpEntry): void {
    const i = this.entries.indexOf(e);
    if (i < 0) return;
    this.entries.splice(i, 1);
    this.charge(e.name, e.value, -1);
  }

  /** Removes item idx of name; false when there is none. */
  remove(name: string, idx = 0): boolean {
    const e = this.get(name, idx);
    if (e === null) return false;
    this.removeEntry(e);
    return true;
  }

  /** Removes every item of name; how many went. */
  removeAll(name: string): number {
    const items = this.all(name);
    for (const e of items) this.removeEntry(e);
    return items.length;
  }

  /** Removes everything. */
  clear(): void {
    for (const e of this.entries.slice()) this.removeEntry(e);
  }

  /**
   * A deep copy of a value for this list's store, not yet counted: adding it (add, addLast,
   * replaceValue) counts it whole. (A child list filled before it is attached would be counted
   * twice: attach an empty one, then add into it.)
   */
  cloneValue(value: XavpValue): XavpValue {
    if (!(value instanceof XavpList)) return value;
    const out = this.newChild();
    for (const e of value.entries) out.entries.push({ name: e.name, value: out.cloneValue(e.value) });
    return out;
  }
}

/** The three roots of one message. */
export class XavpStore {
  private readonly budget = new XavpBudget();
  readonly xavp = new XavpList(false, this.budget);
  readonly xavu = new XavpList(false, this.budget);
  readonly xavi = new XavpList(true, this.budget);

  /** As JSON (context snapshots, logs): null while empty, so a store made and not used shows as none. */
  toJSON(): unknown {
    if (this.budget.entries === 0) return null;
    return { xavp: this.xavp, xavu: this.xavu, xavi: this.xavi };
  }

  /** Entries and bytes in use (for tests and stats). */
  usage(): { entries: number; bytes: number } {
    return { entries: this.budget.entries, bytes: this.budget.bytes };
  }
}

export type XavpKind = 'xavp' | 'xavu' | 'xavi';

/** ctx's store, made on first use. */
export function xavpsOf(ctx: MsgContext): XavpStore {
  ctx.xavps ??= new XavpStore();
  return ctx.xavps;
}

/** One root of ctx: xavp, xavu or xavi. */
export function xavpRoot(ctx: MsgContext, kind: XavpKind): XavpList {
  return xavpsOf(ctx)[kind];
}

/** The copy tm makes of a context works on the same store (Kamailio's transaction keeps one list). */
export function shareXavps(src: MsgContext, copy: MsgContext): void {
  copy.xavps = xavpsOf(src);
}
