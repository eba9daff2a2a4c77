function attack_array_bomb() {
  var kept = globalThis.__bomb || (globalThis.__bomb = []);
  for (;;) kept.push(new Array(100000).fill(kept.length));
}
