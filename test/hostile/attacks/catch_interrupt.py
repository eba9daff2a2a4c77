def attack_catch_interrupt():
    while True:
        try:
            while True:
                pass
        except BaseException:
            KSR.sl.sl_send_reply(200, "caught the interrupt")
