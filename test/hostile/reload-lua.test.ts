import { reloadSuite } from './reload-suite.js';

reloadSuite('lua');
