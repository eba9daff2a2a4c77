// Item 8: a timeout deep in recursion. Python unwinds the KeyboardInterrupt through every
// frame and keeps its instance; afterwards the same recursion still fits (no recursion budget
// leaked), and the next requests are served.
import type { AttackSpec } from '../attack-spec.js';
import { assertAnswered, assertPythonKept, BREATH_MS, statsDelta } from '../runtime-stats.js';

const stats = statsDelta();

export const attack: AttackSpec = {
  item: 8,
  title: 'a timeout deep in recursion; the same depth works afterwards',
  repeat: 3,
  pauseMs: BREATH_MS,
  before: stats.before,
  async after(server) {
    assertPythonKept(await stats.delta(server), 3);
    const r = await assertAnswered(server, ['X-Attack: interrupt_recursion', 'X-Check: 1'], 200);
    if (!/^SIP\/2\.0 200 depth \d+/.test(r)) throw new Error(`expected "200 depth N", got ${r.split('\r\n')[0]}`);
  },
};
