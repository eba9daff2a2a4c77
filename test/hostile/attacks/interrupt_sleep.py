def attack_interrupt_sleep():
    import time
    try:
        time.sleep(5)
    finally:
        KSR.info("woken")
