// Item 5: a huge string passed to a KSR function. The guest's stub refuses it before it is
// copied out of the interpreter (limits.max_value_bytes, 1 MiB by default): the call raises an
// error naming the limit, the route fails with 500, and nothing blocks the server.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 5,
  title: 'a 256-million-character string passed to KSR.pv.sets is refused before it is copied',
  async after(server) {
    await server.waitForOutput(/KSR\.pv\.sets: argument 2 is longer than \d+ bytes \(limits\.max_value_bytes\)/);
  },
};
