// Kamailio's auth return codes (auth/api.h auth_cfg_result_t), as KSR.auth_db.auth_check and
// KSR.auth.pv_* return them.
export const AUTH = Object.freeze({
  OK: 1,
  /** Generic error: malformed or foreign credentials, store down, a hash we cannot compute. */
  ERROR: -1,
  INVALID_PASSWORD: -2,
  USER_UNKNOWN: -3,
  /** The nonce expired (the response itself was right): challenge again with stale=true. */
  STALE_NONCE: -4,
  NO_CREDENTIALS: -5,
  /** The nonce-count was not higher than one already accepted for that nonce. */
  NONCE_REUSED: -6,
  /** auth_check flag 1: the auth user/realm is not the From (To for REGISTER/PUBLISH) user/domain. */
  USER_MISMATCH: -8,
});

export type AuthCode = (typeof AUTH)[keyof typeof AUTH];
