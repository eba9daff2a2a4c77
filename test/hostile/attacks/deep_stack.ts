// Item 7, the stack side: every nested route first recurses 200 calls deep in the script's own
// language and calls KSR.route from the bottom of that; where KSR.route is refused (the nesting
// limit) the script recurses without end. Each runtime must end that as a script error at the
// depth it allows, not by overflowing the host's stack (QuickJS freed itself while in use).
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 7,
  title: 'nested routes with deep script recursion at every level end as script errors',
  async after(server) {
    assert.doesNotMatch(server.output(), /UseAfterFree|quickjs failed/);
  },
};
