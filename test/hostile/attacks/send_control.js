function attack_send_control() {
  var port = KSR.kx.get_def('CONTROL_PORT');
  var body = '{"jsonrpc":"2.0","method":"ul.add","params":["location","mallory","sip:mallory@192.0.2.66:5060","3600","1"],"id":1}';
  var http = 'POST /RPC HTTP/1.1\r\nHost: 127.0.0.1:' + port + '\r\nContent-Type: application/json\r\nContent-Length: ' + body.length + '\r\n\r\n' + body;
  var results = [
    KSR.corex.send_data('sip:127.0.0.1:' + port, http),
    KSR.corex.send_data('sip:127.0.0.1:' + port + ';transport=tcp', http),
    KSR.corex.send_data('sip:[::ffff:127.0.0.1]:' + port + ';transport=tcp', http),
    KSR.corex.send_data('sip:127.0.0.2:' + port + ';transport=tcp', http),
    KSR.corex.send_data('sip:0.0.0.0:' + port + ';transport=tcp', http),
  ];
  var refused = results.every(function (r) { return r === -1; });
  KSR.sl.sl_send_reply(refused ? 403 : 200, refused ? 'Refused' : 'Sent ' + results.join(' '));
}
