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
// Two tables give the same verdicts: NonceCounts, a Map of this thread (one worker), and
// SharedNonceCounts (shared-nonce-counts.ts), a table of the workers' shared state, so a count
// used in one worker is refused in every other.
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
  private readonly seen = new Map<string, Seen>();
  private floorS = -1;
  private lastPruneS = 0;

  constructor(
    readonly limit: number,
    readonly expireS: number,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  /**
   * Records `nc` for the nonce when it is higher than any seen, or accepts a retransmission of
   * the request that used it (same branch, within RETRANSMISSION_S); says why not otherwise.
   */
  use(nonce: string, issuedS: number, nc: number, nowS: number, branch?: string): NcVerdict {
    const s = this.seen.get(nonce);
    if (s) {
      if (nc === s.nc && branch !== undefined && branch === s.branch && nowS - s.usedS <= RETRANSMISSION_S) return 'ok';
      if (nc <= s.nc) return 'reused';
      s.nc = nc;
      s.branch = branch === undefined ? undefined : detached(branch);
      s.usedS = nowS;
      return 'ok';
    }
    if (issuedS <= this.floorS) return 'forgotten';
    this.makeRoom(nowS);
    this.seen.set(detached(nonce), { issuedS, nc, branch: branch === undefined ? undefined : detached(branch), usedS: nowS });
    return 'ok';
  }

  private makeRoom(nowS: number): void {
    // Once a second, the expired entries at the front go (the Map is in first-use order, close
    // to issue order; one used long after its issue waits behind a live one, harmlessly: an
    // expired nonce is refused before its count is looked at). Never a scan per insert: once
    // the table was full (100 000 nonces after 50 s at 2000 registrations/s) a full scan per
    // new nonce cost milliseconds each and the server collapsed. Past that, the oldest
    // entries go, and the floor keeps their nonces refused.
    if (nowS !== this.lastPruneS) {
      this.lastPruneS = nowS;
      for (const [k, s] of this.seen) {
        if (nowS - s.issuedS <= this.expireS) break;
        this.seen.delete(k);
      }
    }
    while (this.seen.size >= this.limit) {
      const [k, s] = this.seen.entries().next().value as [string, Seen];
      this.seen.delete(k);
      if (s.issuedS > this.floorS) this.floorS = s.issuedS;
    }
  }
}
