// The registrar in a real server process (v8), over real UDP: REGISTER saved, refreshed,
// removed by expires=0 and by `*`, bindings expiring on the usrloc timer with the
// `usrloc:contact-expired` callback, `ksr-host rpc ul.*`, and a restart over one SQLite file
// keeping the bindings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { headerValue, statusOf, udpExchange } from '../support/sip-client.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));

const SCRIPT = `
function ksr_request_route() {
  var m = KSR.pv.get('$rm');
  if (m === 'REGISTER') {
    KSR.registrar.save('location', 0);
    return;
  }
  if (m === 'OPTIONS') {
    var rc = KSR.registrar.lookup('location');
    KSR.hdr.append_to_reply('X-Lookup: ' + rc + ' ' + KSR.pv.get('$ru') + '\\r\\n');
    KSR.sl.send_reply(rc === 1 ? 200 : 404, rc === 1 ? 'Found' : 'Not Found');
  }
}
function ksr_usrloc_event(name) {
  KSR.info('usrloc event ' + name + ' for ' + KSR.pv.get('$ulc(exp=>aor)') + ' at ' + KSR.pv.get('$ulc(exp=>addr)'));
}
`;

let n = 0;
function register(port: number, user: string, contact: string, opts: { expires?: number; callId?: string; cseq?: number } = {}): string {
  n++;
  return [
    `REGISTER sip:127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-it-${n};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@127.0.0.1>;tag=it${n}`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: ${opts.callId ?? `it-${user}`}`,
    `CSeq: ${opts.cseq ?? n} REGISTER`,
    `Contact: ${contact}`,
    ...(opts.expires !== undefined ? [`Expires: ${opts.expires}`] : []),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

function options(port: number, user: string): string {
  n++;
  return [
    `OPTIONS sip:${user}@127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-opt-${n};rport`,
    'Max-Forwards: 70',
    `From: <sip:probe@127.0.0.1>;tag=o${n}`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: opt-${n}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

async function send(s: ServerProcess, text: string): Promise<string> {
  const [reply] = await udpExchange(s.port, text, { waitMs: 5000 });
  assert.ok(reply, `no reply to:\n${text}\nserver output:\n${s.output()}`);
  return reply;
}

function setup(config: string): { dir: string; script: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-registrar-'));
  writeFileSync(join(dir, 'registrar.js'), SCRIPT);
  // no state outside the test unless a test names a store with --store (which wins over this)
  writeFileSync(join(dir, 'config.yaml'), `${config}store: "sqlite::memory:"\n`);
  return { dir, script: join(dir, 'registrar.js'), config: join(dir, 'config.yaml') };
}

test('REGISTER saved, refreshed, removed by expires=0 and by *; lookup finds what is registered', async () => {
  const f = setup('registrar:\n  max_expires: 600\n');
  const s = await startServerProcess({ script: f.script, engine: 'v8', extraArgs: ['--config', f.config] });
  try {
    let r = await send(s, register(s.port, 'alice', '<sip:alice@127.0.0.1:6001>', { expires: 3600, cseq: 1 }));
    assert.equal(statusOf(r), 200);
    assert.match(headerValue(r, 'Contact')!, /^<sip:alice@127\.0\.0\.1:6001>;expires=600$/, 'max_expires cuts 3600 to 600');
    r = await send(s, options(s.port, 'alice'));
    assert.equal(statusOf(r), 200);
    assert.match(headerValue(r, 'X-Lookup')!, /^1 sip:alice@127\.0\.0\.1:6001$/);

    r = await send(s, register(s.port, 'alice', '<sip:alice@127.0.0.1:6001>;expires=300', { cseq: 2 }));
    assert.equal(statusOf(r), 200);
    assert.match(headerValue(r, 'Contact')!, /;expires=300$/, 'refreshed');
    r = await send(s, register(s.port, 'alice', '<sip:alice@127.0.0.1:6001>', { cseq: 1 }));
    assert.equal(statusOf(r), 400, 'an older CSeq is refused');

    r = await send(s, register(s.port, 'alice', '<sip:alice@127.0.0.1:6001>;expires=0', { cseq: 3 }));
    assert.equal(statusOf(r), 200);
    assert.equal(headerValue(r, 'Contact'), undefined, 'no binding left');
    assert.equal(statusOf(await send(s, options(s.port, 'alice'))), 404);

    await send(s, register(s.port, 'bob', '<sip:bob@192.0.2.1:5060>', { callId: 'b1', cseq: 1 }));
    await send(s, register(s.port, 'bob', '<sip:bob@192.0.2.2:5060>', { callId: 'b2', cseq: 1 }));
    const dump = await s.rpc('ul.lookup', ['location', 'bob']);
    assert.equal(dump.result.Contacts.length, 2);
    if (process.env.KSR_TEST_WORKERS === '2') {
      // the workers' shared location table reports its memory: bob's entry (and the table names)
      const shm = (await s.rpc('kemi.stats')).result.workers.sharedLocations;
      assert.equal(shm.entries, 2, JSON.stringify(shm));
      assert.ok(shm.usedBytes >= 128 && shm.totalBytes === 64 * 1024 * 1024, JSON.stringify(shm));
    }
    r = await send(s, register(s.port, 'bob', '*', { callId: 'b3', cseq: 1, expires: 5 }));
    assert.equal(statusOf(r), 400, '* with Expires other than 0');
    r = await send(s, register(s.port, 'bob', '*', { callId: 'b3', cseq: 2, expires: 0 }));
    assert.equal(statusOf(r), 200);
    assert.equal(statusOf(await send(s, options(s.port, 'bob'))), 404);
    assert.equal((await s.rpc('ul.lookup', ['location', 'bob'])).error?.code, 404);
  } finally {
    await s.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('bindings expire on the usrloc timer and the usrloc:contact-expired callback runs', async () => {
  const f = setup('registrar:\n  min_expires: 1\n  max_expires: 1\nusrloc:\n  timer_interval_s: 0.5\n  event_callback: ksr_usrloc_event\n');
  const s = await startServerProcess({ script: f.script, engine: 'v8', extraArgs: ['--config', f.config] });
  try {
    const r = await send(s, register(s.port, 'carol', '<sip:carol@192.0.2.7:5070>', { expires: 60 }));
    assert.match(headerValue(r, 'Contact')!, /;expires=1$/);
    await s.waitForOutput(/usrloc event usrloc:contact-expired for carol at sip:carol@192\.0\.2\.7:5070/, 15000);
    assert.equal(statusOf(await send(s, options(s.port, 'carol'))), 404);
    const dump = await s.rpc('ul.dump');
    assert.deepEqual(dump.result.Domains.flatMap((d: any) => d.Domain.AoRs), []);
  } finally {
    await s.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('ksr-host rpc ul.add / ul.dump / ul.rm; a restart over the same SQLite file keeps the bindings', async () => {
  const f = setup('usrloc:\n  db_mode: write-through\n');
  const db = join(f.dir, 'location.db');
  const args = ['--config', f.config, '--store', `sqlite:${db}`];
  let s = await startServerProcess({ script: f.script, engine: 'v8', extraArgs: args });
  try {
    assert.equal(statusOf(await send(s, register(s.port, 'dave', '<sip:dave@192.0.2.9:5080>', { expires: 600 }))), 200);
    const cli = (...a: string[]) => promisify(execFile)(process.execPath, [BIN, 'rpc', ...a, '--control', `127.0.0.1:${s.controlPort}`, '--state-dir', s.stateDir]);
    await cli('ul.add', 'location', 'erin', 'sip:erin@192.0.2.10:5090', '600', '0.5');
    const { stdout } = await cli('ul.dump');
    const aors = JSON.parse(stdout).Domains.flatMap((d: any) => d.Domain.AoRs.map((a: any) => a.Info.AoR)).sort();
    assert.deepEqual(aors, ['dave', 'erin']);
    await s.stop();

    s = await startServerProcess({ script: f.script, engine: 'v8', extraArgs: args });
    const r = await send(s, options(s.port, 'dave'));
    assert.equal(statusOf(r), 200, 'dave survived the restart');
    assert.equal(headerValue(r, 'X-Lookup'), '1 sip:dave@192.0.2.9:5080');
    assert.equal(statusOf(await send(s, options(s.port, 'erin'))), 200, 'erin (added by RPC) too');
    const removed = await s.rpc('ul.rm', ['location', 'erin']);
    assert.equal(removed.result.removed, 1);
    assert.equal(statusOf(await send(s, options(s.port, 'erin'))), 404);
  } finally {
    await s.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});
