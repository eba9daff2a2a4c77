// Item 6: a loop of slow built-in calls. QuickJS asks its interrupt handler every 10 000
// ticks, and here a tick is a scan of 1 MB: ~2 minutes between two calls. The watchdog
// thread gets the handler asked once the callback is past its deadline.
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = { item: 6, title: 'a loop of slow built-in calls is stopped at the CPU limit', repeat: 3, pauseMs: 250 };
