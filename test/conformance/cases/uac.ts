// Conformance rows of KSR.uac (written with ../case-kit.ts). The module's config for these
// rows is test/support/module-test-config.ts (uac: one uacreg row "acc1", credential AVPs).
import type { ConformanceCase } from '../cases.js';
import { c, I, v } from '../case-kit.js';

const REPLACE_TEST = 'test/uac/replace.test.ts';
const FAILURE_TEST = 'test/uac/failure-route.test.ts';
const REG_TEST = 'test/uac/registrations.test.ts';

export const UAC_CASES: ConformanceCase[] = [
  c('uac.uac_replace_from_uri', ['sip:carol@example.org'], I(1), {
    host: { built: { contains: ['From: "Alice Liddell" <sip:carol@example.org>;tag=1928301774'] } },
  }),
  c('uac.uac_replace_from', ['Bob', 'sip:bob@example.net'], I(1), {
    host: { built: { contains: ['From: Bob <sip:bob@example.net>;tag=1928301774'], lacks: ['Alice Liddell'] } },
  }),
  c('uac.uac_replace_from', ['', 'sip:bob@example.net'], I(1), {
    name: 'uac.uac_replace_from with "" display: the display name goes',
    host: { built: { contains: ['From: <sip:bob@example.net>;tag=1928301774'] } },
  }),
  c('uac.uac_replace_from', ['X', 'sip:x@example.net'], I(-1), {
    name: 'uac.uac_replace_from twice on one request: -1',
    setup: [{ path: 'uac.uac_replace_from_uri', args: ['sip:first@example.net'] }],
    host: { log: { level: 'error', text: 'called uac_replace_from() multiple times' }, built: { contains: ['From: "Alice Liddell" <sip:first@example.net>;tag=1928301774'] } },
  }),
  c('uac.uac_replace_to_uri', ['sip:dave@example.org'], I(1), {
    host: { built: { contains: ['To: Bob <sip:dave@example.org>'] } },
  }),
  c('uac.uac_replace_to', ['"Dave"', 'sip:dave@example.org'], I(1), {
    host: { built: { contains: ['To: "Dave" <sip:dave@example.org>'] } },
  }),
  c('uac.uac_replace_to_uri', ['sip:x@y'], I(-1), {
    name: 'uac.uac_replace_to_uri in a request of a dialog (To tag) in auto mode: -1',
    edit: ['To: Bob <sip:bob@example.com>', 'To: Bob <sip:bob@example.com>;tag=t1'],
    host: { log: { level: 'error', text: 'decline TO replacing in sequential request' }, built: { contains: ['To: Bob <sip:bob@example.com>;tag=t1'] } },
  }),
  c('uac.uac_restore_from', [], I(-1), { name: 'uac.uac_restore_from without our Route param: -1', exempt: { test: REPLACE_TEST, why: 'the restore needs a Route consumed by loose_route with a vsf param: proved with both directions and a tampered param' } }),
  c('uac.uac_restore_to', [], I(-1), { name: 'uac.uac_restore_to without our Route param: -1', exempt: { test: REPLACE_TEST, why: 'as uac_restore_from (vst param)' } }),
  c('uac.uac_auth', [], I(-1), {
    name: 'uac.uac_auth outside a failure route: -1',
    host: { log: { level: 'error', text: 'KSR.uac.uac_auth: no failed branch' } },
    exempt: { test: FAILURE_TEST, why: 'answering a 401/407 needs a failed branch of a transaction' },
  }),
  c('uac.uac_auth_mode', [1], I(-1), {
    name: 'uac.uac_auth_mode outside a failure route: -1',
    host: { log: { level: 'error', text: 'KSR.uac.uac_auth_mode: no failed branch' } },
    exempt: { test: FAILURE_TEST, why: 'HA1 mode proved on a real 401 in a failure route' },
  }),
  c('uac.uac_req_send', [], I(-1), {
    name: 'uac.uac_req_send with $uac_req unset: -1',
    host: { log: { level: 'error', text: 'must be set' } },
    exempt: { test: REG_TEST, why: 'the request goes out asynchronously; its reply runs the uac:reply event callback' },
  }),
  c('uac.uac_reg_lookup', ['acc1', '$var(dst)'], I(1), { host: { pv: { '$var(dst)': 'sip:local1@pbx.local' } } }),
  c('uac.uac_reg_lookup', ['nobody', '$var(dst)'], I(-1), { host: { pv: { '$var(dst)': 0 } } }),
  c('uac.uac_reg_lookup_uri', ['sip:local1@example.org', '$var(u)'], I(1), { host: { pv: { '$var(u)': 'acc1' } } }),
  v('uac.uac_reg_status', ['acc1'], I(-99), { name: 'uac.uac_reg_status of a record not registered yet: -99' }),
  v('uac.uac_reg_status', ['nobody'], I(-1)),
  c('uac.uac_reg_request_to', ['acc1', 0], I(1), {
    host: { ruri: 'sip:remote1@127.0.0.2:5070', dstUri: 'sip:127.0.0.2:5070', pv: { '$avp(uac_user)': 'authuser', '$avp(uac_pass)': 'pw1', '$avp(uac_realm)': 'prov' } },
  }),
  c('uac.uac_reg_request_to', ['local1', 1], I(1), { name: 'uac.uac_reg_request_to by l_username (mode 1)', host: { ruri: 'sip:remote1@127.0.0.2:5070' } }),
  c('uac.uac_reg_enable', ['l_uuid', 'acc1'], I(1), { exempt: { test: REG_TEST, why: 'the record state shows through uac_reg_status and uac.reg_info' } }),
  c('uac.uac_reg_disable', ['l_uuid', 'acc1'], I(1), { exempt: { test: REG_TEST, why: 'the record state shows through uac_reg_status (-3)' } }),
  c('uac.uac_reg_refresh', ['acc1'], I(1), { exempt: { test: REG_TEST, why: 'the record is read again from config and store' } }),
];
