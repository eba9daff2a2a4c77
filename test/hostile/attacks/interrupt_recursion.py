def _attack_descend(n, spin):
    if n == 0:
        while spin:
            pass
        return 0
    return _attack_descend(n - 1, spin) + 1


def attack_interrupt_recursion():
    check = KSR.hdr.get("X-Check") is not None
    depth = _attack_descend(600, not check)
    KSR.sl.sl_send_reply(200, "depth %d" % depth)
