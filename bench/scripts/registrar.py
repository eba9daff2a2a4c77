# The register-auth comparison's registrar, Python: the very same file runs in Kamailio
# (app_python3) and in ksr-host (pyodide, which takes app_python3's class shape), with the same
# path through the same KSR calls as registrar.lua beside it. A route that ends returns -255,
# app_python3's way of saying "exit" to the caller.
import KSR as KSR

EXIT = -255


def mod_init():
    return Registrar()


class Registrar:
    def child_init(self, rank):
        return 0

    def reply(self, code, reason):
        KSR.sl.sl_send_reply(code, reason)
        return EXIT

    def ksr_request_route(self, msg):
        KSR.hdr.append_to_reply("X-Routed-By: registrar-python\r\n")

        if KSR.maxfwd.process_maxfwd(10) < 0:
            return self.reply(483, "Too Many Hops")
        if KSR.sanity.sanity_check(1511, 7) < 0:
            return EXIT

        if not KSR.is_ACK():
            if KSR.tmx.t_precheck_trans() > 0:
                KSR.tm.t_check_trans()
                return EXIT
            if KSR.tm.t_check_trans() == 0:
                return EXIT

        if KSR.siputils.has_totag() > 0:
            if KSR.is_ACK():
                return EXIT
            return self.reply(404, "Not here")

        if KSR.is_OPTIONS() and KSR.is_myself_ruri() and KSR.pv.is_null("$rU"):
            return self.reply(200, "OK")
        if KSR.is_ACK():
            return EXIT

        if KSR.is_REGISTER() or KSR.is_myself_furi():
            realm = KSR.kx.gete_fhost()
            if KSR.auth_db.auth_check(realm, "subscriber", 1) < 0:
                KSR.auth.auth_challenge(realm, 1)
                return EXIT

        if KSR.is_REGISTER():
            if KSR.registrar.save("location", 0) < 0:
                KSR.sl.sl_reply_error()
            return EXIT

        return self.reply(404, "Not Found")
