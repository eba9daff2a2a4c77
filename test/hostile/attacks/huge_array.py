def attack_huge_array():
    a = ["x"] * (1000 * 1000)
    KSR.pv.sets("$var(huge)", a)
