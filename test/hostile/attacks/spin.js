function attack_spin() {
  for (;;) { try { while (true) {} } catch (e) {} }
}
