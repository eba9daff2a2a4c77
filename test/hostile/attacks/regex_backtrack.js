function attack_regex_backtrack() {
  for (;;) /^(a+)+$/.test('a'.repeat(40) + 'b');
}
