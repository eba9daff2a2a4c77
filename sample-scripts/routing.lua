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
--
-- Switched on by defines of the config, as Kamailio's example cfg does with #!define:
--   WITH_ANTIFLOOD  a source sending faster than pike allows is banned for a while (htable
--                   `ipban`, declared in modules.htable); its requests are dropped unanswered
--   WITH_NAT        phones behind NAT (nathelper): Contact fixed on REGISTER, aliases on
--                   dialogs, keepalives from the binding's flags; WITH_RTPENGINE: their media
--                   through rtpengine (modules.rtpengine)
--   WITH_IPAUTH     requests from the addresses of permissions group 1 need no credentials
--   WITH_DISPATCHER calls from our users to numbers that are none of ours go to the gateways of
--                   dispatcher set 1, round robin, the next one on a 5xx or no answer

local LANGUAGE = "lua"
local FLT_FAILOVER = 1 -- set once the call went to the failover destination
local FLT_GATEWAY = 2 -- the call went to a gateway of dispatcher set 1
local FLT_NATS = 5 -- the request came from behind a NAT
local FLB_NATB = 6 -- branch flag: the callee is behind a NAT (saved with its binding)
local FLB_NATSIPPING = 7 -- branch flag: keepalive OPTIONS to the binding (nathelper's sipping_bflag)

-- The defines, read once (they change only with the config, at a restart).
local FEATURES = nil
local function with(name)
  if FEATURES == nil then
    FEATURES = {}
    for _, d in ipairs({ "WITH_ANTIFLOOD", "WITH_NAT", "WITH_RTPENGINE", "WITH_IPAUTH", "WITH_DISPATCHER" }) do
      FEATURES[d] = KSR.kx.ifdef(d)
    end
  end
  return FEATURES[name]
end

-- Ends the route with a reply. KSR.x.exit() stops the callback (pcall cannot swallow it).
local function reply_and_exit(code, reason)
  KSR.sl.sl_send_reply(code, reason)
  KSR.x.exit()
end

-- A banned source is dropped; one that sends faster than pike allows is banned. Never our own addresses.
local function route_antiflood()
  if not with("WITH_ANTIFLOOD") or KSR.is_myself_srcip() then
    return
  end
  local srcip = KSR.kx.get_srcip()
  if KSR.htable.sht_match_name("ipban", "eq", srcip) > 0 then
    KSR.x.exit()
  end
  if KSR.pike.pike_check_req() < 0 then
    KSR.err("pike: blocking " .. KSR.kx.get_method() .. " from " .. srcip)
    KSR.htable.sht_seti("ipban", srcip, 1)
    KSR.x.exit()
  end
end

-- A WebSocket client (a browser phone) names a host that does not exist (*.invalid) in its Via
-- and Contact: it is reached over its connection only, with or without WITH_NAT. Its REGISTER
-- keeps the connection's address (received), its other requests' Contact gets an alias.
local function route_websocket_client()
  if not KSR.is_WS() and not KSR.is_WSS() then
    return
  end
  KSR.force_rport()
  if KSR.is_REGISTER() then
    KSR.nathelper.fix_nated_register()
  elseif KSR.siputils.is_first_hop() > 0 then
    KSR.nathelper.set_contact_alias()
  end
end

-- A request from behind a NAT: replies go back where it came from (rport), a REGISTER's binding
-- keeps the public address, a dialog's Contact gets an alias.
local function route_natdetect()
  route_websocket_client()
  if not with("WITH_NAT") then
    return
  end
  KSR.force_rport()
  if KSR.nathelper.nat_uac_test(19) > 0 then
    if KSR.is_REGISTER() then
      KSR.nathelper.fix_nated_register()
    elseif KSR.siputils.is_first_hop() > 0 then
      KSR.nathelper.set_contact_alias()
    end
    KSR.setflag(FLT_NATS)
  end
end

-- Branches, replies and failures of a NATed call: media through rtpengine, the dialog marked.
local function route_natmanage()
  if not with("WITH_NAT") then
    return
  end
  if KSR.siputils.is_request() > 0 and KSR.siputils.has_totag() > 0 and KSR.rr.check_route_param("nat=yes") > 0 then
    KSR.setbflag(FLB_NATB)
  end
  if not (KSR.isflagset(FLT_NATS) or KSR.isbflagset(FLB_NATB)) then
    return
  end
  if with("WITH_RTPENGINE") then
    KSR.rtpengine.rtpengine_manage("replace-origin replace-session-connection")
  end
  if KSR.siputils.is_request() > 0 and KSR.siputils.has_totag() < 0 and KSR.tmx.t_is_branch_route() > 0 then
    KSR.rr.add_rr_param(";nat=yes")
  end
  if KSR.siputils.is_reply() > 0 and KSR.isbflagset(FLB_NATB) then
    KSR.nathelper.set_contact_alias()
  end
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
    -- a dialog with a phone behind NAT: its alias tells where it really is
    -- (a WebSocket client's alias too, with or without WITH_NAT)
    if not KSR.isdsturiset() then
      KSR.nathelper.handle_ruri_alias()
    end
    if KSR.is_ACK() then
      route_natmanage()
    end
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
  if with("WITH_IPAUTH") and not KSR.is_REGISTER() and KSR.permissions.allow_source_address(1) > 0 then
    return
  end
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
  if KSR.isflagset(FLT_NATS) then
    KSR.setbflag(FLB_NATB)
    KSR.setbflag(FLB_NATSIPPING)
  end
  if KSR.registrar.save("location", 0) < 0 then
    KSR.sl.sl_reply_error()
  end
  KSR.x.exit()
end

-- Calls from our users to a number that is none of our users go to dispatcher set 1.
local function route_gateways()
  if not with("WITH_DISPATCHER") or not KSR.is_INVITE() or not KSR.is_myself_furi() or not KSR.is_myself_ruri() then
    return
  end
  if KSR.siputils.is_tel_number(KSR.pv.getw("$rU")) < 0 or KSR.auth_db.is_subscriber(KSR.pv.get("$ru"), "subscriber", 1) > 0 then
    return
  end
  if KSR.dispatcher.ds_select_dst(1, 4) < 0 then
    reply_and_exit(503, "No Gateway Available")
  end
  KSR.setflag(FLT_GATEWAY)
  route_relay()
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
  route_antiflood()
  KSR.hdr.append_to_reply("X-Routed-By: " .. LANGUAGE .. "\r\n")

  if KSR.maxfwd.process_maxfwd(10) < 0 then
    reply_and_exit(483, "Too Many Hops")
  end
  -- sanity sends its own error reply when a check fails
  if KSR.sanity.sanity_check(1511, 7) < 0 then
    KSR.x.exit()
  end
  route_natdetect()

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
  route_gateways()
  route_location()
  if KSR.is_myself_ruri() and KSR.pv.is_null("$rU") then
    reply_and_exit(404, "Not Found")
  end
  route_relay()
end

function ksr_branch_manage()
  KSR.hdr.append("X-Branch-Route: " .. LANGUAGE .. "\r\n")
  route_natmanage()
end

function ksr_onreply_manage()
  local code = KSR.pv.get("$rs")
  KSR.info("reply " .. code .. " " .. KSR.pv.get("$rr") .. " for " .. KSR.pv.get("$ci"))
  -- a WebSocket client's answer: its Contact gets an alias, as its requests' do
  if (KSR.is_WS() or KSR.is_WSS()) and code > 100 and code < 300 then
    KSR.nathelper.set_contact_alias()
  end
  if code > 100 and code < 300 then
    route_natmanage()
  end
end

function ksr_failure_manage()
  route_natmanage()
  if KSR.tm.t_is_canceled() > 0 then
    return
  end
  local code = KSR.pv.get("$T_reply_code")
  -- a gateway that failed or did not answer: the next one of the set
  if KSR.isflagset(FLT_GATEWAY) then
    if (code >= 500 or code == 408) and KSR.dispatcher.ds_next_dst() > 0 then
      route_relay()
    end
    return
  end
  -- the callee's connection is gone (a browser that closed without unregistering): unreachable
  if code == 477 then
    KSR.tm.t_reply(480, "Temporarily Unavailable")
    return
  end
  local failover = KSR.kx.get_def("FAILOVER_URI")
  if (code == 486 or code == 408) and failover ~= "" and not KSR.isflagset(FLT_FAILOVER) then
    KSR.setflag(FLT_FAILOVER)
    KSR.pv.sets("$ru", failover)
    route_relay()
  end
end
