// The test phone: a JsSIP user agent over WSS that the test drives through `window.phone`
// (page.evaluate). Every SIP message the page sends and receives is recorded, as sent on the
// wire, in `phone.messages` ({ dir: 'out' | 'in', text }); events in `phone.events`. Every wait
// here is bounded: a promise that would hang rejects with what it waited for.
/* global JsSIP */
(function () {
  'use strict';

  var WAIT_MS = 15000;
  var messages = [];
  var events = [];
  var ua = null;
  var session = null;
  var incoming = [];

  function note(what) {
    events.push(what);
    document.getElementById('state').textContent = what;
  }

  function asText(data) {
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  }

  // JsSIP's own WebSocket socket, with its frames recorded both ways.
  class RecordingSocket extends JsSIP.WebSocketInterface {
    send(message) {
      messages.push({ dir: 'out', text: asText(message) });
      return super.send(message);
    }
    _onMessage(ev) {
      messages.push({ dir: 'in', text: asText(ev.data) });
      super._onMessage(ev);
    }
  }

  function bounded(what, executor) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        reject(new Error('phone: no ' + what + ' within ' + WAIT_MS + ' ms; events: ' + events.join(', ')));
      }, WAIT_MS);
      executor(
        function (v) { clearTimeout(timer); resolve(v); },
        function (e) { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
      );
    });
  }

  function watch(s, origin) {
    session = s;
    ['progress', 'accepted', 'confirmed', 'ended', 'failed'].forEach(function (name) {
      s.on(name, function (e) {
        note(origin + ' ' + name + (e && e.cause ? ' (' + e.cause + ')' : ''));
      });
    });
  }

  // Until one of `names` happens on the current session; a failure or end first rejects.
  function sessionEvent(names) {
    var s = session;
    return bounded('session ' + names.join('/'), function (resolve, reject) {
      names.forEach(function (n) { s.once(n, function () { resolve(n); }); });
      ['failed', 'ended'].filter(function (n) { return names.indexOf(n) < 0; }).forEach(function (n) {
        s.once(n, function (e) { reject(new Error('session ' + n + ': ' + (e && e.cause))); });
      });
    });
  }

  var CALL_OPTIONS = {
    mediaConstraints: { audio: true, video: false },
    pcConfig: { iceServers: [] },
  };

  // A peer connection for the far end (a UA on UDP has no WebRTC stack): its offer or answer is
  // a real one that Chromium accepts on the JsSIP side. Gathering is bounded.
  var farPeers = [];
  function gathered(pc) {
    return new Promise(function (resolve) {
      if (pc.iceGatheringState === 'complete') return resolve();
      var timer = setTimeout(resolve, 3000);
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
      });
    });
  }

  window.phone = {
    messages: messages,
    events: events,

    // Registers over `wsUrl` as `uri` with the digest password; resolves once registered.
    register: function (o) {
      var socket = new RecordingSocket(o.wsUrl);
      ua = new JsSIP.UA({
        sockets: [socket],
        uri: o.uri,
        password: o.password,
        register: true,
        register_expires: 120,
        session_timers: false,
        user_agent: 'ksr-host-test-phone JsSIP/' + JsSIP.version,
      });
      ua.on('newRTCSession', function (e) {
        if (e.originator === 'remote') {
          incoming.push(e.session);
          watch(e.session, 'incoming');
          note('incoming call');
        }
      });
      return bounded('registration', function (resolve, reject) {
        ua.on('registered', function () { note('registered'); resolve(true); });
        ua.on('registrationFailed', function (e) { note('registrationFailed ' + e.cause); reject(new Error('registration failed: ' + e.cause)); });
        ua.start();
      });
    },

    // Calls `target`; resolves when the call is confirmed (200 and ACK).
    call: function (target) {
      watch(ua.call(target, CALL_OPTIONS), 'outgoing');
      return sessionEvent(['confirmed']);
    },

    // Answers the first incoming call (waiting for it); resolves when confirmed (the ACK came).
    answer: function () {
      return bounded('incoming call', function (resolve) {
        (function poll() { incoming.length ? resolve() : setTimeout(poll, 20); })();
      }).then(function () {
        var s = incoming.shift();
        session = s;
        var confirmed = sessionEvent(['confirmed']);
        s.answer(CALL_OPTIONS);
        return confirmed;
      });
    },

    // Hangs up the current call (BYE); resolves when JsSIP has ended it.
    hangup: function () {
      var ended = sessionEvent(['ended']);
      session.terminate();
      return ended;
    },

    // Resolves when the current call has ended (the far end hung up).
    ended: function () {
      if (session.isEnded()) return Promise.resolve('ended');
      return sessionEvent(['ended']);
    },

    // An offer or an answer for the far end, made by a peer connection of its own.
    farOffer: function () {
      var pc = new RTCPeerConnection({ iceServers: [] });
      farPeers.push(pc);
      pc.addTransceiver('audio', { direction: 'sendrecv' });
      return pc.createOffer().then(function (d) { return pc.setLocalDescription(d); })
        .then(function () { return gathered(pc); })
        .then(function () { return pc.localDescription.sdp; });
    },
    farAnswer: function (offer) {
      var pc = new RTCPeerConnection({ iceServers: [] });
      farPeers.push(pc);
      return pc.setRemoteDescription({ type: 'offer', sdp: offer })
        .then(function () { return pc.createAnswer(); })
        .then(function (d) { return pc.setLocalDescription(d); })
        .then(function () { return gathered(pc); })
        .then(function () { return pc.localDescription.sdp; });
    },

    stop: function () {
      farPeers.forEach(function (pc) { pc.close(); });
      if (ua) ua.stop();
    },
  };
  note('ready');
})();
