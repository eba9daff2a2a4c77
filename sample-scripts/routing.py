# ksr-host sample routing script, Python. routing.lua and routing.js behave identically.
# Sanity and max-forwards checks; OPTIONS to us -> 200; REGISTER -> 200 echoing the
# Contact (the registrar comes later); anything else -> 404. Every reply we send carries
# "X-Routed-By: python".
#
# Kamailio's Python has no KSR.x.exit(); ksr-host's does: it raises a BaseException that
# `except Exception` does not swallow, so helpers can end the route as in Lua and JS.

LANGUAGE = "python"


def reply_and_exit(code, reason):
    KSR.sl.sl_send_reply(code, reason)
    KSR.x.exit()


def ksr_request_route():
    KSR.hdr.append_to_reply("X-Routed-By: " + LANGUAGE + "\r\n")

    if KSR.maxfwd.process_maxfwd(10) < 0:
        reply_and_exit(483, "Too Many Hops")
    # sanity sends its own error reply when a check fails
    if KSR.sanity.sanity_check(1511, 7) < 0:
        KSR.x.exit()
    if KSR.is_ACK():
        KSR.x.exit()

    if KSR.is_OPTIONS() and KSR.is_myself_ruri():
        reply_and_exit(200, "OK")

    if KSR.is_REGISTER():
        contact = KSR.hdr.get("Contact")
        if contact is not None:
            KSR.hdr.append_to_reply("Contact: " + contact + "\r\n")
        reply_and_exit(200, "OK")

    reply_and_exit(404, "Not Found")
