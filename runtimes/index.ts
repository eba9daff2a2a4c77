// The runtimes there are, from each folder's own declaration (its engine, language, file
// extensions and what the manager must do for it: runtimes/runtime.ts RuntimeDeclaration).
// Adding a language is a folder with a declaration.ts, and one line in RUNTIMES.
// Each engine's module is loaded only when asked for, so a deployment on Lua never loads pyodide.
import type { RuntimeDeclaration, RuntimeLimits, RuntimeOptions, ScriptRuntime } from './runtime.js';
import { v8 } from './v8/declaration.js';
import { quickjs } from './quickjs/declaration.js';
import { fengari } from './lua/declaration.js';
import { pyodide } from './python/declaration.js';

const RUNTIMES = [v8, quickjs, fengari, pyodide] as const;

export type EngineName = (typeof RUNTIMES)[number]['engine'];
export type Language = (typeof RUNTIMES)[number]['language'];

const BY_ENGINE = new Map<string, RuntimeDeclaration>(RUNTIMES.map((r) => [r.engine, r]));

export const ENGINES: readonly EngineName[] = RUNTIMES.map((r) => r.engine);

export const LANGUAGE_OF = Object.freeze(Object.fromEntries(RUNTIMES.map((r) => [r.engine, r.language]))) as Readonly<Record<EngineName, Language>>;

/** CPU time per message when the operator set none (limits.cpu_ms). */
export const DEFAULT_CPU_MS = 100;
/** Memory of a runtime when the operator set none (limits.memory_mb), unless its declaration says more. */
export const DEFAULT_MEMORY_MB = 128;

/**
 * Each language's default limits, from its runtimes' declarations: the one place they are
 * defined (host/config carries only what the operator wrote).
 */
export const DEFAULT_LIMITS = Object.freeze(Object.fromEntries(RUNTIMES.map((r) => [
  r.language,
  Object.freeze({ cpuMs: DEFAULT_CPU_MS, memoryMb: ('defaultMemoryMb' in r ? r.defaultMemoryMb : undefined) ?? DEFAULT_MEMORY_MB }),
]))) as Readonly<Record<Language, RuntimeLimits>>;

/** The limits a runtime of that language runs with: what the operator wrote, else its defaults. */
export function limitsFor(language: Language, written: Partial<RuntimeLimits> = {}): RuntimeLimits {
  const d = DEFAULT_LIMITS[language];
  return {
    cpuMs: written.cpuMs ?? d.cpuMs,
    memoryMb: written.memoryMb ?? d.memoryMb,
    ...(written.maxValueBytes !== undefined ? { maxValueBytes: written.maxValueBytes } : {}),
    ...(written.maxRouteDepth !== undefined ? { maxRouteDepth: written.maxRouteDepth } : {}),
  };
}

export function declarationOf(engine: EngineName): RuntimeDeclaration {
  const d = BY_ENGINE.get(engine);
  if (!d) throw new Error(`unknown engine '${engine}': expected one of ${ENGINES.join(', ')}`);
  return d;
}

type Factory = (opts: RuntimeOptions) => Promise<ScriptRuntime>;
/** Factories once loaded: a rebuild must not wait for the module loader (tsx's hooks run on another thread). */
const loaded = new Map<string, Factory>();

export async function createRuntime(engine: EngineName, opts: RuntimeOptions): Promise<ScriptRuntime> {
  let factory = loaded.get(engine);
  if (!factory) {
    factory = await declarationOf(engine).load();
    loaded.set(engine, factory);
  }
  return factory(opts);
}

/** The engines an operator may choose (routing.engine / --engine): those of a language that has several. */
export const CHOOSABLE_ENGINES: readonly EngineName[] = RUNTIMES.filter(
  (r) => RUNTIMES.filter((o) => o.language === r.language).length > 1,
).map((r) => r.engine);

/** The JavaScript engines (v8, quickjs). */
export const JS_ENGINES: readonly EngineName[] = RUNTIMES.filter((r) => r.language === 'js').map((r) => r.engine);

/**
 * The engine a script file runs on: its extension picks the language; among engines of one
 * language the preferred one unless `requested` (routing.engine, as the operator wrote it)
 * names another of that language (JS: v8 unless quickjs is asked for).
 */
export function engineForFile(file: string, requested: string | null = null): EngineName {
  if (requested !== null && !(CHOOSABLE_ENGINES as readonly string[]).includes(requested)) {
    throw new Error(`routing.engine: expected ${CHOOSABLE_ENGINES.join(' or ')}, got '${requested}'`);
  }
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  const fitting = RUNTIMES.filter((r) => (r.extensions as readonly string[]).includes(ext));
  if (fitting.length === 0) {
    const known = [...new Set(RUNTIMES.flatMap((r) => r.extensions.map((e) => `.${e}`)))].join(', ');
    throw new Error(`cannot tell the language of '${file}': expected a file ending in ${known}`);
  }
  const chosen = fitting.find((r) => r.engine === requested) ?? fitting.find((r) => 'preferred' in r && r.preferred) ?? fitting[0]!;
  return chosen.engine;
}
