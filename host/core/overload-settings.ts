// Settings of the overload policy (overload-policy.ts), YAML key `overload:`; README.md says
// what each does.
export interface OverloadSettings {
  /** The event loop busy at least this share of a sample window: overloaded. */
  busyRatio: number;
  /** Overloaded until the load, counting what was shed as if it had been served, falls below this. */
  calmRatio: number;
  /** New requests per second each source address keeps while overloaded (a burst of one second's worth). */
  sourceRate: number;
  /** While overloaded, a new request that waited longer than this before its turn is shed. */
  maxWaitMs: number;
  /** What a shed request gets: a stateless 503 with Retry-After, or nothing. */
  action: 'reply' | 'drop';
  retryAfterS: number;
}

export const DEFAULT_OVERLOAD_SETTINGS: Readonly<OverloadSettings> = Object.freeze({
  busyRatio: 0.9,
  calmRatio: 0.7,
  sourceRate: 200,
  maxWaitMs: 500,
  action: 'reply',
  retryAfterS: 5,
});
