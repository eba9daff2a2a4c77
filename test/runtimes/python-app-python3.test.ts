// A script in the shape of Kamailio's misc/examples/kemi Python script (app_python3): the
// legacy `import Router.Logger as Logger`, module
// constants, mod_init() logging and returning an object, a class whose __init__ and
// child_init(rank) log, route methods taking msg and calling each other, -255 as "exit" and
// KSR.x.exit(). Kamailio lets the log functions run in mod_init, __init__ and child_init
// (no message needed); so must we, with the real registry (needsMessage: false on the log
// functions). Written for this test, not copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import type { LogLevel } from '../../host/core/services.js';
import { createRuntime } from '../../runtimes/index.js';
import { makeContext } from '../support/sip-fixtures.js';

const SCRIPT = `## routing in Kamailio's app_python3 shape
import sys
import Router.Logger as Logger
import KSR as KSR

FLT_ACC = 1
FLT_NATS = 5
FLB_NATB = 6

def mod_init():
    KSR.info("===== from Python mod init\\n")
    KSR.log("dbg", "mod_init at debug level\\n")
    return kamailio()

class kamailio:
    def __init__(self):
        KSR.info('===== kamailio.__init__\\n')
        KSR.warn('warn from __init__\\n')

    def child_init(self, rank):
        KSR.info('===== kamailio.child_init(%d)\\n' % rank)
        Logger.LM_INFO("legacy Router.Logger at child_init\\n")
        Logger.LM_GEN1(Logger.L_DBG, "legacy LM_GEN1 at debug\\n")
        return 0

    def ksr_request_route(self, msg):
        if self.ksr_route_reqinit(msg) == -255:
            return 1
        if KSR.is_OPTIONS():
            KSR.sl.sl_send_reply(200, "Keepalive")
            KSR.x.exit()
        KSR.sl.sl_send_reply(404, "Not here")
        return 1

    def ksr_route_reqinit(self, msg):
        if KSR.maxfwd.process_maxfwd(10) < 0:
            KSR.sl.sl_send_reply(483, "Too Many Hops")
            return -255
        return 1

    def ksr_reply_route(self, msg):
        KSR.info("===== response - from kamailio python script\\n")
        return 1

    def ksr_onsend_route(self, msg):
        return 1
`;

const OPTIONS = [
  'OPTIONS sip:127.0.0.1:5060 SIP/2.0',
  'Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-app-1',
  'Max-Forwards: 70',
  'From: <sip:probe@127.0.0.1:5099>;tag=a1',
  'To: <sip:127.0.0.1:5060>',
  'Call-ID: app-1',
  'CSeq: 1 OPTIONS',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

test("a script in Kamailio's app_python3 shape loads, logging from mod_init, __init__ and child_init, and routes", async () => {
  const logs: { level: LogLevel; text: string }[] = [];
  const dispatcher = new Dispatcher(createRegistry());
  dispatcher.outside = { core: { logger: { log: (level, text) => logs.push({ level, text }) } } };
  const rt = await createRuntime('pyodide', { dispatcher, limits: { cpuMs: 2000, memoryMb: 384 } });
  try {
    await rt.load(SCRIPT, 'kamailio-basic-kemi-python.py');
    // the lines end where the script's text does: Kamailio's trailing \n is the server log's own line end
    assert.deepEqual(logs, [
      { level: 'info', text: '===== from Python mod init' },
      { level: 'debug', text: 'mod_init at debug level' },
      { level: 'info', text: '===== kamailio.__init__' },
      { level: 'warn', text: 'warn from __init__' },
      { level: 'info', text: '===== kamailio.child_init(1)' },
      { level: 'info', text: 'legacy Router.Logger at child_init' },
      { level: 'debug', text: 'legacy LM_GEN1 at debug' },
    ]);
    for (const cb of ['ksr_request_route', 'ksr_reply_route', 'ksr_onsend_route', 'ksr_route_reqinit']) assert.equal(rt.has(cb), true, cb);
    // the fixture's OPTIONS has Max-Forwards: 0: reqinit answers 483 and returns -255
    const spent = makeContext('options');
    assert.deepEqual(rt.invoke('ksr_request_route', spent), { outcome: 'ok' });
    assert.deepEqual(spent.core.replies.map((r) => r.code), [483]);
    const options = makeContext(OPTIONS);
    assert.deepEqual(rt.invoke('ksr_request_route', options), { outcome: 'stopped' });
    assert.deepEqual(options.core.replies.map((r) => r.code), [200]);
    const invite = makeContext('invite');
    assert.deepEqual(rt.invoke('ksr_request_route', invite), { outcome: 'ok' });
    assert.deepEqual(invite.core.replies.map((r) => r.code), [404]);
  } finally {
    rt.dispose();
  }
});
