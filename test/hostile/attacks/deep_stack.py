def deep_stack_forever(n):
    return 1 + deep_stack_forever(n + 1)
def deep_stack_down(n):
    if n > 0:
        return deep_stack_down(n - 1) + 1
    try:
        KSR.route("deep_stack_level")
    except Exception:
        try:
            deep_stack_forever(0)
        except RecursionError:
            pass
    return 0
def deep_stack_level():
    deep_stack_down(200)
def attack_deep_stack():
    KSR.route("deep_stack_level")
    KSR.sl.sl_send_reply(500, "Deep Stack Ended")
