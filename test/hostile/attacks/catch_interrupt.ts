// Item 8: a script that catches what stops it (Python: the KeyboardInterrupt of the watchdog)
// and then tries to act on the message. It must not win: every KSR call after the interrupt
// stops it again (the sticky stop), the request gets 500, and Python keeps its instance.
import type { AttackSpec } from '../attack-spec.js';
import { assertPythonKept, BREATH_MS, statsDelta } from '../runtime-stats.js';

const stats = statsDelta();

export const attack: AttackSpec = {
  item: 8,
  title: 'a script that catches the interrupt and goes on replying is stopped, 500',
  repeat: 3,
  pauseMs: BREATH_MS,
  before: stats.before,
  async after(server) {
    assertPythonKept(await stats.delta(server), 3);
  },
};
