// Item 4's audit: a catastrophic regular expression runs inside the engine's matcher; it must
// be stopped at the CPU limit like any loop (V8's irregexp checks for termination, QuickJS's
// matcher polls the interrupt handler, fengari's matcher is JavaScript).
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 4,
  title: 'a catastrophic regular expression is stopped at the CPU limit',
  repeat: 2,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
};
