// Every shared table, made once by createSharedState before any thread opens the database, so
// no worker runs DDL while others write. A later shared table (htable, pike, dialog counters)
// adds its statements here and its prepared statements in a class of its own capability.
export const SHARED_SCHEMA: readonly string[] = [
  // One-time facts of this run ('usrloc-loaded': the location table was filled from the store).
  `CREATE TABLE shared_flags (name TEXT PRIMARY KEY) WITHOUT ROWID`,

  // usrloc's memory layer (host/registrar/location-table.ts): one row per binding, every
  // location table name a script uses; `rec` is the LocationRecord as JSON.
  `CREATE TABLE ul_bindings (
     tbl TEXT NOT NULL, aor TEXT NOT NULL, ruid TEXT NOT NULL,
     expires INTEGER NOT NULL, rec TEXT NOT NULL,
     PRIMARY KEY (tbl, aor, ruid)) WITHOUT ROWID`,
  `CREATE INDEX ul_bindings_expires ON ul_bindings (expires)`,
  // Table names a script has used, so ul.dump lists a table whose bindings all went (as the Map does).
  `CREATE TABLE ul_tables (tbl TEXT PRIMARY KEY) WITHOUT ROWID`,

  // Nonce counts (host/auth/nonce-counts.ts): seq orders entries by first use (the oldest goes first).
  `CREATE TABLE auth_nonce_counts (
     seq INTEGER PRIMARY KEY, nonce TEXT NOT NULL UNIQUE,
     issued INTEGER NOT NULL, nc INTEGER NOT NULL, branch TEXT, used INTEGER NOT NULL)`,
  `CREATE INDEX auth_nonce_counts_issued ON auth_nonce_counts (issued)`,
  // The one row of table-wide state: the floor, the last prune (s) and the entry count (COUNT(*) scans).
  `CREATE TABLE auth_nonce_meta (id INTEGER PRIMARY KEY CHECK (id = 1), floor INTEGER NOT NULL, last_prune INTEGER NOT NULL, size INTEGER NOT NULL)`,
  `INSERT INTO auth_nonce_meta VALUES (1, -1, 0, 0)`,

  // $shv shared values (host/pvx/shared-values.ts): an int (ival) or a string (sval) per name.
  `CREATE TABLE pv_shv (name TEXT PRIMARY KEY, ival INTEGER, sval TEXT) WITHOUT ROWID`,
];
