// Worker threads do not inherit the parent's tsx loader on Node 20: register it here, then
// load the TypeScript worker (as host/store/bridge-worker-boot.mjs does).
// Used only when running the sources: from dist/ the compiled entry starts directly (host/workers/worker-entry.ts).
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// after tsx, as in the main thread (bin/plain-names.mjs): no keepNames helper in the engine's code
registerHooks('./plain-names-hooks.mjs', import.meta.url);
await import('./worker-thread.ts');
