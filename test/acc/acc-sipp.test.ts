// Flag-driven accounting in a real server process, calls made by sipp: the script sets
// FLT_ACC (1) or FLT_ACCMISSED (2) on the INVITE as Kamailio's example scripts do; a call
// answered 200 gives one acc row and line, a call answered 486 one missed_calls row and line,
// a call with no flag nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { scenario, sippCallThrough } from '../support/sipp.js';
import { openStore } from '../../host/store/open-store.js';
import { ACC_TABLE, layoutNamed } from '../../host/store/module-tables.js';

const SCRIPT = `
function ksr_request_route() {
  if (KSR.siputils.has_totag() > 0) {
    if (KSR.rr.loose_route() > 0 || (KSR.is_ACK() && KSR.tm.t_check_trans() > 0)) { KSR.tm.t_relay(); }
    KSR.x.exit();
  }
  if (KSR.is_ACK()) { if (KSR.tm.t_check_trans() > 0) { KSR.tm.t_relay(); } KSR.x.exit(); }
  var user = KSR.pv.gete('$rU');
  if (KSR.is_INVITE() && user.indexOf('acc') >= 0) { KSR.setflag(1); }
  if (KSR.is_INVITE() && user.indexOf('missed') >= 0) { KSR.setflag(2); }
  KSR.rr.record_route();
  KSR.tm.t_on_branch('ksr_branch_manage');
  if (KSR.tm.t_relay() < 0) { KSR.sl.sl_reply_error(); }
  KSR.x.exit();
}
// the shared uas-answer.xml callee checks for this header
function ksr_branch_manage() {
  KSR.hdr.append('X-Branch-Route: js\\r\\n');
}
`;

const uacBusy = fileURLToPath(new URL('./scenarios/uac-busy.xml', import.meta.url));

let server: ServerProcess;
let dbFile: string;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-acc-'));
  const script = join(dir, 'acc.js');
  writeFileSync(script, SCRIPT);
  dbFile = join(dir, 'acc.db');
  server = await startServerProcess({
    script,
    workers: 1,
    config: () => ({
      store: `sqlite:${dbFile}`,
      modules: { acc: { log_flag: 1, db_flag: 1, log_missed_flag: 2, db_missed_flag: 2, failed_transaction_flag: 3, log_extra: 'src_user=$fU;dst_ouser=$tU' } },
    }),
  });
});

after(async () => {
  await server?.stop();
});

const call = (caller: string, callee: string, service: string) =>
  sippCallThrough({ proxyPort: server.port, caller, callee, service, serverOutput: () => server.output() });

async function rows(table: string) {
  const store = await openStore(`sqlite:${dbFile}`);
  try {
    return store.tableRows(layoutNamed(ACC_TABLE, table, 'test'));
  } finally {
    await store.close();
  }
}

test('INVITE with FLT_ACC answered 200: one acc row, one "transaction answered" line', async () => {
  await call(scenario('uac-call.xml'), scenario('uas-answer.xml'), 'bob-acc');
  await server.waitForOutput(/ACC: transaction answered: timestamp=\d+;method=INVITE;from_tag=[^;]+;to_tag=[^;]+;call_id=[^;]+;code=200;reason=OK;src_user=caller;dst_ouser=bob-acc/);
  const acc = await rows('acc');
  assert.equal(acc.length, 1);
  assert.equal(acc[0]!.method, 'INVITE');
  assert.equal(acc[0]!.sip_code, '200');
});

test('INVITE with FLT_ACCMISSED answered 486: one missed_calls row, one "call missed" line', async () => {
  await call(uacBusy, scenario('uas-busy.xml'), 'bob-missed');
  await server.waitForOutput(/ACC: call missed: timestamp=\d+;method=INVITE;[^\n]*code=486;reason=Busy Here;src_user=caller;dst_ouser=bob-missed/);
  const missed = await rows('missed_calls');
  assert.equal(missed.length, 1);
  assert.equal(missed[0]!.sip_code, '486');
  assert.equal((await rows('acc')).length, 1, 'the failed call is not in acc (no failed_transaction_flag)');
});

test('INVITE without flags: no record', async () => {
  await call(scenario('uac-call.xml'), scenario('uas-answer.xml'), 'carol');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await rows('acc')).length, 1);
  assert.equal((await rows('missed_calls')).length, 1);
  assert.equal(server.output().match(/ACC: /g)?.length, 2);
});
