// What the manager and runtimes/index.ts know of engine 'fengari' before loading it.
import type { RuntimeDeclaration } from '../runtime.js';

export const fengari = {
  engine: 'fengari',
  language: 'lua',
  extensions: ['lua'],
  // a Lua state stopped from outside is unsound (fengari's error handlers are not restored):
  // replaced after every timeout; a new isolate with the script loaded builds synchronously
  // within the turn of the event loop (~15 ms with the code cache), so no spare is kept
  recovery: { fromTimeout: false, keepsSpare: false },
  load: async () => (await import('./index.js')).create,
} as const satisfies RuntimeDeclaration;
