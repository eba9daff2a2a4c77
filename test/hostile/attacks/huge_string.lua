function attack_huge_string()
  -- fengari keeps a Lua string as a byte array inside the isolate's 128 MB, and builds one
  -- slowly: 16 MB by doubling is as large as a script gets within the CPU limit
  local s = "x"
  for i = 1, 24 do s = s .. s end
  KSR.pv.sets("$var(huge)", s)
end
