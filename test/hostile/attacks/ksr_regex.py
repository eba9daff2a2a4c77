# test/hostile/attacks/ksr_regex.ts says why; the same list in ksr_regex.js and .lua
ksr_regex_next = [0]

def ksr_regex_calls():
    P, S = "(a+)+$", "/(a+)+$/x/"
    bomb = KSR.hdr.get("X-Bomb")
    return [
        lambda: KSR.textops.search(P),
        lambda: KSR.textops.search_body(P),
        lambda: KSR.textops.search_hf("X-Bomb", P, "a"),
        lambda: KSR.textops.search_append(P, "x"),
        lambda: KSR.textops.search_append_body(P, "x"),
        lambda: KSR.textops.is_present_hf_re("(X+-?)+Bomb$"),
        lambda: KSR.textops.subst(S),
        lambda: KSR.textops.subst_body(S),
        lambda: KSR.textops.subst_hf("X-Bomb", S, "a"),
        lambda: KSR.textops.subst_v("$hdr(X-Bomb)", S, "$var(r)"),
        lambda: KSR.textops.remove_hf_re("(X+-?)+Bomb$"),
        lambda: KSR.textops.remove_hf_exp("(X+-?)+Bomb$", "^Via$"),
        lambda: KSR.textops.replace(P, "x"),
        lambda: KSR.textops.replace_all(P, "x"),
        lambda: KSR.textops.replace_body(P, "x"),
        lambda: KSR.textops.replace_hdrs(P, "x"),
        lambda: KSR.textops.replace_body_all(P, "x"),
        lambda: KSR.textops.replace_body_atonce(P, "x"),
        lambda: KSR.textops.regex_substring(bomb, P, 0, 0, "$var(r)"),
        lambda: KSR.textopsx.keep_hf_re("(X+-?)+Bomb$"),
        lambda: KSR.textopsx.fnmatch(bomb, "*a*a*a*a*a*a*a*a*b"),
        lambda: KSR.textopsx.fnmatch_ex(bomb, "*A*A*A*A*A*A*A*A*B", "i"),
        lambda: KSR.posops.pos_search(0, P),
        lambda: KSR.posops.pos_rsearch(-1, P),
        lambda: KSR.pv.get("$(hdr(X-Bomb){s.len})"),
    ]

def attack_ksr_regex():
    calls = ksr_regex_calls()
    calls[ksr_regex_next[0] % len(calls)]()
    ksr_regex_next[0] += 1
    KSR.sl.sl_send_reply(200, "OK")
