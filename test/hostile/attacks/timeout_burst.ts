// Item 8: timeouts one after the other (Python used to throw its interpreter away at each and
// had one spare: 10 in a row gave 500 to everyone for 6 s). From ten sources, so that no
// per-source throttle helps: the timeouts themselves must be cheap.
import type { AttackSpec } from '../attack-spec.js';
import { assertPythonKept, BREATH_MS, statsDelta } from '../runtime-stats.js';

const stats = statsDelta();

export const attack: AttackSpec = {
  item: 8,
  title: '10 timeouts in a row, from 10 sources: each costs its budget, no more',
  repeat: 10,
  pauseMs: BREATH_MS,
  sources: 'each',
  before: stats.before,
  async after(server) {
    assertPythonKept(await stats.delta(server), 10);
  },
};
