function attack_regex_backtrack()
  local s = string.rep('a', 20000)
  while true do string.find(s, '.-.-.-.-b') end
end
