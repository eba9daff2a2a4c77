// Settings of the overload policy (overload-policy.ts), YAML key `overload:`; README.md says
// what each does.
export interface OverloadSettings {
  /** A sample window counts toward overload when a queue stands and the loop was busy at least this share of it (load-monitor.ts). */
  busyRatio: number;
  /** Overloaded until the load, counting what was shed as if it had been served, falls below this. */
  calmRatio: number;
  /** New requests per second each source address keeps while overloaded (a burst of a tenth of a second's worth). */
  sourceRate: number;
  /** Messages of any kind per second each source address keeps while overloaded (replies, ACK, in-dialog too). */
  sourceRateAny: number;
  /** While overloaded, a new request that waited longer than this before its turn is shed. */
  maxWaitMs: number;
  /**
   * The same for a request over UDP, counting its wait in the kernel's receive buffer
   * (udp-wait-probe.ts). Below T1 (500 ms): while more comes than is served, the queue stands
   * at this age, and an answer that leaves after T1 meets the client's retransmission.
   */
  udpMaxWaitMs: number;
  /** Which shed requests get a stateless 503 with Retry-After (the others are dropped): over TCP only, all, none. */
  reply: 'tcp' | 'all' | 'none';
  retryAfterS: number;
}

export const DEFAULT_OVERLOAD_SETTINGS: Readonly<OverloadSettings> = Object.freeze({
  busyRatio: 0.9,
  calmRatio: 0.7,
  sourceRate: 200,
  sourceRateAny: 1000,
  maxWaitMs: 500,
  udpMaxWaitMs: 250,
  reply: 'tcp',
  retryAfterS: 5,
});
