import js


def attack_intl_objects():
    kept = globals().setdefault("_intl_kept", [])
    for _ in range(20000):
        kept.append(js.Intl.DateTimeFormat.new("en"))
    KSR.sl.sl_send_reply(200, "Allocated")
