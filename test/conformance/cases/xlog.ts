// Conformance rows of KSR.xlog (written with ../case-kit.ts). The test cores log at debug
// level 2 (L_INFO): xdbg prints nothing there. A log line is the functions' effect, which
// check-case.ts counts only for the core log functions: each row also names test/xlog/xlog.test.ts.
import type { ConformanceCase } from '../cases.js';
import { c, v, I } from '../case-kit.js';

const proved = { test: 'test/xlog/xlog.test.ts', why: 'the log line is the effect: levels, formats and cuts checked there' };

export const XLOG_CASES: ConformanceCase[] = [
  v('xlog.xdbg', ['hidden $rm'], I(1), { name: 'xlog.xdbg below the debug level: nothing made' }),
  c('xlog.xinfo', ['info $rm from $fU@$si é'], I(1), { host: { log: { level: 'info', text: 'info INVITE from alice@192.0.2.10 é' } }, exempt: proved }),
  c('xlog.xnotice', ['notice $ci'], I(1), { host: { log: { level: 'notice', text: 'notice a84b4c76e66710@192.0.2.10' } }, exempt: proved }),
  c('xlog.xwarn', ['warn $tU $var(none)'], I(1), { host: { log: { level: 'warn', text: 'warn bob 0' } }, exempt: proved }),
  c('xlog.xerr', ['err $(fU{s.len})\n'], I(1), { host: { log: { level: 'error', text: 'err 5' } }, exempt: proved }),
  c('xlog.xalert', ['alert $rU'], I(1), { host: { log: { level: 'crit', text: 'alert bob' } }, exempt: proved }),
  c('xlog.xcrit', ['crit $C(rx)x$C(xx)'], I(1), { host: { log: { level: 'crit', text: 'crit x' } }, exempt: proved }),
  c('xlog.xinfo', ['bad $nosuch'], I(-1), { name: 'xlog.xinfo with a PV that does not exist', host: { log: { level: 'error', text: 'KSR.xlog.xinfo: cannot expand the format' } }, exempt: proved }),
  c('xlog.xlog', ['L_NOTICE', 'leveled $rm'], I(1), { host: { log: { level: 'notice', text: 'leveled INVITE' } }, exempt: proved }),
  c('xlog.xlog', ['l_warn', 'lower case'], I(1), { host: { log: { level: 'warn', text: 'lower case' } }, exempt: proved }),
  c('xlog.xlog', ['nonsense', 'fallback'], I(1), { name: 'xlog.xlog with an unknown level logs at L_ERR', host: { log: { level: 'error', text: 'fallback' } }, exempt: proved }),
  c('xlog.xlog', ['L_DBG', 'hidden $nosuch'], I(1), { name: 'xlog.xlog at L_DBG below the debug level: not even formatted', host: { log: undefined }, exempt: proved }),
  c('xlog.xlog_facility', ['L_INFO', 'LOG_LOCAL5', 'fac $rm'], I(1), { host: { log: { level: 'info', text: 'fac INVITE', fields: { facility: 'LOG_LOCAL5' } } }, exempt: proved }),
  c('xlog.xlog_facility', ['L_INFO', 'nowhere', 'x'], I(-1), { name: 'xlog.xlog_facility with an unknown facility', host: { log: { level: 'error', text: 'invalid syslog facility "nowhere"' } }, exempt: proved }),
];
