// Item 6 (and 4): arrays pushed until the memory limit, kept across requests in a global.
// QuickJS overshot its 128 MB limit to an RSS of 632 MB and blocked the server 5-11 s.
import type { AttackSpec } from '../attack-spec.js';
import { boundedMemory } from '../memory-check.js';

export const attack: AttackSpec = {
  item: 6,
  title: 'an array bomb stops at the memory limit, and the runtime keeps serving or is replaced',
  repeat: 4,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
  after: boundedMemory(700),
};
