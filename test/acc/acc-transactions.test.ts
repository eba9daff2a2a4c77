// Flag-driven accounting through a real engine on loopback: the request route sets acc's flags
// and relays; the records appear when the transaction ends (tm's events, host/tm/events.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Engine } from '../../host/engine/engine.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { DEFAULT_SETTINGS, type Settings } from '../../host/config/settings.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { openStore } from '../../host/store/open-store.js';
import { ACC_TABLE, layoutNamed } from '../../host/store/module-tables.js';
import { freePort } from '../support/ports.js';
import { FAST_TM, isReply, makeReply, makeRequest, Peer, TableRouter, until, type Route } from '../tm/harness.js';

const ACC = { log_flag: 1, db_flag: 1, log_missed_flag: 2, db_missed_flag: 2, failed_transaction_flag: 3, log_extra: 'src_user=$fU;dst_ouser=$tU' };

async function start(routes: Record<string, Route>) {
  const port = await freePort();
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    listen: [{ proto: 'udp', ip: '127.0.0.1', port }],
    control: null,
    tm: { ...DEFAULT_SETTINGS.tm, ...FAST_TM },
    modules: { acc: ACC },
  };
  const store = await openStore('sqlite::memory:');
  const registry = createRegistry();
  const engine = new Engine(settings, pino({ level: 'debug' }, sink), { store, usrloc: new Usrloc(), pvs: registry.pvs, modules: registry.services });
  engine.setRouter(new TableRouter(routes));
  await engine.start();
  const rows = (t: string) => store.tableRows(layoutNamed(ACC_TABLE, t, 'test'));
  const accLines = () => lines.filter((l) => l.msg?.startsWith('ACC: ')).map((l) => l.msg);
  return { engine, port, rows, accLines, close: async () => (await engine.stop(), await store.close()) };
}

/** Sets the flags the R-URI user asks for (acc1, missed2, none), then relays. */
const ROUTES: Record<string, Route> = {
  ksr_request_route: (KSR, ctx) => {
    if (KSR('is_ACK')) {
      if ((KSR('tm.t_check_trans') as number) > 0) KSR('tm.t_relay');
      KSR('x.exit');
    }
    const user = ctx.msg.ruri.replace(/^sip:([^@]*)@.*$/, '$1');
    if (user.includes('acc')) KSR('setflag', 1);
    if (user.includes('missed')) KSR('setflag', 2);
    if (user.includes('failed')) KSR('setflag', 3);
    KSR('tm.t_relay');
    KSR('x.exit');
  },
};

async function call(port: number, user: string, answer: [number, string]) {
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, answer[0], answer[1]), port);
  };
  try {
    caller.send(makeRequest('INVITE', caller, `sip:${user}@127.0.0.1:${callee.port}`), port);
    await caller.waitFor(isReply(answer[0]), `${answer[0]}`);
  } finally {
    caller.close();
    callee.close();
  }
}

test('INVITE answered 200 with FLT_ACC: one acc row and one "transaction answered" line; no flag: nothing', async () => {
  const p = await start(ROUTES);
  try {
    await call(p.port, 'bob-acc', [200, 'OK']);
    await until(() => p.rows('acc').length === 1, 'the acc row');
    const [row] = p.rows('acc');
    assert.equal(row!.method, 'INVITE');
    assert.equal(row!.sip_code, '200');
    assert.equal(row!.sip_reason, 'OK');
    assert.equal(row!.to_tag, 'uas1');
    assert.ok(String(row!.from_tag).length > 0);
    const lines = p.accLines();
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^ACC: transaction answered: timestamp=\d+;method=INVITE;from_tag=[^;]+;to_tag=uas1;call_id=[^;]+;code=200;reason=OK;src_user=[^;]*;dst_ouser=bob-acc$/);
    await call(p.port, 'carol', [200, 'OK']);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(p.rows('acc').length, 1, 'no flag, no record');
    assert.equal(p.accLines().length, 1);
    assert.equal(p.rows('missed_calls').length, 0);
  } finally {
    await p.close();
  }
});

test('INVITE answered 404 with FLT_ACCMISSED: one missed_calls row and one "call missed" line, once', async () => {
  const p = await start(ROUTES);
  try {
    await call(p.port, 'bob-missed', [404, 'Not Found']);
    await until(() => p.rows('missed_calls').length === 1, 'the missed_calls row');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(p.rows('missed_calls').length, 1);
    assert.equal(p.rows('missed_calls')[0]!.sip_code, '404');
    assert.equal(p.rows('acc').length, 0, 'a failure is not accounted without failed_transaction_flag');
    assert.deepEqual(p.accLines().map((l) => l.replace(/timestamp=\d+.*;code=/, 'timestamp=T;...;code=')), ['ACC: call missed: timestamp=T;...;code=404;reason=Not Found;src_user=' + p.accLines()[0]!.split('src_user=')[1]]);
  } finally {
    await p.close();
  }
});

test('failed_transaction_flag with FLT_ACC: a 486 is accounted in acc too', async () => {
  const p = await start(ROUTES);
  try {
    await call(p.port, 'bob-acc-failed', [486, 'Busy Here']);
    await until(() => p.rows('acc').length === 1, 'the acc row');
    assert.equal(p.rows('acc')[0]!.sip_code, '486');
    assert.equal(p.rows('missed_calls').length, 0);
    assert.equal(p.accLines().filter((l) => l.startsWith('ACC: transaction answered: ')).length, 1);
  } finally {
    await p.close();
  }
});
