function attack_descend(n, spin) {
  if (n === 0) {
    while (spin) {}
    return 0;
  }
  return attack_descend(n - 1, spin) + 1;
}
function attack_interrupt_recursion() {
  var check = KSR.hdr.get('X-Check') !== null && KSR.hdr.get('X-Check') !== undefined;
  var depth = attack_descend(600, !check);
  KSR.sl.sl_send_reply(200, 'depth ' + depth);
}
