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
const byShape = new Map<number, Array<{ lname: string; bytes: Uint8Array }>>();
function shapeKey(len: number, first: number): number {
  return len * 256 + (first | 0x20);
}
for (const full of [...KNOWN, ...Object.keys(COMPACT)]) {
  const lname = full.length === 1 ? COMPACT[full] : full;
  const k = shapeKey(full.length, full.charCodeAt(0));
  const list = byShape.get(k) ?? [];
  list.push({ lname, bytes: Buffer.from(full, 'latin1') });
  byShape.set(k, list);
}

/** The canonical name of buf[start, end) when it is a well-known name (any case), without
 *  allocating; undefined otherwise. */
export function knownNameAt(buf: Buffer, start: number, end: number): string | undefined {
  const list = byShape.get(shapeKey(end - start, buf[start]));
  if (!list) return undefined;
  outer: for (const { lname, bytes } of list) {
    for (let i = 1; i < bytes.length; i++) {
      // |0x20 lower-cases letters and leaves '-' and digits as they are
      if ((buf[start + i] | 0x20) !== bytes[i]) continue outer;
    }
    return lname;
  }
  return undefined;
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
