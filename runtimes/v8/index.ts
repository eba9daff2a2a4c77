// Engine 'v8': JavaScript run directly in an isolated-vm isolate.
import type { RuntimeOptions, ScriptRuntime } from '../runtime.js';
import { V8Runtime } from './v8-runtime.js';

export async function create(opts: RuntimeOptions): Promise<ScriptRuntime> {
  return V8Runtime.create(opts);
}
