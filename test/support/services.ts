// Redis and PostgreSQL for the store tests. `.ci/run` starts one of each and names them in
// KSR_TEST_REDIS_URL and KSR_TEST_POSTGRES_URL (a PostgreSQL role allowed to create
// databases); without them (a developer's machine) the tests start throwaway instances here.
// A server that cannot be had is an error that says why: nothing is skipped.
//
// Tests that stop and restart a server (breaker, outage) always get their own instance.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './ports.js';

export interface ControlledServer {
  url: string;
  /** Stops the server (data kept); start() brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  destroy(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing answers. Redis only. */
  pause?(): void;
  resume?(): void;
}

function need(cmd: string, hint: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} not found: ${hint}`);
  return r.stdout.trim();
}

async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms; its output:\n${log()}`);
}

// ---------------------------------------------------------------------------- Redis

/** A redis-server of our own on 127.0.0.1, no persistence. */
export async function startRedis(): Promise<ControlledServer> {
  const bin = need('redis-server', 'install the Debian package redis-server (apt-get install redis-server), or set KSR_TEST_REDIS_URL');
  const port = await freePort();
  let child: ChildProcess | null = null;
  let out = '';
  const cli = (...args: string[]) => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' });
  const start = async () => {
    out = '';
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    await waitFor(`redis-server on port ${port}`, async () => cli('ping').stdout.trim() === 'PONG', 5000, () => out);
  };
  const stop = async () => {
    const c = child as ChildProcess | null;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  const signal = (sig: NodeJS.Signals) => () => void (child as ChildProcess | null)?.kill(sig);
  return { url: `redis://127.0.0.1:${port}/0`, start, stop, destroy: stop, pause: signal('SIGSTOP'), resume: signal('SIGCONT') };
}

let sharedRedis: Promise<ControlledServer> | null = null;

/**
 * A Redis URL for a test file, database `db` emptied first. From KSR_TEST_REDIS_URL, else one
 * throwaway server per test process.
 */
export async function redisUrl(db: number): Promise<string> {
  let base = process.env.KSR_TEST_REDIS_URL;
  if (!base) {
    sharedRedis ??= startRedis();
    base = (await sharedRedis).url;
  }
  const url = new URL(base);
  url.pathname = `/${db}`;
  const r = spawnSync('redis-cli', ['-u', url.toString(), 'flushdb'], { encoding: 'utf8' });
  if (r.status !== 0 || !/OK/.test(r.stdout)) throw new Error(`cannot empty Redis database ${db} at ${url}: ${r.stdout}${r.stderr}`);
  return url.toString();
}

// ---------------------------------------------------------------------------- PostgreSQL

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length > 0) return join(root, versions[0]!, 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (onPath.status === 0) return join(onPath.stdout.trim(), '..');
  throw new Error('PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb, no initdb on PATH): install the Debian package postgresql, or set KSR_TEST_POSTGRES_URL');
}

/** PostgreSQL refuses to run as root: as root we run its programs as the `postgres` user. */
function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [cmd, args];
  return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
}

function run(cmd: string, args: string[], what: string): void {
  const [c, a] = asPostgresUser(cmd, args);
  const r = spawnSync(c, a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (${c} ${a.join(' ')}): ${r.stdout}${r.stderr}${r.error?.message ?? ''}`);
}

/** A PostgreSQL cluster of our own in a temp dir, on 127.0.0.1, superuser `ksr` with trust auth. */
export async function startPostgres(): Promise<ControlledServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'ksr-pg-'));
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error('running as root and there is no postgres user to run PostgreSQL as (install the Debian package postgresql)');
    chownSync(dir, Number(id.stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'ksr', '--auth=trust', '-E', 'UTF8', '--no-sync'], 'initdb');
  const port = await freePort();
  const url = `postgres://ksr@127.0.0.1:${port}/postgres`;
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = async () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '20', 'start'], 'pg_ctl start');
  const stop = async () => {
    // fast: clients are cut off at once, and what was committed is kept (fsync is off)
    if (existsSync(join(data, 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], 'pg_ctl stop');
  };
  await start();
  const destroy = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', () => {
    if (existsSync(join(data, 'postmaster.pid'))) spawnSync(...asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']));
    rmSync(dir, { recursive: true, force: true });
  });
  return { url, start, stop, destroy };
}

let sharedPostgres: Promise<ControlledServer> | null = null;
/** Databases made on a server we did not start (KSR_TEST_POSTGRES_URL): dropped at the end. */
const madeDatabases: Array<{ base: string; name: string }> = [];

/** Creates an empty database for one test (on KSR_TEST_POSTGRES_URL's server, else a throwaway one) and returns its URL. */
export async function postgresUrl(server?: ControlledServer): Promise<string> {
  let base = server?.url ?? process.env.KSR_TEST_POSTGRES_URL;
  if (!base) {
    sharedPostgres ??= startPostgres();
    base = (await sharedPostgres).url;
  }
  const name = `ksr_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    if (!server && process.env.KSR_TEST_POSTGRES_URL) madeDatabases.push({ base, name });
  } catch (e) {
    throw new Error(`cannot create a test database on ${base.replace(/:[^:@/]*@/, ':***@')}: ${(e as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL on a database (for tests that prepare a Kamailio-made table). */
export async function psql(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Stops the throwaway servers this process started (call from an `after` hook). */
export async function stopSharedServices(): Promise<void> {
  const r = sharedRedis;
  const p = sharedPostgres;
  sharedRedis = sharedPostgres = null;
  await Promise.all([r?.then((s) => s.destroy()), p?.then((s) => s.destroy())]);
  for (const { base, name } of madeDatabases.splice(0)) await dropTestDatabase(base, name);
}

/**
 * Drops a test database on the shared server. Not `WITH (FORCE)`: that must be allowed to
 * terminate every backend on the database, and an autovacuum worker there is one a role
 * without pg_signal_backend may not end (CI failed on exactly that). So: end this role's own
 * leftover sessions, then a plain DROP, which cancels autovacuum itself; retried while some
 * session is still closing.
 */
async function dropTestDatabase(base: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()',
        [name],
      );
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (e) {
        const inUse = (e as { code?: string }).code === '55006'; // object_in_use
        if (!inUse || attempt === 5) throw new Error(`cannot drop test database ${name}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  } finally {
    await admin.end().catch(() => {});
  }
}
