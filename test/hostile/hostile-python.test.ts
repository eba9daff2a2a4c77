// The hostile-scripts suite (issue 7) against a real server on the pyodide engine.
import { hostileSuite } from './hostile-suite.js';

await hostileSuite('pyodide');
