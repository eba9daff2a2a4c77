// Picks and creates a runtime. Each engine's module is loaded only when asked for, so a
// deployment on Lua never loads pyodide.
import type { EngineName, Language, RuntimeOptions, ScriptRuntime } from './runtime.js';

type Factory = (opts: RuntimeOptions) => Promise<ScriptRuntime>;

const FACTORIES: Record<EngineName, () => Promise<Factory>> = {
  v8: async () => (await import('./v8/index.js')).create,
  quickjs: async () => (await import('./quickjs/index.js')).create,
  fengari: async () => (await import('./lua/index.js')).create,
  pyodide: async () => (await import('./python/index.js')).create,
};

export const ENGINES = Object.keys(FACTORIES) as EngineName[];

export const LANGUAGE_OF: Readonly<Record<EngineName, Language>> = {
  v8: 'js',
  quickjs: 'js',
  fengari: 'lua',
  pyodide: 'python',
};

export async function createRuntime(engine: EngineName, opts: RuntimeOptions): Promise<ScriptRuntime> {
  const factory = FACTORIES[engine];
  if (!factory) throw new Error(`unknown engine '${engine}': expected one of ${ENGINES.join(', ')}`);
  return (await factory())(opts);
}

/** The engines a JavaScript script may ask for (routing.engine / --engine). */
export const JS_ENGINES: readonly EngineName[] = ['v8', 'quickjs'];

/**
 * The engine a script file runs on: its extension picks the language; JS runs on v8 unless
 * `requested` (routing.engine, as the operator wrote it) names another JS engine.
 */
export function engineForFile(file: string, requested: string | null = null): EngineName {
  if (requested !== null && !JS_ENGINES.includes(requested as EngineName)) {
    throw new Error(`routing.engine: expected ${JS_ENGINES.join(' or ')}, got '${requested}'`);
  }
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'lua') return 'fengari';
  if (ext === 'py') return 'pyodide';
  if (ext === 'js' || ext === 'mjs' || ext === 'cjs') return (requested as EngineName | null) ?? 'v8';
  throw new Error(`cannot tell the language of '${file}': expected a .js, .lua or .py file`);
}
