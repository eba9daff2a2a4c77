def attack_timeout_burst():
    while True:
        pass
