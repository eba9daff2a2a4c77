import { reloadSuite } from './reload-suite.js';

reloadSuite('python');
