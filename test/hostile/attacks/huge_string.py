def attack_huge_string():
    # pyodide's wasm memory grows to hold it: 16 million characters fit the CPU limit
    s = "x" * (16 * 1024 * 1024)
    KSR.pv.sets("$var(huge)", s)
