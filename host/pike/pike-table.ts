// Where pike's counters live: an LRU cache of the thread (one thread), or the pike_ips table of the
// workers' shared state (every worker counts into the same rows, so a flood spread over the
// workers is seen whole). Both are bounded: at most maxEntries addresses, the longest idle
// evicted first when a new one comes; idle ones (remove_latency) removed by the sweep.
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { SharedState } from '../shared/shared-state.js';
import { freshEntry, hit, roll, type PikeEntry, type PikeVerdict } from './ip-counter.js';

export interface PikeTableLimits {
  density: number;
  maxEntries: number;
  /** remove_latency in ms: an entry idle this long is forgotten. */
  latencyMs: number;
}

export interface PikeTable {
  /** Counts one request from ip in window win. */
  check(ip: string, win: number, nowMs: number): { verdict: PikeVerdict; unblocked: boolean };
  /** Rolls the red entries to win (logging what it unblocked) and forgets the idle ones. */
  sweep(win: number, nowMs: number): { unblocked: string[]; removed: number };
  /** Every entry rolled to win (for pike.top), at most `limit`. */
  entries(win: number, limit: number): PikeEntry[];
  size(): number;
}

/**
 * One thread: an LRU cache in least-recently-seen order (a hit moves the address to the
 * front). Not a Map used as a queue: V8 keeps a deleted entry's slot until the table is
 * rebuilt, and each eviction of the oldest walked the deleted slots at the front, 25 µs per
 * new address at 100 000 (the default max_entries) under a flood from many sources, which is
 * what pike is for.
 */
export class MapPikeTable implements PikeTable {
  private readonly map: LRUCache<string, PikeEntry>;
  private readonly red = new Set<string>();

  constructor(private readonly limits: PikeTableLimits) {
    this.map = new LRUCache<string, PikeEntry>({
      max: limits.maxEntries,
      // the longest idle address goes when a new one comes to a full table
      dispose: (_e, ip, reason) => {
        if (reason === 'evict') this.red.delete(ip);
      },
    });
  }

  check(ip: string, win: number, nowMs: number): { verdict: PikeVerdict; unblocked: boolean } {
    const found = this.map.get(ip); // a hit: get makes it the most recently seen
    // an entry idle past remove_latency is forgotten, as pike's timer would have
    const e = found && nowMs - found.lastSeen <= this.limits.latencyMs ? found : freshEntry(ip, win, nowMs);
    const r = hit(e, win, nowMs, this.limits.density);
    if (e !== found) this.map.set(ip, e);
    if (e.red) this.red.add(ip);
    else this.red.delete(ip);
    return r;
  }

  sweep(win: number, nowMs: number): { unblocked: string[]; removed: number } {
    const unblocked: string[] = [];
    for (const ip of this.red) {
      const e = this.map.peek(ip); // peek: the sweep is no hit, the order stays the traffic's
      if (e && roll(e, win, this.limits.density)) unblocked.push(ip);
      if (!e?.red) this.red.delete(ip);
    }
    const idle: string[] = [];
    for (const ip of this.map.rkeys()) {
      if (nowMs - this.map.peek(ip)!.lastSeen <= this.limits.latencyMs) break; // longest idle first: the rest is newer
      idle.push(ip);
    }
    for (const ip of idle) {
      this.map.delete(ip);
      this.red.delete(ip);
    }
    return { unblocked, removed: idle.length };
  }

  entries(win: number, limit: number): PikeEntry[] {
    const out: PikeEntry[] = [];
    // longest idle first, as listed before
    for (const ip of this.map.rkeys()) {
      if (out.length >= limit) break;
      const copy = { ...this.map.peek(ip)! };
      roll(copy, win, this.limits.density);
      out.push(copy);
    }
    return out;
  }

  size(): number {
    return this.map.size;
  }
}

interface Row {
  ip: string;
  win: number;
  prev: number;
  curr: number;
  red: number;
  last_seen: number;
}

const fromRow = (r: Row): PikeEntry => ({ ip: r.ip, win: r.win, prev: r.prev, curr: r.curr, red: r.red === 1, lastSeen: r.last_seen });

/** Several workers: the pike_ips rows of the shared state; each check is one short write. */
export class SharedPikeTable implements PikeTable {
  private readonly st: {
    get: Database.Statement<[string], Row>;
    put: Database.Statement<[string, number, number, number, number, number]>;
    del: Database.Statement<[string]>;
    oldest: Database.Statement<[], { ip: string }>;
    size: Database.Statement<[], { size: number }>;
    grow: Database.Statement<[number]>;
    reds: Database.Statement<[], Row>;
    idle: Database.Statement<[number]>;
    all: Database.Statement<[number], Row>;
  };

  constructor(
    private readonly shared: SharedState,
    private readonly limits: PikeTableLimits,
  ) {
    const db = shared.db;
    this.st = {
      get: db.prepare('SELECT ip, win, prev, curr, red, last_seen FROM pike_ips WHERE ip = ?'),
      put: db.prepare(
        'INSERT INTO pike_ips (ip, win, prev, curr, red, last_seen) VALUES (?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (ip) DO UPDATE SET win = excluded.win, prev = excluded.prev, curr = excluded.curr, red = excluded.red, last_seen = excluded.last_seen',
      ),
      del: db.prepare('DELETE FROM pike_ips WHERE ip = ?'),
      oldest: db.prepare('SELECT ip FROM pike_ips ORDER BY last_seen LIMIT 1'),
      size: db.prepare('SELECT size FROM pike_meta WHERE id = 1'),
      grow: db.prepare('UPDATE pike_meta SET size = size + ? WHERE id = 1'),
      reds: db.prepare('SELECT ip, win, prev, curr, red, last_seen FROM pike_ips WHERE red = 1'),
      idle: db.prepare('DELETE FROM pike_ips WHERE last_seen < ?'),
      all: db.prepare('SELECT ip, win, prev, curr, red, last_seen FROM pike_ips ORDER BY last_seen DESC LIMIT ?'),
    };
  }

  private save(e: PikeEntry): void {
    this.st.put.run(e.ip, e.win, e.prev, e.curr, e.red ? 1 : 0, e.lastSeen);
  }

  check(ip: string, win: number, nowMs: number): { verdict: PikeVerdict; unblocked: boolean } {
    return this.shared.write(() => {
      const row = this.st.get.get(ip);
      let e = row && nowMs - row.last_seen <= this.limits.latencyMs ? fromRow(row) : null;
      if (!row) {
        if (this.size() >= this.limits.maxEntries) {
          const old = this.st.oldest.get();
          if (old && this.st.del.run(old.ip).changes > 0) this.st.grow.run(-1);
        }
        this.st.grow.run(1);
      }
      e ??= freshEntry(ip, win, nowMs);
      const r = hit(e, win, nowMs, this.limits.density);
      this.save(e);
      return r;
    });
  }

  sweep(win: number, nowMs: number): { unblocked: string[]; removed: number } {
    return this.shared.write(() => {
      const unblocked: string[] = [];
      for (const row of this.st.reds.all()) {
        const e = fromRow(row);
        if (roll(e, win, this.limits.density)) unblocked.push(e.ip);
        this.save(e);
      }
      const removed = this.st.idle.run(nowMs - this.limits.latencyMs).changes;
      if (removed > 0) this.st.grow.run(-removed);
      return { unblocked, removed };
    });
  }

  entries(win: number, limit: number): PikeEntry[] {
    return this.st.all.all(limit).map((r) => {
      const e = fromRow(r);
      roll(e, win, this.limits.density);
      return e;
    });
  }

  size(): number {
    return this.st.size.get()?.size ?? 0;
  }
}
