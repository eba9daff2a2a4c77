// Item 4: Intl objects keep their ICU state outside the V8 heap (200 000 Intl.DateTimeFormat
// grew RSS by 1.6 GB with a 16 MB heap). Each trigger tries to keep 20 000 of them.
import type { AttackSpec } from '../attack-spec.js';
import { boundedMemory } from '../memory-check.js';

export const attack: AttackSpec = {
  item: 4,
  title: 'Intl objects cannot hold memory outside the limit',
  repeat: 3,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
  after: boundedMemory(400),
};
