// uac in real server processes: From replaced with auto restore through sipp (caller → ksr-host
// → callee), remote registrations to a second ksr-host that challenges, uac_auth answering an
// upstream 407, and get_redirects following a 302.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { explain, scenario, startSipp, sippCallThrough } from '../support/sipp.js';
import { freePort } from '../support/ports.js';

const servers: ServerProcess[] = [];
after(async () => {
  for (const s of servers) await s.stop();
});

function scriptFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ksr-uac-')), name);
  writeFileSync(file, text);
  return file;
}

const local = (name: string) => fileURLToPath(new URL(`./scenarios/${name}`, import.meta.url));

const PROXY_HEAD = `
function ksr_request_route() {
  if (KSR.siputils.has_totag() > 0) {
    if (KSR.rr.loose_route() > 0 || (KSR.is_ACK() && KSR.tm.t_check_trans() > 0)) { KSR.tm.t_relay(); }
    KSR.x.exit();
  }
  if (KSR.is_ACK()) { if (KSR.tm.t_check_trans() > 0) { KSR.tm.t_relay(); } KSR.x.exit(); }
  KSR.rr.record_route();
`;

const call = (server: ServerProcess, caller: string, callee: string, service: string, calleeKeys: Record<string, string> = {}) =>
  sippCallThrough({ proxyPort: server.port, caller, callee, service, calleeKeys, serverOutput: () => server.output() });

test('uac_replace_from with auto restore: the callee sees the new From, the caller its own in the 200 and in the callee\'s BYE', async () => {
  const script = scriptFile('replace.js', `${PROXY_HEAD}
  KSR.uac.uac_replace_from('Anonymous', 'sip:anon@hidden.invalid');
  if (KSR.tm.t_relay() < 0) { KSR.sl.sl_reply_error(); }
  KSR.x.exit();
}
`);
  const server = await startServerProcess({ script, workers: 1, config: () => ({ modules: { uac: { restore_mode: 'auto', restore_passwd: 'k3y' } } }) });
  servers.push(server);
  await call(server, local('caller-keeps-from.xml'), local('callee-sees-new-from.xml'), 'bob');
});

void scenario;

const REGISTRAR = `
function ksr_request_route() {
  if (KSR.is_REGISTER()) {
    if (KSR.auth.pv_www_authenticate('prov', 'pw1', 0) < 0) { KSR.auth.www_challenge('prov', 0); KSR.x.exit(); }
    KSR.registrar.save('location', 0);
    KSR.x.exit();
  }
  KSR.sl.sl_send_reply(404, 'Not Here');
}
`;

async function until<T>(what: string, f: () => Promise<T | null>, ms = 10000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('remote registration: a uacreg row registers to a second ksr-host that challenges; its ul.dump shows the binding', async () => {
  const registrar = await startServerProcess({ script: scriptFile('registrar.js', REGISTRAR), workers: 1 });
  servers.push(registrar);
  const client = await startServerProcess({
    script: scriptFile('client.js', `function ksr_request_route() { KSR.sl.sl_send_reply(404, 'Not Here'); }\n`),
    workers: 1,
    config: ({ port }) => ({
      modules: {
        uac: {
          reg_contact_addr: `127.0.0.1:${port}`, reg_retry_interval: 2,
          registrations: [{ l_uuid: 'acc1', l_username: 'local1', l_domain: 'pbx.local', r_username: 'remote1', r_domain: `127.0.0.1:${registrar.port}`, realm: 'prov', auth_username: 'remote1', auth_password: 'pw1', expires: 300 }],
        },
      },
    }),
  });
  servers.push(client);
  const dump = await until('the binding on the registrar', async () => {
    const r = await registrar.rpc('ul.dump');
    return JSON.stringify(r.result ?? '').includes(`sip:acc1@127.0.0.1:${client.port}`) ? r.result : null;
  });
  assert.match(JSON.stringify(dump), /remote1/);
  const regs = await until('the record online', async () => {
    const r = await client.rpc('uac.reg_dump');
    return r.result?.[0]?.flags & 4 ? r.result : null;
  });
  assert.equal(regs[0].l_uuid, 'acc1');
  assert.ok(regs[0].diff_expires > 200 && regs[0].diff_expires <= 300, JSON.stringify(regs[0]));
  const info = await client.rpc('uac.reg_info', ['l_uuid', 'acc1']);
  assert.equal(info.result.r_username, 'remote1');
  assert.equal((await client.rpc('uac.reg_disable', ['l_uuid', 'acc1'])).result, 'ok');
  assert.equal((await client.rpc('uac.reg_info', ['l_uuid', 'acc1'])).result.flags & 1, 1);
});

const BRANCH_ROUTE = `
// the shared uas-answer.xml callee checks for this header
function ksr_branch_manage() { KSR.hdr.append('X-Branch-Route: js\\r\\n'); }
`;

test('uac_auth in a failure route answers the upstream proxy\'s 407; the call goes through', async () => {
  const upstream = await startServerProcess({
    workers: 1,
    script: scriptFile('upstream.js', `${PROXY_HEAD}
  if (KSR.auth.pv_proxy_authenticate('up.example', 'pw1', 0) < 0) { KSR.auth.proxy_challenge('up.example', 0); KSR.x.exit(); }
  KSR.hdr.append('X-Authenticated: yes\\r\\n');
  if (KSR.tm.t_relay() < 0) { KSR.sl.sl_reply_error(); }
  KSR.x.exit();
}
${BRANCH_ROUTE}`),
  });
  servers.push(upstream);
  const proxy = await startServerProcess({
    workers: 1,
    config: () => ({ modules: { uac: { credentials: ['alice:up.example:pw1'] } } }),
    script: scriptFile('proxy.js', `${PROXY_HEAD}
  KSR.pv.sets('$du', 'sip:127.0.0.1:${upstream.port}');
  KSR.tm.t_on_failure('ksr_failure');
  KSR.tm.t_on_branch('ksr_branch_manage');
  if (KSR.tm.t_relay() < 0) { KSR.sl.sl_reply_error(); }
  KSR.x.exit();
}
function ksr_failure() {
  var code = KSR.pv.get('$T_reply_code');
  if (code == 401 || code == 407) {
    KSR.info('uac_auth for ' + code + ': ' + KSR.uac.uac_auth() + '\\n');
    KSR.pv.sets('$du', 'sip:127.0.0.1:${upstream.port}');
    KSR.tm.t_on_branch('ksr_branch_manage');
    KSR.tm.t_relay();
  }
}
${BRANCH_ROUTE}`),
  });
  servers.push(proxy);
  await call(proxy, scenario('uac-call.xml'), scenario('uas-answer.xml'), 'bob');
  await proxy.waitForOutput(/uac_auth for 407: 1/);
});

test('get_redirects in a failure route follows a 302 from one callee to another', async () => {
  const proxy = await startServerProcess({
    workers: 1,
    script: scriptFile('redirect.js', `${PROXY_HEAD}
  KSR.tm.t_on_failure('ksr_failure');
  KSR.tm.t_on_branch('ksr_branch_manage');
  if (KSR.tm.t_relay() < 0) { KSR.sl.sl_reply_error(); }
  KSR.x.exit();
}
function ksr_failure() {
  if (KSR.tm.t_check_status('3[0-9][0-9]') > 0) {
    KSR.info('redirects: ' + KSR.uac_redirect.get_redirects(1, 1) + '\\n');
    KSR.tm.t_on_branch('ksr_branch_manage');
    KSR.tm.t_relay();
  }
}
${BRANCH_ROUTE}`),
  });
  servers.push(proxy);
  const secondPort = await freePort();
  const second = startSipp({ scenario: scenario('uas-answer.xml'), localPort: secondPort, transport: 'udp', calls: 1, timeoutS: 20 });
  try {
    await call(proxy, scenario('uac-call.xml'), local('uas-redirect.xml'), 'bob', { target: `127.0.0.1:${secondPort}` });
    const r = await second.done;
    assert.equal(r.code, 0, explain('second callee', r) + `\nserver:\n${proxy.output().slice(-3000)}`);
    await proxy.waitForOutput(/redirects: 1/);
  } finally {
    if (second.child.exitCode === null) second.child.kill('SIGKILL');
  }
});
