// Item 7: a route that calls itself through KSR.route without end (1000+ deep if nothing
// stopped it). The nesting limit (limits.max_route_depth) refuses the call past it with an
// error naming the limit; every runtime, QuickJS included, survives the depth it allows. As in
// Kamailio, a failed sub-route returns -1 to its caller, so the attack replies itself afterwards.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 7,
  title: 'KSR.route recursing without end is refused past limits.max_route_depth',
  repeat: 3,
  async after(server) {
    await server.waitForOutput(/KSR\.route: callbacks nested deeper than \d+ \(limits\.max_route_depth\)/);
    assert.doesNotMatch(server.output(), /UseAfterFree|Maximum call stack/);
  },
};
