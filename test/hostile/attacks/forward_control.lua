function attack_forward_control()
  local port = KSR.kx.get_def("CONTROL_PORT")
  KSR.pv.sets("$du", "sip:127.0.0.1:" .. port .. ";transport=tcp")
  local results = {
    KSR.forward(),
    KSR.forward_uri("sip:127.0.0.1:" .. port),
    KSR.forward_uri("sip:localhost:" .. port .. ";transport=tcp"),
  }
  local refused = true
  for _, r in ipairs(results) do if r ~= -1 then refused = false end end
  if refused then KSR.sl.sl_send_reply(403, "Refused") else KSR.sl.sl_send_reply(200, "Sent " .. table.concat(results, " ")) end
end
