// The simplest hostile route: a loop that never ends, catching whatever it can.
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = { item: 3, title: 'a route that spins forever is stopped at the CPU limit' };
