// What the socket thread holds for one worker that has no credit (worker-pool.ts), served
// fairly: one lane per source address, in order within a lane, and the lanes taken in turn
// (round robin, one message each), as fair queueing does. A flood from one source then fills
// its own lane, and a message from any other source waits behind at most one message per
// other source, not behind the flood's backlog. Bounded: a lane holds at most `perSource`
// messages and the hold `total`; past them the newest message is refused (the caller counts
// it). In-order per source keeps a TCP connection's messages (one source) in order; UDP
// promises no order across sources anyway.

interface Lane<T> {
  readonly source: string;
  items: T[];
  head: number;
}

export class FairHold<T> {
  private readonly lanes = new Map<string, Lane<T>>();
  /** The lanes with messages, in turn from `next`; a lane served and not empty goes to the back. */
  private turns: Lane<T>[] = [];
  private next = 0;
  private count = 0;

  constructor(
    private readonly total: number,
    private readonly perSource: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Holds `item` for `source`; false when the hold or that source's lane is full. */
  push(source: string, item: T): boolean {
    if (this.count >= this.total) return false;
    let lane = this.lanes.get(source);
    if (!lane) {
      lane = { source, items: [], head: 0 };
      this.lanes.set(source, lane);
      this.turns.push(lane);
    } else if (lane.items.length - lane.head >= this.perSource) return false;
    lane.items.push(item);
    this.count++;
    return true;
  }

  /** The next message in turn, or undefined when nothing is held. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const lane = this.turns[this.next++]!;
    const item = lane.items[lane.head]!;
    lane.items[lane.head++] = undefined as never; // let the bytes go
    this.count--;
    if (lane.head < lane.items.length) {
      if (lane.head > 1024 && lane.head * 2 > lane.items.length) {
        lane.items = lane.items.slice(lane.head);
        lane.head = 0;
      }
      this.turns.push(lane);
    } else this.lanes.delete(lane.source);
    if (this.next === this.turns.length) {
      this.turns = [];
      this.next = 0;
    } else if (this.next > 1024 && this.next * 2 > this.turns.length) {
      this.turns = this.turns.slice(this.next);
      this.next = 0;
    }
    return item;
  }

  /** Forgets everything held; returns how many messages that was. */
  clear(): number {
    const n = this.count;
    this.lanes.clear();
    this.turns = [];
    this.next = 0;
    this.count = 0;
    return n;
  }
}
