// Debian's Kamailio serving one of its example KEMI scripts (test/examples/kamailio-examples.cfg),
// on 127.0.0.1 and a free UDP port, in the foreground with its own runtime directory; its SQLite
// database holds the suite's subscribers and the permissions `address` rows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { freePort } from '../support/ports.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];
export const APPS = {
  lua: { module: 'app_lua.so', name: 'app_lua', engine: 'lua' },
  js: { module: 'app_jsdt.so', name: 'app_jsdt', engine: 'jsdt' },
  python: { module: 'app_python3.so', name: 'app_python3', engine: 'python' },
} as const;

export interface ExampleServer {
  port: number;
  output(): string;
  stop(): Promise<void>;
}

const moduleDir = () => MODULE_DIRS.find((d) => existsSync(join(d, 'tm.so')));

/** Why Kamailio cannot serve the example here, or undefined. */
export function kamailioMissing(language: keyof typeof APPS): string | undefined {
  if (spawnSync('kamailio', ['-v'], { stdio: 'ignore' }).error) return 'no `kamailio` binary';
  const dir = moduleDir();
  if (!dir) return 'no Kamailio module directory';
  const absent = [APPS[language].module, 'db_sqlite.so', 'permissions.so', 'htable.so', 'pike.so', 'nathelper.so', 'rtpproxy.so'].filter((m) => !existsSync(join(dir, m)));
  return absent.length ? `Kamailio modules absent: ${absent.join(', ')}` : undefined;
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
  const dir = mkdtempSync(join(tmpdir(), 'ksr-kamailio-example-'));
  const cfg = join(dir, 'kamailio.cfg');
  const app = APPS[language];
  const fill: Record<string, string> = {
    PORT: String(port), MPATH: moduleDir()!, DB: dbFile, APP_MODULE: app.module, APP_NAME: app.name, SCRIPT: script,
    ENGINE: app.engine, IPBAN: String(ipbanExpireS), RTPPROXY: String(rtpproxyPort),
  };
  writeFileSync(cfg, readFileSync(join(HERE, 'kamailio-examples.cfg'), 'utf8').replace(/@([A-Z_]+)@/g, (_, k: string) => fill[k] ?? `@${k}@`));
  const child = spawn('kamailio', ['-f', cfg, '-DD', '-E', '-Y', dir, '-m', '64', '-M', '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`kamailio did not start in 15 s; output:\n${out}`));
    }, 15_000);
    const poll = setInterval(() => {
      if (readFileSync('/proc/net/udp', 'utf8').includes(`:${port.toString(16).toUpperCase().padStart(4, '0')} `)) {
        clearInterval(poll);
        clearTimeout(timer);
        // its workers finish child_init (the script loads) just after the socket is bound
        setTimeout(resolve, 300);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`kamailio exited with ${code} before serving; output:\n${out}`));
    });
  });
  return {
    port,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(hard);
    },
  };
}
