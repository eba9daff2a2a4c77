-- ksr-host sample routing script, Lua. routing.js and routing.py behave identically.
--
-- A stateful proxy in the shape of Kamailio's kamailio-basic-kemi-lua.lua:
--   sanity and max-forwards checks; CANCEL and retransmissions handled by tm;
--   in-dialog requests routed by Record-Route (loose_route); dialog-forming requests
--   record-routed; OPTIONS to us -> 200; REGISTER -> 200 echoing the Contact (the
--   registrar comes later); other requests to us -> 404; everything else relayed to the
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

  if KSR.is_REGISTER() then
    local contact = KSR.hdr.get("Contact")
    if contact ~= nil then
      KSR.hdr.append_to_reply("Contact: " .. contact .. "\r\n")
    end
    reply_and_exit(200, "OK")
  end

  if KSR.is_ACK() then
    KSR.x.exit()
  end

  if KSR.is_myself_ruri() then
    reply_and_exit(404, "Not Found")
  end

  if KSR.is_method_in("IS") then
    KSR.rr.record_route()
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
