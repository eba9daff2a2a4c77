function attack_huge_array()
  local t = {}
  for i = 1, 1000 do t[i] = "x" end
  KSR.pv.sets("$var(huge)", t)
end
