recursive_route_calls = 0
function recursive_route_level()
  recursive_route_calls = recursive_route_calls + 1
  KSR.route("recursive_route_level")
end
function attack_recursive_route()
  recursive_route_calls = 0
  KSR.route("recursive_route_level")
  KSR.sl.sl_send_reply(500, "Recursion Ended After " .. recursive_route_calls)
end
