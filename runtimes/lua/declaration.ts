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
  // memory is replaced: built within the turn of the event loop, no spare needed.
  recovery: { fromTimeout: false, keepsSpare: false },
  load: async () => (await import('./index.js')).create,
} as const satisfies RuntimeDeclaration;
