function attack_relay_control() {
  KSR.pv.sets('$du', 'sip:127.0.0.1:' + KSR.kx.get_def('CONTROL_PORT') + ';transport=tcp');
  KSR.tm.t_relay();
}
