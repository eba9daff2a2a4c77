// What the calling thread and the synchronous HTTP bridge's worker say to each other.
import type { HttpOutcome, HttpRequestSpec } from './fetch-once.js';

/** Int32 slots of the shared buffer. */
export const FETCH_SLOT = { DONE: 0, WANTED: 1, READY: 2 } as const;
export const FETCH_SLOTS_BYTES = 16;

export interface FetchRequest {
  id: number;
  spec: HttpRequestSpec;
}

export interface FetchReply {
  id: number;
  outcome: HttpOutcome;
}
