// Python via pyodide, each instance in an isolate of its own. Boot takes seconds: the
// manager above keeps a warm spare and swaps it in when an instance is broken.
import type { RuntimeOptions, ScriptRuntime } from '../runtime.js';
import { bootPython, DEFAULT_ISOLATE_MB, MB } from './boot.js';
import { PythonRuntime } from './python-runtime.js';

export async function create(opts: RuntimeOptions): Promise<ScriptRuntime> {
  const guest = await bootPython({
    dispatcher: opts.dispatcher,
    wasmCapBytes: opts.limits.memoryMb * MB,
    isolateMb: DEFAULT_ISOLATE_MB,
  });
  return new PythonRuntime(guest, opts.dispatcher, opts.limits);
}
