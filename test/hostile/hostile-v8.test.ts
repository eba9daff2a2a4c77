// The hostile-scripts suite (issue 7) against a real server on the v8 engine.
import { hostileSuite } from './hostile-suite.js';

await hostileSuite('v8');
