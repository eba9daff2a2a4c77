// Issue 10: a script's regular expressions run on the host thread, outside the isolate's CPU
// limit, so every KSR function that takes one runs it on the linear-time engine
// (host/text/regex.ts). Each trigger makes one such call, the next function of the list each
// time, with a catastrophic pattern (`(a+)+$`, exponential in a backtracking engine) on a
// ~60 KB message (a 30 KB header and a 30 KB body of 'a's), then answers 200: no call may
// stall the server (other clients answered within 100 ms) or fail.
import type { AttackSpec } from '../attack-spec.js';

/** How many functions the scripts' lists hold (ksr_regex.js/.lua/.py): one trigger each. */
export const KSR_REGEX_CALLS = 25;

export const attack: AttackSpec = {
  item: 4,
  title: 'a catastrophic pattern given to each regex-taking KSR function runs in bounded time',
  repeat: KSR_REGEX_CALLS,
  expectStatus: 200,
  maxGapMs: 100,
  headers: [`X-Bomb: ${'a'.repeat(30_000)}!`],
  body: `${'a'.repeat(30_000)}!\r\n`,
  pauseMs: 50,
};
