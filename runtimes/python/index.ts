// Python via pyodide, each instance in an isolate of its own, with a watchdog thread that
// interrupts a call at its deadline. Boot takes seconds and runs off the event loop; the
// manager above keeps a warm spare and swaps it in when an instance is broken.
import type { RuntimeOptions, ScriptRuntime } from '../runtime.js';
import { bootPython, DEFAULT_ISOLATE_MB, MB } from './boot.js';
import { PythonRuntime } from './python-runtime.js';
import { Watchdog } from './watchdog.js';

export async function create(opts: RuntimeOptions): Promise<ScriptRuntime> {
  const watchdog = await Watchdog.start();
  try {
    const guest = await bootPython({
      dispatcher: opts.dispatcher,
      watchdog,
      wasmCapBytes: opts.limits.memoryMb * MB,
      isolateMb: DEFAULT_ISOLATE_MB,
    });
    return new PythonRuntime(guest, opts.dispatcher, opts.limits, watchdog);
  } catch (e) {
    watchdog.dispose();
    throw e;
  }
}
