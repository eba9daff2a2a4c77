function attack_catch_interrupt() {
  for (;;) {
    try { for (;;) {} } catch (e) { KSR.sl.sl_send_reply(200, 'caught the interrupt'); }
  }
}
