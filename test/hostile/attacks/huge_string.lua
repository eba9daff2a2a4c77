function attack_huge_string()
  -- fengari keeps a Lua string as a byte array inside the isolate's 128 MB, and builds one
  -- slowly: 4 MB by doubling, four times limits.max_value_bytes, stays well inside the CPU
  -- limit (16 MB took most of it, and on a loaded machine the limit cut the route before the
  -- KSR call: a full npm test saw that once)
  local s = "x"
  for i = 1, 22 do s = s .. s end
  KSR.pv.sets("$var(huge)", s)
end
