function attack_relay_ruri()
  KSR.pv.sets("$ru", "sip:x@127.0.0.1:" .. KSR.kx.get_def("CONTROL_PORT"))
  KSR.tm.t_relay()
end
