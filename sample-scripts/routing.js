// ksr-host sample routing script, JavaScript (runs on v8, or QuickJS with --engine quickjs).
// routing.lua and routing.py behave identically.
// Sanity and max-forwards checks; OPTIONS to us -> 200; REGISTER -> 200 echoing the
// Contact (the registrar comes later); anything else -> 404. Every reply we send carries
// "X-Routed-By: js".

var LANGUAGE = 'js';

// A helper that ends the route: KSR.x.exit() stops the callback (try/catch cannot swallow it).
function replyAndExit(code, reason) {
  KSR.sl.sl_send_reply(code, reason);
  KSR.x.exit();
}

function ksr_request_route() {
  KSR.hdr.append_to_reply('X-Routed-By: ' + LANGUAGE + '\r\n');

  if (KSR.maxfwd.process_maxfwd(10) < 0) {
    replyAndExit(483, 'Too Many Hops');
  }
  // sanity sends its own error reply when a check fails
  if (KSR.sanity.sanity_check(1511, 7) < 0) {
    KSR.x.exit();
  }
  if (KSR.is_ACK()) {
    KSR.x.exit();
  }

  if (KSR.is_OPTIONS() && KSR.is_myself_ruri()) {
    replyAndExit(200, 'OK');
  }

  if (KSR.is_REGISTER()) {
    var contact = KSR.hdr.get('Contact');
    if (contact !== null) {
      KSR.hdr.append_to_reply('Contact: ' + contact + '\r\n');
    }
    replyAndExit(200, 'OK');
  }

  replyAndExit(404, 'Not Found');
}
