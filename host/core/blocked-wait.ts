// Time a thread spent blocked inside a KSR call without using CPU: a synchronous store call
// (host/store/sync-bridge.ts), an HTTP query (host/http), a media relay's answer. Kamailio's
// worker simply waits there; ksr-host's per-message CPU budget (runtimes/call-chain.ts) is
// wall-clock capped, so it takes these waits off its clock (bounded per message there), or a
// route that waited 200 ms for a database would be stopped as if it had looped. One counter per
// thread: only one message's callbacks run at a time in a thread, and the budget takes what was
// noted at its next look.
let pendingMs = 0;

/** Called by whoever blocked the thread (Atomics.wait), with how long it waited. */
export function noteBlockedWait(ms: number): void {
  if (ms > 0) pendingMs += ms;
}

/** The waits noted since the last take (the budget credits them), and reset. */
export function takeBlockedWait(): number {
  const ms = pendingMs;
  pendingMs = 0;
  return ms;
}

/**
 * Sleeps until slot `slot` of `words` holds `value` (a worker thread answered, or became
 * ready), at most `timeoutMs`; true when it does. The time slept is noted as blocked. The one
 * synchronous wait of the store's bridge, http_client's fetch thread and the media relays'
 * control thread.
 */
export function sleepUntil(words: Int32Array, slot: number, value: number, timeoutMs: number): boolean {
  const started = performance.now();
  const deadline = started + timeoutMs;
  try {
    for (;;) {
      const seen = Atomics.load(words, slot);
      if (seen === value) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(words, slot, seen, left);
    }
  } finally {
    noteBlockedWait(performance.now() - started);
  }
}
