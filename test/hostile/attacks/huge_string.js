function attack_huge_string() {
  // built by doubling: a rope of 2^28 characters costs next to nothing until it is flattened
  var s = 'x';
  for (var i = 0; i < 28; i++) s = s + s;
  KSR.pv.sets('$var(huge)', s);
}
