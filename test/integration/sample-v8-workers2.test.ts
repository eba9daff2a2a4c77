// The v8 sample script (digest-authenticated registrations through sipp, calls) with the
// engine in 2 worker threads: nonces and their counts shared by the workers.
import '../support/workers-2.js';
import './sample-v8.test.js';
