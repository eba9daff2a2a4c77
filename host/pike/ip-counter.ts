// One address's request counts, as Kamailio's pike keeps them on an IP leaf of its tree: the
// hits of the current sampling window and of the previous one. Windows are global (every
// address swaps at the same instants, as pike's swap timer does), numbered floor(now / unit).
// An address is "red" (blocked) while its leaf is hot: prev >= D, curr >= D or their mean >= D
// (D = reqs_density_per_unit); it turns red on the request that makes it hot (-2, logged once)
// and stays red (-1) until a window swap finds it cold (logged as UNBLOCKing).
//
// Kamailio reaches the leaf of an address only after its prefix nodes warm up (blocking between
// D and 3*D requests for IPv4, as its README says); we count from the first request, so an
// address is blocked at D requests in a window: the lower end of that range.

export interface PikeEntry {
  ip: string;
  /** Window number of `curr`. */
  win: number;
  prev: number;
  curr: number;
  red: boolean;
  /** ms since the epoch of the last request. */
  lastSeen: number;
}

/** 1: allowed; -2: blocked from now on (first detection); -1: still blocked. */
export type PikeVerdict = 1 | -1 | -2;

const MAX_HITS = 0xfffe; // pike's counters are unsigned shorts and stop short of overflow

export const windowOf = (nowMs: number, unitS: number): number => Math.floor(nowMs / (unitS * 1000));

export function isHot(e: Pick<PikeEntry, 'prev' | 'curr'>, density: number): boolean {
  return e.prev >= density || e.curr >= density || (e.prev + e.curr) >> 1 >= density;
}

/** WARM as pike.top shows it: a quarter of the density in the current window. */
export function statusOf(e: PikeEntry, density: number): 'HOT' | 'WARM' | '' {
  return isHot(e, density) ? 'HOT' : e.curr >= density >> 2 ? 'WARM' : '';
}

/**
 * Moves the entry to window `win` (swaps as pike's timer would have); returns true when that
 * unblocked it.
 */
export function roll(e: PikeEntry, win: number, density: number): boolean {
  if (e.win >= win) return false;
  e.prev = win - e.win === 1 ? e.curr : 0;
  e.curr = 0;
  e.win = win;
  if (e.red && !isHot(e, density)) {
    e.red = false;
    return true;
  }
  return false;
}

/** One request from the entry's address; the entry is updated in place. */
export function hit(e: PikeEntry, win: number, nowMs: number, density: number): { verdict: PikeVerdict; unblocked: boolean } {
  const unblocked = roll(e, win, density);
  if (e.curr < MAX_HITS) e.curr++;
  e.lastSeen = nowMs;
  if (e.red) return { verdict: -1, unblocked };
  if (isHot(e, density)) {
    e.red = true;
    return { verdict: -2, unblocked };
  }
  return { verdict: 1, unblocked };
}

export const freshEntry = (ip: string, win: number, nowMs: number): PikeEntry => ({ ip, win, prev: 0, curr: 0, red: false, lastSeen: nowMs });
