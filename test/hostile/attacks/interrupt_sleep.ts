// Item 8: a route that sleeps past its budget. pyodide's own time.sleep waits in C, where no
// interrupt is seen; the sandbox's sleep is a loop the watchdog stops like any other, so the
// instance is kept. Python only (JS and Lua have no sleep in the sandbox).
import type { AttackSpec } from '../attack-spec.js';
import { assertPythonKept, BREATH_MS, statsDelta } from '../runtime-stats.js';

const stats = statsDelta();

export const attack: AttackSpec = {
  item: 8,
  title: 'a route asleep in time.sleep(5) is interrupted at the CPU limit, instance kept',
  repeat: 3,
  pauseMs: BREATH_MS,
  before: stats.before,
  async after(server) {
    assertPythonKept(await stats.delta(server), 3);
  },
};
