// Replay protection for qop responses (RFC 7616 §3.4.5): per nonce, the highest nonce-count
// accepted so far; a response with the same or a lower nc is refused. Memory is bounded:
// entries leave when their nonce expires, and when the table is full the oldest entry goes and
// `floorS` rises to its issue time: a nonce issued at or before the floor that is not in the
// table may have been forgotten, so it is refused as stale (the client gets a fresh nonce)
// rather than let its counts start again.
//
// A retransmission is not a replay: a UDP client that did not get its answer in time sends the
// very same request again (same top Via branch, RFC 3261 §17.1.2.1), and refusing it as stale
// made phones (and sipp under load) fail a REGISTER the server had already accepted. The
// request that used the highest count is remembered by its branch, and the same request
// within a transaction's lifetime (64 × T1) is accepted again; anything else with that count
// is still a replay.
//
// Two tables give the same verdicts: NonceCounts, an LRU cache of this thread (one worker), and
// SharedNonceCounts (shared-nonce-counts.ts), a table of the workers' shared state, so a count
// used in one worker is refused in every other.
import { LRUCache } from 'lru-cache';
import { detached } from '../core/detached-string.js';

export type NcVerdict = 'ok' | 'reused' | 'forgotten';

interface Seen {
  issuedS: number;
  nc: number;
  /** The top Via branch of the request that used `nc`, and when (s). */
  branch: string | undefined;
  usedS: number;
}

/** How long a retransmission of the request that used a count may come (64 × T1 of 500 ms). */
export const RETRANSMISSION_S = 32;

export interface NonceCountTable {
  readonly limit: number;
  readonly expireS: number;
  /** Entries held now. */
  readonly size: number;
  /**
   * Records `nc` for the nonce when it is higher than any seen, or accepts a retransmission of
   * the request that used it (same branch, within RETRANSMISSION_S); says why not otherwise.
   */
  use(nonce: string, issuedS: number, nc: number, nowS: number, branch?: string): NcVerdict;
}

export class NonceCounts implements NonceCountTable {
  /**
   * In first-use order: looked up with peek (which leaves the order alone), so the least
   * recently used entry is the oldest inserted. Not a Map used as a queue: V8 keeps a deleted
   * entry's slot until the table is rebuilt and every new iterator walks the deleted ones from
   * the front, so once the table was full each new nonce cost 22-72 µs (the oldest taken
   * with `entries().next()` walked up to ~160 000 deleted slots; measured in a loop of
   * 100 000 new nonces a round, issue times rising 1 s per 2000).
   * An entry evicted for room raises the floor (dispose, reason 'evict').
   */
  private readonly seen: LRUCache<string, Seen>;
  private floorS = -1;
  private lastPruneS = 0;

  constructor(
    readonly limit: number,
    readonly expireS: number,
  ) {
    this.seen = new LRUCache<string, Seen>({
      max: limit,
      dispose: (s, _nonce, reason) => {
        if (reason === 'evict' && s.issuedS > this.floorS) this.floorS = s.issuedS;
      },
    });
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * Records `nc` for the nonce when it is higher than any seen, or accepts a retransmission of
   * the request that used it (same branch, within RETRANSMISSION_S); says why not otherwise.
   */
  use(nonce: string, issuedS: number, nc: number, nowS: number, branch?: string): NcVerdict {
    const s = this.seen.peek(nonce);
    if (s) {
      if (nc === s.nc && branch !== undefined && branch === s.branch && nowS - s.usedS <= RETRANSMISSION_S) return 'ok';
      if (nc <= s.nc) return 'reused';
      s.nc = nc;
      s.branch = branch === undefined ? undefined : detached(branch);
      s.usedS = nowS;
      return 'ok';
    }
    if (issuedS <= this.floorS) return 'forgotten';
    this.pruneExpired(nowS);
    // when full, the oldest entry goes (dispose raises the floor to its issue time)
    this.seen.set(detached(nonce), { issuedS, nc, branch: branch === undefined ? undefined : detached(branch), usedS: nowS });
    return 'ok';
  }

  /**
   * Once a second, the expired entries at the front go (first-use order is close to issue
   * order; one used long after its issue waits behind a live one, harmlessly: an expired
   * nonce is refused before its count is looked at). Never a scan per insert: once the table
   * was full, a full scan per new nonce cost milliseconds each and the server collapsed.
   */
  private pruneExpired(nowS: number): void {
    if (nowS === this.lastPruneS) return;
    this.lastPruneS = nowS;
    const expired: string[] = [];
    // rkeys: oldest first (lru-cache types rentries' pairs loosely)
    for (const k of this.seen.rkeys()) {
      if (nowS - this.seen.peek(k)!.issuedS <= this.expireS) break;
      expired.push(k);
    }
    for (const k of expired) this.seen.delete(k);
  }
}
