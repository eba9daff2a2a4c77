// A plain Kamailio-style KEMI proxy script in each language, through startServer (the real
// script manager and runtime): 486 from the first callee → failure route → second callee's 200;
// then a reload between an INVITE and its reply, after which the NEW failure route answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer } from '../../bin/server.js';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';
import { freePort } from '../support/ports.js';
import { FAST_TM, isReply, isRequest, makeReply, makeRequest, Peer } from './harness.js';

type Lang = 'js' | 'lua' | 'py';

/** The script; `failover` is where the failure route sends a 486; `tag` marks its replies. */
function script(lang: Lang, failover: string, tag: string): string {
  if (lang === 'js') {
    return `
function ksr_request_route() {
  if (KSR.tm.t_check_trans() == 0) KSR.x.exit();
  if (KSR.is_CANCEL()) { if (KSR.tm.t_check_trans() > 0) KSR.tm.t_relay(); KSR.x.exit(); }
  if (KSR.siputils.has_totag() > 0) {
    if (KSR.rr.loose_route() > 0) { KSR.tm.t_relay(); KSR.x.exit(); }
    KSR.sl.sl_send_reply(404, "Not here"); KSR.x.exit();
  }
  KSR.rr.record_route();
  KSR.tm.t_on_failure("ksr_failure_route");
  if (KSR.tm.t_relay() < 0) KSR.sl.sl_reply_error();
  KSR.x.exit();
}
function ksr_failure_route() {
  if (KSR.tm.t_is_canceled() > 0) return;
  if (KSR.tm.t_check_status("486|408") > 0) {
    ${failover ? `KSR.pv.sets("$ru", "${failover}"); KSR.tm.t_relay();` : `KSR.tm.t_reply(404, "${tag}");`}
  }
}`;
  }
  if (lang === 'lua') {
    return `
function ksr_request_route()
  if KSR.tm.t_check_trans() == 0 then KSR.x.exit() end
  if KSR.is_CANCEL() then
    if KSR.tm.t_check_trans() > 0 then KSR.tm.t_relay() end
    KSR.x.exit()
  end
  if KSR.siputils.has_totag() > 0 then
    if KSR.rr.loose_route() > 0 then KSR.tm.t_relay(); KSR.x.exit() end
    KSR.sl.sl_send_reply(404, "Not here"); KSR.x.exit()
  end
  KSR.rr.record_route()
  KSR.tm.t_on_failure("ksr_failure_route")
  if KSR.tm.t_relay() < 0 then KSR.sl.sl_reply_error() end
  KSR.x.exit()
end
function ksr_failure_route()
  if KSR.tm.t_is_canceled() > 0 then return end
  if KSR.tm.t_check_status("486|408") > 0 then
    ${failover ? `KSR.pv.sets("$ru", "${failover}"); KSR.tm.t_relay()` : `KSR.tm.t_reply(404, "${tag}")`}
  end
end`;
  }
  return `
import KSR

def ksr_request_route():
    if KSR.tm.t_check_trans() == 0:
        KSR.x.exit()
    if KSR.is_CANCEL():
        if KSR.tm.t_check_trans() > 0:
            KSR.tm.t_relay()
        KSR.x.exit()
    if KSR.siputils.has_totag() > 0:
        if KSR.rr.loose_route() > 0:
            KSR.tm.t_relay()
            KSR.x.exit()
        KSR.sl.sl_send_reply(404, "Not here")
        KSR.x.exit()
    KSR.rr.record_route()
    KSR.tm.t_on_failure("ksr_failure_route")
    if KSR.tm.t_relay() < 0:
        KSR.sl.sl_reply_error()
    KSR.x.exit()

def ksr_failure_route():
    if KSR.tm.t_is_canceled() > 0:
        return
    if KSR.tm.t_check_status("486|408") > 0:
        ${failover ? `KSR.pv.sets("$ru", "${failover}")\n        KSR.tm.t_relay()` : `KSR.tm.t_reply(404, "${tag}")`}
`;
}

for (const [lang, engine] of [['js', 'v8'], ['js', 'quickjs'], ['lua', 'fengari'], ['py', 'pyodide']] as const) {
  test(`Kamailio-style proxy script on ${engine}: failure route re-routes; a reload changes the failure route`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksr-tm-'));
    const file = join(dir, `proxy.${lang}`);
    const busy = await Peer.open();
    const answer = await Peer.open();
    writeFileSync(file, script(lang, `sip:bob@127.0.0.1:${answer.port}`, 'old'));
    const port = await freePort();
    const server = await startServer({
      ...DEFAULT_SETTINGS,
      listen: [{ proto: 'udp', ip: '127.0.0.1', port }],
      routing: { script: file, engine: engine === 'quickjs' ? 'quickjs' : 'v8' },
      limits: { ...DEFAULT_SETTINGS.limits, cpuMs: 2000 },
      control: null,
      // fr_timer long enough for a pyodide reload while the INVITE waits
      tm: { ...DEFAULT_SETTINGS.tm, ...FAST_TM, frTimer: 30_000, frInvTimer: 30_000 },
    }, pino({ level: 'silent' }));
    let reloadBeforeReply = false;
    let reloading: Promise<unknown> | null = null;
    busy.onMessage = async (m) => {
      if (!m.isRequest || m.method !== 'INVITE') return;
      if (reloadBeforeReply) {
        // once, however many retransmissions of the INVITE arrive meanwhile
        reloading ??= (async () => {
          writeFileSync(file, script(lang, '', 'reloaded'));
          const r = await server.manager.reload();
          if (!r.ok) console.error('reload failed', r.error);
        })();
        await reloading;
      }
      busy.send(makeReply(m, 486, 'Busy Here'), port);
    };
    answer.onMessage = (m) => {
      if (m.isRequest && m.method === 'INVITE') answer.send(makeReply(m, 200, 'OK', 'answered'), port);
    };
    const caller = await Peer.open();
    try {
      caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${busy.port}`), port);
      const ok = await caller.waitFor(isReply(200), '200 from the failover callee', 10_000);
      assert.match(ok.header('to')!.value, /tag=answered/);
      assert.ok(answer.received.find(isRequest('INVITE'))!.header('record-route'));

      reloadBeforeReply = true;
      caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${busy.port}`), port);
      const reloaded = await caller.waitFor(isReply(404), '404 from the reloaded failure route', 10_000);
      assert.equal(reloaded.reason, 'reloaded');
    } finally {
      for (const p of [busy, answer, caller]) p.close();
      await server.stop();
    }
  });
}
