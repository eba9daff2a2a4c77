// Choosing the response to send upstream when every branch has a final one (RFC 3261 §16.7
// step 6): a 6xx wins; otherwise the lowest class; within a class a reply received from a
// branch beats one we generated (408 timeout, 477/478 send failures, faked 487); then the
// earliest branch.
export interface BranchOutcome {
  index: number;
  code: number;
  local: boolean;
}

function rank(o: BranchOutcome): number {
  const cls = Math.floor(o.code / 100);
  return (cls === 6 ? 0 : cls * 10) + (o.local ? 5 : 0);
}

export function pickBest<T extends BranchOutcome>(outcomes: readonly T[]): T | null {
  let best: T | null = null;
  for (const o of outcomes) if (!best || rank(o) < rank(best)) best = o;
  return best;
}
