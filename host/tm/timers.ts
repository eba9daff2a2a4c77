// Every timer of the transaction layer goes through one TimerSet: each is unref'd (a pending
// transaction never keeps the process alive) and clearAll() stops them all on shutdown.
export type TimerHandle = ReturnType<typeof setTimeout>;

export class TimerSet {
  private readonly live = new Set<TimerHandle>();

  get size(): number {
    return this.live.size;
  }

  start(ms: number, fn: () => void): TimerHandle {
    const h = setTimeout(() => {
      this.live.delete(h);
      fn();
    }, Math.max(0, ms));
    h.unref();
    this.live.add(h);
    return h;
  }

  stop(h: TimerHandle | null | undefined): null {
    if (h) {
      clearTimeout(h);
      this.live.delete(h);
    }
    return null;
  }

  clearAll(): void {
    for (const h of this.live) clearTimeout(h);
    this.live.clear();
  }
}
