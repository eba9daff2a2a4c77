// Every shared table, made once by createSharedState before any thread opens the database, so
// no worker runs DDL while others write. A later shared table (htable, pike, dialog counters)
// adds its statements here and its prepared statements in a class of its own capability.
export const SHARED_SCHEMA: readonly string[] = [
  // One-time facts of this run (htable: a table was loaded from the store; htable-state.ts).
  `CREATE TABLE shared_flags (name TEXT PRIMARY KEY) WITHOUT ROWID`,

  // $shv shared values (host/pvx/shared-values.ts): an int (ival) or a string (sval) per name.
  `CREATE TABLE pv_shv (name TEXT PRIMARY KEY, ival INTEGER, sval TEXT) WITHOUT ROWID`,

  // dispatcher (host/dispatcher/state-table.ts): destination states (uri lower-cased), the
  // rotating counters per set (round robin, weights; setid -1: the probing switch), call loads.
  `CREATE TABLE ds_state (setid INTEGER NOT NULL, uri TEXT NOT NULL, flags INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (setid, uri)) WITHOUT ROWID`,
  `CREATE TABLE ds_counters (setid INTEGER NOT NULL, kind TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (setid, kind)) WITHOUT ROWID`,
  `CREATE TABLE ds_load (callid TEXT PRIMARY KEY, setid INTEGER NOT NULL, duid TEXT NOT NULL, state INTEGER NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID`,

  // htable items (host/htable/shared-cell-store.ts): an int (ival) or a string (sval) per
  // (table, name); expire in epoch seconds, 0 never.
  `CREATE TABLE htable_cells (tbl TEXT NOT NULL, name TEXT NOT NULL, ival INTEGER, sval TEXT, expire INTEGER NOT NULL, PRIMARY KEY (tbl, name)) WITHOUT ROWID`,

  // pike (host/pike/pike-table.ts): request counts per source address (win: the window of
  // curr; last_seen ms), and the row count (bounded by max_entries; COUNT(*) scans).
  `CREATE TABLE pike_ips (ip TEXT PRIMARY KEY, win INTEGER NOT NULL, prev INTEGER NOT NULL, curr INTEGER NOT NULL, red INTEGER NOT NULL, last_seen INTEGER NOT NULL) WITHOUT ROWID`,
  `CREATE INDEX pike_ips_last_seen ON pike_ips (last_seen)`,
  `CREATE TABLE pike_meta (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL)`,
  `INSERT INTO pike_meta VALUES (1, 0)`,

  // uac remote registrations (host/uac/shared-reg-state.ts): the state flags of each record
  // (Kamailio's UAC_REG_* bits), written by the thread that registers, read by every worker.
  `CREATE TABLE uac_reg_state (l_uuid TEXT PRIMARY KEY, state INTEGER NOT NULL, timer_expires INTEGER NOT NULL, last_register INTEGER NOT NULL) WITHOUT ROWID`,
];

/**
 * Tables kept in shared memory instead: written on every message, where a SQLite write
 * transaction costs too much. Fixed-size entries in a SharedFifoTable (shared-fifo-table.ts);
 * usrloc's bindings, of any size, in a SharedStringMap (shared-string-map.ts, sized by
 * usrloc.shared_memory_mb). Their limits are the caller's (createSharedState).
 */
export const SHARED_MEMORY_TABLES = {
  // nonce counts (host/auth/shared-nonce-counts.ts): issued, nc, branch, used per nonce; the
  // floor starts at -1 (nothing forgotten), the last prune at 0
  nonceCounts: { fields: 4, aux: [-1, 0] },
} as const;
