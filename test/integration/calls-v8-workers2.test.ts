// The v8 call flows with the engine in 2 worker threads.
import '../support/workers-2.js';
import './calls-v8.test.js';
