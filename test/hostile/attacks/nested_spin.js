var nested_spin_depth = 0;
function nested_spin_level() {
  nested_spin_depth++;
  if (nested_spin_depth < 100) { try { KSR.route('nested_spin_level'); } catch (e) {} }
  for (;;) { try { while (true) {} } catch (e) {} }
}
function attack_nested_spin() {
  nested_spin_depth = 0;
  nested_spin_level();
}
