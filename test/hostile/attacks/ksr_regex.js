// test/hostile/attacks/ksr_regex.ts says why; the same list in ksr_regex.lua and .py
var ksr_regex_next = 0;
function ksr_regex_calls() {
  var P = '(a+)+$', S = '/(a+)+$/x/';
  var bomb = KSR.hdr.get('X-Bomb');
  return [
    function () { return KSR.textops.search(P); },
    function () { return KSR.textops.search_body(P); },
    function () { return KSR.textops.search_hf('X-Bomb', P, 'a'); },
    function () { return KSR.textops.search_append(P, 'x'); },
    function () { return KSR.textops.search_append_body(P, 'x'); },
    function () { return KSR.textops.is_present_hf_re('(X+-?)+Bomb$'); },
    function () { return KSR.textops.subst(S); },
    function () { return KSR.textops.subst_body(S); },
    function () { return KSR.textops.subst_hf('X-Bomb', S, 'a'); },
    function () { return KSR.textops.subst_v('$hdr(X-Bomb)', S, '$var(r)'); },
    function () { return KSR.textops.remove_hf_re('(X+-?)+Bomb$'); },
    function () { return KSR.textops.remove_hf_exp('(X+-?)+Bomb$', '^Via$'); },
    function () { return KSR.textops.replace(P, 'x'); },
    function () { return KSR.textops.replace_all(P, 'x'); },
    function () { return KSR.textops.replace_body(P, 'x'); },
    function () { return KSR.textops.replace_hdrs(P, 'x'); },
    function () { return KSR.textops.replace_body_all(P, 'x'); },
    function () { return KSR.textops.replace_body_atonce(P, 'x'); },
    function () { return KSR.textops.regex_substring(bomb, P, 0, 0, '$var(r)'); },
    function () { return KSR.textopsx.keep_hf_re('(X+-?)+Bomb$'); },
    function () { return KSR.textopsx.fnmatch(bomb, '*a*a*a*a*a*a*a*a*b'); },
    function () { return KSR.textopsx.fnmatch_ex(bomb, '*A*A*A*A*A*A*A*A*B', 'i'); },
    function () { return KSR.posops.pos_search(0, P); },
    function () { return KSR.posops.pos_rsearch(-1, P); },
    function () { return KSR.pv.get('$(hdr(X-Bomb){s.len})'); },
  ];
}
function attack_ksr_regex() {
  var calls = ksr_regex_calls();
  calls[ksr_regex_next++ % calls.length]();
  KSR.sl.sl_send_reply(200, 'OK');
}
