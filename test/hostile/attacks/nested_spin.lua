nested_spin_depth = 0
function nested_spin_level()
  nested_spin_depth = nested_spin_depth + 1
  if nested_spin_depth < 100 then pcall(KSR.route, "nested_spin_level") end
  while true do pcall(function() while true do end end) end
end
function attack_nested_spin()
  nested_spin_depth = 0
  nested_spin_level()
end
