// The table suite again, each table in the workers' shared state (SQLite rows).
import { useSharedState } from '../support/shared-variant.js';
import { tableSuite } from './table-suite.js';

useSharedState();
tableSuite('shared');
