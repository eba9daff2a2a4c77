// Bounds of ours on http_client, beyond Kamailio's modparams: a synchronous request must not
// hold a thread longer, nor fill its memory.

/** No synchronous request waits longer than this, whatever the config says. */
export const MAX_TIMEOUT_MS = 10_000;
/** Body bytes read when no maxdatasize bounds it (Kamailio's 0 = unlimited). */
export const HARD_MAX_BODY = 1024 * 1024;
