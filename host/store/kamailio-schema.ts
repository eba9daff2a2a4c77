// Kamailio's `version`, `subscriber` (version 7) and `location` (version 9) tables, in the
// SQL dialects we speak. Column names and defaults are Kamailio's so that an existing Kamailio
// database is used as it is and a database we create can be read by Kamailio.
//
// Times: Kamailio keeps `expires` and `last_modified` as DATETIME. We write them in UTC
// ('YYYY-MM-DD HH:MM:SS'); Kamailio writes local time, so run both on UTC when they share a
// database. An expires of 0 (a permanent contact) is written as 1970-01-01 00:00:00.

export type Dialect = 'sqlite' | 'postgres';

export const TABLE_VERSIONS = { subscriber: 7, location: 9 } as const;

/** The location columns in the order rows.ts reads and writes them. */
export const LOCATION_COLUMNS = [
  'ruid', 'username', 'domain', 'contact', 'received', 'path', 'expires', 'q', 'callid', 'cseq',
  'last_modified', 'flags', 'cflags', 'user_agent', 'socket', 'methods', 'instance', 'reg_id',
  'server_id', 'connection_id', 'keepalive', 'partition',
] as const;

export function schemaStatements(dialect: Dialect): string[] {
  const id = dialect === 'sqlite' ? 'id INTEGER PRIMARY KEY NOT NULL' : 'id SERIAL PRIMARY KEY NOT NULL';
  const ts = dialect === 'sqlite' ? 'TIMESTAMP' : 'TIMESTAMP WITHOUT TIME ZONE';
  return [
    `CREATE TABLE IF NOT EXISTS version (
      ${id},
      table_name VARCHAR(32) NOT NULL,
      table_version INTEGER DEFAULT 0 NOT NULL,
      CONSTRAINT version_table_name_idx UNIQUE (table_name))`,
    `CREATE TABLE IF NOT EXISTS subscriber (
      ${id},
      username VARCHAR(64) DEFAULT '' NOT NULL,
      domain VARCHAR(64) DEFAULT '' NOT NULL,
      password VARCHAR(64) DEFAULT '' NOT NULL,
      ha1 VARCHAR(128) DEFAULT '' NOT NULL,
      ha1b VARCHAR(128) DEFAULT '' NOT NULL,
      CONSTRAINT subscriber_account_idx UNIQUE (username, domain))`,
    `CREATE INDEX IF NOT EXISTS subscriber_username_idx ON subscriber (username)`,
    `CREATE TABLE IF NOT EXISTS location (
      ${id},
      ruid VARCHAR(64) DEFAULT '' NOT NULL,
      username VARCHAR(64) DEFAULT '' NOT NULL,
      domain VARCHAR(64) DEFAULT NULL,
      contact VARCHAR(512) DEFAULT '' NOT NULL,
      received VARCHAR(128) DEFAULT NULL,
      path VARCHAR(512) DEFAULT NULL,
      expires ${ts} DEFAULT '2030-05-28 21:32:15' NOT NULL,
      q REAL DEFAULT 1.0 NOT NULL,
      callid VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL,
      cseq INTEGER DEFAULT 1 NOT NULL,
      last_modified ${ts} DEFAULT '2000-01-01 00:00:01' NOT NULL,
      flags INTEGER DEFAULT 0 NOT NULL,
      cflags INTEGER DEFAULT 0 NOT NULL,
      user_agent VARCHAR(255) DEFAULT '' NOT NULL,
      socket VARCHAR(64) DEFAULT NULL,
      methods INTEGER DEFAULT NULL,
      instance VARCHAR(255) DEFAULT NULL,
      reg_id INTEGER DEFAULT 0 NOT NULL,
      server_id INTEGER DEFAULT 0 NOT NULL,
      connection_id INTEGER DEFAULT 0 NOT NULL,
      keepalive INTEGER DEFAULT 0 NOT NULL,
      partition INTEGER DEFAULT 0 NOT NULL,
      CONSTRAINT location_ruid_idx UNIQUE (ruid))`,
    `CREATE INDEX IF NOT EXISTS location_account_contact_idx ON location (username, domain, contact)`,
    `CREATE INDEX IF NOT EXISTS location_expires_idx ON location (expires)`,
    `CREATE INDEX IF NOT EXISTS location_connection_idx ON location (server_id, connection_id)`,
  ];
}

/** Inserts the version rows that are missing (Kamailio checks them at start). */
export function versionStatements(): string[] {
  return Object.entries(TABLE_VERSIONS).map(
    ([table, v]) =>
      `INSERT INTO version (table_name, table_version) SELECT '${table}', ${v} WHERE NOT EXISTS (SELECT 1 FROM version WHERE table_name = '${table}')`,
  );
}

/** Throws when a table's version row names a layout we do not speak. */
export function checkVersions(rows: Array<{ table_name: string; table_version: number }>, where: string): void {
  for (const [table, want] of Object.entries(TABLE_VERSIONS)) {
    const row = rows.find((r) => r.table_name === table);
    if (row && Number(row.table_version) !== want) {
      throw new Error(`${where}: table '${table}' has version ${row.table_version} in the version table, expected ${want} (Kamailio 5.x layout)`);
    }
  }
}
