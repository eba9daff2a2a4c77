// LocationRecord/Subscriber ↔ Kamailio table rows, shared by the three drivers. Rows carry
// times as seconds since the epoch; each driver converts to and from its DATETIME.
import { createHash } from 'node:crypto';
import type { LocationRecord, Subscriber } from './store.js';
import { LOCATION_COLUMNS } from './kamailio-schema.js';

export type LocationColumn = (typeof LOCATION_COLUMNS)[number];
export type LocationRow = Record<LocationColumn, string | number | null>;

/** A record as column values (nullable columns get NULL for "none", as Kamailio writes them). */
export function locationToRow(r: LocationRecord): LocationRow {
  return {
    ruid: r.ruid,
    username: r.username,
    domain: r.domain === '' ? null : r.domain,
    contact: r.contact,
    received: r.received === '' ? null : r.received,
    path: r.path === '' ? null : r.path,
    expires: Math.trunc(r.expires),
    q: r.q,
    callid: r.callid,
    cseq: Math.trunc(r.cseq),
    last_modified: Math.trunc(r.lastModified),
    flags: r.flags,
    cflags: r.cflags,
    user_agent: r.userAgent,
    socket: r.socket === '' ? null : r.socket,
    methods: r.methods === -1 ? null : r.methods,
    instance: r.instance === '' ? null : r.instance,
    reg_id: r.regId,
    server_id: r.serverId,
    connection_id: r.connectionId,
    keepalive: r.keepalive,
    partition: r.partition,
  };
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown, none: number): number => (v === null || v === undefined || v === '' ? none : Number(v));

/** A row read back (any driver: numbers may come as strings, NULLs as null or missing). */
export function locationFromRow(row: Record<string, unknown>): LocationRecord {
  return {
    ruid: str(row.ruid),
    username: str(row.username),
    domain: str(row.domain),
    contact: str(row.contact),
    received: str(row.received),
    path: str(row.path),
    expires: num(row.expires, 0),
    q: num(row.q, -1),
    callid: str(row.callid),
    cseq: num(row.cseq, 0),
    lastModified: num(row.last_modified, 0),
    flags: num(row.flags, 0),
    cflags: num(row.cflags, 0),
    userAgent: str(row.user_agent),
    socket: str(row.socket),
    methods: num(row.methods, -1),
    instance: str(row.instance),
    regId: num(row.reg_id, 0),
    serverId: num(row.server_id, 0),
    connectionId: num(row.connection_id, -1),
    keepalive: num(row.keepalive, 0),
    partition: num(row.partition, 0),
  };
}

export function subscriberFromRow(row: Record<string, unknown>): Subscriber {
  return { username: str(row.username), domain: str(row.domain), password: str(row.password), ha1: str(row.ha1), ha1b: str(row.ha1b) };
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

/** Kamailio's ha1/ha1b for a subscriber whose realm is its domain (what kamctl add writes). */
export function subscriberRow(username: string, domain: string, password: string): Subscriber {
  return {
    username,
    domain,
    password,
    ha1: md5(`${username}:${domain}:${password}`),
    ha1b: md5(`${username}@${domain}:${domain}:${password}`),
  };
}

/** Checks a user name and domain before they reach a table; errors name what was wrong. */
export function checkAccount(username: string, domain: string): void {
  if (!username || /[\s@:]/.test(username)) throw new Error(`user name '${username}': expected a non-empty name without spaces, '@' or ':'`);
  if (!domain || /\s/.test(domain)) throw new Error(`domain '${domain}': expected a non-empty domain without spaces`);
}
