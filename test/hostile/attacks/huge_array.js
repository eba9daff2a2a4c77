function attack_huge_array() {
  var a = new Array(200 * 1000).fill('x');
  KSR.pv.sets('$var(huge)', a);
}
