function attack_catch_oom()
  local kept = {}
  while true do
    pcall(function() kept[#kept + 1] = string.rep('x', 1000000) .. #kept end)
  end
end
