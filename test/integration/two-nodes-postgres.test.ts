// Two ksr-host nodes sharing PostgreSQL (usrloc db-only): register on A, lookup and call on B.
import { twoNodeSuite } from './two-nodes-suite.js';
import { postgresUrl, stopSharedServices } from '../support/services.js';

twoNodeSuite('postgres', () => postgresUrl(), stopSharedServices);
