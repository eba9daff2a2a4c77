// Starts Debian's Kamailio as the comparison registrar: in the foreground (-DD -E), on
// 127.0.0.1 and a free UDP port (and TCP on the same port when asked), with its own runtime dir, 2 workers, the KEMI script in Lua
// (app_lua) or Python (app_python3), digest auth against a SQLite `subscriber` table.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { freePort } from '../../test/support/ports.js';
import type { TestUser } from '../../test/support/users.js';
import { fillKamailioTemplate, kamailioMissing as missingModules, runKamailio, type KamailioProcess } from '../../test/support/kamailio-runner.js';

export type { KamailioProcess } from '../../test/support/kamailio-runner.js';

export type KamailioEngine = 'lua' | 'python';

/** The registrar scripts Kamailio and ksr-host both run (bench/scripts/). */
const SCRIPTS = fileURLToPath(new URL('../scripts/', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const APP: Record<KamailioEngine, { module: string; name: string; script: string }> = {
  lua: { module: 'app_lua.so', name: 'app_lua', script: 'registrar.lua' },
  python: { module: 'app_python3.so', name: 'app_python3', script: 'registrar.py' },
};

/** Why Kamailio cannot run here (binary or a module missing), or undefined when it can. */
export function kamailioMissing(engine: KamailioEngine): string | undefined {
  return missingModules([APP[engine].module, 'db_sqlite.so', 'auth_db.so'], 'packages kamailio-lua-modules, kamailio-python3-modules, kamailio-sqlite-modules');
}

/** The SQLite file Kamailio's auth_db reads: `version` and `subscriber` as its schema has them. */
export function writeKamailioDb(file: string, users: TestUser[]): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE version (id INTEGER PRIMARY KEY NOT NULL, table_name VARCHAR(32) NOT NULL, table_version INTEGER DEFAULT 0 NOT NULL);
    INSERT INTO version (table_name, table_version) VALUES ('subscriber', 7);
    CREATE TABLE subscriber (id INTEGER PRIMARY KEY NOT NULL, username VARCHAR(64) DEFAULT '' NOT NULL,
      domain VARCHAR(64) DEFAULT '' NOT NULL, password VARCHAR(64) DEFAULT '' NOT NULL,
      ha1 VARCHAR(128) DEFAULT '' NOT NULL, ha1b VARCHAR(128) DEFAULT '' NOT NULL);
    CREATE UNIQUE INDEX subscriber_account_idx ON subscriber (username, domain);
    CREATE INDEX subscriber_username_idx ON subscriber (username);
  `);
  const insert = db.prepare('INSERT INTO subscriber (username, domain, password) VALUES (?, ?, ?)');
  db.transaction(() => users.forEach((u) => insert.run(u.username, u.domain, u.password)))();
  db.close();
}

export async function startKamailio(engine: KamailioEngine, dbFile: string, opts: { startTimeoutMs?: number; tcp?: boolean } = {}): Promise<KamailioProcess> {
  const port = await freePort();
  return runKamailio(fillKamailioTemplate(join(HERE, 'kamailio.cfg'), {
    PORT: String(port), DB: dbFile, APP_MODULE: APP[engine].module, APP_NAME: APP[engine].name,
    SCRIPT: join(SCRIPTS, APP[engine].script), ENGINE: engine,
    TRANSPORTS: opts.tcp ? `listen=tcp:127.0.0.1:${port}\ntcp_children=2` : 'disable_tcp=yes',
  }), port, { label: engine, startTimeoutMs: opts.startTimeoutMs });
}
