-- The register-auth comparison's registrar, Lua. The very same file runs in Kamailio (app_lua)
-- and in ksr-host (fengari), so both servers make the same KSR calls per message (the seed's
-- "same small registrar script"): reply header, max-forwards, sanity, transaction checks,
-- in-dialog check, digest auth against `subscriber` (401 challenge), then registrar save.
-- Anything else is answered 404: this server relays nothing. registrar.py and registrar.js
-- beside it take the same path; keep the three in step.

local function reply_and_exit(code, reason)
  KSR.sl.sl_send_reply(code, reason)
  KSR.x.exit()
end

function ksr_request_route()
  KSR.hdr.append_to_reply("X-Routed-By: registrar-lua\r\n")

  if KSR.maxfwd.process_maxfwd(10) < 0 then
    reply_and_exit(483, "Too Many Hops")
  end
  if KSR.sanity.sanity_check(1511, 7) < 0 then
    KSR.x.exit()
  end

  if not KSR.is_ACK() then
    if KSR.tmx.t_precheck_trans() > 0 then
      KSR.tm.t_check_trans()
      KSR.x.exit()
    end
    if KSR.tm.t_check_trans() == 0 then
      KSR.x.exit()
    end
  end

  if KSR.siputils.has_totag() > 0 then
    if KSR.is_ACK() then
      KSR.x.exit()
    end
    reply_and_exit(404, "Not here")
  end

  if KSR.is_OPTIONS() and KSR.is_myself_ruri() and KSR.pv.is_null("$rU") then
    reply_and_exit(200, "OK")
  end
  if KSR.is_ACK() then
    KSR.x.exit()
  end

  if KSR.is_REGISTER() or KSR.is_myself_furi() then
    local realm = KSR.kx.gete_fhost()
    if KSR.auth_db.auth_check(realm, "subscriber", 1) < 0 then
      KSR.auth.auth_challenge(realm, 1)
      KSR.x.exit()
    end
  end

  if KSR.is_REGISTER() then
    if KSR.registrar.save("location", 0) < 0 then
      KSR.sl.sl_reply_error()
    end
    KSR.x.exit()
  end

  reply_and_exit(404, "Not Found")
end
