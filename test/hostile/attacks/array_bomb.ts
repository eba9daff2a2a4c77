// Item 6 (and 4): arrays pushed until the memory limit, kept across requests in a global.
// QuickJS overshot its 128 MB limit to an RSS of 632 MB and blocked the server 5-11 s.
import type { AttackSpec } from '../attack-spec.js';
import { boundedMemory } from '../memory-check.js';

export const attack: AttackSpec = {
  item: 6,
  title: 'an array bomb stops at the memory limit, and the runtime keeps serving or is replaced',
  repeat: 4,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
  // the CPU limit, then a full GC of a heap filled to its limit (and, when the runtime is
  // replaced, the new one's start): fengari's tables took a client's wait to 215 ms once in a
  // CI-like run against the default 2 × 100 ms
  maxGapMs: 300,
  after: boundedMemory(700),
};
