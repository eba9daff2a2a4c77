// Bencode (the ng control protocol's encoding): strings are raw bytes (latin1 here so any byte
// survives), integers, lists, dictionaries. Decoding reads a peer's bytes: every length, count
// and nesting level is bounded, and a bad input gives an Error saying what and where.
export type BValue = string | number | BValue[] | { [key: string]: BValue };

export const BENCODE_LIMITS = { maxDepth: 32, maxItems: 100_000, maxBytes: 1 << 20 } as const;

export function bencode(v: BValue): Buffer {
  const parts: Buffer[] = [];
  encodeInto(v, parts, 0);
  return Buffer.concat(parts);
}

function encodeInto(v: BValue, out: Buffer[], depth: number): void {
  if (depth > BENCODE_LIMITS.maxDepth) throw new Error(`bencode: nesting deeper than ${BENCODE_LIMITS.maxDepth}`);
  if (typeof v === 'string') {
    const b = Buffer.from(v, 'latin1');
    out.push(Buffer.from(`${b.length}:`, 'latin1'), b);
  } else if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error(`bencode: not an integer: ${v}`);
    out.push(Buffer.from(`i${v}e`, 'latin1'));
  } else if (Array.isArray(v)) {
    out.push(Buffer.from('l'));
    for (const item of v) encodeInto(item, out, depth + 1);
    out.push(Buffer.from('e'));
  } else {
    out.push(Buffer.from('d'));
    // keys sorted as raw byte strings (BEP 3); rtpengine accepts any order but sorted is canonical
    for (const key of Object.keys(v).sort()) {
      encodeInto(key, out, depth + 1);
      encodeInto(v[key]!, out, depth + 1);
    }
    out.push(Buffer.from('e'));
  }
}

/** Decodes exactly one value filling `buf` (trailing bytes are an error). */
export function bdecode(buf: Buffer): BValue {
  if (buf.length > BENCODE_LIMITS.maxBytes) throw new Error(`bdecode: ${buf.length} bytes, at most ${BENCODE_LIMITS.maxBytes}`);
  const st = { pos: 0, items: 0 };
  const v = decodeAt(buf, st, 0);
  if (st.pos !== buf.length) throw new Error(`bdecode: ${buf.length - st.pos} trailing bytes at offset ${st.pos}`);
  return v;
}

function decodeAt(buf: Buffer, st: { pos: number; items: number }, depth: number): BValue {
  if (depth > BENCODE_LIMITS.maxDepth) throw new Error(`bdecode: nesting deeper than ${BENCODE_LIMITS.maxDepth} at offset ${st.pos}`);
  if (++st.items > BENCODE_LIMITS.maxItems) throw new Error(`bdecode: more than ${BENCODE_LIMITS.maxItems} items`);
  if (st.pos >= buf.length) throw new Error(`bdecode: truncated at offset ${st.pos}`);
  const c = buf[st.pos]!;
  if (c === 0x69 /* i */) {
    const end = buf.indexOf(0x65, st.pos + 1);
    if (end < 0 || end - st.pos > 21) throw new Error(`bdecode: unterminated integer at offset ${st.pos}`);
    const text = buf.toString('latin1', st.pos + 1, end);
    if (!/^-?\d+$/.test(text)) throw new Error(`bdecode: bad integer "${text}" at offset ${st.pos}`);
    st.pos = end + 1;
    return Number(text);
  }
  if (c === 0x6c /* l */) {
    st.pos++;
    const list: BValue[] = [];
    while (buf[st.pos] !== 0x65) {
      if (st.pos >= buf.length) throw new Error(`bdecode: truncated list at offset ${st.pos}`);
      list.push(decodeAt(buf, st, depth + 1));
    }
    st.pos++;
    return list;
  }
  if (c === 0x64 /* d */) {
    st.pos++;
    const dict: { [key: string]: BValue } = Object.create(null);
    while (buf[st.pos] !== 0x65) {
      if (st.pos >= buf.length) throw new Error(`bdecode: truncated dictionary at offset ${st.pos}`);
      const key = decodeAt(buf, st, depth + 1);
      if (typeof key !== 'string') throw new Error(`bdecode: dictionary key is not a string at offset ${st.pos}`);
      dict[key] = decodeAt(buf, st, depth + 1);
    }
    st.pos++;
    return dict;
  }
  if (c >= 0x30 && c <= 0x39) {
    const colon = buf.indexOf(0x3a, st.pos);
    if (colon < 0 || colon - st.pos > 8) throw new Error(`bdecode: bad string length at offset ${st.pos}`);
    const lenText = buf.toString('latin1', st.pos, colon);
    if (!/^\d+$/.test(lenText)) throw new Error(`bdecode: bad string length "${lenText}" at offset ${st.pos}`);
    const len = Number(lenText);
    if (colon + 1 + len > buf.length) throw new Error(`bdecode: string of ${len} bytes at offset ${st.pos} runs past the end (${buf.length})`);
    st.pos = colon + 1 + len;
    return buf.toString('latin1', colon + 1, colon + 1 + len);
  }
  throw new Error(`bdecode: unexpected byte 0x${c.toString(16)} at offset ${st.pos}`);
}

/** A dictionary's string member, or null. */
export function dictStr(d: BValue, key: string): string | null {
  if (typeof d !== 'object' || Array.isArray(d)) return null;
  const v = d[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
