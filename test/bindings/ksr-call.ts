// Calls KSR functions by path through a real Dispatcher, as a runtime would.
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher, type KsrJson, type KsrSignal, type KsrValue } from '../../bindings/registry.js';
import type { MsgContext } from '../../host/core/context.js';

const registry = createRegistry();

export type Call = (path: string, ...args: unknown[]) => KsrValue | KsrSignal | KsrJson;

export function ksrOn(ctx: MsgContext): Call {
  const d = new Dispatcher(registry);
  d.context = ctx;
  return (path, ...args) => {
    const e = registry.find(path);
    if (!e) throw new Error(`test: no KSR function ${path}`);
    return d.call(e.index, args);
  };
}
