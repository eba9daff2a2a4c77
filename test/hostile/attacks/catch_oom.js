function attack_catch_oom() {
  var kept = [];
  for (;;) {
    try { kept.push(new Array(200000).fill(kept.length)); } catch (e) { /* and again */ }
  }
}
