// Item 6: a loop that catches "out of memory" and allocates again. In QuickJS the handler was
// asked only every 10 000 ticks, so this ran 35 s at the cap; now the allocation that fails
// at the cap gets the script stopped at the next tick.
import type { AttackSpec } from '../attack-spec.js';
import { boundedMemory } from '../memory-check.js';

export const attack: AttackSpec = {
  item: 6,
  title: 'catching "out of memory" does not keep a script running at the memory limit',
  repeat: 3,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
  after: boundedMemory(700),
};
