// Lumps: pending edits of a message, anchored at byte offsets of the ORIGINAL buffer
// (Kamailio's model). Nothing is edited until apply(); reads keep seeing the received
// message. Invariants:
//  - offsets always refer to the buffer the message was parsed from, never to an edited copy;
//  - inserts at one offset come out in call order;
//  - deleted ranges may overlap; they are merged, and an insert anchored inside a deleted
//    range is still emitted (where the range was), so "replace" = delete + insert works even
//    when two replaces hit the same bytes.

interface Insert {
  offset: number;
  /** Text stays text until apply(): most requests' edits (Max-Forwards) are never applied
   *  (a REGISTER answered here), so no Buffer is made for them. */
  data: Buffer | string;
}

interface Range {
  start: number;
  end: number;
}

function toBuffer(text: string | Buffer): Buffer {
  return typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
}

function checkOffset(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Lumps.${what}: expected a byte offset >= 0, got ${n}`);
}

export class Lumps {
  private inserts: Insert[] = [];
  private deletes: Range[] = [];

  insert(offset: number, text: string | Buffer): void {
    checkOffset('insert', offset);
    this.inserts.push({ offset, data: text });
  }

  /**
   * An insert whose text may be changed later through the handle (a body a script sets several
   * times: one lump re-rendered, never two bodies). Clones share it.
   */
  insertSlot(offset: number, text: string | Buffer): { set(text: string | Buffer): void } {
    checkOffset('insert', offset);
    const ins: Insert = { offset, data: text };
    this.inserts.push(ins);
    return { set: (t: string | Buffer) => void (ins.data = t) };
  }

  delete(start: number, end: number): void {
    checkOffset('delete', start);
    checkOffset('delete', end);
    if (end < start) throw new RangeError(`Lumps.delete: expected start <= end, got ${start} > ${end}`);
    if (end > start) this.deletes.push({ start, end });
  }

  replace(start: number, end: number, text: string | Buffer): void {
    this.delete(start, end);
    this.insert(start, text);
  }

  get size(): number {
    return this.inserts.length + this.deletes.length;
  }

  clear(): void {
    this.inserts = [];
    this.deletes = [];
  }

  /** A copy holding the same edits (the builder adds its own without touching the caller's). */
  clone(): Lumps {
    const c = new Lumps();
    c.inserts = this.inserts.slice();
    c.deletes = this.deletes.slice();
    return c;
  }

  /** Adds other's edits after this one's (inserts at a shared offset: ours first). */
  append(other: Lumps): void {
    for (const i of other.inserts) this.inserts.push(i);
    for (const d of other.deletes) this.deletes.push(d);
  }

  /** True when the deletes, merged, cover every byte of [start, end). */
  deletesAll(start: number, end: number): boolean {
    let at = start;
    for (const d of mergeRanges(this.deletes, start, end)) {
      if (d.start > at) return false;
      at = Math.max(at, d.end);
    }
    return at >= end;
  }

  /** True when some delete covers any byte of [start, end). */
  deletesWithin(start: number, end: number): boolean {
    return this.deletes.some((d) => d.start < end && d.end > start);
  }

  /** True when an edit is anchored in [start, end) (deletes: any overlap). */
  touches(start: number, end: number): boolean {
    return this.deletesWithin(start, end) || this.inserts.some((i) => i.offset >= start && i.offset < end);
  }

  apply(buf: Buffer): Buffer {
    return this.applyRange(buf, 0, buf.length, true);
  }

  /** Applies the edits that fall in [from, to) of buf to that slice only. Inserts at `to` or
   *  beyond are included only when `includeEnd` (the last range of a buffer). */
  applyRange(buf: Buffer, from: number, to: number, includeEnd: boolean): Buffer {
    const lastRange = includeEnd;
    to = Math.min(to, buf.length);
    from = Math.max(0, Math.min(from, to));
    const ins = this.inserts
      .map((x, seq) => ({ x, seq }))
      .filter(({ x }) => x.offset >= from && (x.offset < to || (lastRange && x.offset >= to)))
      .sort((a, b) => a.x.offset - b.x.offset || a.seq - b.seq)
      .map(({ x }) => ({ offset: Math.min(x.offset, to), data: x.data }));
    const dels = mergeRanges(this.deletes, from, to);
    if (ins.length === 0 && dels.length === 0) return buf.subarray(from, to);

    const parts: Buffer[] = [];
    let cursor = from;
    let i = 0;
    let d = 0;
    while (i < ins.length || d < dels.length) {
      const nextIns = i < ins.length ? ins[i].offset : Infinity;
      const nextDel = d < dels.length ? dels[d].start : Infinity;
      if (nextIns <= nextDel) {
        // an insert inside an already skipped range lands where the range was
        if (nextIns > cursor) parts.push(buf.subarray(cursor, nextIns));
        cursor = Math.max(cursor, nextIns);
        parts.push(toBuffer(ins[i++].data));
      } else {
        if (nextDel > cursor) parts.push(buf.subarray(cursor, nextDel));
        cursor = Math.max(cursor, dels[d++].end);
      }
    }
    if (cursor < to) parts.push(buf.subarray(cursor, to));
    return Buffer.concat(parts);
  }
}

/** Sorted, non-overlapping deletes clipped to [from, to). */
function mergeRanges(ranges: Range[], from: number, to: number): Range[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(r.start, from), end: Math.min(r.end, to) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of clipped) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
