// Kamailio's own app_python3 example (Debian's kamailio package ships it; the test is skipped
// where it is absent), served unmodified by a real ksr-host process: its mod_init()/class shape,
// OPTIONS keepalive, REGISTER with digest authentication, and calls whose FLT_ACC and
// FLT_ACCMISSED flags (set by the example) give acc's records.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { headerValue, request, statusOf, udpExchange } from '../support/sip-client.js';
import { digestAuthorization, parseChallenge } from '../support/digest-client.js';

const EXAMPLE = '/usr/share/doc/kamailio/examples/kemi/kamailio-basic-kemi-python.py';
const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const skip = existsSync(EXAMPLE) ? false : `${EXAMPLE} is not on this machine`;

let server: ServerProcess;
let storeUrl: string;

before(async () => {
  if (skip) return;
  const dir = mkdtempSync(join(tmpdir(), 'ksr-pyex-'));
  storeUrl = `sqlite:${join(dir, 'ksr.db')}`;
  for (const u of ['bob', 'dave']) execFileSync(process.execPath, [BIN, 'user', 'add', `${u}@127.0.0.1`, `pw-${u}`, '--store', storeUrl], { stdio: 'pipe' });
  server = await startServerProcess({
    script: EXAMPLE, workers: 1, startTimeoutMs: 90000,
    config: () => ({
      store: storeUrl,
      auth: { secret: 'python-example-secret-0123456789' },
      modules: {
        htable: { tables: ['ipban=>size=8;autoexpire=300'] },
        acc: { log_flag: 1, log_missed_flag: 2, failed_transaction_flag: 3, log_extra: 'src_user=$fU;src_domain=$fd;src_ip=$si;dst_ouser=$tU' },
      },
    }),
  });
});

after(async () => server?.stop());

/** A UDP callee registered for `user`, answering INVITEs with `code`. */
async function callee(user: string, code: number, reason: string) {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  sock.on('message', (m, from) => {
    const text = m.toString();
    if (!text.startsWith('INVITE ')) return;
    const lines = text.split('\r\n');
    const pick = (n: string) => lines.filter((l) => l.toLowerCase().startsWith(`${n}:`));
    const reply = [`SIP/2.0 ${code} ${reason}`, ...pick('via'), ...pick('from'), `${pick('to')[0]};tag=uas-${user}`, ...pick('call-id'), ...pick('cseq'),
      `Contact: <sip:${user}@127.0.0.1:${sock.address().port}>`, 'Content-Length: 0', '', ''].join('\r\n');
    sock.send(reply, from.port, from.address);
  });
  const contact = `<sip:${user}@127.0.0.1:${sock.address().port}>`;
  const register = (authorization?: string) =>
    request('REGISTER', server.port, { ruri: 'sip:127.0.0.1', headers: [`Contact: ${contact}`, 'Expires: 60', ...(authorization ? [`Authorization: ${authorization}`] : [])] })
      .replace('From: <sip:alice@127.0.0.1>', `From: <sip:${user}@127.0.0.1>`)
      .replace('To: <sip:bob@127.0.0.1>', `To: <sip:${user}@127.0.0.1>`)
      .replace(/Call-ID: \S+/, `Call-ID: reg-${user}`);
  const [first] = await udpExchange(server.port, register());
  assert.equal(statusOf(first ?? ''), 401, first);
  const ch = parseChallenge(headerValue(first!, 'WWW-Authenticate')!);
  const creds = digestAuthorization(ch, { username: user, password: `pw-${user}`, method: 'REGISTER', uri: 'sip:127.0.0.1' });
  const [ok] = await udpExchange(server.port, register(creds));
  assert.equal(statusOf(ok ?? ''), 200, ok);
  return { close: () => sock.close() };
}

/** An INVITE from another domain (no authentication asked) to a user of ours; the final status. */
async function inviteTo(user: string): Promise<string[]> {
  const inv = request('INVITE', server.port, { ruri: `sip:${user}@127.0.0.1:${server.port}`, headers: ['Contact: <sip:carol@127.0.0.1:5999>'] })
    .replace('From: <sip:alice@127.0.0.1>', 'From: <sip:carol@192.0.2.99>')
    .replace('To: <sip:bob@127.0.0.1>', `To: <sip:${user}@127.0.0.1>`);
  return udpExchange(server.port, inv, { count: 3, waitMs: 2000 });
}

test('the example loads (mod_init, __init__, child_init) and answers OPTIONS with its keepalive', { skip }, async () => {
  assert.match(server.output(), /===== kamailio\.child_init\(1\)/);
  const [reply] = await udpExchange(server.port, request('OPTIONS', server.port, { headers: ['Contact: <sip:alice@127.0.0.1:5999>'] }));
  assert.match(reply ?? '', /^SIP\/2\.0 200 Keepalive\r\n/);
});

test('a call answered 200 (FLT_ACC set by the example) gives "ACC: transaction answered"', { skip }, async () => {
  const bob = await callee('bob', 200, 'OK');
  try {
    const replies = await inviteTo('bob');
    assert.ok(replies.some((r) => statusOf(r) === 200), JSON.stringify(replies.map((r) => r.split('\r\n')[0])));
    await server.waitForOutput(/ACC: transaction answered: timestamp=\d+;method=INVITE;from_tag=[^;]+;to_tag=uas-bob;call_id=[^;]+;code=200;reason=OK;src_user=carol;src_domain=192\.0\.2\.99;src_ip=127\.0\.0\.1;dst_ouser=bob/);
  } finally {
    bob.close();
  }
});

test('a call answered 486 (FLT_ACCMISSED set by the example after lookup) gives "ACC: call missed" once', { skip }, async () => {
  const dave = await callee('dave', 486, 'Busy Here');
  try {
    const replies = await inviteTo('dave');
    assert.ok(replies.some((r) => statusOf(r) === 486), JSON.stringify(replies.map((r) => r.split('\r\n')[0])));
    await server.waitForOutput(/ACC: call missed: timestamp=\d+;method=INVITE;[^\n]*code=486;reason=Busy Here;src_user=carol/);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(server.output().match(/ACC: call missed:/g)?.length, 1);
    // FLT_ACCFAILED is set by the example only for in-dialog requests: no "transaction answered" for the 486
    assert.equal(server.output().match(/ACC: transaction answered:/g)?.length, 1);
  } finally {
    dave.close();
  }
});
