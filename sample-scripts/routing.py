# ksr-host sample routing script, Python. routing.lua and routing.js behave identically.
#
# A stateful proxy in the shape of Kamailio's kamailio-basic-kemi scripts:
#   sanity and max-forwards checks; CANCEL and retransmissions handled by tm;
#   in-dialog requests routed by Record-Route (loose_route); dialog-forming requests
#   record-routed; OPTIONS to us -> 200; REGISTER -> 200 echoing the Contact (the
#   registrar comes later); other requests to us -> 404; everything else relayed to the
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

    if KSR.is_REGISTER():
        contact = KSR.hdr.get("Contact")
        if contact is not None:
            KSR.hdr.append_to_reply("Contact: " + contact + "\r\n")
        reply_and_exit(200, "OK")

    if KSR.is_ACK():
        KSR.x.exit()

    if KSR.is_myself_ruri():
        reply_and_exit(404, "Not Found")

    if KSR.is_method_in("IS"):
        KSR.rr.record_route()
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
