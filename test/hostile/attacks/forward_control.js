function attack_forward_control() {
  var port = KSR.kx.get_def('CONTROL_PORT');
  KSR.pv.sets('$du', 'sip:127.0.0.1:' + port + ';transport=tcp');
  var results = [
    KSR.forward(),
    KSR.forward_uri('sip:127.0.0.1:' + port),
    KSR.forward_uri('sip:localhost:' + port + ';transport=tcp'),
  ];
  var refused = results.every(function (r) { return r === -1; });
  KSR.sl.sl_send_reply(refused ? 403 : 200, refused ? 'Refused' : 'Sent ' + results.join(' '));
}
