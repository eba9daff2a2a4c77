// Starts Debian's Kamailio as the comparison registrar: in the foreground (-DD -E), on
// 127.0.0.1 and a free UDP port (and TCP on the same port when asked), with its own runtime dir, 2 workers, the KEMI script in Lua
// (app_lua) or Python (app_python3), digest auth against a SQLite `subscriber` table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { freePort } from '../../test/support/ports.js';
import type { TestUser } from '../../test/support/users.js';

export type KamailioEngine = 'lua' | 'python';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];
const APP: Record<KamailioEngine, { module: string; name: string; script: string }> = {
  lua: { module: 'app_lua.so', name: 'app_lua', script: 'registrar.lua' },
  python: { module: 'app_python3.so', name: 'app_python3', script: 'registrar.py' },
};

/** Why Kamailio cannot run here (binary or a module missing), or undefined when it can. */
export function kamailioMissing(engine: KamailioEngine): string | undefined {
  if (spawnSync('kamailio', ['-v'], { stdio: 'ignore' }).error) return 'no `kamailio` binary on PATH (apt-get install kamailio)';
  const dir = moduleDir();
  if (!dir) return `no Kamailio module directory (looked in ${MODULE_DIRS.join(', ')})`;
  const needed = [APP[engine].module, 'db_sqlite.so', 'auth_db.so'];
  const absent = needed.filter((m) => !existsSync(join(dir, m)));
  if (absent.length) return `Kamailio modules ${absent.join(', ')} absent from ${dir} (packages kamailio-lua-modules, kamailio-python3-modules, kamailio-sqlite-modules)`;
  return undefined;
}

function moduleDir(): string | undefined {
  return MODULE_DIRS.find((d) => existsSync(join(d, 'tm.so')));
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

export interface KamailioProcess {
  port: number;
  pid: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export async function startKamailio(engine: KamailioEngine, dbFile: string, opts: { startTimeoutMs?: number; tcp?: boolean } = {}): Promise<KamailioProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ksr-kamailio-'));
  const cfg = join(dir, 'kamailio.cfg');
  const fill: Record<string, string> = {
    PORT: String(port), MPATH: moduleDir()!, DB: dbFile, APP_MODULE: APP[engine].module, APP_NAME: APP[engine].name,
    SCRIPT: join(HERE, APP[engine].script), ENGINE: engine,
    TRANSPORTS: opts.tcp ? `listen=tcp:127.0.0.1:${port}\ntcp_children=2` : 'disable_tcp=yes',
  };
  writeFileSync(cfg, readFileSync(join(HERE, 'kamailio.cfg'), 'utf8').replace(/@([A-Z_]+)@/g, (_, k: string) => fill[k] ?? `@${k}@`));
  // -DD: no daemon, but its worker processes; -E: log to stderr; -Y: its own runtime dir;
  // -m/-M: shared and private memory in MB (Debian's defaults)
  const child = spawn('kamailio', ['-f', cfg, '-DD', '-E', '-Y', dir, '-m', '64', '-M', '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a Kamailio that never bound its socket is not left running
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`kamailio (${engine}) did not start in ${opts.startTimeoutMs ?? 15000} ms; output:\n${out}`));
    }, opts.startTimeoutMs ?? 15000);
    const poll = setInterval(() => {
      // ready when the UDP socket is bound: a worker is then receiving
      if (readFileSync('/proc/net/udp', 'utf8').includes(`:${port.toString(16).toUpperCase().padStart(4, '0')} `)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`kamailio (${engine}) exited with ${code} before serving; output:\n${out}`));
    });
  });
  return {
    port,
    pid: child.pid!,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      // the main process ends its workers on SIGTERM
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(hard);
    },
  };
}
