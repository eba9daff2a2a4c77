nested_spin_depth = [0]
def nested_spin_level():
    nested_spin_depth[0] += 1
    if nested_spin_depth[0] < 100:
        try:
            KSR.route("nested_spin_level")
        except BaseException:
            pass
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
def attack_nested_spin():
    nested_spin_depth[0] = 0
    nested_spin_level()
