# ksr-host sample routing script, Python. routing.lua and routing.js behave identically.
#
# A stateful proxy in the shape of Kamailio's kamailio-basic-kemi scripts:
#   sanity and max-forwards checks; CANCEL and retransmissions handled by tm;
#   in-dialog requests routed by Record-Route (loose_route); dialog-forming requests
#   record-routed; OPTIONS to us -> 200; REGISTER challenged (401) then saved in the
#   location table; requests from our own users (From is ours) authenticated with proxy
#   authentication (407); requests to our users found through lookup (404 for an unknown
#   user, 480 for a known one who is not registered); everything else relayed to the
#   Request-URI, with a branch route that adds "X-Branch-Route: python", an onreply route
#   that logs the status, and a failure route that re-routes to FAILOVER_URI (a define of
#   the config) on 486 or 408. Every reply we send ourselves carries "X-Routed-By: python".
#
# Switched on by defines of the config, as Kamailio's example cfg does with #!define:
#   WITH_ANTIFLOOD  a source sending faster than pike allows is banned for a while (htable
#                   `ipban`, declared in modules.htable); its requests are dropped unanswered
#   WITH_NAT        phones behind NAT (nathelper): Contact fixed on REGISTER, aliases on
#                   dialogs, keepalives from the binding's flags; WITH_RTPENGINE: their media
#                   through rtpengine (modules.rtpengine)
#   WITH_IPAUTH     requests from the addresses of permissions group 1 need no credentials
#   WITH_DISPATCHER calls from our users to numbers that are none of ours go to the gateways of
#                   dispatcher set 1, round robin, the next one on a 5xx or no answer
#
# Kamailio's Python has no KSR.x.exit(); ksr-host's does: it raises a BaseException that
# `except Exception` does not swallow, so helpers can end the route as in Lua and JS.

import KSR  # as in Kamailio's app_python3; also what lets mypy read KSR.pyi (bindings/typings)

LANGUAGE = "python"
FLT_FAILOVER = 1  # set once the call went to the failover destination
FLT_GATEWAY = 2  # the call went to a gateway of dispatcher set 1
FLT_NATS = 5  # the request came from behind a NAT
FLB_NATB = 6  # branch flag: the callee is behind a NAT (saved with its binding)
FLB_NATSIPPING = 7  # branch flag: keepalive OPTIONS to the binding (nathelper's sipping_bflag)

# The defines, read once (they change only with the config, at a restart).
FEATURES: dict[str, bool] = {}


def with_feature(name):
    if not FEATURES:
        for d in ("WITH_ANTIFLOOD", "WITH_NAT", "WITH_RTPENGINE", "WITH_IPAUTH", "WITH_DISPATCHER"):
            FEATURES[d] = KSR.kx.ifdef(d)
    return FEATURES[name]


def reply_and_exit(code, reason):
    KSR.sl.sl_send_reply(code, reason)
    KSR.x.exit()


def route_antiflood():
    """A banned source is dropped; one that sends faster than pike allows is banned. Never our own addresses."""
    if not with_feature("WITH_ANTIFLOOD") or KSR.is_myself_srcip():
        return
    srcip = KSR.kx.get_srcip() or ""
    if KSR.htable.sht_match_name("ipban", "eq", srcip) > 0:
        KSR.x.exit()
    if KSR.pike.pike_check_req() < 0:
        KSR.err("pike: blocking %s from %s" % (KSR.kx.get_method(), srcip))
        KSR.htable.sht_seti("ipban", srcip, 1)
        KSR.x.exit()


def route_websocket_client():
    """A WebSocket client (a browser phone) names a host that does not exist (*.invalid) in its
    Via and Contact: it is reached over its connection only, with or without WITH_NAT. Its
    REGISTER keeps the connection's address (received), its other requests' Contact gets an alias."""
    if not KSR.is_WS() and not KSR.is_WSS():
        return
    KSR.force_rport()
    if KSR.is_REGISTER():
        KSR.nathelper.fix_nated_register()
    elif KSR.siputils.is_first_hop() > 0:
        KSR.nathelper.set_contact_alias()


def route_natdetect():
    """A request from behind a NAT: replies go back where it came from (rport), a REGISTER's
    binding keeps the public address, a dialog's Contact gets an alias."""
    route_websocket_client()
    if not with_feature("WITH_NAT"):
        return
    KSR.force_rport()
    if KSR.nathelper.nat_uac_test(19) > 0:
        if KSR.is_REGISTER():
            KSR.nathelper.fix_nated_register()
        elif KSR.siputils.is_first_hop() > 0:
            KSR.nathelper.set_contact_alias()
        KSR.setflag(FLT_NATS)


def route_natmanage():
    """Branches, replies and failures of a NATed call: media through rtpengine, the dialog marked."""
    if not with_feature("WITH_NAT"):
        return
    if KSR.siputils.is_request() > 0 and KSR.siputils.has_totag() > 0 and KSR.rr.check_route_param("nat=yes") > 0:
        KSR.setbflag(FLB_NATB)
    if not (KSR.isflagset(FLT_NATS) or KSR.isbflagset(FLB_NATB)):
        return
    if with_feature("WITH_RTPENGINE"):
        KSR.rtpengine.rtpengine_manage("replace-origin replace-session-connection")
    if KSR.siputils.is_request() > 0 and KSR.siputils.has_totag() < 0 and KSR.tmx.t_is_branch_route() > 0:
        KSR.rr.add_rr_param(";nat=yes")
    if KSR.siputils.is_reply() > 0 and KSR.isbflagset(FLB_NATB):
        KSR.nathelper.set_contact_alias()


def route_relay():
    """Relays statefully, with the branch, reply and failure callbacks named for tm."""
    if KSR.is_method_in("IBSCUM"):
        KSR.tm.t_on_branch("ksr_branch_manage")
        KSR.tm.t_on_reply("ksr_onreply_manage")
    if KSR.is_INVITE():
        KSR.tm.t_on_failure("ksr_failure_manage")
    if KSR.tm.t_relay() < 0:
        KSR.sl.sl_reply_error()
    KSR.x.exit()


def route_withindlg():
    """Requests within a dialog follow the Record-Route set."""
    if KSR.siputils.has_totag() < 0:
        return
    if KSR.rr.loose_route() > 0:
        # a dialog with a phone behind NAT: its alias tells where it really is
        # (a WebSocket client's alias too, with or without WITH_NAT)
        if not KSR.isdsturiset():
            KSR.nathelper.handle_ruri_alias()
        if KSR.is_ACK():
            route_natmanage()
        route_relay()
    if KSR.is_ACK():
        # an ACK without a transaction and without a route: nothing to do with it
        if KSR.tm.t_check_trans() > 0:
            route_relay()
        KSR.x.exit()
    reply_and_exit(404, "Not here")


def route_auth():
    """REGISTER and requests from our own users must authenticate (digest against `subscriber`)."""
    if with_feature("WITH_IPAUTH") and not KSR.is_REGISTER() and KSR.permissions.allow_source_address(1) > 0:
        return
    if not KSR.is_REGISTER() and not KSR.is_myself_furi():
        return
    realm = KSR.kx.gete_fhost()
    if KSR.auth_db.auth_check(realm, "subscriber", 1) < 0:
        KSR.auth.auth_challenge(realm, 1)
        KSR.x.exit()
    # the credentials are not passed on (a REGISTER ends here anyway)
    if not KSR.is_REGISTER():
        KSR.auth.consume_credentials()


def route_registrar():
    if not KSR.is_REGISTER():
        return
    if KSR.isflagset(FLT_NATS):
        KSR.setbflag(FLB_NATB)
        KSR.setbflag(FLB_NATSIPPING)
    if KSR.registrar.save("location", 0) < 0:
        KSR.sl.sl_reply_error()
    KSR.x.exit()


def route_gateways():
    """Calls from our users to a number that is none of our users go to dispatcher set 1."""
    if not with_feature("WITH_DISPATCHER") or not KSR.is_INVITE() or not KSR.is_myself_furi() or not KSR.is_myself_ruri():
        return
    if KSR.siputils.is_tel_number(KSR.kx.getw_ruser()) < 0 or KSR.auth_db.is_subscriber(KSR.kx.get_ruri() or "", "subscriber", 1) > 0:
        return
    if KSR.dispatcher.ds_select_dst(1, 4) < 0:
        reply_and_exit(503, "No Gateway Available")
    KSR.setflag(FLT_GATEWAY)
    route_relay()


def route_location():
    """Requests to our users go where they registered: 404 unknown user, 480 not registered."""
    if not KSR.is_myself_ruri() or KSR.pv.is_null("$rU"):
        return
    if KSR.registrar.lookup("location") < 0:
        if KSR.auth_db.is_subscriber(KSR.kx.get_ruri() or "", "subscriber", 1) > 0:
            reply_and_exit(480, "Temporarily Unavailable")
        reply_and_exit(404, "Not Found")


def ksr_request_route():
    route_antiflood()
    KSR.hdr.append_to_reply("X-Routed-By: " + LANGUAGE + "\r\n")

    if KSR.maxfwd.process_maxfwd(10) < 0:
        reply_and_exit(483, "Too Many Hops")
    # sanity sends its own error reply when a check fails
    if KSR.sanity.sanity_check(1511, 7) < 0:
        KSR.x.exit()
    route_natdetect()

    if KSR.is_CANCEL():
        if KSR.tm.t_check_trans() > 0:
            route_relay()
        KSR.x.exit()

    # retransmissions are absorbed by tm (0: handled)
    if not KSR.is_ACK():
        if KSR.tmx.t_precheck_trans() > 0:
            KSR.tm.t_check_trans()
            KSR.x.exit()
        if KSR.tm.t_check_trans() == 0:
            KSR.x.exit()

    route_withindlg()

    if KSR.is_OPTIONS() and KSR.is_myself_ruri() and KSR.pv.is_null("$rU"):
        reply_and_exit(200, "OK")

    if KSR.is_ACK():
        KSR.x.exit()

    route_auth()
    route_registrar()

    if KSR.is_method_in("IS"):
        KSR.rr.record_route()
    route_gateways()
    route_location()
    if KSR.is_myself_ruri() and KSR.pv.is_null("$rU"):
        reply_and_exit(404, "Not Found")
    route_relay()


def ksr_branch_manage():
    KSR.hdr.append("X-Branch-Route: " + LANGUAGE + "\r\n")
    route_natmanage()


def ksr_onreply_manage():
    code = KSR.kx.get_status()
    KSR.info("reply %s %s for %s" % (code, KSR.pv.get("$rr"), KSR.pv.get("$ci")))
    # a WebSocket client's answer: its Contact gets an alias, as its requests' do
    if (KSR.is_WS() or KSR.is_WSS()) and 100 < code < 300:
        KSR.nathelper.set_contact_alias()
    if 100 < code < 300:
        route_natmanage()


def ksr_failure_manage():
    route_natmanage()
    if KSR.tm.t_is_canceled() > 0:
        return
    code = int(KSR.pv.get("$T_reply_code") or 0)
    # a gateway that failed or did not answer: the next one of the set
    if KSR.isflagset(FLT_GATEWAY):
        if (code >= 500 or code == 408) and KSR.dispatcher.ds_next_dst() > 0:
            route_relay()
        return
    # the callee's connection is gone (a browser that closed without unregistering): unreachable
    if code == 477:
        KSR.tm.t_reply(480, "Temporarily Unavailable")
        return
    failover = KSR.kx.get_def("FAILOVER_URI")
    if code in (486, 408) and failover != "" and not KSR.isflagset(FLT_FAILOVER):
        KSR.setflag(FLT_FAILOVER)
        KSR.pv.sets("$ru", failover)
        route_relay()
