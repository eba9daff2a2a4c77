def attack_spin():
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
