// Serves the TCP connections that have messages waiting, in turns, so that no connection and
// no number of connections holds the event loop: each waiting connection gets at most
// tcp.messages_per_turn messages per visit, and a turn ends after TURN_BUDGET_MS of work,
// leaving the rest to the next turn of the event loop (setImmediate). In between, UDP
// datagrams, new connections and timers are served.
//
// Two queues, as fq_codel keeps new and old flows: a connection that had nothing waiting when
// its bytes came (a new client, a quiet peer) is visited before those still working through a
// backlog, which go round among themselves. So a message on a fresh connection waits for at
// most one visit of each other fresh connection, not for a round of every pipelining one.
import { performance } from 'node:perf_hooks';

/** Work per turn across all connections; a visit that takes longer ends the turn after it. */
export const TURN_BUDGET_MS = 10;

export interface Servable {
  /** Handles up to its per-turn share; true when more messages wait. */
  serveTurn(): boolean;
}

export class TurnScheduler {
  private readonly fresh: Servable[] = [];
  private readonly old: Servable[] = [];
  private readonly waiting = new Set<Servable>();
  private scheduled = false;

  constructor(private readonly budgetMs = TURN_BUDGET_MS) {}

  /**
   * `c` has messages (or may have): it is served in the next turn, before the backlogged
   * ones when `fresh` (it had nothing waiting).
   */
  enqueue(c: Servable, fresh = false): void {
    if (this.waiting.has(c)) return;
    this.waiting.add(c);
    (fresh ? this.fresh : this.old).push(c);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private run(): void {
    this.scheduled = false;
    const deadline = performance.now() + this.budgetMs;
    // each connection waiting when the turn began is visited at most once in it
    let visits = this.fresh.length + this.old.length;
    while (visits-- > 0) {
      const c = this.fresh.shift() ?? this.old.shift();
      if (!c) break;
      this.waiting.delete(c);
      let more = false;
      try {
        more = c.serveTurn();
      } finally {
        if (more) this.enqueue(c);
      }
      if (performance.now() >= deadline) break;
    }
    if (this.fresh.length + this.old.length > 0) this.schedule();
  }
}
