-- ksr-host sample routing script, Lua. routing.js and routing.py behave identically.
-- Sanity and max-forwards checks; OPTIONS to us -> 200; REGISTER -> 200 echoing the
-- Contact (the registrar comes later); anything else -> 404. Every reply we send carries
-- "X-Routed-By: lua".

local LANGUAGE = "lua"

-- A helper that ends the route: KSR.x.exit() stops the callback (pcall cannot swallow it).
local function reply_and_exit(code, reason)
  KSR.sl.sl_send_reply(code, reason)
  KSR.x.exit()
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
  if KSR.is_ACK() then
    KSR.x.exit()
  end

  if KSR.is_OPTIONS() and KSR.is_myself_ruri() then
    reply_and_exit(200, "OK")
  end

  if KSR.is_REGISTER() then
    local contact = KSR.hdr.get("Contact")
    if contact ~= nil then
      KSR.hdr.append_to_reply("Contact: " .. contact .. "\r\n")
    end
    reply_and_exit(200, "OK")
  end

  reply_and_exit(404, "Not Found")
end
