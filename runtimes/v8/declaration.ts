// What the manager and runtimes/index.ts know of engine 'v8' before loading it.
import type { RuntimeDeclaration } from '../runtime.js';

export const v8 = {
  engine: 'v8',
  language: 'js',
  extensions: ['js', 'mjs', 'cjs'],
  preferred: true,
  // an isolate's timeout leaves V8 sound; a hard stop (isolate disposed) makes it broken, and
  // a new one builds in a few ms, within the turn of the event loop: no spare needed
  recovery: { fromTimeout: true, keepsSpare: false },
  load: async () => (await import('./index.js')).create,
} as const satisfies RuntimeDeclaration;
