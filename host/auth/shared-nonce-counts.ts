// The nonce-count table every worker sees: the rules of nonce-counts.ts (highest count per
// nonce, the retransmission of the request that used it, bounded with the floor) over a table
// in shared memory (host/shared/shared-fifo-table.ts). Each use reads and writes inside the
// table's lock, so two workers cannot both accept the same count.
//
// Before, the table was rows of the shared SQLite database: a use was a write transaction
// (~43 µs, under the lock every shared write takes), twice per authenticated registration with
// the registrar's save. A nonce and a branch are kept as 53-bit hashes of their text: two nonces
// with one hash share a count (chance ~n²/2^54 with n entries), which refuses a count the
// client then answers with a fresh authentication; nonces are ours (signed), so nobody can
// choose one that collides.
import { keyOf, type SharedFifoTable } from '../shared/shared-fifo-table.js';
import { RETRANSMISSION_S, type NcVerdict, type NonceCountTable } from './nonce-counts.js';

/** An entry's numbers. */
const ISSUED = 0;
const NC = 1;
/** keyOf(branch), 0 when the request had none. */
const BRANCH = 2;
const USED = 3;
/** The table's own words: the floor (a nonce issued at or before it and not held may have been forgotten), the last prune (s). */
const FLOOR = 0;
const LAST_PRUNE = 1;

export class SharedNonceCounts implements NonceCountTable {
  readonly limit: number;

  /** table: the shared state's (SharedState.nonceCounts, shaped by SHARED_MEMORY_TABLES.nonceCounts). */
  constructor(
    private readonly table: SharedFifoTable,
    limit: number,
    readonly expireS: number,
  ) {
    if (!(limit >= 1)) throw new Error(`nonce counts: the table size must be at least 1, got ${limit}`);
    // the shared table was sized at start from the same auth.nc_table_size; never past it
    this.limit = Math.min(limit, table.limit);
  }

  get size(): number {
    return this.table.locked(() => this.table.size);
  }

  use(nonce: string, issuedS: number, nc: number, nowS: number, branch?: string): NcVerdict {
    const key = keyOf(nonce);
    const branchKey = branch === undefined ? 0 : keyOf(branch);
    const t = this.table;
    return t.locked(() => {
      const slot = t.find(key);
      if (slot >= 0) {
        const seenNc = t.field(slot, NC);
        if (nc === seenNc && branchKey !== 0 && branchKey === t.field(slot, BRANCH) && nowS - t.field(slot, USED) <= RETRANSMISSION_S) return 'ok';
        if (nc <= seenNc) return 'reused';
        t.setField(slot, NC, nc);
        t.setField(slot, BRANCH, branchKey);
        t.setField(slot, USED, nowS);
        return 'ok';
      }
      if (issuedS <= t.aux(FLOOR)) return 'forgotten';
      this.makeRoom(nowS);
      t.insert(key, [issuedS, nc, branchKey, nowS]);
      return 'ok';
    });
  }

  /** As NonceCounts.makeRoom: expired entries at the front once a second, then the oldest past the limit (raising the floor). */
  private makeRoom(nowS: number): void {
    const t = this.table;
    if (nowS !== t.aux(LAST_PRUNE)) {
      t.setAux(LAST_PRUNE, nowS);
      for (let s = t.oldest(); s >= 0 && nowS - t.field(s, ISSUED) > this.expireS; s = t.oldest()) t.removeOldest(s);
    }
    while (t.size >= this.limit) {
      const oldest = t.oldest();
      const issued = t.field(oldest, ISSUED);
      t.removeOldest(oldest);
      if (issued > t.aux(FLOOR)) t.setAux(FLOOR, issued);
    }
  }
}
