-- ksr-host sample routing script, Lua. routing.js and routing.py behave identically.
--
-- A stateful proxy in the shape of Kamailio's kamailio-basic-kemi-lua.lua:
--   sanity and max-forwards checks; CANCEL and retransmissions handled by tm;
--   in-dialog requests routed by Record-Route (loose_route); dialog-forming requests
--   record-routed; OPTIONS to us -> 200; REGISTER challenged (401) then saved in the
--   location table; requests from our own users (From is ours) authenticated with proxy
--   authentication (407); requests to our users found through lookup (404 for an unknown
--   user, 480 for a known one who is not registered); everything else relayed to the
--   Request-URI, with a branch route that adds "X-Branch-Route: lua", an onreply route that
--   logs the status, and a failure route that re-routes to FAILOVER_URI (a define of the
--   config) on 486 or 408. Every reply we send ourselves carries "X-Routed-By: lua".

local LANGUAGE = "lua"
local FLT_FAILOVER = 1 -- set once the call went to the failover destination

-- Ends the route with a reply. KSR.x.exit() stops the callback (pcall cannot swallow it).
local function reply_and_exit(code, reason)
  KSR.sl.sl_send_reply(code, reason)
  KSR.x.exit()
end

-- Relays statefully, with the branch, reply and failure callbacks named for tm.
local function route_relay()
  if KSR.is_method_in("IBSCUM") then
    KSR.tm.t_on_branch("ksr_branch_manage")
    KSR.tm.t_on_reply("ksr_onreply_manage")
  end
  if KSR.is_INVITE() then
    KSR.tm.t_on_failure("ksr_failure_manage")
  end
  if KSR.tm.t_relay() < 0 then
    KSR.sl.sl_reply_error()
  end
  KSR.x.exit()
end

-- Requests within a dialog follow the Record-Route set.
local function route_withindlg()
  if KSR.siputils.has_totag() < 0 then
    return
  end
  if KSR.rr.loose_route() > 0 then
    route_relay()
  end
  if KSR.is_ACK() then
    -- an ACK without a transaction and without a route: nothing to do with it
    if KSR.tm.t_check_trans() > 0 then
      route_relay()
    end
    KSR.x.exit()
  end
  reply_and_exit(404, "Not here")
end

-- REGISTER and requests from our own users must authenticate (digest against `subscriber`).
local function route_auth()
  if not KSR.is_REGISTER() and not KSR.is_myself_furi() then
    return
  end
  local realm = KSR.kx.gete_fhost()
  if KSR.auth_db.auth_check(realm, "subscriber", 1) < 0 then
    KSR.auth.auth_challenge(realm, 1)
    KSR.x.exit()
  end
  -- the credentials are not passed on (a REGISTER ends here anyway)
  if not KSR.is_REGISTER() then
    KSR.auth.consume_credentials()
  end
end

local function route_registrar()
  if not KSR.is_REGISTER() then
    return
  end
  if KSR.registrar.save("location", 0) < 0 then
    KSR.sl.sl_reply_error()
  end
  KSR.x.exit()
end

-- Requests to our users go where they registered: 404 unknown user, 480 not registered.
local function route_location()
  if not KSR.is_myself_ruri() or KSR.pv.is_null("$rU") then
    return
  end
  if KSR.registrar.lookup("location") < 0 then
    if KSR.auth_db.is_subscriber(KSR.pv.get("$ru"), "subscriber", 1) > 0 then
      reply_and_exit(480, "Temporarily Unavailable")
    end
    reply_and_exit(404, "Not Found")
  end
end

function ksr_request_route()
  KSR.hdr.append_to_reply("X-Routed-By: " .. LANGUAGE .. "\r\n")

  if KSR.maxfwd.process_maxfwd(10) < 0 then
    reply_and_exit(483, "Too Many Hops")
  end
  -- sanity sends its own error reply when a check fails
  if KSR.sanity.sanity_check(1511, 7) < 0 then
    KSR.x.exit()
  end

  if KSR.is_CANCEL() then
    if KSR.tm.t_check_trans() > 0 then
      route_relay()
    end
    KSR.x.exit()
  end

  -- retransmissions are absorbed by tm (0: handled)
  if not KSR.is_ACK() then
    if KSR.tmx.t_precheck_trans() > 0 then
      KSR.tm.t_check_trans()
      KSR.x.exit()
    end
    if KSR.tm.t_check_trans() == 0 then
      KSR.x.exit()
    end
  end

  route_withindlg()

  if KSR.is_OPTIONS() and KSR.is_myself_ruri() and KSR.pv.is_null("$rU") then
    reply_and_exit(200, "OK")
  end

  if KSR.is_ACK() then
    KSR.x.exit()
  end

  route_auth()
  route_registrar()

  if KSR.is_method_in("IS") then
    KSR.rr.record_route()
  end
  route_location()
  if KSR.is_myself_ruri() and KSR.pv.is_null("$rU") then
    reply_and_exit(404, "Not Found")
  end
  route_relay()
end

function ksr_branch_manage()
  KSR.hdr.append("X-Branch-Route: " .. LANGUAGE .. "\r\n")
end

function ksr_onreply_manage()
  KSR.info("reply " .. KSR.pv.get("$rs") .. " " .. KSR.pv.get("$rr") .. " for " .. KSR.pv.get("$ci"))
end

function ksr_failure_manage()
  if KSR.tm.t_is_canceled() > 0 then
    return
  end
  local code = KSR.pv.get("$T_reply_code")
  local failover = KSR.kx.get_def("FAILOVER_URI")
  if (code == 486 or code == 408) and failover ~= nil and not KSR.isflagset(FLT_FAILOVER) then
    KSR.setflag(FLT_FAILOVER)
    KSR.pv.sets("$ru", failover)
    route_relay()
  end
end
