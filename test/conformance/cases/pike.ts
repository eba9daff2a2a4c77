// Conformance rows of KSR.pike (written with ../case-kit.ts). TEST_MODULE_CONFIG.pike: a density
// of 3 requests per 60 s window, so the third request from one address blocks it.
import type { ConformanceCase } from '../cases.js';
import { c, call, I, type Extra } from '../case-kit.js';

const req = call('pike.pike_check_req');
const other = call('pike.pike_check_ip', '192.0.2.99');
/** The counters are the module's state, not the message's: proved there (windows, unblocking, shared table, bounds). */
const COUNTERS: Extra['exempt'] = { test: 'test/pike/pike.test.ts', why: 'the effect is on pike\'s counters (module state), proved with windows, unblocking and the shared table there' };

export const PIKE_CASES: ConformanceCase[] = [
  c('pike.pike_check_req', [], I(1), { name: 'pike.pike_check_req: the first request of an address passes', exempt: COUNTERS }),
  c('pike.pike_check_req', [], I(-2), {
    setup: [req, req], name: 'pike.pike_check_req: the request reaching the density blocks (-2, logged once)',
    host: { log: { level: 'warn', text: 'KSR.pike.pike_check_req: PIKE - BLOCKing ip 192.0.2.10' } },
    exempt: COUNTERS,
  }),
  c('pike.pike_check_req', [], I(-1), { setup: [req, req, req], name: 'pike.pike_check_req: still blocked (-1)', exempt: COUNTERS }),
  c('pike.pike_check_req', [], I(1), { setup: [other, other, other], name: 'pike.pike_check_req: another address (blocked) does not block this one', exempt: COUNTERS }),
  c('pike.pike_check_ip', ['203.0.113.7'], I(1), { exempt: COUNTERS }),
  c('pike.pike_check_ip', ['[2001:DB8::1]'], I(-1), {
    setup: [call('pike.pike_check_ip', '2001:db8::1'), call('pike.pike_check_ip', '2001:db8:0::1'), call('pike.pike_check_ip', '2001:db8::1')],
    name: 'pike.pike_check_ip: IPv6 spellings are one address',
    exempt: COUNTERS,
  }),
  c('pike.pike_check_ip', ['not an ip'], I(-1), {
    name: 'pike.pike_check_ip: not an address',
    host: { log: { level: 'error', text: 'KSR.pike.pike_check_ip: failed to parse ip address: expected an IPv4 or IPv6 address, got "not an ip"' } },
    exempt: COUNTERS,
  }),
];
