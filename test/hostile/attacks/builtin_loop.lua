function attack_builtin_loop()
  local s = string.rep('x', 1000000)
  while true do string.find(s, 'y', 1, true) end
end
