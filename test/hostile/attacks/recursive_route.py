recursive_route_calls = [0]
def recursive_route_level():
    recursive_route_calls[0] += 1
    KSR.route("recursive_route_level")
def attack_recursive_route():
    recursive_route_calls[0] = 0
    KSR.route("recursive_route_level")
    KSR.sl.sl_send_reply(500, "Recursion Ended After %d" % recursive_route_calls[0])
