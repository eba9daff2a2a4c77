function attack_timeout_each_second() {
  for (;;) {}
}
