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
# Kamailio's Python has no KSR.x.exit(); ksr-host's does: it raises a BaseException that
# `except Exception` does not swallow, so helpers can end the route as in Lua and JS.

LANGUAGE = "python"
FLT_FAILOVER = 1  # set once the call went to the failover destination


def reply_and_exit(code, reason):
    KSR.sl.sl_send_reply(code, reason)
    KSR.x.exit()


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
        route_relay()
    if KSR.is_ACK():
        # an ACK without a transaction and without a route: nothing to do with it
        if KSR.tm.t_check_trans() > 0:
            route_relay()
        KSR.x.exit()
    reply_and_exit(404, "Not here")


def route_auth():
    """REGISTER and requests from our own users must authenticate (digest against `subscriber`)."""
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
    if KSR.registrar.save("location", 0) < 0:
        KSR.sl.sl_reply_error()
    KSR.x.exit()


def route_location():
    """Requests to our users go where they registered: 404 unknown user, 480 not registered."""
    if not KSR.is_myself_ruri() or KSR.pv.is_null("$rU"):
        return
    if KSR.registrar.lookup("location") < 0:
        if KSR.auth_db.is_subscriber(KSR.pv.get("$ru"), "subscriber", 1) > 0:
            reply_and_exit(480, "Temporarily Unavailable")
        reply_and_exit(404, "Not Found")


def ksr_request_route():
    KSR.hdr.append_to_reply("X-Routed-By: " + LANGUAGE + "\r\n")

    if KSR.maxfwd.process_maxfwd(10) < 0:
        reply_and_exit(483, "Too Many Hops")
    # sanity sends its own error reply when a check fails
    if KSR.sanity.sanity_check(1511, 7) < 0:
        KSR.x.exit()

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
    route_location()
    if KSR.is_myself_ruri() and KSR.pv.is_null("$rU"):
        reply_and_exit(404, "Not Found")
    route_relay()


def ksr_branch_manage():
    KSR.hdr.append("X-Branch-Route: " + LANGUAGE + "\r\n")


def ksr_onreply_manage():
    KSR.info("reply %s %s for %s" % (KSR.pv.get("$rs"), KSR.pv.get("$rr"), KSR.pv.get("$ci")))


def ksr_failure_manage():
    if KSR.tm.t_is_canceled() > 0:
        return
    code = KSR.pv.get("$T_reply_code")
    failover = KSR.kx.get_def("FAILOVER_URI")
    if code in (486, 408) and failover is not None and not KSR.isflagset(FLT_FAILOVER):
        KSR.setflag(FLT_FAILOVER)
        KSR.pv.sets("$ru", failover)
        route_relay()
