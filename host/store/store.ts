// The storage contract: what the registrar, usrloc and auth need from a database, behind one
// interface with three drivers (SQLite embedded, Redis and PostgreSQL for several nodes).
//
// KSR functions run synchronously inside a route (as Kamailio's do, blocking their worker),
// so the calls a route makes are synchronous here too: SQLite natively (better-sqlite3);
// Redis and PostgreSQL through a worker thread that the calling thread waits on
// (Atomics.wait) for at most `timeoutMs`. A database that is gone makes these calls throw
// StoreUnavailable quickly (a breaker fails fast for a while after a failure), which the
// route turns into a 500; the server never stops for it.
//
// Tables follow Kamailio's schemas (`subscriber` version 7, `location` version 9), so an
// existing Kamailio database works; the schema is created on start when missing.

import type { TableLayout, TableRow } from './module-tables.js';
import type { KvAddOptions, KvEntry, KvValue } from './kv.js';

/** A row of Kamailio's `subscriber` table. */
export interface Subscriber {
  username: string;
  domain: string;
  /** Plain password; '' when only the hashes are kept. */
  password: string;
  /** MD5(username:realm:password), realm = domain. */
  ha1: string;
  /** MD5(username@domain:realm:password). */
  ha1b: string;
}

/** A row of Kamailio's `location` table (times in seconds since the epoch; 0 = none). */
export interface LocationRecord {
  /** Unique id of the record (Kamailio's ruid). */
  ruid: string;
  username: string;
  /** '' unless usrloc runs with domains (use_domain). */
  domain: string;
  contact: string;
  /** Source address the REGISTER came from when NATed ("sip:IP:PORT;transport=X"), else ''. */
  received: string;
  /** Path header value (RFC 3327), '' when none. */
  path: string;
  /** Absolute expiry time, seconds. */
  expires: number;
  /** q value 0..1; -1 when not given (Kamailio's Q_UNSPECIFIED). */
  q: number;
  callid: string;
  cseq: number;
  /** Seconds. */
  lastModified: number;
  flags: number;
  cflags: number;
  userAgent: string;
  /** Local socket the REGISTER came in on, "udp:127.0.0.1:5060". */
  socket: string;
  /** Bitmask of allowed methods, -1 when unknown. */
  methods: number;
  /** +sip.instance (RFC 5626), '' when none. */
  instance: string;
  /** reg-id (RFC 5626), 0 when none. */
  regId: number;
  /** Which node wrote it (Kamailio's server_id). */
  serverId: number;
  /** TCP connection id, -1 when none. */
  connectionId: number;
  keepalive: number;
  partition: number;
}

/** The key of an address of record. */
export interface Aor {
  username: string;
  domain: string;
}

export class StoreUnavailable extends Error {
  /** Store operations of this thread that failed (error, timeout, breaker open), for /metrics:
   *  counted where the failure is made, so an operation that succeeds costs nothing more. */
  static failures = 0;

  constructor(
    readonly store: string,
    message: string,
  ) {
    super(`${store}: ${message}`);
    this.name = 'StoreUnavailable';
    StoreUnavailable.failures++;
  }
}

/** What routes call, synchronously. Every method may throw StoreUnavailable. */
export interface SyncStore {
  /** 'sqlite' | 'redis' | 'postgres'. */
  readonly kind: string;
  /** The URL it was opened with, password masked. */
  readonly description: string;

  subscriber(username: string, domain: string): Subscriber | null;
  /**
   * Optional, for the authentication of every request: the subscriber's plain password alone
   * (one column, no row object). A string when it has one; null when its password is empty
   * (read `subscriber` for the HA1 columns); undefined when there is no such subscriber.
   */
  subscriberPassword?(username: string, domain: string): string | null | undefined;

  /** Records of one AoR, in no particular order. */
  locations(aor: Aor): LocationRecord[];
  /** Inserts or replaces the record with the same ruid. */
  putLocation(rec: LocationRecord): void;
  deleteLocation(ruid: string): void;
  /** Removes every record of the AoR; how many went. */
  deleteAor(aor: Aor): number;
  /** Removes and returns the records whose expires <= nowS (for the expiry timer and its events). */
  takeExpired(nowS: number): LocationRecord[];
  /** Every record (ul.dump; loading memory at start); at most `limit`. */
  allLocations(limit?: number): LocationRecord[];

  /**
   * The modules' tables (module-tables.ts: address, trusted, dispatcher, htable's, acc,
   * uacreg), created when missing at their first use. Every row, in id order, at most `limit`;
   * each row has `id` and every column of the layout.
   */
  tableRows(table: TableLayout, limit?: number): TableRow[];
  /** Adds a row; columns left out take their defaults. */
  insertRow(table: TableLayout, row: TableRow): void;
  /** Removes the rows whose columns equal every value of `where` (all rows for {}); how many went. */
  deleteRows(table: TableLayout, where: TableRow): number;

  /**
   * Keyed value spaces shared by every node (kv.ts: types, expiry, bounds). `nowS` is the
   * caller's now in epoch seconds (default the node's clock): an entry whose expires (not 0)
   * is below it reads as absent. Arguments out of kv.ts's bounds throw an Error (not
   * StoreUnavailable).
   */
  kvGet(space: string, key: string, nowS?: number): KvEntry | null;
  /** Stores the value (an int or a string) with its expiry (epoch seconds, 0 never). */
  kvSet(space: string, key: string, value: KvValue, expires: number, nowS?: number): void;
  /**
   * Atomically adds delta (32-bit wrap) to a live int entry and returns the new value; an
   * absent (or expired) entry becomes initial + delta when initial is not null, else null;
   * a live string entry is left alone: null.
   */
  kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts?: KvAddOptions, nowS?: number): number | null;
  /** Removes the entry; whether there was one. */
  kvDelete(space: string, key: string): boolean;
  /** The space's live entries, by key, at most `limit`. */
  kvScan(space: string, limit: number, nowS?: number): KvEntry[];
  /** How many live entries the space holds (Redis: may count ones its TTL removed until a scan). */
  kvCount(space: string, nowS?: number): number;
  /** Removes every entry of the space; how many went. */
  kvClear(space: string): number;
  /** Removes the expired entries (SQL keeps them until then; Redis has none); how many went. */
  kvPurge(space: string, nowS?: number): number;

  /** A cheap round trip that throws StoreUnavailable when the database is gone. */
  ping(): void;
  close(): Promise<void>;
}

/** Subscriber administration (the `ksr-host user` commands); asynchronous, not for routes. */
export interface SubscriberAdmin {
  addSubscriber(username: string, domain: string, password: string): Promise<void>;
  /** Adds many at once, in one transaction where the database has them; returns how many. */
  importSubscribers(rows: Array<{ username: string; domain: string; password: string }>): Promise<number>;
  setPassword(username: string, domain: string, password: string): Promise<boolean>;
  removeSubscriber(username: string, domain: string): Promise<boolean>;
  listSubscribers(): Promise<Array<{ username: string; domain: string }>>;
}

export type Store = SyncStore & SubscriberAdmin;

export interface StoreOptions {
  /** How long a synchronous call waits for Redis or PostgreSQL (default 500 ms). */
  timeoutMs?: number;
  /** This node's id, written as server_id. */
  serverId?: number;
}
