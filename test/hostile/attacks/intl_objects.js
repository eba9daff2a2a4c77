function attack_intl_objects() {
  var kept = globalThis.__intl_kept || (globalThis.__intl_kept = []);
  for (var i = 0; i < 20000; i++) kept.push(new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric' }));
  KSR.sl.sl_send_reply(200, 'Allocated');
}
