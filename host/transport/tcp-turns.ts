// Serves the TCP connections that have messages waiting, in turns, so that no connection and
// no number of connections holds the event loop: each waiting connection gets at most
// tcp.messages_per_turn messages per visit, visits go round in arrival order, and a turn ends
// after TURN_BUDGET_MS of work, leaving the rest to the next turn of the event loop
// (setImmediate). In between, UDP datagrams, new connections and timers are served.
import { performance } from 'node:perf_hooks';

/** Work per turn across all connections; a message that takes longer ends the turn after it. */
export const TURN_BUDGET_MS = 10;

export interface Servable {
  /** Handles up to its per-turn share; true when more messages wait. */
  serveTurn(): boolean;
}

export class TurnScheduler {
  private readonly queue: Servable[] = [];
  private readonly waiting = new Set<Servable>();
  private scheduled = false;

  constructor(private readonly budgetMs = TURN_BUDGET_MS) {}

  /** `c` has messages (or may have): it is served in the next turn. */
  enqueue(c: Servable): void {
    if (this.waiting.has(c)) return;
    this.waiting.add(c);
    this.queue.push(c);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.run());
    }
  }

  private run(): void {
    this.scheduled = false;
    const deadline = performance.now() + this.budgetMs;
    // each connection waiting when the turn began is visited at most once in it
    for (let visits = this.queue.length; visits > 0 && this.queue.length > 0; visits--) {
      const c = this.queue.shift()!;
      this.waiting.delete(c);
      let more = false;
      try {
        more = c.serveTurn();
      } finally {
        if (more) this.enqueue(c);
      }
      if (performance.now() >= deadline) break;
    }
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.run());
    }
  }
}
