// Header names: compact forms (RFC 3261 §7.3.3, RFC 3265, 3515, 3841, 3892, 4028, 4474)
// mapped to canonical lower-case full names, and the conventional spelling used when we
// write a header ourselves.

const COMPACT: Record<string, string> = {
  i: 'call-id',
  f: 'from',
  t: 'to',
  v: 'via',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
  s: 'subject',
  e: 'content-encoding',
  o: 'event',
  u: 'allow-events',
  r: 'refer-to',
  b: 'referred-by',
  x: 'session-expires',
  a: 'accept-contact',
  j: 'reject-contact',
  d: 'request-disposition',
  y: 'identity',
  n: 'identity-info',
};

const SPELLING: Record<string, string> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  'www-authenticate': 'WWW-Authenticate',
  'mime-version': 'MIME-Version',
  'rack': 'RAck',
  'rseq': 'RSeq',
  'p-asserted-identity': 'P-Asserted-Identity',
};

// Names seen on the wire repeat endlessly; caching their canonical form saves a
// toLowerCase per header. Bounded so hostile traffic cannot grow it without end.
const cache = new Map<string, string>();
const CACHE_MAX = 4096;

/** 'v' -> 'via', 'VIA' -> 'via', 'X-Foo' -> 'x-foo'. */
export function canonicalName(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const lower = name.toLowerCase();
  const full = lower.length === 1 ? (COMPACT[lower] ?? lower) : lower;
  if (cache.size < CACHE_MAX && name.length <= 64) cache.set(name, full);
  return full;
}

// Names common enough to be recognised straight from the bytes, without making a string.
const KNOWN = [
  'via', 'from', 'to', 'call-id', 'cseq', 'contact', 'max-forwards', 'content-length', 'content-type',
  'route', 'record-route', 'expires', 'authorization', 'proxy-authorization', 'www-authenticate',
  'proxy-authenticate', 'user-agent', 'server', 'allow', 'supported', 'require', 'proxy-require',
  'accept', 'event', 'subject', 'path', 'min-expires', 'session-expires', 'allow-events', 'date',
  'p-asserted-identity', 'privacy', 'refer-to', 'referred-by', 'content-encoding', 'unsupported',
];
/** A known name as the scanner finds it: its canonical name and a small number of its own
 *  (the same for a name and its compact form), for tables indexed by header. */
export interface KnownHeader {
  lname: string;
  slot: number;
}
interface KnownSpelling extends KnownHeader {
  bytes: Uint8Array;
}

/** One step of the hash of a header name, lower-cased (|0x20 lower-cases letters and leaves
 *  '-' and digits as they are): the scanner computes it while it reads the name's bytes. */
export function nameHashStep(hash: number, byte: number): number {
  return (hash * 31 + (byte | 0x20)) & 0xffff;
}
const HASH_SLOTS = 1024;
const byHash: (KnownSpelling[] | undefined)[] = new Array(HASH_SLOTS).fill(undefined);
const slots = new Map<string, number>();
for (const full of [...KNOWN, ...Object.keys(COMPACT)]) {
  const lname = full.length === 1 ? COMPACT[full]! : full;
  let slot = slots.get(lname);
  if (slot === undefined) slots.set(lname, (slot = slots.size));
  let h = 0;
  for (let i = 0; i < full.length; i++) h = nameHashStep(h, full.charCodeAt(i));
  (byHash[h & (HASH_SLOTS - 1)] ??= []).push({ lname, slot, bytes: Buffer.from(full, 'latin1') });
}

/** How many slots known names have (KnownHeader.slot is below it). */
export const KNOWN_SLOTS = slots.size;

/** The slot of a canonical name the scanner knows; -1 for others. */
export function knownSlot(lname: string): number {
  return slots.get(lname) ?? -1;
}

/** The known name written at buf[start, end) (any case), whose nameHashStep hash is `hash`,
 *  without allocating; undefined for another name. */
export function knownHeaderAt(buf: Buffer, start: number, end: number, hash: number): KnownHeader | undefined {
  const list = byHash[hash & (HASH_SLOTS - 1)];
  if (list === undefined) return undefined;
  const len = end - start;
  outer: for (let k = 0; k < list.length; k++) {
    const known = list[k]!;
    const bytes = known.bytes;
    if (bytes.length !== len) continue;
    for (let i = 0; i < len; i++) if ((buf[start + i]! | 0x20) !== bytes[i]) continue outer;
    return known;
  }
  return undefined;
}

/** The canonical name of buf[start, end) when it is a well-known name (any case), without
 *  allocating; undefined otherwise. */
export function knownNameAt(buf: Buffer, start: number, end: number): string | undefined {
  let h = 0;
  for (let i = start; i < end; i++) h = nameHashStep(h, buf[i]!);
  return knownHeaderAt(buf, start, end, h)?.lname;
}

/** The compact form of a canonical name, if it has one. */
export function compactForm(lname: string): string | undefined {
  for (const [k, v] of Object.entries(COMPACT)) if (v === lname) return k;
  return undefined;
}

/** How we spell a header we write: 'call-id' -> 'Call-ID', 'max-forwards' -> 'Max-Forwards'. */
export function displayName(lname: string): string {
  const full = canonicalName(lname);
  return SPELLING[full] ?? full.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
}
