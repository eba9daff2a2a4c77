// The UDP flood suite (issue 7 item 12) with the engine in 2 worker threads: the socket thread's
// bounded queues to the workers keep legitimate clients served (host/workers/worker-pool.ts).
import '../support/workers-2.js';
import './sip-udp.test.js';
