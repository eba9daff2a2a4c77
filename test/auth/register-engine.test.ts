// Digest authentication end to end: a real server (startServer: script manager, runtime,
// engine, SQLite store) over UDP, a Kamailio-style REGISTER script in JS and Lua, and a client
// computing its responses independently: 401 → 200, a replayed nonce-count → 401 stale=true,
// a wrong password and an unknown user → 401 without stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer } from '../../bin/server.js';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';
import { SipMessage } from '../../host/sip/message.js';
import { freePort } from '../support/ports.js';
import { udpExchange } from '../support/sip-client.js';
import { challengeParams, credentialsValue, type ClientInput } from './digest-client.js';
import { register } from './requests.js';

const SCRIPTS = {
  js: `
function ksr_request_route() {
  if (KSR.is_REGISTER()) {
    var rc = KSR.auth_db.auth_check(KSR.pv.get("$td"), "subscriber", 1);
    if (rc == -1) { KSR.sl.sl_send_reply(500, "Server Error"); KSR.x.exit(); }
    if (rc < 0) { KSR.auth.auth_challenge(KSR.pv.get("$td"), 1); KSR.x.exit(); }
    KSR.auth.consume_credentials();
    KSR.sl.sl_send_reply(200, "OK");
    KSR.x.exit();
  }
  KSR.sl.sl_send_reply(404, "Not here");
}`,
  lua: `
function ksr_request_route()
  if KSR.is_REGISTER() then
    local rc = KSR.auth_db.auth_check(KSR.pv.get("$td"), "subscriber", 1)
    if rc == -1 then KSR.sl.sl_send_reply(500, "Server Error"); KSR.x.exit() end
    if rc < 0 then KSR.auth.auth_challenge(KSR.pv.get("$td"), 1); KSR.x.exit() end
    KSR.auth.consume_credentials()
    KSR.sl.sl_send_reply(200, "OK")
    KSR.x.exit()
  end
  KSR.sl.sl_send_reply(404, "Not here")
end`,
};

/** The REGISTER goes from the exchange's own socket: Via rport sends the reply back there. */
async function send(port: number, auth: string | null, user = 'alice'): Promise<SipMessage> {
  const [reply] = await udpExchange(port, register(auth, user), { waitMs: 5000 });
  assert.ok(reply, 'a reply');
  return SipMessage.parse(Buffer.from(reply, 'latin1'));
}

for (const lang of ['js', 'lua'] as const) {
  test(`REGISTER with digest auth through a ${lang} script, SQLite store`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksr-auth-'));
    const script = join(dir, `registrar.${lang}`);
    writeFileSync(script, SCRIPTS[lang]);
    const port = await freePort();
    const server = await startServer({
      ...DEFAULT_SETTINGS,
      listen: [{ proto: 'udp', ip: '127.0.0.1', port }],
      routing: { script, engine: 'v8' },
      limits: { ...DEFAULT_SETTINGS.limits, cpuMs: 2000 },
      control: null,
      store: 'sqlite::memory:',
      auth: { ...DEFAULT_SETTINGS.auth, secret: 'engine-test-secret-0123' },
    }, pino({ level: 'silent' }));
    try {
      await server.store.addSubscriber('alice', 'localhost', 'wonderland');
      const first = await send(port, null);
      assert.equal(first.status, 401);
      const ch = challengeParams(first.header('www-authenticate')!.value);
      assert.equal(ch.get('realm'), 'localhost');
      const c: ClientInput = { username: 'alice', password: 'wonderland', realm: 'localhost', nonce: ch.get('nonce')!, method: 'REGISTER', uri: 'sip:localhost' };

      assert.equal((await send(port, credentialsValue(c))).status, 200);
      const replay = await send(port, credentialsValue(c));
      assert.equal(replay.status, 401, 'same nc again');
      assert.equal(challengeParams(replay.header('www-authenticate')!.value).get('stale'), 'true');
      assert.equal((await send(port, credentialsValue({ ...c, nc: '00000002' }))).status, 200);

      const wrong = await send(port, credentialsValue({ ...c, nc: '00000003', password: 'looking-glass' }));
      assert.equal(wrong.status, 401);
      assert.equal(challengeParams(wrong.header('www-authenticate')!.value).has('stale'), false);
      const unknown = await send(port, credentialsValue({ ...c, username: 'mallory', nc: '00000004' }), 'mallory');
      assert.equal(unknown.status, 401);
    } finally {
      await server.stop();
    }
  });
}
