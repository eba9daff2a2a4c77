function deep_stack_forever(n) return 1 + deep_stack_forever(n + 1) end
function deep_stack_down(n)
  if n > 0 then return deep_stack_down(n - 1) + 1 end
  if not pcall(KSR.route, "deep_stack_level") then pcall(deep_stack_forever, 0) end
  return 0
end
function deep_stack_level() deep_stack_down(200) end
function attack_deep_stack()
  KSR.route("deep_stack_level")
  KSR.sl.sl_send_reply(500, "Deep Stack Ended")
end
