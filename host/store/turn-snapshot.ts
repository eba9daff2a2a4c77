// One read transaction per turn of the event loop, for the reads every authentication makes.
// Outside a transaction SQLite in WAL mode takes and drops the WAL read-mark lock for every
// statement (two `fcntl`, counted with strace; one server run also showed an `fstat` per
// registration that is gone with this change): from a file, a subscriber row read
// cost 7.8 µs against 1.5-1.7 inside a transaction, a password read 4.9-5.4 against 0.7-0.85
// (better-sqlite3, 1000 subscribers; bench/micro's WAL case), and each of
// those system calls is paid again in TLB misses on this kind of VM (kernel page-table isolation
// without PCID). So those reads run on a read-only connection of their own whose transaction
// opens at the first read of a turn and ends once the turn's I/O callbacks are done
// (setImmediate: the check phase that follows them).
//
// What a read sees is what it saw before, to within one turn: a write committed by another
// connection or process before the turn's first read is seen; one committed during the turn,
// from the next turn on (a turn is milliseconds). The store ends the snapshot after each of its
// own writes to the table read here, so the next read sees them even in the same turn. A
// snapshot never outlives its turn, so it holds no WAL checkpoint back.
import type Database from 'better-sqlite3';

export class TurnSnapshot {
  private open = false;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;

  /** `db`: the reads' own connection, which the snapshot closes with close(). */
  constructor(private readonly db: Database.Database) {
    this.begin = db.prepare('BEGIN');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  /** Before a read: opens this turn's transaction unless it is open already. */
  enter(): void {
    if (this.open) return;
    // one left open by an end that could not close it is taken over, and ended with this turn
    if (!this.db.inTransaction) this.begin.run();
    this.open = true;
    setImmediate(this.end);
  }

  /** Ends the transaction and closes the connection (the store closes). */
  close(): void {
    this.end();
    if (this.db.open) this.db.close();
  }

  /**
   * Ends the transaction: at the end of the turn, after a write through the store, at close.
   * Never throws: it runs from setImmediate, where an exception would end the process.
   */
  readonly end = (): void => {
    if (!this.open) return;
    this.open = false;
    if (!this.db.open) return;
    try {
      this.commit.run();
    } catch {
      // a read transaction has nothing to commit; if it is still open, it is dropped
      try {
        if (this.db.inTransaction) this.rollback.run();
      } catch {
        // still open: the next read takes it over (enter) and its turn's end tries again
      }
    }
  };
}
