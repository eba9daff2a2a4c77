function attack_catch_interrupt()
  while true do
    pcall(function() while true do end end)
    KSR.sl.sl_send_reply(200, "caught the interrupt")
  end
end
