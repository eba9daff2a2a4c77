// Engine 'quickjs': JavaScript in quickjs-emscripten, a wasm sandbox with its own limits.
import type { RuntimeOptions, ScriptRuntime } from '../runtime.js';
import { QuickJSScriptRuntime } from './quickjs-runtime.js';

export async function create(opts: RuntimeOptions): Promise<ScriptRuntime> {
  return QuickJSScriptRuntime.create(opts);
}
