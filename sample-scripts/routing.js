// ksr-host sample routing script, JavaScript (v8, or QuickJS with --engine quickjs).
// routing.lua and routing.py behave identically.
//
// A stateful proxy in the shape of Kamailio's kamailio-basic-kemi scripts:
//   sanity and max-forwards checks; CANCEL and retransmissions handled by tm;
//   in-dialog requests routed by Record-Route (loose_route); dialog-forming requests
//   record-routed; OPTIONS to us -> 200; REGISTER challenged (401) then saved in the
//   location table; requests from our own users (From is ours) authenticated with proxy
//   authentication (407); requests to our users found through lookup (404 for an unknown
//   user, 480 for a known one who is not registered); everything else relayed to the
//   Request-URI, with a branch route that adds "X-Branch-Route: js", an onreply route that
//   logs the status, and a failure route that re-routes to FAILOVER_URI (a define of the
//   config) on 486 or 408. Every reply we send ourselves carries "X-Routed-By: js".

var LANGUAGE = 'js';
var FLT_FAILOVER = 1; // set once the call went to the failover destination

// Ends the route with a reply. KSR.x.exit() stops the callback (try/catch cannot swallow it).
function replyAndExit(code, reason) {
  KSR.sl.sl_send_reply(code, reason);
  KSR.x.exit();
}

// Relays statefully, with the branch, reply and failure callbacks named for tm.
function routeRelay() {
  if (KSR.is_method_in('IBSCUM')) {
    KSR.tm.t_on_branch('ksr_branch_manage');
    KSR.tm.t_on_reply('ksr_onreply_manage');
  }
  if (KSR.is_INVITE()) {
    KSR.tm.t_on_failure('ksr_failure_manage');
  }
  if (KSR.tm.t_relay() < 0) {
    KSR.sl.sl_reply_error();
  }
  KSR.x.exit();
}

// Requests within a dialog follow the Record-Route set.
function routeWithinDialog() {
  if (KSR.siputils.has_totag() < 0) {
    return;
  }
  if (KSR.rr.loose_route() > 0) {
    routeRelay();
  }
  if (KSR.is_ACK()) {
    // an ACK without a transaction and without a route: nothing to do with it
    if (KSR.tm.t_check_trans() > 0) {
      routeRelay();
    }
    KSR.x.exit();
  }
  replyAndExit(404, 'Not here');
}

// REGISTER and requests from our own users must authenticate (digest against `subscriber`).
function routeAuth() {
  if (!KSR.is_REGISTER() && !KSR.is_myself_furi()) {
    return;
  }
  var realm = KSR.kx.gete_fhost();
  if (KSR.auth_db.auth_check(realm, 'subscriber', 1) < 0) {
    KSR.auth.auth_challenge(realm, 1);
    KSR.x.exit();
  }
  // the credentials are not passed on (a REGISTER ends here anyway)
  if (!KSR.is_REGISTER()) {
    KSR.auth.consume_credentials();
  }
}

function routeRegistrar() {
  if (!KSR.is_REGISTER()) {
    return;
  }
  if (KSR.registrar.save('location', 0) < 0) {
    KSR.sl.sl_reply_error();
  }
  KSR.x.exit();
}

// Requests to our users go where they registered: 404 unknown user, 480 not registered.
function routeLocation() {
  if (!KSR.is_myself_ruri() || KSR.pv.is_null('$rU')) {
    return;
  }
  if (KSR.registrar.lookup('location') < 0) {
    if (KSR.auth_db.is_subscriber(KSR.pv.get('$ru'), 'subscriber', 1) > 0) {
      replyAndExit(480, 'Temporarily Unavailable');
    }
    replyAndExit(404, 'Not Found');
  }
}

function ksr_request_route() {
  KSR.hdr.append_to_reply('X-Routed-By: ' + LANGUAGE + '\r\n');

  if (KSR.maxfwd.process_maxfwd(10) < 0) {
    replyAndExit(483, 'Too Many Hops');
  }
  // sanity sends its own error reply when a check fails
  if (KSR.sanity.sanity_check(1511, 7) < 0) {
    KSR.x.exit();
  }

  if (KSR.is_CANCEL()) {
    if (KSR.tm.t_check_trans() > 0) {
      routeRelay();
    }
    KSR.x.exit();
  }

  // retransmissions are absorbed by tm (0: handled)
  if (!KSR.is_ACK()) {
    if (KSR.tmx.t_precheck_trans() > 0) {
      KSR.tm.t_check_trans();
      KSR.x.exit();
    }
    if (KSR.tm.t_check_trans() === 0) {
      KSR.x.exit();
    }
  }

  routeWithinDialog();

  if (KSR.is_OPTIONS() && KSR.is_myself_ruri() && KSR.pv.is_null('$rU')) {
    replyAndExit(200, 'OK');
  }

  if (KSR.is_ACK()) {
    KSR.x.exit();
  }

  routeAuth();
  routeRegistrar();

  if (KSR.is_method_in('IS')) {
    KSR.rr.record_route();
  }
  routeLocation();
  if (KSR.is_myself_ruri() && KSR.pv.is_null('$rU')) {
    replyAndExit(404, 'Not Found');
  }
  routeRelay();
}

function ksr_branch_manage() {
  KSR.hdr.append('X-Branch-Route: ' + LANGUAGE + '\r\n');
}

function ksr_onreply_manage() {
  KSR.info('reply ' + KSR.pv.get('$rs') + ' ' + KSR.pv.get('$rr') + ' for ' + KSR.pv.get('$ci'));
}

function ksr_failure_manage() {
  if (KSR.tm.t_is_canceled() > 0) {
    return;
  }
  var code = KSR.pv.get('$T_reply_code');
  var failover = KSR.kx.get_def('FAILOVER_URI');
  if ((code === 486 || code === 408) && failover !== null && !KSR.isflagset(FLT_FAILOVER)) {
    KSR.setflag(FLT_FAILOVER);
    KSR.pv.sets('$ru', failover);
    routeRelay();
  }
}
