import js


def attack_wasm_memory():
    kept = globals().setdefault("_wasm_kept", [])
    memory = js.WebAssembly.Memory.new(js.JSON.parse('{"initial": 1024}'))
    js.Uint8Array.new(memory.buffer).fill(1)
    kept.append(memory)
    KSR.sl.sl_send_reply(200, "Allocated")
