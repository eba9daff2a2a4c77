// The connections of a listener grouped by source address, for the table's bounds: how many a
// source holds (the per-source limit), and which one to evict when the table is full (the
// idlest of the source holding the most). TCP/TLS and WebSocket listeners alike.

export class SourceTable<T> {
  private readonly bySource = new Map<string, Set<T>>();

  add(srcIp: string, item: T): void {
    let set = this.bySource.get(srcIp);
    if (!set) this.bySource.set(srcIp, (set = new Set()));
    set.add(item);
  }

  delete(srcIp: string, item: T): void {
    const set = this.bySource.get(srcIp);
    set?.delete(item);
    if (set?.size === 0) this.bySource.delete(srcIp);
  }

  /** How many the source holds now. */
  held(srcIp: string): number {
    return this.bySource.get(srcIp)?.size ?? 0;
  }

  /** The idlest (smallest idleSince) of the source holding the most. */
  evictionCandidate(idleSince: (item: T) => number): T | undefined {
    let biggest: Set<T> | undefined;
    for (const set of this.bySource.values()) if (!biggest || set.size > biggest.size) biggest = set;
    let victim: T | undefined;
    for (const item of biggest ?? []) if (!victim || idleSince(item) < idleSince(victim)) victim = item;
    return victim;
  }
}
