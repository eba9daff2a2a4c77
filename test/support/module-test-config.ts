// The config's `modules:` section every test core (RecordingCore) makes its module states from
// unless a test gives its own: what the unit tests and the conformance table's rows expect to
// exist (htable's tables, a dispatcher set, permission groups...). One key per module; each
// module's owner keeps its own entry.
export const TEST_MODULE_CONFIG: Record<string, unknown> = {
  htable: { tables: [{ name: 't', size: 4 }, 'ipban=>size=8;autoexpire=300', { name: 'cnt', size: 4, initval: 0 }] },
  // pike: a density of 3 per 60 s window (no window ends within a row), blocking in a few calls
  pike: { sampling_time_unit: 60, reqs_density_per_unit: 3, remove_latency: 120 },
  // permissions: group 1 = 127.0.0.1/32, group 2 = 10.0.0.0/8 port 5060 tagged, group 3 = ::1 and a
  // domain; trusted: 127.0.0.1 any proto with a From pattern, tag into $avp(s:peer_tag)
  permissions: {
    peer_tag_avp: '$avp(s:peer_tag)',
    address: [
      { grp: 1, ip_addr: '127.0.0.1', mask: 32, port: 0 },
      { grp: 2, ip_addr: '10.0.0.0', mask: 8, port: 5060, tag: 'carrier' },
      { grp: 3, ip_addr: '::1', mask: 128, port: 0, tag: 'v6' },
      { grp: 3, ip_addr: 'gw.example.com', mask: 32, port: 0 },
    ],
    trusted: [
      { src_ip: '127.0.0.1', proto: 'any', from_pattern: '^sip:alice@', tag: 'alice-peer', priority: 1 },
      { src_ip: '192.0.2.1', proto: 'tcp', tag: 'tcp-only' },
    ],
  },
  nathelper: undefined,
  dispatcher: {
    flags: 2, ds_hash_size: 8, hash_pvar: '$fU', setid_pvname: '$avp(dsset)', attrs_pvname: '$avp(dsattrs)',
    list: [
      { setid: 1, destination: 'sip:127.0.0.1:5071' },
      { setid: 1, destination: 'sip:127.0.0.1:5072' },
      { setid: 2, destination: 'sip:127.0.0.2:5080', priority: 10, attrs: 'weight=70;duid=gw1;maxload=1' },
      { setid: 2, destination: 'sip:127.0.0.3:5080;transport=tcp', priority: 5, attrs: 'weight=30;duid=gw2' },
      { setid: 3, destination: 'sip:127.0.0.4:5090', flags: 1 },
    ],
  },
  uac: {
    reg_contact_addr: '127.0.0.1:5060',
    credentials: ['alice:localhost:wonderland'],
    auth_username_avp: '$avp(uac_user)', auth_password_avp: '$avp(uac_pass)', auth_realm_avp: '$avp(uac_realm)',
    registrations: [{
      l_uuid: 'acc1', l_username: 'local1', l_domain: 'pbx.local', r_username: 'remote1', r_domain: '127.0.0.2:5070',
      realm: 'prov', auth_username: 'authuser', auth_password: 'pw1', auth_proxy: 'sip:127.0.0.2:5070', expires: 600,
    }],
  },
  uac_redirect: undefined,
  rtpengine: { rtpengine_sock: 'udp:127.0.0.1:1', rtpengine_tout_ms: 30, rtpengine_retr: 1, rtpengine_disable_tout: 0 },
  rtpproxy: { rtpproxy_sock: 'udp:127.0.0.1:1', rtpproxy_tout_ms: 30, rtpproxy_retr: 1, rtpproxy_disable_tout: 0 },
  // a named connection to a closed port (curl_connect's rows: 7, "couldn't connect")
  http_client: { httpcon: ['closed=>http://127.0.0.1:1/api'] },
  http_async_client: undefined,
  xlog: undefined,
  // Kamailio's example log_extra; no flags, so no transaction of another module's rows is accounted
  acc: { log_extra: 'src_user=$fU;src_domain=$fd;src_ip=$si;dst_ouser=$tU' },
};
