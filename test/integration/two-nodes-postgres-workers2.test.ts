// The two-node suite over postgres with each node's engine in 2 worker threads.
import '../support/workers-2.js';
import './two-nodes-postgres.test.js';
