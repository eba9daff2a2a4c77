// The corex Via switches and set_send_socket through a real engine on 127.0.0.1: a request
// forwarded statelessly (KSR.forward) or by tm (t_relay) carries ;srvid and the xavp_via_params
// fields when switched on (and not when off), and leaves from the listen socket the script chose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';
import { isRequest, makeRequest, Peer, startProxy, type Route } from '../tm/harness.js';
import { freePort } from '../support/ports.js';

const CORE = { serverId: 42, xavpViaParams: 'via', xavpViaFields: 'viaf', xavpViaReplyParams: '' };

/** Our Via line (the top one) of a request the callee received, without its branch value. */
function topViaLine(raw: string): string {
  const line = raw.split('\r\n').find((l) => l.startsWith('Via: '))!;
  return line.replace(/branch=[^;]+/, 'branch=B');
}

async function forwardOnce(route: Route, core = CORE, method = 'MESSAGE'): Promise<{ via: string; from: number; port: number; raw: string }> {
  const callee = await Peer.open();
  const { engine, port } = await startProxy({ ksr_request_route: route }, {}, { core });
  let from = 0;
  let raw = '';
  callee.onMessage = (m, rinfo) => {
    if (m.isRequest && m.method === method) {
      from = rinfo.port;
      raw = m.buf.toString('latin1');
    }
  };
  const caller = await Peer.open();
  try {
    caller.send(makeRequest(method, caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await callee.waitFor(isRequest(method), method);
    return { via: topViaLine(raw), from, port, raw };
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
}

const relayWith = (forward: string, ...calls: Array<[string, ...Array<string | number>]>): Route => (KSR) => {
  for (const [fn, ...args] of calls) KSR(fn, ...args);
  KSR(forward);
};

const SWITCHES: Array<[string, ...Array<string | number>]> = [
  ['pv.sets', '$xavp(via=>tag)', 'abc'],
  ['pv.seti', '$xavp(via[0]=>n)', 5],
  ['pv.sets', '$xavp(via[0]=>flag)', ''],
  ['corex.via_add_srvid', 1],
  ['corex.via_add_xavp_params', 1],
];

for (const forward of ['forward', 'tm.t_relay']) {
  test(`${forward}: via_add_srvid + via_add_xavp_params put ;srvid=42 and the xavp fields on our Via`, async () => {
    const r = await forwardOnce(relayWith(forward, ['add_local_rport'], ...SWITCHES));
    assert.equal(r.via, `Via: SIP/2.0/UDP 127.0.0.1:${r.port};branch=B;rport;srvid=42;flag;n=5;tag=abc`);
  });

  test(`${forward}: the same xavps without the switches leave our Via as it was`, async () => {
    const r = await forwardOnce(relayWith(forward, ...SWITCHES.slice(0, 3)));
    assert.equal(r.via, `Via: SIP/2.0/UDP 127.0.0.1:${r.port};branch=B`);
  });
}

test('switches on but the core parameters unset (Kamailio defaults): nothing added', async () => {
  const r = await forwardOnce(relayWith('forward', ...SWITCHES, ['corex.via_use_xavp_fields', 1]), { ...DEFAULT_SETTINGS.core! });
  assert.equal(r.via, `Via: SIP/2.0/UDP 127.0.0.1:${r.port};branch=B`);
});

test('via_use_xavp_fields: address, port and proto of our Via from xavp_via_fields (string fields only)', async () => {
  const r = await forwardOnce(relayWith('tm.t_relay',
    ['pv.sets', '$xavp(viaf=>address)', 'edge.example.com'],
    ['pv.sets', '$xavp(viaf[0]=>port)', '5099'],
    ['pv.sets', '$xavp(viaf[0]=>proto)', 'tcp'],
    ['corex.via_use_xavp_fields', 1],
  ));
  assert.equal(r.via, 'Via: SIP/2.0/TCP edge.example.com:5099;branch=B');
  const intPort = await forwardOnce(relayWith('forward', ['pv.seti', '$xavp(viaf=>port)', 6000], ['corex.via_use_xavp_fields', 1]));
  assert.equal(intPort.via, `Via: SIP/2.0/UDP 127.0.0.1:${intPort.port};branch=B`, 'an int port is not taken (Kamailio reads string fields)');
});

for (const forward of ['forward', 'tm.t_relay']) {
  test(`${forward}: set_send_socket picks the second UDP listener: the datagram leaves from it and our Via shows it`, async () => {
    const [first, second] = [await freePort(), await freePort()];
    const listen = [{ proto: 'udp' as const, ip: '127.0.0.1', port: first }, { proto: 'udp' as const, ip: '127.0.0.1', port: second }];
    for (const chosen of [null, second]) {
      const calls: Array<[string, ...Array<string | number>]> = chosen ? [['corex.set_send_socket', `udp:127.0.0.1:${chosen}`]] : [];
      const callee = await Peer.open();
      const caller = await Peer.open();
      const { engine } = await startProxy({ ksr_request_route: relayWith(forward, ...calls) }, {}, { listen });
      let from = 0;
      callee.onMessage = (_m, rinfo) => void (from = rinfo.port);
      try {
        caller.send(makeRequest('MESSAGE', caller, `sip:bob@127.0.0.1:${callee.port}`), first);
        const m = await callee.waitFor(isRequest('MESSAGE'), 'MESSAGE');
        const expected = chosen ?? first;
        assert.equal(from, expected, 'the source port of the datagram');
        assert.equal(m.vias()[0]!.port, expected, 'the port our Via shows');
      } finally {
        callee.close();
        caller.close();
        await engine.stop();
      }
    }
  });
}

test('set_send_socket of an address that is none of our listen sockets: 1 and a warning, nothing chosen', async () => {
  const r = await forwardOnce(relayWith('forward', ['corex.set_send_socket', 'udp:127.0.0.1:1']));
  assert.equal(r.from, r.port);
});

test('config core: server_id and xavp names read, Kamailio defaults when absent, bad values named', async () => {
  const { settingsFromConfigText } = await import('../../host/config/load-config.js');
  assert.deepEqual(settingsFromConfigText('core: { server_id: 9, xavp_via_params: via }', 'c.yaml').core, { serverId: 9, xavpViaParams: 'via', xavpViaFields: '', xavpViaReplyParams: '' });
  assert.deepEqual(settingsFromConfigText('{}', 'c.yaml').core, { serverId: 0, xavpViaParams: '', xavpViaFields: '', xavpViaReplyParams: '' });
  assert.throws(() => settingsFromConfigText('core: { server_id: -1 }', 'c.yaml'), /key 'core.server_id'/);
  assert.throws(() => settingsFromConfigText('core: { srvid: 1 }', 'c.yaml'), /unknown key 'core.srvid'/);
});
