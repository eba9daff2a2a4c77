function attack_catch_oom() {
  var kept = [];
  for (;;) {
    try { kept.push(new Array(1000000).fill(kept.length)); } catch (e) { /* and again */ }
  }
}
