import { tableSuite } from './table-suite.js';

tableSuite('map');
