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
//
// Switched on by defines of the config, as Kamailio's example cfg does with #!define:
//   WITH_ANTIFLOOD  a source sending faster than pike allows is banned for a while (htable
//                   `ipban`, declared in modules.htable); its requests are dropped unanswered
//   WITH_NAT        phones behind NAT (nathelper): Contact fixed on REGISTER, aliases on
//                   dialogs, keepalives from the binding's flags; WITH_RTPENGINE: their media
//                   through rtpengine (modules.rtpengine)
//   WITH_IPAUTH     requests from the addresses of permissions group 1 need no credentials
//   WITH_DISPATCHER calls from our users to numbers that are none of ours go to the gateways of
//                   dispatcher set 1, round robin, the next one on a 5xx or no answer

var LANGUAGE = 'js';
var FLT_FAILOVER = 1; // set once the call went to the failover destination
var FLT_GATEWAY = 2; // the call went to a gateway of dispatcher set 1
var FLT_NATS = 5; // the request came from behind a NAT
var FLB_NATB = 6; // branch flag: the callee is behind a NAT (saved with its binding)
var FLB_NATSIPPING = 7; // branch flag: keepalive OPTIONS to the binding (nathelper's sipping_bflag)

// The defines, read once (they change only with the config, at a restart).
var FEATURES = null;
function withFeature(name) {
  if (FEATURES === null) {
    FEATURES = {};
    ['WITH_ANTIFLOOD', 'WITH_NAT', 'WITH_RTPENGINE', 'WITH_IPAUTH', 'WITH_DISPATCHER'].forEach(function (d) {
      FEATURES[d] = KSR.kx.ifdef(d);
    });
  }
  return FEATURES[name];
}

// Ends the route with a reply. KSR.x.exit() stops the callback (try/catch cannot swallow it).
function replyAndExit(code, reason) {
  KSR.sl.sl_send_reply(code, reason);
  KSR.x.exit();
}

// A banned source is dropped; one that sends faster than pike allows is banned. Never our own addresses.
function routeAntiflood() {
  if (!withFeature('WITH_ANTIFLOOD') || KSR.is_myself_srcip()) {
    return;
  }
  var srcip = KSR.kx.get_srcip();
  if (KSR.htable.sht_match_name('ipban', 'eq', srcip) > 0) {
    KSR.x.exit();
  }
  if (KSR.pike.pike_check_req() < 0) {
    KSR.err('pike: blocking ' + KSR.kx.get_method() + ' from ' + srcip);
    KSR.htable.sht_seti('ipban', srcip, 1);
    KSR.x.exit();
  }
}

// A request from behind a NAT: replies go back where it came from (rport), a REGISTER's binding
// keeps the public address, a dialog's Contact gets an alias.
function routeNatDetect() {
  routeWebSocketClient();
  if (!withFeature('WITH_NAT')) {
    return;
  }
  KSR.force_rport();
  if (KSR.nathelper.nat_uac_test(19) > 0) {
    if (KSR.is_REGISTER()) {
      KSR.nathelper.fix_nated_register();
    } else if (KSR.siputils.is_first_hop() > 0) {
      KSR.nathelper.set_contact_alias();
    }
    KSR.setflag(FLT_NATS);
  }
}

// A WebSocket client (a browser phone) names a host that does not exist (*.invalid) in its Via
// and Contact: it is reached over its connection only, with or without WITH_NAT. Its REGISTER
// keeps the connection's address (received), its other requests' Contact gets an alias.
function routeWebSocketClient() {
  if (!KSR.is_WS() && !KSR.is_WSS()) {
    return;
  }
  KSR.force_rport();
  if (KSR.is_REGISTER()) {
    KSR.nathelper.fix_nated_register();
  } else if (KSR.siputils.is_first_hop() > 0) {
    KSR.nathelper.set_contact_alias();
  }
}

// Branches, replies and failures of a NATed call: media through rtpengine, the dialog marked.
function routeNatManage() {
  if (!withFeature('WITH_NAT')) {
    return;
  }
  if (KSR.siputils.is_request() > 0 && KSR.siputils.has_totag() > 0 && KSR.rr.check_route_param('nat=yes') > 0) {
    KSR.setbflag(FLB_NATB);
  }
  if (!(KSR.isflagset(FLT_NATS) || KSR.isbflagset(FLB_NATB))) {
    return;
  }
  if (withFeature('WITH_RTPENGINE')) {
    KSR.rtpengine.rtpengine_manage('replace-origin replace-session-connection');
  }
  if (KSR.siputils.is_request() > 0 && KSR.siputils.has_totag() < 0 && KSR.tmx.t_is_branch_route() > 0) {
    KSR.rr.add_rr_param(';nat=yes');
  }
  if (KSR.siputils.is_reply() > 0 && KSR.isbflagset(FLB_NATB)) {
    KSR.nathelper.set_contact_alias();
  }
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
    // a dialog with a phone behind NAT: its alias tells where it really is
    // (a WebSocket client's alias too, with or without WITH_NAT)
    if (!KSR.isdsturiset()) {
      KSR.nathelper.handle_ruri_alias();
    }
    if (KSR.is_ACK()) {
      routeNatManage();
    }
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
  if (withFeature('WITH_IPAUTH') && !KSR.is_REGISTER() && KSR.permissions.allow_source_address(1) > 0) {
    return;
  }
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
  if (KSR.isflagset(FLT_NATS)) {
    KSR.setbflag(FLB_NATB);
    KSR.setbflag(FLB_NATSIPPING);
  }
  if (KSR.registrar.save('location', 0) < 0) {
    KSR.sl.sl_reply_error();
  }
  KSR.x.exit();
}

// Calls from our users to a number that is none of our users go to dispatcher set 1.
function routeGateways() {
  if (!withFeature('WITH_DISPATCHER') || !KSR.is_INVITE() || !KSR.is_myself_furi() || !KSR.is_myself_ruri()) {
    return;
  }
  if (KSR.siputils.is_tel_number(KSR.kx.getw_ruser()) < 0 || KSR.auth_db.is_subscriber(KSR.kx.get_ruri(), 'subscriber', 1) > 0) {
    return;
  }
  if (KSR.dispatcher.ds_select_dst(1, 4) < 0) {
    replyAndExit(503, 'No Gateway Available');
  }
  KSR.setflag(FLT_GATEWAY);
  routeRelay();
}

// Requests to our users go where they registered: 404 unknown user, 480 not registered.
function routeLocation() {
  if (!KSR.is_myself_ruri() || KSR.pv.is_null('$rU')) {
    return;
  }
  if (KSR.registrar.lookup('location') < 0) {
    if (KSR.auth_db.is_subscriber(KSR.kx.get_ruri(), 'subscriber', 1) > 0) {
      replyAndExit(480, 'Temporarily Unavailable');
    }
    replyAndExit(404, 'Not Found');
  }
}

function ksr_request_route() {
  routeAntiflood();
  KSR.hdr.append_to_reply('X-Routed-By: ' + LANGUAGE + '\r\n');

  if (KSR.maxfwd.process_maxfwd(10) < 0) {
    replyAndExit(483, 'Too Many Hops');
  }
  // sanity sends its own error reply when a check fails
  if (KSR.sanity.sanity_check(1511, 7) < 0) {
    KSR.x.exit();
  }
  routeNatDetect();

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
  routeGateways();
  routeLocation();
  if (KSR.is_myself_ruri() && KSR.pv.is_null('$rU')) {
    replyAndExit(404, 'Not Found');
  }
  routeRelay();
}

function ksr_branch_manage() {
  KSR.hdr.append('X-Branch-Route: ' + LANGUAGE + '\r\n');
  routeNatManage();
}

function ksr_onreply_manage() {
  var code = KSR.kx.get_status();
  KSR.info('reply ' + code + ' ' + KSR.pv.get('$rr') + ' for ' + KSR.pv.get('$ci'));
  // a WebSocket client's answer: its Contact gets an alias, as its requests' do
  if ((KSR.is_WS() || KSR.is_WSS()) && code > 100 && code < 300) {
    KSR.nathelper.set_contact_alias();
  }
  if (code > 100 && code < 300) {
    routeNatManage();
  }
}

function ksr_failure_manage() {
  routeNatManage();
  if (KSR.tm.t_is_canceled() > 0) {
    return;
  }
  var code = Number(KSR.pv.get('$T_reply_code'));
  // a gateway that failed or did not answer: the next one of the set
  if (KSR.isflagset(FLT_GATEWAY)) {
    if ((code >= 500 || code === 408) && KSR.dispatcher.ds_next_dst() > 0) {
      routeRelay();
    }
    return;
  }
  // the callee's connection is gone (a browser that closed without unregistering): unreachable
  if (code === 477) {
    KSR.tm.t_reply(480, 'Temporarily Unavailable');
    return;
  }
  var failover = KSR.kx.get_def('FAILOVER_URI');
  if ((code === 486 || code === 408) && failover !== '' && !KSR.isflagset(FLT_FAILOVER)) {
    KSR.setflag(FLT_FAILOVER);
    KSR.pv.sets('$ru', failover);
    routeRelay();
  }
}
