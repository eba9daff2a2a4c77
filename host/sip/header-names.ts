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
