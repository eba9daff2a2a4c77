// What the manager and runtimes/index.ts know of engine 'quickjs' before loading it.
import type { RuntimeDeclaration } from '../runtime.js';

export const quickjs = {
  engine: 'quickjs',
  language: 'js',
  extensions: ['js', 'mjs', 'cjs'],
  // its interrupt handler stops every frame and leaves the context sound; one that hit its
  // memory cap is replaced, and a build (~30 ms, 5-11 ms on the serving thread, its watchdog
  // thread after) would leave requests without a runtime meanwhile: a warm spare waits
  recovery: { fromTimeout: true, keepsSpare: true },
  load: async () => (await import('./index.js')).create,
} as const satisfies RuntimeDeclaration;
