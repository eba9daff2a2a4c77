// Timer values of the transaction layer (RFC 3261 §17 and Kamailio's tm parameters), in ms.
// Tests shorten them; everything else derives from these.
export interface TmSettings {
  /** RFC 3261 T1: RTT estimate, first retransmission interval. */
  t1: number;
  /** RFC 3261 T2: cap of the retransmission interval (non-INVITE requests, INVITE final replies). */
  t2: number;
  /** RFC 3261 T4: how long a message may stay in the network (timers I, K, and the wait after a 2xx). */
  t4: number;
  /** Kamailio fr_timer: time for the first reply of a branch, then 408. */
  frTimer: number;
  /** Kamailio fr_inv_timer: time for the final reply of an INVITE branch after a provisional one. */
  frInvTimer: number;
  /** Kamailio max_inv_lifetime / max_noninv_lifetime (t_is_expired, t_clean). */
  maxInvLifetime: number;
  maxNoninvLifetime: number;
  /** Send 100 Trying when an INVITE transaction is created (Kamailio auto_inv_100). */
  auto100: boolean;
}

export const DEFAULT_TM_SETTINGS: Readonly<TmSettings> = Object.freeze({
  t1: 500,
  t2: 4000,
  t4: 5000,
  frTimer: 30_000,
  frInvTimer: 120_000,
  maxInvLifetime: 180_000,
  maxNoninvLifetime: 32_000,
  auto100: true,
});
