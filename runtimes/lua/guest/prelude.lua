-- Runs once in every fresh Lua state, before the script. The stop signal (a light userdata
-- the script cannot make) must pass through every protected call: pcall, xpcall and
-- coroutine.resume re-raise it, and xpcall's handler never sees it. load is text-only.
local STOP = ...
local pcall0, xpcall0, resume0, load0 = pcall, xpcall, coroutine.resume, load
local error0, rawequal = error, rawequal

local function pass(ok, ...)
  if not ok and rawequal((...), STOP) then error0(STOP, 0) end
  return ok, ...
end

pcall = function(f, ...)
  return pass(pcall0(f, ...))
end

xpcall = function(f, handler, ...)
  local function guarded(e)
    if rawequal(e, STOP) then return STOP end
    return handler(e)
  end
  return pass(xpcall0(f, guarded, ...))
end

coroutine.resume = function(co, ...)
  return pass(resume0(co, ...))
end

load = function(chunk, name, mode, ...)
  if type(chunk) == 'string' and chunk:byte(1) == 27 then
    return nil, 'attempt to load a binary chunk (only text is allowed)'
  end
  return load0(chunk, name, 't', ...)
end

dofile, loadfile = nil, nil
