// What the manager and runtimes/index.ts know of engine 'fengari' before loading it.
import type { RuntimeDeclaration } from '../runtime.js';

export const fengari = {
  engine: 'fengari',
  language: 'lua',
  extensions: ['lua'],
  // a Lua state stopped from outside is unsound (fengari's error handlers are not restored):
  // after every timeout the manager renews it (a fresh Lua state in the same isolate, the top
  // level run again: ~5 ms, before the stopped request is answered). Replacing the whole
  // runtime instead (~15-20 ms, a spare built after the reply) let new TCP clients wait
  // 240-1600 ms in the hostile suite's timeout bursts, against ~115 ms. An isolate out of
  // memory or hard-stopped (a message's budget spent in nested callbacks) is replaced by a
  // warm spare at once: building one there and then held new TCP clients 170-210 ms in the
  // hostile suite's nested_spin, against 130-140 ms with the spare (deep_stack: ~120 -> ~90).
  recovery: { fromTimeout: false, keepsSpare: true },
  load: async () => (await import('./index.js')).create,
} as const satisfies RuntimeDeclaration;
