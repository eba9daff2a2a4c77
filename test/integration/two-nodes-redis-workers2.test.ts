// The two-node suite over redis with each node's engine in 2 worker threads.
import '../support/workers-2.js';
import './two-nodes-redis.test.js';
