local function attack_descend(n, spin)
  if n == 0 then
    while spin do end
    return 0
  end
  return attack_descend(n - 1, spin) + 1
end
function attack_interrupt_recursion()
  local check = KSR.hdr.get("X-Check") ~= nil
  local depth = attack_descend(600, not check)
  KSR.sl.sl_send_reply(200, "depth " .. depth)
end
