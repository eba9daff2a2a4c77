// What the manager and runtimes/index.ts know of engine 'pyodide' before loading it.
import type { RuntimeDeclaration } from '../runtime.js';

export const pyodide = {
  engine: 'pyodide',
  language: 'python',
  extensions: ['py'],
  // an interrupted call unwinds and the interpreter is checked (settle): kept unless that
  // fails; a start takes seconds, so a warm spare waits, loaded, for a replacement
  recovery: { fromTimeout: true, keepsSpare: true },
  // pyodide's boot alone takes ~250 MB of wasm memory and heap
  defaultMemoryMb: 384,
  load: async () => (await import('./index.js')).create,
} as const satisfies RuntimeDeclaration;
