def attack_forward_control():
    port = KSR.kx.get_def("CONTROL_PORT")
    KSR.pv.sets("$du", "sip:127.0.0.1:" + port + ";transport=tcp")
    results = [
        KSR.forward(),
        KSR.forward_uri("sip:127.0.0.1:" + port),
        KSR.forward_uri("sip:localhost:" + port + ";transport=tcp"),
    ]
    if all(r == -1 for r in results):
        KSR.sl.sl_send_reply(403, "Refused")
    else:
        KSR.sl.sl_send_reply(200, "Sent " + " ".join(str(r) for r in results))
