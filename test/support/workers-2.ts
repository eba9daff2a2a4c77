// Imported first by a *-workers2.test.ts file: every server the suite it imports next starts
// runs 2 worker threads (test/support/server-process.ts reads KSR_TEST_WORKERS).
process.env.KSR_TEST_WORKERS = '2';
