// Conformance rows of KSR.uac_redirect (written with ../case-kit.ts). Outside a failure route
// there is no 3xx to follow; the redirects themselves are proved in test/uac/failure-route.test.ts.
import type { ConformanceCase } from '../cases.js';
import { c, I } from '../case-kit.js';

const FAILURE_TEST = 'test/uac/failure-route.test.ts';

export const UAC_REDIRECT_CASES: ConformanceCase[] = [
  c('uac_redirect.get_redirects_all', [], I(-1), {
    host: { branches: [], log: { level: 'error', text: 'KSR.uac_redirect.get_redirects_all: no transaction in a failure route' } },
    exempt: { test: FAILURE_TEST, why: 'the contacts of a 302 become branches only in a failure route' },
  }),
  c('uac_redirect.get_redirects', [2, 1], I(-1), {
    host: { branches: [], log: { level: 'error', text: 'KSR.uac_redirect.get_redirects: no transaction' } },
    exempt: { test: FAILURE_TEST, why: 'limits and q order proved on a real 302' },
  }),
  c('uac_redirect.get_redirects_acc', [0, 0, 'redirected'], I(-1), {
    host: { branches: [], log: { level: 'error', text: 'KSR.uac_redirect.get_redirects_acc: no transaction' } },
    exempt: { test: FAILURE_TEST, why: 'the accounting line per contact is written in a failure route' },
  }),
];
