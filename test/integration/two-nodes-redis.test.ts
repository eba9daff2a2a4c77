// Two ksr-host nodes sharing Redis (usrloc db-only): register on A, lookup and call on B.
import { twoNodeSuite } from './two-nodes-suite.js';
import { redisUrl, stopSharedServices } from '../support/services.js';

// database 2 of the test Redis is this file's
twoNodeSuite('redis', () => redisUrl(2), stopSharedServices);
