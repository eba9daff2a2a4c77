// Debian's Kamailio serving one of its example KEMI scripts (test/examples/kamailio-examples.cfg),
// on 127.0.0.1 and a free UDP port, in the foreground with its own runtime directory; its SQLite
// database holds the suite's subscribers and the permissions `address` rows.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { freePort } from '../support/ports.js';
import { fillKamailioTemplate, kamailioMissing as missingModules, runKamailio } from '../support/kamailio-runner.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const APPS = {
  lua: { module: 'app_lua.so', name: 'app_lua', engine: 'lua' },
  js: { module: 'app_jsdt.so', name: 'app_jsdt', engine: 'jsdt' },
  python: { module: 'app_python3.so', name: 'app_python3', engine: 'python' },
} as const;

/** What the suite needs of a server under test (ksr-host's ServerProcess has the same). */
export interface ExampleServer {
  port: number;
  output(): string;
  /** ksr-host's: resolves once its output matches (a log line may come after the reply it went with). */
  waitForOutput?(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Why Kamailio cannot serve the example here, or undefined. */
export function kamailioMissing(language: keyof typeof APPS): string | undefined {
  return missingModules([APPS[language].module, 'db_sqlite.so', 'permissions.so', 'htable.so', 'pike.so', 'nathelper.so', 'rtpproxy.so'], 'packages kamailio, kamailio-lua-modules, kamailio-sqlite-modules');
}

/** Kamailio's tables for the suite: subscriber (clear passwords) and address. */
export function writeExampleDb(file: string, users: Record<string, string>, domain: string, address: { grp: number; ip: string }[]): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE version (id INTEGER PRIMARY KEY NOT NULL, table_name VARCHAR(32) NOT NULL, table_version INTEGER DEFAULT 0 NOT NULL);
    INSERT INTO version (table_name, table_version) VALUES ('subscriber', 7), ('address', 6);
    CREATE TABLE subscriber (id INTEGER PRIMARY KEY NOT NULL, username VARCHAR(64) DEFAULT '' NOT NULL,
      domain VARCHAR(64) DEFAULT '' NOT NULL, password VARCHAR(64) DEFAULT '' NOT NULL,
      ha1 VARCHAR(128) DEFAULT '' NOT NULL, ha1b VARCHAR(128) DEFAULT '' NOT NULL);
    CREATE TABLE address (id INTEGER PRIMARY KEY NOT NULL, grp INTEGER DEFAULT 1 NOT NULL, ip_addr VARCHAR(50) NOT NULL,
      mask INTEGER DEFAULT 32 NOT NULL, port SMALLINT DEFAULT 0 NOT NULL, tag VARCHAR(64));
  `);
  const sub = db.prepare('INSERT INTO subscriber (username, domain, password) VALUES (?, ?, ?)');
  for (const [u, p] of Object.entries(users)) sub.run(u, domain, p);
  const addr = db.prepare('INSERT INTO address (grp, ip_addr) VALUES (?, ?)');
  for (const a of address) addr.run(a.grp, a.ip);
  db.close();
}

export async function startKamailioExample(language: keyof typeof APPS, script: string, dbFile: string, ipbanExpireS: number, rtpproxyPort: number): Promise<ExampleServer> {
  const port = await freePort();
  const app = APPS[language];
  return runKamailio(fillKamailioTemplate(join(HERE, 'kamailio-examples.cfg'), {
    PORT: String(port), DB: dbFile, APP_MODULE: app.module, APP_NAME: app.name, SCRIPT: script,
    ENGINE: app.engine, IPBAN: String(ipbanExpireS), RTPPROXY: String(rtpproxyPort),
  }), port, { label: `${language} example`, settleMs: 300 });
}
