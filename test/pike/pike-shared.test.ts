// The pike suite with the counters in the workers' shared state (host/pike/pike-table.ts SharedPikeTable).
import { useSharedState } from '../support/shared-variant.js';

useSharedState();
await import('./pike.test.js');
