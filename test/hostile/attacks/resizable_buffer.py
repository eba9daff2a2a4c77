import js


def attack_resizable_buffer():
    kept = globals().setdefault("_rab_kept", [])
    options = js.JSON.parse('{"maxByteLength": 67108864}')
    for _ in range(4):
        b = js.ArrayBuffer.new(0, options)
        b.resize(67108864)
        js.Uint8Array.new(b).fill(1)
        kept.append(b)
    KSR.sl.sl_send_reply(200, "Allocated")
