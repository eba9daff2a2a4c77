// The Lua engine (fengari), as runtimes/index.ts loads it.
import type { RuntimeOptions, ScriptRuntime } from '../runtime.js';
import { guestBundle } from './bundle.js';
import { LuaRuntime } from './lua-runtime.js';

export async function create(opts: RuntimeOptions): Promise<ScriptRuntime> {
  return new LuaRuntime(opts, await guestBundle());
}
