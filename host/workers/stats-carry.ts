// The whole server's figures stay whole while workers come and go. A worker that does not
// answer within the wait is counted with its last answer; a worker that died and was
// restarted counts from 0 again, and what its former life counted (at its last answer) is kept
// here and added. So every count in kemi.stats only grows, as a reader of counters (Kamailio's
// stats.get_statistics, a Prometheus scrape of it) takes for granted: a sum that goes down is
// read as a reset. Counts made between a dead life's last answer and its death are lost with it.

/** An answer, the worker's index, and the life (pool.lifeOf) it came from. */
export interface LifeAnswer<S> {
  index: number;
  life: number;
  value: S;
}

/** A worker that did not answer, and the life it is in now. */
export interface NoAnswer {
  index: number;
  life: number;
}

export interface CarriedFigures<S> {
  /** Each worker's figures: its answer, or its last one when it did not answer (with `staleMs`). */
  current: Array<{ index: number; value: S; staleMs?: number }>;
  /** The counts of workers' former lives, folded into one (null: no worker died yet). */
  former: S | null;
}

export interface StatsCarryOptions<S> {
  /** The counts of an answer, its levels left out. */
  countsOf(s: S): S;
  /** Two as one. */
  fold(a: S, b: S): S;
  now?(): number;
}

export class StatsCarry<S> {
  private readonly last = new Map<number, { life: number; value: S; at: number }>();
  private former: S | null = null;

  constructor(private readonly o: StatsCarryOptions<S>) {}

  take(answered: readonly LifeAnswer<S>[], unanswered: readonly NoAnswer[]): CarriedFigures<S> {
    const now = this.o.now?.() ?? Date.now();
    const current: CarriedFigures<S>['current'] = [];
    for (const a of answered) {
      this.retireIfEnded(a.index, a.life);
      this.last.set(a.index, { life: a.life, value: a.value, at: now });
      current.push({ index: a.index, value: a.value });
    }
    for (const u of unanswered) {
      this.retireIfEnded(u.index, u.life);
      const kept = this.last.get(u.index);
      if (kept) current.push({ index: u.index, value: kept.value, staleMs: now - kept.at });
    }
    current.sort((a, b) => a.index - b.index);
    return { current, former: this.former };
  }

  /** After a reset in the workers (kemi.stats_reset): `clear` applied to what is kept here too. */
  reset(clear: (s: S) => S): void {
    for (const kept of this.last.values()) kept.value = clear(kept.value);
    if (this.former) this.former = clear(this.former);
  }

  /** The last answer kept for `index` came from an earlier life: its counts join the former lives'. */
  private retireIfEnded(index: number, life: number): void {
    const kept = this.last.get(index);
    if (!kept || kept.life === life) return;
    const counts = this.o.countsOf(kept.value);
    this.former = this.former ? this.o.fold(this.former, counts) : counts;
    this.last.delete(index);
  }
}
