function attack_builtin_loop() {
  var s = 'x'.repeat(1000000);
  var n = 0;
  for (;;) n += s.indexOf('y');
}
