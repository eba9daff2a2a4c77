function attack_timeout_burst() {
  for (;;) {}
}
