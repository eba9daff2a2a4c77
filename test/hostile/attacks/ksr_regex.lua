-- test/hostile/attacks/ksr_regex.ts says why; the same list in ksr_regex.js and .py
ksr_regex_next = 0
local function ksr_regex_calls()
  local P, S = "(a+)+$", "/(a+)+$/x/"
  local bomb = KSR.hdr.get("X-Bomb")
  return {
    function() return KSR.textops.search(P) end,
    function() return KSR.textops.search_body(P) end,
    function() return KSR.textops.search_hf("X-Bomb", P, "a") end,
    function() return KSR.textops.search_append(P, "x") end,
    function() return KSR.textops.search_append_body(P, "x") end,
    function() return KSR.textops.is_present_hf_re("(X+-?)+Bomb$") end,
    function() return KSR.textops.subst(S) end,
    function() return KSR.textops.subst_body(S) end,
    function() return KSR.textops.subst_hf("X-Bomb", S, "a") end,
    function() return KSR.textops.subst_v("$hdr(X-Bomb)", S, "$var(r)") end,
    function() return KSR.textops.remove_hf_re("(X+-?)+Bomb$") end,
    function() return KSR.textops.remove_hf_exp("(X+-?)+Bomb$", "^Via$") end,
    function() return KSR.textops.replace(P, "x") end,
    function() return KSR.textops.replace_all(P, "x") end,
    function() return KSR.textops.replace_body(P, "x") end,
    function() return KSR.textops.replace_hdrs(P, "x") end,
    function() return KSR.textops.replace_body_all(P, "x") end,
    function() return KSR.textops.replace_body_atonce(P, "x") end,
    function() return KSR.textops.regex_substring(bomb, P, 0, 0, "$var(r)") end,
    function() return KSR.textopsx.keep_hf_re("(X+-?)+Bomb$") end,
    function() return KSR.textopsx.fnmatch(bomb, "*a*a*a*a*a*a*a*a*b") end,
    function() return KSR.textopsx.fnmatch_ex(bomb, "*A*A*A*A*A*A*A*A*B", "i") end,
    function() return KSR.posops.pos_search(0, P) end,
    function() return KSR.posops.pos_rsearch(-1, P) end,
    function() return KSR.pv.get("$(hdr(X-Bomb){s.len})") end,
  }
end
function attack_ksr_regex()
  local calls = ksr_regex_calls()
  calls[(ksr_regex_next % #calls) + 1]()
  ksr_regex_next = ksr_regex_next + 1
  KSR.sl.sl_send_reply(200, "OK")
end
