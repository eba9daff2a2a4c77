// The state every worker thread sees (registrations, nonce counts, and every later shared
// table): one SQLite database in shared memory (/dev/shm, else the temp directory), WAL,
// synchronous=OFF, one connection per thread; and, for a table written on most messages (the
// nonce counts, the registrations), a SharedArrayBuffer (shared-fifo-table.ts,
// shared-string-map.ts) made here and handed to every thread. Reads are plain SELECTs (WAL: no lock, a
// consistent snapshot); writes go through `write(fn)`, which takes the writers' lock in a
// SharedArrayBuffer (write-lock.ts) and runs fn in BEGIN IMMEDIATE … COMMIT. Every access is
// synchronous inside a KSR call, as Kamailio's shm tables are: no thread hop, no await.
// A thread that dies mid-write leaves no half-written row: its connection is closed with its
// thread and SQLite rolls the transaction back; the main thread frees its lock
// (releaseLocksOf). See ARCHITECTURE.md, "Shared state across workers".
import Database from 'better-sqlite3';
import { existsSync, rmSync, accessSync, constants, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import { SHARED_MEMORY_TABLES, SHARED_SCHEMA } from './schema.js';
import { allocateSharedFifoTable, SharedFifoTable } from './shared-fifo-table.js';
import { allocateSharedStringMap, SharedStringMap } from './shared-string-map.js';
import { LOCK_BYTES, WriteLock } from './write-lock.js';

/** What a worker is given (workerData): structured-cloneable. */
export interface SharedStateHandle {
  readonly path: string;
  readonly lock: SharedArrayBuffer;
  /** The nonce-count table's memory (SHARED_MEMORY_TABLES.nonceCounts). */
  readonly nonceCounts: SharedArrayBuffer;
  /** usrloc's bindings (host/registrar/shared-location-table.ts). */
  readonly locations: SharedArrayBuffer;
}

/** The nonce-count table's size when the caller names none: auth.nc_table_size's default. */
const DEFAULT_NONCE_COUNT_LIMIT = 100_000;
/** The location table's memory when the caller names none: usrloc.shared_memory_mb's default. */
export const DEFAULT_LOCATION_BYTES = 64 * 1024 * 1024;

/** SQLite's own wait when its write lock is taken anyway (a connection outside our lock): a backstop only. */
const BUSY_TIMEOUT_MS = 5000;
const WAL_LIMIT_BYTES = 8 << 20;
const SUFFIXES = ['', '-wal', '-shm', '-journal'];
const FILE_PREFIX = 'ksr-host-shared-';
/** ksr-host-shared-<pid>-<thread>-<n>.sqlite and its -wal/-shm/-journal. */
const OUR_FILE = /^ksr-host-shared-(\d+)-\d+-\d+\.sqlite(-wal|-shm|-journal)?$/;
let created = 0;

function defaultDir(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

function removeFiles(path: string): void {
  for (const s of SUFFIXES) rmSync(path + s, { force: true });
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('temp_store = MEMORY');
  // the WAL is cut back to this after a checkpoint instead of staying at its largest size
  db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files a ksr-host that is gone left behind (it crashed before stop): /dev/shm is memory. */
function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = OUR_FILE.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Main thread, once at start: a fresh database (an old file of that name is removed, and those
 * of ksr-host processes no longer running) with every shared table, and the tables kept in
 * shared memory (`nonceCountLimit`: auth.nc_table_size; `locationBytes`: usrloc.shared_memory_mb).
 * The location table's buffer is allocated whole, but the kernel gives it pages only as entries
 * are written: an idle server's RSS does not hold it.
 */
export function createSharedState(opts: { dir?: string; nonceCountLimit?: number; locationBytes?: number } = {}): SharedStateHandle {
  const dir = opts.dir ?? defaultDir();
  const path = join(dir, `${FILE_PREFIX}${process.pid}-${threadId}-${created++}.sqlite`);
  removeLeftovers(dir);
  removeFiles(path);
  const db = new Database(path);
  try {
    configure(db);
    db.transaction(() => {
      for (const sql of SHARED_SCHEMA) db.exec(sql);
    })();
  } finally {
    db.close();
  }
  const nonceCounts = allocateSharedFifoTable({ ...SHARED_MEMORY_TABLES.nonceCounts, limit: opts.nonceCountLimit ?? DEFAULT_NONCE_COUNT_LIMIT });
  const locations = allocateSharedStringMap(opts.locationBytes ?? DEFAULT_LOCATION_BYTES);
  return { path, lock: new SharedArrayBuffer(LOCK_BYTES), nonceCounts, locations };
}

/** Main thread, at stop (after every thread closed): the database and its -wal and -shm files. */
export function removeSharedState(h: SharedStateHandle): void {
  removeFiles(h.path);
}

export class SharedState {
  readonly db: Database.Database;
  readonly owner: number;
  readonly path: string;
  /** The nonce counts every thread sees (host/auth/shared-nonce-counts.ts). */
  readonly nonceCounts: SharedFifoTable;
  /** usrloc's bindings every thread sees (host/registrar/shared-location-table.ts). */
  readonly locations: SharedStringMap;
  private readonly lock: WriteLock;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private depth = 0;
  private closed = false;

  private constructor(h: SharedStateHandle, owner: number) {
    if (!existsSync(h.path)) throw new Error(`shared state: no database at ${h.path} (createSharedState makes it before threads open it)`);
    this.lock = new WriteLock(h.lock, owner);
    this.owner = owner;
    this.path = h.path;
    this.db = new Database(h.path, { fileMustExist: true });
    configure(this.db);
    this.begin = this.db.prepare('BEGIN IMMEDIATE');
    this.commit = this.db.prepare('COMMIT');
    this.rollback = this.db.prepare('ROLLBACK');
    this.lock.markAlive();
    this.nonceCounts = new SharedFifoTable(h.nonceCounts, owner);
    this.locations = new SharedStringMap(h.locations, owner);
    // A worker that exits (process.exit, an uncaught error) says it is gone, so a waiter can take
    // its lock over without the main thread; one terminated while stuck runs no JS: releaseLocksOf.
    if (!isMainThread) process.once('exit', () => this.markGone());
  }

  /** Each thread opens its own connection; owner = worker index + 1, main = 0. */
  static open(h: SharedStateHandle, opts: { owner: number }): SharedState {
    return new SharedState(h, opts.owner);
  }

  /**
   * Runs fn inside the writers' lock and one transaction: all of it or nothing (a throw rolls
   * back). fn must be synchronous and short. A write inside a write is part of the outer one.
   */
  write<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    if (this.closed) throw new Error(`shared state: owner ${this.owner} wrote after close`);
    this.lock.acquire();
    this.depth++;
    try {
      this.begin.run();
      try {
        const out = fn();
        this.commit.run();
        return out;
      } catch (e) {
        // fn threw, or COMMIT failed (the transaction is then still open): nothing of it stays
        if (this.db.inTransaction) this.rollback.run();
        throw e;
      }
    } finally {
      this.depth--;
      this.lock.release();
    }
  }

  /**
   * Bytes the shared state holds in /dev/shm (memory no process's RSS or PSS counts): the
   * database and its write-ahead log.
   */
  fileBytes(): { database: number; wal: number } {
    const size = (p: string): number => statSync(p, { throwIfNoEntry: false })?.size ?? 0;
    return { database: size(this.path), wal: size(`${this.path}-wal`) };
  }

  /** The owner holding the writers' lock now, or null. */
  lockHolder(): number | null {
    return this.lock.holder();
  }

  /** Main thread, when a worker died: its locks (if it held one) are freed and it counts as gone. True when it held one. */
  releaseLocksOf(owner: number): boolean {
    const nonces = this.nonceCounts.releaseLocksOf(owner);
    const locations = this.locations.releaseLocksOf(owner);
    return this.lock.releaseOwner(owner) || nonces || locations;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.markGone();
    this.db.close();
  }

  private markGone(): void {
    this.lock.markGone();
    this.nonceCounts.markGone();
    this.locations.markGone();
  }
}
