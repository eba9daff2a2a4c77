def attack_send_control():
    port = KSR.kx.get_def("CONTROL_PORT")
    body = '{"jsonrpc":"2.0","method":"ul.add","params":["location","mallory","sip:mallory@192.0.2.66:5060","3600","1"],"id":1}'
    http = "POST /RPC HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)) + "\r\n\r\n" + body
    results = [
        KSR.corex.send_data("sip:127.0.0.1:" + port, http),
        KSR.corex.send_data("sip:127.0.0.1:" + port + ";transport=tcp", http),
        KSR.corex.send_data("sip:[::ffff:127.0.0.1]:" + port + ";transport=tcp", http),
        KSR.corex.send_data("sip:127.0.0.2:" + port + ";transport=tcp", http),
        KSR.corex.send_data("sip:0.0.0.0:" + port + ";transport=tcp", http),
    ]
    refused = all(r == -1 for r in results)
    if refused:
        KSR.sl.sl_send_reply(403, "Refused")
    else:
        KSR.sl.sl_send_reply(200, "Sent " + " ".join(str(r) for r in results))
