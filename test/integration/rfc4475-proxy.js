// The script of the RFC 4475 end-to-end test: what Kamailio's default configuration does first
// with every request (replies go back to the source port, max-forwards, sanity checks), then
// 200 for whatever passed. The 49 messages' outcomes are in test/sip/rfc4475/cases.ts.
function ksr_request_route() {
  KSR.force_rport();
  if (KSR.maxfwd.process_maxfwd(10) < 0) {
    KSR.sl.sl_send_reply(483, 'Too Many Hops');
    return;
  }
  // 2023: R-URI version and scheme, required headers, CSeq method and value, Content-Length,
  // Expires, Proxy-Require, URIs; 15: parse the R-URI, From, To and Contact URIs
  if (KSR.sanity.sanity_check(2023, 15) < 0) {
    return;
  }
  KSR.sl.sl_send_reply(200, 'OK');
}
