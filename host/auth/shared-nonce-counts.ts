// The nonce-count table in the workers' shared state (host/shared): the rules of
// nonce-counts.ts (highest count per nonce, the retransmission of the request that used it,
// bounded with the floor), over rows every worker sees. Each use reads and writes inside the
// writers' lock, so two workers cannot both accept the same count.
import type { SharedState } from '../shared/shared-state.js';
import { RETRANSMISSION_S, type NcVerdict, type NonceCountTable } from './nonce-counts.js';

interface Row {
  seq: number;
  nc: number;
  branch: string | null;
  used: number;
}

interface Meta {
  floor: number;
  last_prune: number;
  size: number;
}

export class SharedNonceCounts implements NonceCountTable {
  private readonly getQ;
  private readonly updateQ;
  private readonly insertQ;
  private readonly metaQ;
  private readonly setMetaQ;
  private readonly pruneQ;
  private readonly evictQ;

  constructor(
    private readonly shared: SharedState,
    readonly limit: number,
    readonly expireS: number,
  ) {
    if (!(limit >= 1)) throw new Error(`nonce counts: the table size must be at least 1, got ${limit}`);
    const db = shared.db;
    this.getQ = db.prepare<[string], Row>('SELECT seq, nc, branch, used FROM auth_nonce_counts WHERE nonce = ?');
    this.updateQ = db.prepare('UPDATE auth_nonce_counts SET nc = ?, branch = ?, used = ? WHERE seq = ?');
    this.insertQ = db.prepare('INSERT INTO auth_nonce_counts (nonce, issued, nc, branch, used) VALUES (?, ?, ?, ?, ?)');
    this.metaQ = db.prepare<[], Meta>('SELECT floor, last_prune, size FROM auth_nonce_meta WHERE id = 1');
    this.setMetaQ = db.prepare('UPDATE auth_nonce_meta SET floor = ?, last_prune = ?, size = ? WHERE id = 1');
    this.pruneQ = db.prepare('DELETE FROM auth_nonce_counts WHERE issued < ?');
    this.evictQ = db.prepare<[number], { issued: number }>(
      'DELETE FROM auth_nonce_counts WHERE seq IN (SELECT seq FROM auth_nonce_counts ORDER BY seq LIMIT ?) RETURNING issued',
    );
  }

  get size(): number {
    return this.metaQ.get()!.size;
  }

  use(nonce: string, issuedS: number, nc: number, nowS: number, branch?: string): NcVerdict {
    return this.shared.write(() => {
      const s = this.getQ.get(nonce);
      if (s) {
        if (nc === s.nc && branch !== undefined && branch === s.branch && nowS - s.used <= RETRANSMISSION_S) return 'ok';
        if (nc <= s.nc) return 'reused';
        this.updateQ.run(nc, branch ?? null, nowS, s.seq);
        return 'ok';
      }
      const meta = this.metaQ.get()!;
      if (issuedS <= meta.floor) return 'forgotten';
      this.makeRoom(meta, nowS);
      this.insertQ.run(nonce, issuedS, nc, branch ?? null, nowS);
      this.setMetaQ.run(meta.floor, meta.last_prune, meta.size + 1);
      return 'ok';
    });
  }

  private makeRoom(meta: Meta, nowS: number): void {
    // entries whose nonce expired cannot be used again: gone at most once a second (an index range), or when full
    if (nowS !== meta.last_prune || meta.size >= this.limit) {
      meta.last_prune = nowS;
      meta.size -= this.pruneQ.run(nowS - this.expireS).changes;
    }
    if (meta.size >= this.limit) {
      for (const { issued } of this.evictQ.all(meta.size - this.limit + 1)) {
        if (issued > meta.floor) meta.floor = issued;
        meta.size--;
      }
    }
  }
}
