// Conformance rows of KSR.acc (written with ../case-kit.ts). TEST_MODULE_CONFIG.acc has Kamailio's
// example log_extra. Rows with `subscribers: true` have a store (a MemoryStore); the others none.
// The log line and the row are the effects: check-case.ts counts a log only for the core log
// functions, so each row names the tests that prove them.
import type { ConformanceCase } from '../cases.js';
import { c, I } from '../case-kit.js';

const logProved = { test: 'test/acc/acc-functions.test.ts', why: 'the log line byte for byte (timestamp aside) and the store rows are checked there' };
const TAIL = 'method=INVITE;from_tag=1928301774;to_tag=;call_id=a84b4c76e66710@192.0.2.10';
const EXTRA = 'src_user=alice;src_domain=localhost;src_ip=192.0.2.10;dst_ouser=bob';

export const ACC_CASES: ConformanceCase[] = [
  c('acc.acc_log_request', ['404 Not found'], I(1), { host: { log: { level: 'notice', text: `;${TAIL};code=404;reason=Not found;${EXTRA}` } }, exempt: logProved }),
  c('acc.acc_log_request', ['Some comment'], I(1), { name: 'acc.acc_log_request without a code', host: { log: { level: 'notice', text: `;code=;reason=Some comment;` } }, exempt: logProved }),
  c('acc.acc_log_request', ['$var(code) x'], I(-1), { name: 'acc.acc_log_request with a PV in the comment', host: { log: { level: 'error', text: 'pseudo-variables are not expanded in KEMI comments' } }, exempt: logProved }),
  c('acc.acc_db_request', ['200 OK', 'acc'], I(1), { subscribers: true, name: 'acc.acc_db_request with a store', exempt: logProved }),
  c('acc.acc_db_request', ['200 OK', 'acc'], I(-1), { name: 'acc.acc_db_request without a store', host: { log: { level: 'error', text: 'KSR.acc.acc_db_request: no store configured' } }, exempt: logProved }),
  c('acc.acc_db_request', ['200 OK', 'no such table!'], I(-1), { subscribers: true, name: 'acc.acc_db_request with a bad table name', host: { log: { level: 'error', text: 'expected a table name' } }, exempt: logProved }),
  c('acc.acc_request', ['200 OK', 'acc'], I(1), { subscribers: true, host: { log: { level: 'notice', text: `ACC: request accounted: timestamp=` } }, exempt: logProved }),
  c('acc.acc_request', ['', 'acc'], I(-1), { name: 'acc.acc_request with an empty comment', host: { log: { level: 'error', text: 'the comment is empty' } }, exempt: logProved }),
];
