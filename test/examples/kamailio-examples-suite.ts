// Kamailio's own example KEMI scripts, unmodified (read from Debian's kamailio package:
// /usr/share/doc/kamailio/examples/kemi/), served by ksr-host: the flows a new user tries first,
// from addresses other than 127.0.0.1 (127.0.0.10 and up act as other hosts, one per phone) and from a phone
// behind a simulated NAT (Contact and Via with a private address). The reply codes are those
// Kamailio's script gives for each flow (see FLOW_CODES: each is what the script's branches
// reach, traced in the comment beside it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess } from '../support/server-process.js';
import { kamailioMissing, startKamailioExample, writeExampleDb, type ExampleServer } from './kamailio-process.js';
import { MiniUa } from '../support/mini-ua.js';
import { openStore } from '../../host/store/open-store.js';
import { SKIP_RTPENGINE, startRtpengine, type RtpengineDaemon } from '../support/rtpengine.js';

export const EXAMPLES_DIR = '/usr/share/doc/kamailio/examples/kemi';
export const EXAMPLES = {
  lua: 'kamailio-basic-kemi-lua.lua',
  js: 'kamailio-basic-kemi-jsdt.js',
  python: 'kamailio-basic-kemi-python.py',
} as const;

const SERVER_IP = '127.0.0.1';
const PASSWORDS = { alice: 'alice-secret', bob: 'bob-secret', carol: 'carol-secret', natty: 'natty-secret' } as const;
/** The htable ipban's lifetime in the test config: a flooder is let back in after it. */
const IPBAN_EXPIRE_S = 3;

/** Why the suite cannot run here (Kamailio's examples not installed), or undefined. */
export function examplesMissing(language: keyof typeof EXAMPLES): string | undefined {
  const file = join(EXAMPLES_DIR, EXAMPLES[language]);
  if (existsSync(file)) return undefined;
  const why = `${file} is absent (Debian package kamailio; .ci/run installs it)`;
  // CI installs them: there a missing script is a failure, not a skip
  if (process.env.KSR_REQUIRE_EXAMPLES === '1') throw new Error(why);
  return why;
}

/** A reason to skip, unless CI installed what is missing (KSR_REQUIRE_EXAMPLES=1): then a failure. */
function required(why: string | undefined): string | undefined {
  if (why && process.env.KSR_REQUIRE_EXAMPLES === '1') throw new Error(why);
  return why;
}

/** What the flows run against, and where its behaviour differs. */
interface FlowTarget {
  title: string;
  skip: string | undefined;
  /** Starts the server under test on a database with the suite's subscribers and a relay; `gateways`: the ports of dispatcher set 1. */
  start(o: { db: string; relay: RtpengineDaemon; gateways: number[] }): Promise<ExampleServer>;
  /** What a call to a subscriber who is not registered gets: Kamailio's example says 404, ksr-host's sample scripts 480. */
  notRegistered: number;
  /** The JavaScript example's sipout route calls KSR.hdr.append_hf, which no Kamailio exports. */
  brokenSipout: boolean;
  kamailio: boolean;
  /** Flows only ksr-host's sample scripts have: calls to numbers through the gateways of dispatcher set 1. */
  gateways: boolean;
}

/** The config every ksr-host target shares: the WITH_NAT, WITH_ANTIFLOOD and WITH_IPAUTH settings of Kamailio's example cfg. */
function sharedConfig(db: string, relay: RtpengineDaemon): Record<string, unknown> {
  return {
    store: `sqlite:${db}`,
    tm: { fr_inv_timer_ms: 8000 },
    // nathelper and registrar share the received AVP
    registrar: { received_avp: '$avp(RECEIVED)' },
    modules: {
      nathelper: { received_avp: '$avp(RECEIVED)' },
      rtpproxy: { rtpproxy_sock: `udp:127.0.0.1:${relay.udpPort}` },
      rtpengine: { rtpengine_sock: `udp:127.0.0.1:${relay.ngPort}` },
      htable: { tables: [`name=ipban;size=8;autoexpire=${IPBAN_EXPIRE_S}`], timer_interval: 1 },
      // Kamailio's example cfg: sampling_time_unit 2, reqs_density_per_unit 16, remove_latency 4
      pike: { sampling_time_unit: 2, reqs_density_per_unit: 16, remove_latency: 4 },
      permissions: { address: [{ grp: 1, ip_addr: '127.0.0.5', mask: 32, port: 0 }] },
    },
  };
}

async function subscribersIn(db: string): Promise<void> {
  const store = await openStore(`sqlite:${db}`);
  for (const [user, pw] of Object.entries(PASSWORDS)) await store.addSubscriber(user, SERVER_IP, pw);
  await store.close();
}

/**
 * Kamailio's example script, unmodified, against ksr-host (in `engine` for JavaScript) or, with
 * `kamailio`, against Debian's Kamailio running the same script: the same assertions hold for both.
 */
export function kamailioExampleSuite(language: keyof typeof EXAMPLES, engine?: 'v8' | 'quickjs' | 'kamailio'): void {
  const script = join(EXAMPLES_DIR, EXAMPLES[language]);
  const kamailio = engine === 'kamailio';
  flowSuite({
    title: `Kamailio's example script (${EXAMPLES[language]}${engine ? ` on ${engine}` : ''})`,
    skip: examplesMissing(language) ?? required((SKIP_RTPENGINE || undefined) ?? (kamailio ? kamailioMissing(language) : undefined)),
    notRegistered: 404,
    brokenSipout: language === 'js',
    kamailio,
    gateways: false,
    async start({ db, relay }) {
      if (kamailio) {
        writeExampleDb(db, PASSWORDS, SERVER_IP, [{ grp: 1, ip: '127.0.0.5' }]);
        return startKamailioExample(language, script, db, IPBAN_EXPIRE_S, relay.udpPort);
      }
      await subscribersIn(db);
      return startServerProcess({ script, engine: engine as 'v8' | 'quickjs' | undefined, startTimeoutMs: 60_000, config: () => sharedConfig(db, relay) });
    },
  });
}

const SAMPLES = { lua: 'routing.lua', js: 'routing.js', python: 'routing.py' } as const;

/**
 * ksr-host's own sample script with every feature define on (anti-flood, NAT with rtpengine, IP
 * authentication, gateways through dispatcher): the same flows as Kamailio's examples, and calls
 * to numbers through two gateways.
 */
export function sampleScriptFlowSuite(language: keyof typeof SAMPLES, engine?: 'v8' | 'quickjs'): void {
  const script = fileURLToPath(new URL(`../../sample-scripts/${SAMPLES[language]}`, import.meta.url));
  flowSuite({
    title: `sample script ${SAMPLES[language]}${engine ? ` on ${engine}` : ''}, every feature on`,
    skip: required(SKIP_RTPENGINE || undefined),
    notRegistered: 480,
    brokenSipout: false,
    kamailio: false,
    gateways: true,
    async start({ db, relay, gateways }) {
      await subscribersIn(db);
      return startServerProcess({
        script, engine, startTimeoutMs: 60_000,
        config: () => {
          const c = sharedConfig(db, relay);
          return {
            ...c,
            defines: { WITH_ANTIFLOOD: 1, WITH_NAT: 1, WITH_RTPENGINE: 1, WITH_IPAUTH: 1, WITH_DISPATCHER: 1 },
            // flags 2: the failover list, for ds_next_dst in the failure route
            modules: { ...(c.modules as object), dispatcher: { flags: 2, list: gateways.map((port) => ({ setid: 1, destination: `sip:127.0.0.1:${port}` })) } },
          };
        },
      });
    },
  });
}

function flowSuite(target: FlowTarget): void {
  const { kamailio } = target;
  describe(target.title, { skip: target.skip }, () => {
    let server: ExampleServer;
    // the scripts' rtpproxy_manage / rtpengine_manage talk to a real relay
    let relay: RtpengineDaemon;
    let dir: string;
    const uas: MiniUa[] = [];
    // the gateways of dispatcher set 1 (the sample scripts' calls to numbers)
    const gateways: MiniUa[] = [];
    // pike (16 requests per 2 s per address) would ban an address that all the flows share:
    // each UA gets an address of its own, as separate phones would have
    let lastHost = 9;
    const nextIp = () => `127.0.0.${++lastHost}`;
    const ua = async (ip: string, user: keyof typeof PASSWORDS | 'trunk', extra: Partial<ConstructorParameters<typeof MiniUa>[0]> = {}) => {
      const u = await MiniUa.start({ ip, user, server: { ip: SERVER_IP, port: server.port }, password: user === 'trunk' ? undefined : PASSWORDS[user], ...extra });
      uas.push(u);
      return u;
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ksr-examples-'));
      relay = await startRtpengine();
      if (target.gateways) {
        for (let i = 0; i < 2; i++) gateways.push(await MiniUa.start({ ip: SERVER_IP, user: `gw${i + 1}`, server: { ip: SERVER_IP, port: 0 } }));
      }
      server = await target.start({ db: join(dir, 'ksr.db'), relay, gateways: gateways.map((g) => g.port) });
      // the gateways answer the proxy
      for (const g of gateways) g.o.server.port = server.port;
    });

    after(async () => {
      for (const u of [...uas, ...gateways]) u.close();
      await server?.stop();
      await relay?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('keepalive OPTIONS to the server from another host: 200', async () => {
      const a = await ua(nextIp(), 'alice');
      const r = await a.request('OPTIONS', `sip:${SERVER_IP}:${server.port}`);
      assert.equal(r.final?.status, 200, server.output().slice(-3000));
    });

    test('REGISTER without credentials: 401; with them: 200; unregister: 200, then the user is not found', async () => {
      const a = await ua(nextIp(), 'carol');
      const plain = await a.request('REGISTER', `sip:${SERVER_IP}`, { to: a.aor, auth: false, headers: ['Expires: 60'] });
      assert.equal(plain.final?.status, 401, server.output().slice(-3000));
      const reg = await a.request('REGISTER', `sip:${SERVER_IP}`, { to: a.aor, headers: ['Expires: 60'] });
      assert.deepEqual(reg.statuses, [401, 200]);
      const unreg = await a.request('REGISTER', `sip:${SERVER_IP}`, { to: a.aor, headers: ['Expires: 0'] });
      assert.equal(unreg.final?.status, 200);
      const b = await ua(nextIp(), 'bob');
      const call = await b.request('INVITE', a.aor, { body: sdp('127.0.0.3') });
      // authenticated, a local user, not registered: lookup fails → 404 (the sample scripts: 480)
      assert.equal(call.final?.status, target.notRegistered);
    });

    test('a call between two registered users: 407, then 100/180/200, ACK, BYE 200', async () => {
      const alice = await ua(nextIp(), 'alice');
      const bob = await ua(nextIp(), 'bob');
      await register(alice);
      await register(bob);
      const call = await alice.request('INVITE', bob.aor, { body: sdp('127.0.0.2') });
      assert.equal(call.statuses[0], 407);
      assert.deepEqual(call.statuses.slice(1).filter((s) => s >= 180), [180, 200], `statuses ${call.statuses}`);
      assert.ok(bob.received.some((l) => l.startsWith('INVITE ')));
      alice.ack(call.sent, call.final!);
      await sleep(100);
      assert.ok(bob.received.some((l) => l.startsWith('ACK ')), 'the ACK reaches the callee through the record-route');
      const bye = alice.inDialog('BYE', call.sent, call.final!, 3);
      const byeStatuses: number[] = [];
      const byeFinal = await alice.exchange({ ...bye, callId: call.sent.callId, fromTag: call.sent.fromTag }, byeStatuses, 4000);
      assert.equal(byeFinal?.status, 200);
    });

    test('CANCEL of a ringing call: 200 for the CANCEL, 487 for the INVITE', async () => {
      const alice = await ua(nextIp(), 'alice');
      const bob = await ua(nextIp(), 'bob');
      bob.calleeMode = 'ring';
      await register(alice);
      await register(bob);
      let cancelled: Promise<number | undefined> | null = null;
      const call = await alice.request('INVITE', bob.aor, {
        body: sdp('127.0.0.2'),
        onProvisional: (r, sent) => {
          if (r.status !== 180 || cancelled) return;
          const cancel = alice.build('CANCEL', bob.aor, { callId: sent.callId, fromTag: sent.fromTag, branch: sent.branch, cseq: Number(/^CSeq:\s*(\d+)/im.exec(sent.text)![1]) });
          const st: number[] = [];
          cancelled = alice.exchange(cancel, st, 4000).then((f) => f?.status);
        },
      });
      assert.equal(await cancelled, 200);
      assert.equal(call.final?.status, 487);
      alice.ack(call.sent, call.final!);
    });

    test('the callee is busy: 486 reaches the caller', async () => {
      const alice = await ua(nextIp(), 'alice');
      const bob = await ua(nextIp(), 'bob');
      bob.calleeMode = 'busy';
      await register(alice);
      await register(bob);
      const call = await alice.request('INVITE', bob.aor, { body: sdp('127.0.0.2') });
      assert.equal(call.final?.status, 486);
      alice.ack(call.sent, call.final!);
    });

    test('a call to a foreign domain is relayed to it (P-Hint: outbound)', async () => {
      const alice = await ua(nextIp(), 'alice');
      const foreignIp = nextIp();
      const foreign = await MiniUa.start({ ip: foreignIp, user: 'dave', server: { ip: SERVER_IP, port: server.port }, domain: foreignIp });
      uas.push(foreign);
      const call = await alice.request('INVITE', `sip:dave@${foreignIp}:${foreign.port}`, { body: sdp('127.0.0.2') });
      if (target.brokenSipout) {
        // the JavaScript example's sipout route calls KSR.hdr.append_hf, which no Kamailio
        // exports (the Lua and Python ones call KSR.hdr.append): the script fails there. Kamailio
        // then answers nothing; ksr-host answers 500 and logs the script's file and line.
        assert.equal(call.final?.status, kamailio ? undefined : 500, `statuses ${call.statuses}`);
        assert.equal(foreign.received.length, 0);
        // the log line may reach this process after the 500 it went with
        if (!kamailio) await server.waitForOutput!(/kamailio-basic-kemi-jsdt\.js","line":\d+,"outcome":"error","msg":"KSR\.hdr\.append_hf: function append_hf is not available/);
        return;
      }
      assert.equal(call.final?.status, 200, `statuses ${call.statuses}\n${server.output().slice(-4000)}`);
      assert.ok(foreign.received.some((l) => l.startsWith('INVITE ')));
      alice.ack(call.sent, call.final!);
    });

    test('a phone behind NAT registers; a call reaches it at its public address, not its private Contact', async () => {
      const natty = await ua(nextIp(), 'natty', { advertised: { ip: '192.168.1.20', port: 5062 } });
      await register(natty);
      const alice = await ua(nextIp(), 'alice');
      const call = await alice.request('INVITE', natty.aor, { body: sdp('127.0.0.2') });
      assert.equal(call.final?.status, 200, `statuses ${call.statuses}; the phone got ${JSON.stringify(natty.received)}\n${server.output().slice(-3000)}`);
      const invite = natty.receivedTexts.find((t) => t.startsWith('INVITE '));
      assert.ok(invite, 'the INVITE went to the NAT address, not to the private Contact');
      // the callee is behind NAT: its media is anchored on the relay (rtpengine's address in the SDP, its port)
      assert.match(invite, /\r\nc=IN IP4 127\.0\.0\.1\r\n/, `the SDP the phone got: ${invite.slice(invite.indexOf('\r\n\r\n'))}`);
      assert.doesNotMatch(invite, /m=audio 40000 /);
      alice.ack(call.sent, call.final!);
    });

    test('an IP-authenticated trunk (permissions group 1) calls without credentials', async () => {
      const bob = await ua(nextIp(), 'bob');
      await register(bob);
      const trunk = await ua('127.0.0.5', 'trunk', { domain: 'trunk.example.net' });
      const call = await trunk.request('INVITE', bob.aor, { body: sdp('127.0.0.5') });
      assert.equal(call.statuses.includes(407), false, `statuses ${call.statuses}`);
      assert.equal(call.final?.status, 200);
      trunk.ack(call.sent, call.final!);
    });

    // only the sample scripts route numbers to gateways
    if (target.gateways) test('calls to numbers go to the gateways of dispatcher set 1 in turn; a gateway that fails hands the call to the next', async () => {
      const alice = await ua(nextIp(), 'alice');
      const invites = () => gateways.map((g) => g.received.filter((l) => l.startsWith('INVITE ')).length);
      for (const n of ['+4930111', '+4930222']) {
        const call = await alice.request('INVITE', `sip:${n}@${SERVER_IP}`, { body: sdp('127.0.0.2') });
        assert.equal(call.final?.status, 200, `${n}: ${call.statuses}`);
        alice.ack(call.sent, call.final!);
      }
      assert.deepEqual(invites(), [1, 1], 'round robin: one call each');
      gateways[0]!.calleeMode = 'unavailable';
      for (const n of ['+4930333', '+4930444']) {
        const call = await alice.request('INVITE', `sip:${n}@${SERVER_IP}`, { body: sdp('127.0.0.2') });
        assert.equal(call.final?.status, 200, `${n}: ${call.statuses}`);
        alice.ack(call.sent, call.final!);
      }
      // one of the two went first to the failing gateway (503), then to the other one
      assert.deepEqual(invites(), [2, 3]);
      gateways[0]!.calleeMode = 'answer';
    });

    test('a flood from one address is blocked by pike (no answers), and answered again after the ban', async () => {
      const flooder = await ua(nextIp(), 'alice');
      let answered = 0;
      // 60 OPTIONS in ~300 ms: far past 16 per 2 s
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < 60; i++) {
        pending.push(flooder.request('OPTIONS', `sip:${SERVER_IP}:${server.port}`, { waitMs: 500 }).then((r) => r.final && answered++));
        await sleep(5);
      }
      await Promise.all(pending);
      assert.ok(answered < 40, `pike should block most of the flood; ${answered} of 60 answered`);
      const during = await flooder.request('OPTIONS', `sip:${SERVER_IP}:${server.port}`, { waitMs: 500 });
      assert.equal(during.final, null, 'banned: no answer');
      const other = await ua(nextIp(), 'bob');
      assert.equal((await other.request('OPTIONS', `sip:${SERVER_IP}:${server.port}`)).final?.status, 200, 'another address is served');
      await sleep((IPBAN_EXPIRE_S + 4) * 1000);
      const later = await flooder.request('OPTIONS', `sip:${SERVER_IP}:${server.port}`);
      assert.equal(later.final?.status, 200, 'answered again once the ban expired and pike forgot it');
    });

    /** Every earlier binding of the user removed (Contact: *), then this UA's registered. */
    async function register(u: MiniUa): Promise<void> {
      const clear = await u.request('REGISTER', `sip:${SERVER_IP}`, { to: u.aor, contact: '*', headers: ['Expires: 0'] });
      assert.equal(clear.final?.status, 200, `REGISTER * of ${u.o.user}: ${clear.statuses}\n${server.output().slice(-4000)}`);
      const r = await u.request('REGISTER', `sip:${SERVER_IP}`, { to: u.aor, headers: ['Expires: 60'] });
      assert.equal(r.final?.status, 200, `REGISTER of ${u.o.user}: ${r.statuses}`);
    }
  });
}

function sdp(ip: string): string {
  return ['v=0', `o=- 1 1 IN IP4 ${ip}`, 's=-', `c=IN IP4 ${ip}`, 't=0 0', 'm=audio 40000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', ''].join('\r\n');
}
