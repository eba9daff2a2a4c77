function attack_resizable_buffer() {
  var kept = globalThis.__rab_kept || (globalThis.__rab_kept = []);
  for (var i = 0; i < 4; i++) {
    var b = new ArrayBuffer(0, { maxByteLength: 64 * 1048576 });
    b.resize(64 * 1048576);
    new Uint8Array(b).fill(1);
    kept.push(b);
  }
  KSR.sl.sl_send_reply(200, 'Allocated');
}
