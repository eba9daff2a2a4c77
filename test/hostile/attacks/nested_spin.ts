// Item 3: the CPU limit is the message's, not each callback's. 100 routes nested through
// KSR.route, each spinning inside try/pcall/except once the one it called has returned: the
// budget is spent once, the outer callbacks are stopped with the inner one, the message gets 500.
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = { item: 3, title: '100 spinning routes nested through KSR.route share one CPU budget' };
