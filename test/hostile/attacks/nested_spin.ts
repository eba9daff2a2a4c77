// Item 3: the CPU limit is the message's, not each callback's. 100 routes nested through
// KSR.route, each spinning inside try/pcall/except once the one it called has returned: the
// budget is spent once, the outer callbacks are stopped with the inner one (v8, Lua and Python
// by disposing the isolate, QuickJS by its interrupt handler), the message gets 500.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';
import { request, statusOf, udpExchange } from '../../support/sip-client.js';

export const attack: AttackSpec = {
  item: 3,
  title: '100 spinning routes nested through KSR.route share one CPU budget',
  async after(server) {
    // the next attacks must meet a serving runtime: Python replaces its interpreter after a
    // limit (its spare, then a new spare built in the background, seconds)
    for (let i = 0; i < 40; i++) {
      const [r] = await udpExchange(server.port, request('OPTIONS', server.port), { waitMs: 1000 });
      if (r && statusOf(r) === 200) return;
      await new Promise((res) => setTimeout(res, 500));
    }
    assert.fail('the server did not serve 200 again within 60 s of the nested spins');
  },
};
