// The hostile-scripts suite (issue 7) against a real server on the quickjs engine.
import { hostileSuite } from './hostile-suite.js';

await hostileSuite('quickjs');
