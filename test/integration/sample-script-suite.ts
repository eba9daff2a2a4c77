// The same checks for every runtime: the sample script (a registrar with digest
// authentication in front of a stateful proxy), served by a real ksr-host process on SQLite,
// answers sipp's OPTIONS and authenticated REGISTERs for 1000 users from an injection file,
// refuses wrong passwords, stale and replayed credentials, and finds users through lookup.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { explain, runSipp, scenario } from '../support/sipp.js';
import { headerValue, request, statusOf, udpExchange } from '../support/sip-client.js';
import { makeUsers, writeSippUsers, writeUserCsv, type TestUser } from '../support/users.js';
import { digestAuthorization, parseChallenge } from '../support/digest-client.js';

const SCRIPTS = { js: 'routing.js', lua: 'routing.lua', python: 'routing.py' } as const;
const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const USERS = 1000;
/**
 * Short, so the stale-nonce test need not wait long; long enough for sipp's 401 → REGISTER even
 * when the test file beside this one starves the server (at 3 s, a run where sipp made only 85
 * of its 200 calls/s saw a tenth of its REGISTERs come back 401 stale=true).
 */
const NONCE_EXPIRE_S = 10;

/** A request from a user of another domain: a From of ours would have to authenticate first. */
function fromOutside(msg: string): string {
  return msg.replace('From: <sip:alice@127.0.0.1>', 'From: <sip:carol@192.0.2.99>');
}

export function sampleScriptSuite(language: 'js' | 'lua' | 'python', engine?: 'v8' | 'quickjs'): void {
  const label = `${language}${engine ? ` on ${engine}` : ''}`;
  describe(`sample script, ${label}`, () => {
    let server: ServerProcess;
    let dir: string;
    let users: TestUser[];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ksr-sample-'));
      const store = `sqlite:${join(dir, 'ksr.db')}`;
      users = makeUsers(USERS);
      writeUserCsv(join(dir, 'users.csv'), users);
      execFileSync(process.execPath, [BIN, 'user', 'import', join(dir, 'users.csv'), '--store', store], { stdio: 'pipe' });
      const config = join(dir, 'ksr-host.yaml');
      writeFileSync(config, `store: "${store}"\nauth: { secret: "sample-suite-secret-0123456789", nonce_expire_s: ${NONCE_EXPIRE_S} }\n`);
      const script = fileURLToPath(new URL(`../../sample-scripts/${SCRIPTS[language]}`, import.meta.url));
      server = await startServerProcess({ script, engine, extraArgs: ['--config', config], startTimeoutMs: 60000 });
    });
    after(async () => server?.stop());

    for (const transport of ['udp', 'tcp'] as const) {
      test(`sipp OPTIONS over ${transport}`, async () => {
        const run = await runSipp({ scenario: scenario('options.xml'), port: server.port, transport, calls: 50, rate: 200, retransmissions: true });
        assert.equal(run.code, 0, explain('options', run) + `\nserver:\n${server.output().slice(-3000)}`);
      });
    }

    test(`sipp REGISTER with digest authentication for ${USERS} users (401, then 200) over UDP`, async () => {
      const inf = join(dir, 'sipp-users.csv');
      writeSippUsers(inf, users);
      // sipp retransmits as a real UA does over UDP: a datagram dropped under load is sent again
      const run = await runSipp({ scenario: scenario('register-auth.xml'), port: server.port, transport: 'udp', calls: USERS, rate: 200, timeoutS: 90, retransmissions: true, extra: ['-inf', inf] });
      assert.equal(run.code, 0, explain('register-auth', run) + `\nserver:\n${server.output().slice(-3000)}`);
      const dump = (await server.rpc('ul.dump')).result;
      assert.ok(JSON.stringify(dump).includes(users[USERS - 1]!.username), 'the last user is registered');
    });

    test('sipp REGISTER with digest authentication over TCP', async () => {
      const inf = join(dir, 'sipp-users-tcp.csv');
      writeSippUsers(inf, users.slice(0, 50));
      const run = await runSipp({ scenario: scenario('register-auth.xml'), port: server.port, transport: 'tcp', calls: 50, rate: 100, extra: ['-inf', inf] });
      assert.equal(run.code, 0, explain('register-auth tcp', run));
    });

    test('a wrong password is refused and leaves no binding', async () => {
      const victims = makeUsers(3, '127.0.0.1', 'nobind');
      execFileSync(process.execPath, [BIN, 'user', 'add', `${victims[0]!.username}@127.0.0.1`, victims[0]!.password, '--store', `sqlite:${join(dir, 'ksr.db')}`]);
      const inf = join(dir, 'sipp-wrong.csv');
      writeSippUsers(inf, victims.slice(0, 1), { wrongPassword: true });
      const run = await runSipp({ scenario: scenario('register-auth-refused.xml'), port: server.port, transport: 'udp', calls: 1, extra: ['-inf', inf] });
      assert.equal(run.code, 0, explain('wrong password', run));
      const found = await server.rpc('ul.lookup', ['location', `${victims[0]!.username}@127.0.0.1`]);
      assert.equal(found.error?.code, 404, `no binding for a user whose password was wrong: ${JSON.stringify(found)}`);
    });

    /** A REGISTER from `user` (CSeq 1 each time: a new Call-ID per call unless given), with `authorization` when given; returns the reply. */
    async function register(user: TestUser, authorization?: string, callId = `reg-${Math.random()}`, contact = `<sip:${user.username}@127.0.0.1:5999>`): Promise<string> {
      const msg = request('REGISTER', server.port, {
        ruri: `sip:127.0.0.1`,
        headers: [`Contact: ${contact}`, 'Expires: 60', ...(authorization ? [`Authorization: ${authorization}`] : [])],
      })
        .replace(/From: <sip:alice@127\.0\.0\.1>/, `From: <sip:${user.username}@127.0.0.1>`)
        .replace(/To: <sip:bob@127\.0\.0\.1>/, `To: <sip:${user.username}@127.0.0.1>`)
        .replace(/Call-ID: \S+/, `Call-ID: ${callId}`);
      const [reply] = await udpExchange(server.port, msg);
      return reply ?? '';
    }

    test('an expired nonce is challenged again with stale=true; a replayed nonce-count is refused', async () => {
      const user = users[7]!;
      const first = await register(user);
      assert.equal(statusOf(first), 401);
      assert.equal(headerValue(first, 'X-Routed-By'), language);
      const ch = parseChallenge(headerValue(first, 'WWW-Authenticate')!);
      const creds = digestAuthorization(ch, { username: user.username, password: user.password, method: 'REGISTER', uri: 'sip:127.0.0.1' });
      assert.equal(statusOf(await register(user, creds, 'replay-1')), 200);
      const replay = await register(user, creds, 'replay-2');
      assert.equal(statusOf(replay), 401, 'the same nonce-count again must be refused');
      await sleep((NONCE_EXPIRE_S + 1) * 1000);
      const later = digestAuthorization(ch, { username: user.username, password: user.password, method: 'REGISTER', uri: 'sip:127.0.0.1', nc: 2 });
      const stale = await register(user, later, 'stale-1');
      assert.equal(statusOf(stale), 401);
      assert.equal(parseChallenge(headerValue(stale, 'WWW-Authenticate')!).stale, true, stale);
    });

    test('lookup: a registered user is called where it registered; 480 not registered; 404 unknown', async () => {
      const callee = dgram.createSocket('udp4');
      await new Promise<void>((r) => callee.bind(0, '127.0.0.1', () => r()));
      try {
        // a subscriber of its own: the sipp run above registered every one of `users` at sipp's address
        const user: TestUser = { username: 'callee1', domain: '127.0.0.1', password: 'pw-callee-1' };
        execFileSync(process.execPath, [BIN, 'user', 'add', 'callee1@127.0.0.1', user.password, '--store', `sqlite:${join(dir, 'ksr.db')}`]);
        const contact = `<sip:${user.username}@127.0.0.1:${callee.address().port}>`;
        const ch = parseChallenge(headerValue(await register(user, undefined, 'lookup-1', contact), 'WWW-Authenticate')!);
        const creds = digestAuthorization(ch, { username: user.username, password: user.password, method: 'REGISTER', uri: 'sip:127.0.0.1' });
        assert.equal(statusOf(await register(user, creds, 'lookup-1', contact)), 200);
        const arrived = new Promise<string>((r) => callee.once('message', (m) => r(m.toString())));
        const invite = fromOutside(request('INVITE', server.port, { ruri: `sip:${user.username}@127.0.0.1:${server.port}` }));
        void udpExchange(server.port, invite, { waitMs: 1000 });
        const got = await Promise.race([arrived, sleep(3000).then(() => '')]);
        assert.match(got, new RegExp(`^INVITE sip:${user.username}@127\\.0\\.0\\.1:${callee.address().port} SIP/2\\.0`), got);
      } finally {
        callee.close();
      }
      // a subscriber who never registered: 480; somebody we do not know: 404
      execFileSync(process.execPath, [BIN, 'user', 'add', 'never@127.0.0.1', 'pw-never-1', '--store', `sqlite:${join(dir, 'ksr.db')}`]);
      const [never] = await udpExchange(server.port, fromOutside(request('MESSAGE', server.port, { ruri: `sip:never@127.0.0.1:${server.port}` })));
      assert.equal(statusOf(never ?? ''), 480, never);
      const [unknown] = await udpExchange(server.port, fromOutside(request('MESSAGE', server.port, { ruri: `sip:nosuchuser@127.0.0.1:${server.port}` })));
      assert.equal(statusOf(unknown ?? ''), 404, unknown);
    });

    test('a request from one of our users must authenticate with proxy authentication (407)', async () => {
      const msg = request('MESSAGE', server.port, { ruri: 'sip:someone@192.0.2.1' })
        .replace(/From: <sip:alice@127\.0\.0\.1>/, `From: <sip:${users[3]!.username}@127.0.0.1:${server.port}>`);
      const [r] = await udpExchange(server.port, msg);
      assert.equal(statusOf(r ?? ''), 407, r);
      assert.ok(headerValue(r!, 'Proxy-Authenticate'));
    });

    test('kemi.stats counts the request route the engine timed', async () => {
      const { result } = await server.rpc('kemi.stats');
      const route = result.routes.ksr_request_route;
      assert.ok(route.count >= 2000, `count ${route.count}`);
      assert.ok(route.min > 0 && route.min <= route.avg && route.avg <= route.max, JSON.stringify(route));
      assert.equal(result.runtime.language, language);
      assert.equal(result.messages.scriptFailures, 0);
    });
  });
}
