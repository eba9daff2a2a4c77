// The registrar suite with the engine in 2 worker threads: a binding saved by one worker is
// found by another (the shared location table, host/shared), expiry runs once for all.
import '../support/workers-2.js';
import './registrar.test.js';
