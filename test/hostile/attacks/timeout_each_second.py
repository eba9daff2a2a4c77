def attack_timeout_each_second():
    while True:
        pass
