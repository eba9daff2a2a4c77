// The register-auth comparison's registrar, JavaScript: ksr-host runs it in v8 and QuickJS, and
// Kamailio could run it unchanged in app_jsdt. The same path through the same KSR calls as
// registrar.lua beside it (the Lua and Python twins are the ones Kamailio runs in the table).

function replyAndExit(code, reason) {
  KSR.sl.sl_send_reply(code, reason);
  KSR.x.exit();
}

function ksr_request_route() {
  KSR.hdr.append_to_reply('X-Routed-By: registrar-js\r\n');

  if (KSR.maxfwd.process_maxfwd(10) < 0) {
    replyAndExit(483, 'Too Many Hops');
  }
  if (KSR.sanity.sanity_check(1511, 7) < 0) {
    KSR.x.exit();
  }

  if (!KSR.is_ACK()) {
    if (KSR.tmx.t_precheck_trans() > 0) {
      KSR.tm.t_check_trans();
      KSR.x.exit();
    }
    if (KSR.tm.t_check_trans() === 0) {
      KSR.x.exit();
    }
  }

  if (KSR.siputils.has_totag() > 0) {
    if (KSR.is_ACK()) {
      KSR.x.exit();
    }
    replyAndExit(404, 'Not here');
  }

  if (KSR.is_OPTIONS() && KSR.is_myself_ruri() && KSR.pv.is_null('$rU')) {
    replyAndExit(200, 'OK');
  }
  if (KSR.is_ACK()) {
    KSR.x.exit();
  }

  if (KSR.is_REGISTER() || KSR.is_myself_furi()) {
    const realm = KSR.kx.gete_fhost();
    if (KSR.auth_db.auth_check(realm, 'subscriber', 1) < 0) {
      KSR.auth.auth_challenge(realm, 1);
      KSR.x.exit();
    }
  }

  if (KSR.is_REGISTER()) {
    if (KSR.registrar.save('location', 0) < 0) {
      KSR.sl.sl_reply_error();
    }
    KSR.x.exit();
  }

  replyAndExit(404, 'Not Found');
}
