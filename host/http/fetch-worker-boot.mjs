// Worker threads do not inherit the parent's tsx loader on Node 20: register it here, then
// load the TypeScript worker (as host/store/bridge-worker-boot.mjs does).
// Used only when running the sources: from dist/ the compiled entry starts directly (host/workers/worker-entry.ts).
import { register } from 'tsx/esm/api';

register();
await import('./fetch-worker.ts');
