-- Generated from the KSR registry by `npm run generate` (bindings/generate.ts). Do not edit.
-- A doc table for editors (EmmyLua annotations); the runtime builds the real KSR.

KSR = {}
KSR.pv = {}
KSR.hdr = {}
KSR.x = {}
KSR.kx = {}
KSR.sl = {}
KSR.maxfwd = {}
KSR.sanity = {}
KSR.rr = {}
KSR.siputils = {}
KSR.tm = {}
KSR.tmx = {}
KSR.corex = {}
KSR.auth = {}
KSR.auth_db = {}
KSR.registrar = {}
KSR.pvx = {}
KSR.textops = {}
KSR.textopsx = {}
KSR.posops = {}
KSR.htable = {}
KSR.pike = {}
KSR.permissions = {}
KSR.nathelper = {}
KSR.dispatcher = {}
KSR.uac = {}
KSR.uac_redirect = {}
KSR.rtpengine = {}
KSR.rtpproxy = {}
KSR.http_client = {}
KSR.http_async_client = {}
KSR.xlog = {}
KSR.acc = {}

--- Logs the text at debug level (no message needed; a trailing newline is dropped, as the log adds its own)
--- KSR.dbg(str): none -- complete
---@param text string
---@return nil # nothing
function KSR.dbg(text) end

--- Logs the text at info level (no message needed; a trailing newline is dropped)
--- KSR.info(str): none -- complete
---@param text string
---@return nil # nothing
function KSR.info(text) end

--- Logs the text at notice level (no message needed; a trailing newline is dropped)
--- KSR.notice(str): none -- complete
---@param text string
---@return nil # nothing
function KSR.notice(text) end

--- Logs the text at warning level (no message needed; a trailing newline is dropped)
--- KSR.warn(str): none -- complete
---@param text string
---@return nil # nothing
function KSR.warn(text) end

--- Logs the text at error level (no message needed; a trailing newline is dropped)
--- KSR.err(str): none -- complete
---@param text string
---@return nil # nothing
function KSR.err(text) end

--- Logs the text at critical level (no message needed; a trailing newline is dropped)
--- KSR.crit(str): none -- complete
---@param text string
---@return nil # nothing
function KSR.crit(text) end

--- Logs the text at the named level: dbg, info, notice, warn, err or crit; any other name logs as error
--- KSR.log(str, str): none -- complete
---@param level string
---@param text string
---@return nil # nothing
function KSR.log(level, text) end

--- Marks the message dropped without ending the callback: ksr_onsend_route does not send it, a branch route's branch is not sent, a reply route's reply is not relayed
--- KSR.set_drop(): none -- complete
---@return nil # nothing
function KSR.set_drop() end

--- Tests whether a SIP URI (host, port, transport) or a bare host/IP names one of this server's addresses or aliases
--- KSR.is_myself(str): bool -- complete
---@param uri string
---@return boolean # true when it is ours; false when not or the URI is unparsable
function KSR.is_myself(uri) end

--- Tests whether the Request-URI in force names this server (host, port and transport)
--- KSR.is_myself_ruri(): bool -- complete
---@return boolean # true when ours; false otherwise
function KSR.is_myself_ruri() end

--- Tests whether the destination URI ($du) names this server
--- KSR.is_myself_duri(): bool -- complete
---@return boolean # true when ours; false when not, or $du is unset or unparsable
function KSR.is_myself_duri() end

--- Tests whether the next hop URI ($du when set, else the Request-URI in force) names this server
--- KSR.is_myself_nhuri(): bool -- complete
---@return boolean # true when ours; false otherwise
function KSR.is_myself_nhuri() end

--- Tests whether the From header's URI names this server
--- KSR.is_myself_furi(): bool -- complete
---@return boolean # true when ours; false when not, or no usable From
function KSR.is_myself_furi() end

--- Tests whether the To header's URI names this server
--- KSR.is_myself_turi(): bool -- complete
---@return boolean # true when ours; false when not, or no usable To
function KSR.is_myself_turi() end

--- Tests whether the source address, port and transport of the message are one of this server's sockets
--- KSR.is_myself_suri(): bool -- complete
---@return boolean # true when ours; false otherwise
function KSR.is_myself_suri() end

--- Tests whether the source IP of the message is one of this server's addresses (any port)
--- KSR.is_myself_srcip(): bool -- complete
---@return boolean # true when ours; false otherwise
function KSR.is_myself_srcip() end

--- Sets message flag 0..31 ($mf); the flags travel with the request into its transaction's later routes
--- KSR.setflag(int): bool -- complete
---@param flag integer
---@return boolean # true when set; false for a flag outside 0..31
function KSR.setflag(flag) end

--- Clears message flag 0..31
--- KSR.resetflag(int): bool -- complete
---@param flag integer
---@return boolean # true when cleared; false for a flag outside 0..31
function KSR.resetflag(flag) end

--- Tests message flag 0..31
--- KSR.isflagset(int): bool -- complete
---@param flag integer
---@return boolean # true when set; false when not set or outside 0..31
function KSR.isflagset(flag) end

--- Sets flag 0..31 of branch 0 (the Request-URI branch, $bf)
--- KSR.setbflag(int): bool -- complete
---@param flag integer
---@return boolean # true when set; false for a flag outside 0..31
function KSR.setbflag(flag) end

--- Clears flag 0..31 of branch 0
--- KSR.resetbflag(int): bool -- complete
---@param flag integer
---@return boolean # true when cleared; false for a flag outside 0..31
function KSR.resetbflag(flag) end

--- Tests flag 0..31 of branch 0
--- KSR.isbflagset(int): bool -- complete
---@param flag integer
---@return boolean # true when set; false when not set or outside 0..31
function KSR.isbflagset(flag) end

--- Sets flag 0..31 of the given branch (0..11; 0 is the Request-URI branch)
--- KSR.setbiflag(int, int): bool -- complete
---@param flag integer
---@param branch integer
---@return boolean # true when set; false for a flag outside 0..31 or a branch outside 0..11
function KSR.setbiflag(flag, branch) end

--- Clears flag 0..31 of the given branch (0..11)
--- KSR.resetbiflag(int, int): bool -- complete
---@param flag integer
---@param branch integer
---@return boolean # true when cleared; false for a flag outside 0..31 or a branch outside 0..11
function KSR.resetbiflag(flag, branch) end

--- Tests flag 0..31 of the given branch (0..11)
--- KSR.isbiflagset(int, int): bool -- complete
---@param flag integer
---@param branch integer
---@return boolean # true when set; false when not set, or flag or branch out of range
function KSR.isbiflagset(flag, branch) end

--- Sets script flag 0..31 ($sf): every callback starts with all script flags clear (a KSR.route sub-route too; the caller's come back after it)
--- KSR.setsflag(int): bool -- complete
---@param flag integer
---@return boolean # true when set; false for a flag outside 0..31
function KSR.setsflag(flag) end

--- Clears script flag 0..31
--- KSR.resetsflag(int): bool -- complete
---@param flag integer
---@return boolean # true when cleared; false for a flag outside 0..31
function KSR.resetsflag(flag) end

--- Tests script flag 0..31
--- KSR.issflagset(int): bool -- complete
---@param flag integer
---@return boolean # true when set; false when not set or outside 0..31
function KSR.issflagset(flag) end

--- Replaces the Request-URI in force ($ru); the first line is rewritten when the request is sent
--- KSR.seturi(str): bool -- complete
---@param uri string
---@return boolean # true when set; false for a reply or an unparsable URI
function KSR.seturi(uri) end

--- Replaces the user part of the Request-URI in force; '' removes the user (and password)
--- KSR.setuser(str): bool -- complete
---@param user string
---@return boolean # true when set; false for a reply or an unparsable Request-URI
function KSR.setuser(user) end

--- Replaces the host part of the Request-URI in force (an IPv6 address with or without brackets)
--- KSR.sethost(str): bool -- complete
---@param host string
---@return boolean # true when set; false for a reply, an empty host or an unparsable Request-URI
function KSR.sethost(host) end

--- Sets the destination URI ($du): the request goes there while the Request-URI stays as it is
--- KSR.setdsturi(str): bool -- complete
---@param uri string
---@return boolean # true when set; false for an empty URI
function KSR.setdsturi(uri) end

--- Clears the destination URI ($du): the request goes to the Request-URI again
--- KSR.resetdsturi(): bool -- complete
---@return boolean # true
function KSR.resetdsturi() end

--- Tests whether a destination URI ($du) is set
--- KSR.isdsturiset(): bool -- complete
---@return boolean # true when set; false otherwise
function KSR.isdsturiset() end

--- Answers this request as if its top Via had ;rport: replies go to the source port and carry rport= and received=
--- KSR.force_rport(): bool -- complete
---@return boolean # true
function KSR.force_rport() end

--- Adds an empty ;rport parameter to the Via this server puts on the forwarded request
--- KSR.add_local_rport(): bool -- complete
---@return boolean # true
function KSR.add_local_rport() end

--- Compares the method (a reply's CSeq method) with a name or names joined by '|', case-insensitively
--- KSR.is_method(str): bool -- complete
---@param method string
---@return boolean # true when one matches; false otherwise
function KSR.is_method(method) end

--- Tests the method against letters: I INVITE A ACK B BYE C CANCEL M MESSAGE R REGISTER E PRACK P PUBLISH S SUBSCRIBE N NOTIFY O OPTIONS F REFER U UPDATE K KDMQ G GET T POST V PUT D DELETE
--- KSR.is_method_in(str): bool -- complete
---@param methods string
---@return boolean # true when a letter (either case) names the method; false otherwise
function KSR.is_method_in(methods) end

--- Tests whether the method (a reply's CSeq method) is INVITE
--- KSR.is_INVITE(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_INVITE() end

--- Tests whether the method (a reply's CSeq method) is ACK
--- KSR.is_ACK(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_ACK() end

--- Tests whether the method (a reply's CSeq method) is BYE
--- KSR.is_BYE(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_BYE() end

--- Tests whether the method (a reply's CSeq method) is CANCEL
--- KSR.is_CANCEL(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_CANCEL() end

--- Tests whether the method (a reply's CSeq method) is REGISTER
--- KSR.is_REGISTER(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_REGISTER() end

--- Tests whether the method (a reply's CSeq method) is OPTIONS
--- KSR.is_OPTIONS(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_OPTIONS() end

--- Tests whether the method (a reply's CSeq method) is SUBSCRIBE
--- KSR.is_SUBSCRIBE(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_SUBSCRIBE() end

--- Tests whether the method (a reply's CSeq method) is PUBLISH
--- KSR.is_PUBLISH(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_PUBLISH() end

--- Tests whether the method (a reply's CSeq method) is NOTIFY
--- KSR.is_NOTIFY(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_NOTIFY() end

--- Tests whether the method (a reply's CSeq method) is REFER
--- KSR.is_REFER(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_REFER() end

--- Tests whether the method (a reply's CSeq method) is INFO
--- KSR.is_INFO(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_INFO() end

--- Tests whether the method (a reply's CSeq method) is UPDATE
--- KSR.is_UPDATE(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_UPDATE() end

--- Tests whether the method (a reply's CSeq method) is PRACK
--- KSR.is_PRACK(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_PRACK() end

--- Tests whether the method (a reply's CSeq method) is MESSAGE
--- KSR.is_MESSAGE(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_MESSAGE() end

--- Tests whether the method (a reply's CSeq method) is KDMQ
--- KSR.is_KDMQ(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_KDMQ() end

--- Tests whether the method is GET (HTTP over the SIP listeners)
--- KSR.is_GET(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_GET() end

--- Tests whether the method is POST (HTTP over the SIP listeners)
--- KSR.is_POST(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_POST() end

--- Tests whether the method is PUT (HTTP over the SIP listeners)
--- KSR.is_PUT(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_PUT() end

--- Tests whether the method is DELETE (HTTP over the SIP listeners)
--- KSR.is_DELETE(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_DELETE() end

--- Tests the transport the message came over against letters: u UDP, t TCP, e TLS, s SCTP, v WS, w WSS
--- KSR.is_proto(str): bool -- complete
---@param protos string
---@return boolean # true when a letter names it; false otherwise
function KSR.is_proto(protos) end

--- Tests whether the message came over UDP
--- KSR.is_UDP(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_UDP() end

--- Tests whether the message came over TCP (not TLS or WebSocket)
--- KSR.is_TCP(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_TCP() end

--- Tests whether the message came over TLS
--- KSR.is_TLS(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_TLS() end

--- Tests whether the message came over plain WebSocket
--- KSR.is_WS(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_WS() end

--- Tests whether the message came over secure WebSocket
--- KSR.is_WSS(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_WSS() end

--- Tests whether the message came over SCTP
--- KSR.is_SCTP(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_SCTP() end

--- Tests whether the message came over WebSocket, plain or secure
--- KSR.is_WSX(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_WSX() end

--- Tests whether the message came over a stream transport: TCP, TLS, WS or WSS
--- KSR.is_TCPX(): bool -- complete
---@return boolean # true when it did; false otherwise
function KSR.is_TCPX() end

--- Tests whether the message's source address is IPv4
--- KSR.is_IPv4(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_IPv4() end

--- Tests whether the message's source address is IPv6
--- KSR.is_IPv6(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.is_IPv6() end

--- Compares the message's source port with the given number
--- KSR.is_src_port(int): bool -- complete
---@param port integer
---@return boolean # true when equal; false otherwise
function KSR.is_src_port(port) end

--- Compares the local port the message arrived on with the given number
--- KSR.is_dst_port(int): bool -- complete
---@param port integer
---@return boolean # true when equal; false otherwise
function KSR.is_dst_port(port) end

--- Reads the configured log level (settings log.level) as Kamailio's debug number: 3 trace/debug, 2 info, 0 warn, -1 error, -2 fatal, -3 silent
--- KSR.get_debug(): int -- complete
---@return integer # the level as an int
function KSR.get_debug() end

--- Shows this address instead of the sending socket's IP in the Via (and Record-Route) of requests this message sends
--- KSR.set_advertised_address(str): int -- complete
---@param addr string
---@return integer # 1 set; -1 for an empty address
function KSR.set_advertised_address(addr) end

--- Shows this port instead of the sending socket's in the Via (and Record-Route) of requests this message sends
--- KSR.set_advertised_port(str): int -- complete
---@param port string
---@return integer # 1 set; -1 unless a number 1..65535
function KSR.set_advertised_port(port) end

--- Asks that the stream connection a forwarded request goes out on be closed once it is sent
--- KSR.set_forward_close(): bool -- complete
---@return boolean # true
function KSR.set_forward_close() end

--- Forbids opening a new stream connection for forwarded requests: only an existing one is used
--- KSR.set_forward_no_connect(): bool -- complete
---@return boolean # true
function KSR.set_forward_no_connect() end

--- Asks that the stream connection be closed once the final reply to this request is sent (not after a provisional reply, as Kamailio would)
--- KSR.set_reply_close(): bool -- partial: the connection is closed after the final reply, not after a provisional one
---@return boolean # true
function KSR.set_reply_close() end

--- Forbids opening a new stream connection for replies to this request: only the existing one is used
--- KSR.set_reply_no_connect(): bool -- complete
---@return boolean # true
function KSR.set_reply_no_connect() end

--- Aliases the stream connection the request came on: requests to its peer's IP at this port reuse it instead of a new connection
--- KSR.add_tcp_alias(int): int -- complete
---@param port integer
---@return integer # 1 aliased; -1 not over TCP/TLS/WS/WSS, a port outside 1..65535, or the connection is gone
function KSR.add_tcp_alias(port) end

--- As add_tcp_alias, with the port of the top Via (its ;alias value when present, else its port, 5060 when none)
--- KSR.add_tcp_alias_via(): int -- complete
---@return integer # 1 aliased; -1 not over a stream transport, no usable Via, or the connection is gone
function KSR.add_tcp_alias_via() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over UDP
--- KSR.to_UDP(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_UDP() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over TCP
--- KSR.to_TCP(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_TCP() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over TLS
--- KSR.to_TLS(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_TLS() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over SCTP
--- KSR.to_SCTP(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_SCTP() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over WS
--- KSR.to_WS(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_WS() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over WSS
--- KSR.to_WSS(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_WSS() end

--- Tests whether the next hop (a request: forced proto, else $du or R-URI; a reply: the second Via) is over WS or WSS
--- KSR.to_WSX(): bool -- complete
---@return boolean # true when it is; false when not or it cannot be told
function KSR.to_WSX() end

--- Tests whether the next hop's host is IPv4; a name counts as IPv4 (it is not resolved here)
--- KSR.to_IPv4(): bool -- complete
---@return boolean # true when it is; false when IPv6 or it cannot be told
function KSR.to_IPv4() end

--- Tests whether the next hop's host is a literal IPv6 address (names are not resolved here)
--- KSR.to_IPv6(): bool -- complete
---@return boolean # true when it is; false otherwise
function KSR.to_IPv6() end

--- Runs the script function of that name on the same message (Kamailio's route block); an exit in it ends the caller too
--- KSR.route(str): int -- complete
---@param rname string
---@return integer # 1 it ran; -1 no such function, an empty name, or it failed
function KSR.route(rname) end

--- Forwards the request statelessly to $du, else the Request-URI in force; the send happens once the callback returns
--- KSR.forward(): int -- complete
---@return integer # 1 queued; -1 a reply, a next hop that is not a SIP URI, or an address the outbound policy refuses
function KSR.forward() end

--- As forward, but to the given URI as next hop (the Request-URI stays unchanged)
--- KSR.forward_uri(str): int -- complete
---@param uri string
---@return integer # 1 queued; -1 a reply, a URI that is not a SIP URI, or an address the outbound policy refuses
function KSR.forward_uri(uri) end

--- Reads a PV given in Kamailio's syntax, e.g. '$ru', '$(hdr(X)[1])', '$var(x){s.len}'; an invalid name is logged
--- KSR.pv.get(str): xval -- complete
---@param pvname string
---@return string|integer|nil # the value (str or int); null when $null or the name is invalid
function KSR.pv.get(pvname) end

--- Reads a PV as get does
--- KSR.pv.gete(str): xval -- complete
---@param pvname string
---@return string|integer # the value (str or int); '' when $null or the name is invalid
function KSR.pv.gete(pvname) end

--- Reads a PV as get does
--- KSR.pv.getw(str): xval -- complete
---@param pvname string
---@return string|integer # the value (str or int); '<null>' when $null or the name is invalid
function KSR.pv.getw(pvname) end

--- Reads a PV as an integer: a str value is converted when it is a whole decimal number
--- KSR.pv.geti(str): int -- complete
---@param pvname string
---@return integer # the value as int; 0 when $null, not a number, or the name is invalid
function KSR.pv.geti(pvname) end

--- Reads a PV as a (long) integer, as geti
--- KSR.pv.getl(str): xval -- complete
---@param pvname string
---@return integer # the value as int; 0 when $null, not a number, or the name is invalid
function KSR.pv.getl(pvname) end

--- Reads a PV as get does, with an integer fallback
--- KSR.pv.getvn(str, int): xval -- complete
---@param pvname string
---@param default_ival integer
---@return string|integer # the value (str or int); default_ival when $null or the name is invalid
function KSR.pv.getvn(pvname, default_ival) end

--- Reads a PV as get does, with a string fallback
--- KSR.pv.getvs(str, str): xval -- complete
---@param pvname string
---@param default_sval string
---@return string|integer # the value (str or int); default_sval when $null or the name is invalid
function KSR.pv.getvs(pvname, default_sval) end

--- Assigns an integer to a writable PV ($var, $rp...); $avp(x) gets it added on top, $(avp(x)[i]) has that value replaced
--- KSR.pv.seti(str, int): bool -- complete
---@param pvname string
---@param ival integer
---@return boolean # true when assigned; false (logged) for an invalid or read-only name, transformations, or a value it refuses
function KSR.pv.seti(pvname, ival) end

--- Assigns a (long) integer to a writable PV, as seti
--- KSR.pv.setl(str, long): bool -- complete
---@param pvname string
---@param lval integer
---@return boolean # true when assigned; false (logged) for an invalid or read-only name, transformations, or a value it refuses
function KSR.pv.setl(pvname, lval) end

--- Assigns a string to a writable PV ($var, $ru, $du, $fu...); $avp(x) gets it added on top, $(avp(x)[i]) has that value replaced
--- KSR.pv.sets(str, str): bool -- complete
---@param pvname string
---@param sval string
---@return boolean # true when assigned; false (logged) for an invalid or read-only name, transformations, or a value it refuses
function KSR.pv.sets(pvname, sval) end

--- Assigns $null to the PV: $avp(x) loses all its values, $(avp(x)[i]) just that one, a $var becomes 0, $du is cleared
--- KSR.pv.unset(str): bool -- complete
---@param pvname string
---@return boolean # true when done; false (logged) for an invalid or read-only name, transformations, or a PV that refuses $null
function KSR.pv.unset(pvname) end

--- Tests whether a PV's value is $null
--- KSR.pv.is_null(str): bool -- complete
---@param pvname string
---@return boolean # true when $null or the name is invalid; false when it has a value
function KSR.pv.is_null(pvname) end

--- Adds a header line ("Name: value"; CRLF added when missing) after the last header of the outgoing message; reads still see the received headers
--- KSR.hdr.append(str): int -- complete
---@param header_line string
---@return integer # 1 added; -1 for an empty text
function KSR.hdr.append(header_line) end

--- Adds a header line after the first header named hname (compact forms too), or after the last header when there is none
--- KSR.hdr.append_after(str, str): int -- complete
---@param header_line string
---@param hname string
---@return integer # 1 added; -1 for an empty text
function KSR.hdr.append_after(header_line, hname) end

--- Adds a header line ("Name: value"; CRLF added when missing) before the first header of the outgoing message
--- KSR.hdr.insert(str): int -- complete
---@param header_line string
---@return integer # 1 added; -1 for an empty text
function KSR.hdr.insert(header_line) end

--- Adds a header line before the first header named hname, or before the first header when there is none
--- KSR.hdr.insert_before(str, str): int -- complete
---@param header_line string
---@param hname string
---@return integer # 1 added; -1 for an empty text
function KSR.hdr.insert_before(header_line, hname) end

--- Removes every header line of that name (case-insensitive, compact form included) from the outgoing message; reads still see them
--- KSR.hdr.remove(str): int -- complete
---@param hname string
---@return integer # 1 at least one removed; -1 none present
function KSR.hdr.remove(hname) end

--- Removes every header named hname, then appends the header line after the last header
--- KSR.hdr.rmappend(str, str): int -- complete
---@param hname string
---@param header_line string
---@return integer # 1 appended (whether or not one was removed); -1 for an empty header line
function KSR.hdr.rmappend(hname, header_line) end

--- Removes every header named hname, then inserts the header line before the first header
--- KSR.hdr.rminsert(str, str): int -- complete
---@param hname string
---@param header_line string
---@return integer # 1 inserted (whether or not one was removed); -1 for an empty header line
function KSR.hdr.rminsert(hname, header_line) end

--- Tests whether the received message has a header of that name (case-insensitive, compact form included)
--- KSR.hdr.is_present(str): int -- complete
---@param hname string
---@return integer # 1 present; -1 absent
function KSR.hdr.is_present(hname) end

--- Adds a header line to the replies this server itself sends to the request (sl and tm local replies, not relayed ones; CRLF added when missing)
--- KSR.hdr.append_to_reply(str): int -- complete
---@param header_line string
---@return integer # 1 added; -1 for an empty text
function KSR.hdr.append_to_reply(header_line) end

--- Reads the body of the first received header of that name (the whole line's value, commas included)
--- KSR.hdr.get(str): xval -- complete
---@param hname string
---@return string|nil # the body; null when absent
function KSR.hdr.get(hname) end

--- Reads the body of the first received header of that name
--- KSR.hdr.gete(str): xval -- complete
---@param hname string
---@return string # the body; '' when absent
function KSR.hdr.gete(hname) end

--- Reads the body of the first received header of that name
--- KSR.hdr.getw(str): xval -- complete
---@param hname string
---@return string # the body; '<null>' when absent
function KSR.hdr.getw(hname) end

--- Reads the body of the idx-th received header line of that name: 0 the first, -1 the last
--- KSR.hdr.get_idx(str, int): xval -- complete
---@param hname string
---@param idx integer
---@return string|nil # the body; null when there is no such line
function KSR.hdr.get_idx(hname, idx) end

--- Reads the body of the idx-th received header line of that name: 0 the first, -1 the last
--- KSR.hdr.gete_idx(str, int): xval -- complete
---@param hname string
---@param idx integer
---@return string # the body; '' when there is no such line
function KSR.hdr.gete_idx(hname, idx) end

--- Reads the body of the idx-th received header line of that name: 0 the first, -1 the last
--- KSR.hdr.getw_idx(str, int): xval -- complete
---@param hname string
---@param idx integer
---@return string # the body; '<null>' when there is no such line
function KSR.hdr.getw_idx(hname, idx) end

--- Compares header bodies (trimmed, case-insensitive) with mval; op eq, ne, sw (starts with) or in (contains); hidx f first, l last, a all lines, o at least one
--- KSR.hdr.match_content(str, str, str, str): bool -- complete
---@param hname string
---@param op string
---@param mval string
---@param hidx string
---@return boolean # true when it matches; false when not, no such header, or op/hidx unknown (logged)
function KSR.hdr.match_content(hname, op, mval, hidx) end

--- Ends the running callback at once (the rest of the script function does not run), as Kamailio's exit
--- KSR.x.exit(): none -- complete
---@return nil # nothing
function KSR.x.exit() end

--- Ends the callback and marks the message dropped: in a branch route the branch is not sent, in onsend it is not sent, a reply is not relayed (onreply: provisional only)
--- KSR.x.drop(): none -- complete
---@return nil # nothing
function KSR.x.drop() end

--- Runs a native Kamailio function by name with string arguments, mapped onto its KSR equivalent; only 15 names (sl_send_reply, append_hf, setflag... see bindings/README.md)
--- KSR.x.modf(str, ...str): int -- partial: only 15 native names, each run as its KSR function (bindings/README.md); any other logs an error and returns -1
---@param fname string
---@param ... string
---@return integer # the mapped function's code (true 1, false -1); -1 for an unsupported name, a wrong argument count or a non-numeric int argument
function KSR.x.modf(fname, ...) end

--- Logs a debug line saying KSR is reachable; does nothing to the message
--- KSR.x.probe(): none -- complete
---@return nil # nothing
function KSR.x.probe() end

--- Reads the Request-URI in force: the one the script set (e.g. $ru, rewrite functions), else the received one
--- KSR.kx.get_ruri(): xval -- complete
---@return string|nil # the R-URI; null for a reply
function KSR.kx.get_ruri() end

--- Reads the user part of the Request-URI in force
--- KSR.kx.get_ruser(): xval -- complete
---@return string|nil # the user; null when absent (no user part, a reply, an R-URI that does not parse)
function KSR.kx.get_ruser() end

--- As get_ruser, with '' for a missing value
--- KSR.kx.gete_ruser(): xval -- complete
---@return string # the user; '' when absent
function KSR.kx.gete_ruser() end

--- As get_ruser, with '<null>' for a missing value
--- KSR.kx.getw_ruser(): xval -- complete
---@return string # the user; '<null>' when absent
function KSR.kx.getw_ruser() end

--- Reads the host part of the Request-URI in force
--- KSR.kx.get_rhost(): xval -- complete
---@return string|nil # the host; null when absent (a reply, an R-URI that does not parse)
function KSR.kx.get_rhost() end

--- As get_rhost, with '' for a missing value
--- KSR.kx.gete_rhost(): xval -- complete
---@return string # the host; '' when absent
function KSR.kx.gete_rhost() end

--- As get_rhost, with '<null>' for a missing value
--- KSR.kx.getw_rhost(): xval -- complete
---@return string # the host; '<null>' when absent
function KSR.kx.getw_rhost() end

--- Reads the Request-URI as received, whatever the script changed since
--- KSR.kx.get_ouri(): xval -- complete
---@return string|nil # the original R-URI; null for a reply
function KSR.kx.get_ouri() end

--- Reads the URI of the From header as received (no display name, no tag)
--- KSR.kx.get_furi(): xval -- complete
---@return string|nil # the From URI; null when absent (no From, or it does not parse)
function KSR.kx.get_furi() end

--- Reads the user part of the From URI as received
--- KSR.kx.get_fuser(): xval -- complete
---@return string|nil # the user; null when absent
function KSR.kx.get_fuser() end

--- As get_fuser, with '' for a missing value
--- KSR.kx.gete_fuser(): xval -- complete
---@return string # the user; '' when absent
function KSR.kx.gete_fuser() end

--- As get_fuser, with '<null>' for a missing value
--- KSR.kx.getw_fuser(): xval -- complete
---@return string # the user; '<null>' when absent
function KSR.kx.getw_fuser() end

--- Reads the host part of the From URI as received; for a request answered in the script runtime, without a call to the host
--- KSR.kx.get_fhost(): xval -- complete
---@return string|nil # the host; null when absent
function KSR.kx.get_fhost() end

--- As get_fhost, with '' for a missing value
--- KSR.kx.gete_fhost(): xval -- complete
---@return string # the host; '' when absent
function KSR.kx.gete_fhost() end

--- As get_fhost, with '<null>' for a missing value
--- KSR.kx.getw_fhost(): xval -- complete
---@return string # the host; '<null>' when absent
function KSR.kx.getw_fhost() end

--- Reads the URI of the To header as received (no display name, no tag)
--- KSR.kx.get_turi(): xval -- complete
---@return string|nil # the To URI; null when absent (no To, or it does not parse)
function KSR.kx.get_turi() end

--- Reads the user part of the To URI as received
--- KSR.kx.get_tuser(): xval -- complete
---@return string|nil # the user; null when absent
function KSR.kx.get_tuser() end

--- As get_tuser, with '' for a missing value
--- KSR.kx.gete_tuser(): xval -- complete
---@return string # the user; '' when absent
function KSR.kx.gete_tuser() end

--- As get_tuser, with '<null>' for a missing value
--- KSR.kx.getw_tuser(): xval -- complete
---@return string # the user; '<null>' when absent
function KSR.kx.getw_tuser() end

--- Reads the host part of the To URI as received
--- KSR.kx.get_thost(): xval -- complete
---@return string|nil # the host; null when absent
function KSR.kx.get_thost() end

--- As get_thost, with '' for a missing value
--- KSR.kx.gete_thost(): xval -- complete
---@return string # the host; '' when absent
function KSR.kx.gete_thost() end

--- As get_thost, with '<null>' for a missing value
--- KSR.kx.getw_thost(): xval -- complete
---@return string # the host; '<null>' when absent
function KSR.kx.getw_thost() end

--- Reads the destination URI ($du): where the message is sent instead of the R-URI's host
--- KSR.kx.get_duri(): xval -- complete
---@return string|nil # the destination URI; null when none is set
function KSR.kx.get_duri() end

--- As get_duri, with '' when no destination URI is set
--- KSR.kx.gete_duri(): xval -- complete
---@return string # the destination URI; '' when absent
function KSR.kx.gete_duri() end

--- As get_duri, with '<null>' when no destination URI is set
--- KSR.kx.getw_duri(): xval -- complete
---@return string # the destination URI; '<null>' when absent
function KSR.kx.getw_duri() end

--- Reads the URI of the first Contact of the message
--- KSR.kx.get_cturi(): xval -- complete
---@return string|nil # the Contact URI; null when absent (no Contact, 'Contact: *', or it does not parse)
function KSR.kx.get_cturi() end

--- As get_cturi, with '' for a missing value
--- KSR.kx.gete_cturi(): xval -- complete
---@return string # the Contact URI; '' when absent
function KSR.kx.gete_cturi() end

--- As get_cturi, with '<null>' for a missing value
--- KSR.kx.getw_cturi(): xval -- complete
---@return string # the Contact URI; '<null>' when absent
function KSR.kx.getw_cturi() end

--- Reads the next hop's URI: the destination URI when one is set, else the Request-URI in force
--- KSR.kx.get_nhuri(): xval -- complete
---@return string|nil # the URI; null for a reply without destination URI
function KSR.kx.get_nhuri() end

--- Gives the source address as a SIP URI: sip:IP:PORT, with ;transport=PROTO unless UDP (IPv6 in brackets)
--- KSR.kx.get_srcuri(): xval -- complete
---@return string # the URI (always set)
function KSR.kx.get_srcuri() end

--- Gives the source address as socket text proto:IP:PORT (IPv6 in brackets)
--- KSR.kx.get_srcaddr_sock(): xval -- complete
---@return string # the socket text (always set)
function KSR.kx.get_srcaddr_sock() end

--- Reads the body of the User-Agent header
--- KSR.kx.get_ua(): xval -- complete
---@return string|nil # the header's body; null when absent
function KSR.kx.get_ua() end

--- As get_ua, with '' for a missing header
--- KSR.kx.gete_ua(): xval -- complete
---@return string # the header's body; '' when absent
function KSR.kx.gete_ua() end

--- As get_ua, with '<null>' for a missing header
--- KSR.kx.getw_ua(): xval -- complete
---@return string # the header's body; '<null>' when absent
function KSR.kx.getw_ua() end

--- Gives the IP address the message came from (or the one corex.set_source_address set)
--- KSR.kx.get_srcip(): xval -- complete
---@return string|nil # the IP address (always set)
function KSR.kx.get_srcip() end

--- Gives the port the message came from (or the one corex.set_source_address set)
--- KSR.kx.get_srcport(): xval -- complete
---@return integer # the port as int (always set)
function KSR.kx.get_srcport() end

--- Gives the send socket the script forced (corex.set_send_socket, set_send_socket_name) as proto:IP:PORT
--- KSR.kx.get_send_sock(): xval -- complete
---@return string|nil # the socket text; null when no socket is forced
function KSR.kx.get_send_sock() end

--- Gives the name (listen entry's name) of the send socket the script forced
--- KSR.kx.get_send_sock_name(): xval -- complete
---@return string|nil # the name; null when no socket is forced or it has no name
function KSR.kx.get_send_sock_name() end

--- Gives the port of the send socket the script forced
--- KSR.kx.get_send_sock_port(): int -- complete
---@return integer # the port; 0 when no socket is forced
function KSR.kx.get_send_sock_port() end

--- Gives the local IP address the message was received on (or the one corex.set_recv_socket set)
--- KSR.kx.get_rcvip(): xval -- complete
---@return string|nil # the IP address (always set)
function KSR.kx.get_rcvip() end

--- Gives the name of the listen socket the message came in on (a listener on 0.0.0.0 or :: serves every address)
--- KSR.kx.get_rcv_sock_name(): xval -- complete
---@return string|nil # the name; null when that socket has no name
function KSR.kx.get_rcv_sock_name() end

--- Gives the local port the message was received on
--- KSR.kx.get_rcvport(): xval -- complete
---@return integer # the port as int (always set)
function KSR.kx.get_rcvport() end

--- Gives the receiving socket's advertised IP: ksr-host has no advertised addresses, so the receiving IP
--- KSR.kx.get_rcvadvip(): xval -- complete
---@return string|nil # the IP address (always set)
function KSR.kx.get_rcvadvip() end

--- Gives the receiving socket's advertised port: ksr-host has no advertised addresses, so the receiving port
--- KSR.kx.get_rcvadvport(): xval -- complete
---@return integer # the port as int (always set)
function KSR.kx.get_rcvadvport() end

--- Gives the receiving socket as proto:IP:PORT (IPv6 in brackets)
--- KSR.kx.get_rcvaddr_sock(): xval -- complete
---@return string # the socket text (always set)
function KSR.kx.get_rcvaddr_sock() end

--- Gives the transport the message came in on: udp, tcp, tls, sctp, ws or wss
--- KSR.kx.get_proto(): xval -- complete
---@return string # the protocol name (always set)
function KSR.kx.get_proto() end

--- Gives the transport as Kamailio's number: 1 udp, 2 tcp, 3 tls, 4 sctp, 5 ws, 6 wss
--- KSR.kx.get_protoid(): int -- complete
---@return integer # the number; 0 when unknown
function KSR.kx.get_protoid() end

--- Reads the user part of the username in the first Authorization header, else Proxy-Authorization
--- KSR.kx.get_au(): xval -- complete
---@return string|nil # the user; null when absent (no credentials, or they do not parse)
function KSR.kx.get_au() end

--- As get_au, with '' for a missing value
--- KSR.kx.gete_au(): xval -- complete
---@return string # the user; '' when absent
function KSR.kx.gete_au() end

--- As get_au, with '<null>' for a missing value
--- KSR.kx.getw_au(): xval -- complete
---@return string # the user; '<null>' when absent
function KSR.kx.getw_au() end

--- Gives the method of a request, or of a reply the method in its CSeq
--- KSR.kx.get_method(): xval -- complete
---@return string|nil # the method; null when absent (a reply whose CSeq does not parse)
function KSR.kx.get_method() end

--- Gives the status code of a reply
--- KSR.kx.get_status(): int -- complete
---@return integer # the code (100-699); -1 for a request
function KSR.kx.get_status() end

--- Gives the status code of a reply as a string
--- KSR.kx.gets_status(): xval -- complete
---@return string|nil # the code as a string, e.g. '200'; null for a request
function KSR.kx.gets_status() end

--- Reads the message body as received, decoded as UTF-8
--- KSR.kx.get_body(): xval -- complete
---@return string|nil # the body; null when the message has none
function KSR.kx.get_body() end

--- As get_body, with '' when there is no body
--- KSR.kx.gete_body(): xval -- complete
---@return string # the body; '' when absent
function KSR.kx.gete_body() end

--- As get_body, with '<null>' when there is no body
--- KSR.kx.getw_body(): xval -- complete
---@return string # the body; '<null>' when absent
function KSR.kx.getw_body() end

--- Gives the size of the body as received, in bytes
--- KSR.kx.get_bodylen(): int -- complete
---@return integer # the size; 0 when there is no body
function KSR.kx.get_bodylen() end

--- Gives the current time in seconds since the Unix epoch
--- KSR.kx.get_timestamp(): int -- complete
---@return integer # the seconds as int
function KSR.kx.get_timestamp() end

--- Reads the body of the Call-ID header
--- KSR.kx.get_callid(): xval -- complete
---@return string # the Call-ID; '' when absent or it does not parse (as Kamailio: not null)
function KSR.kx.get_callid() end

--- Gives the id of the TCP connection the message came in on
--- KSR.kx.get_conid(): int -- complete
---@return integer # the connection id; -1 when there is none (UDP)
function KSR.kx.get_conid() end

--- Gives the whole message as received (start line, headers, body) decoded as UTF-8, without the script's changes
--- KSR.kx.get_msgbuf(): xval -- complete
---@return string # the message text (always set)
function KSR.kx.get_msgbuf() end

--- Gives the size of the message as received, in bytes
--- KSR.kx.get_msglen(): int -- complete
---@return integer # the size as int
function KSR.kx.get_msglen() end

--- Tells a request from a reply, with Kamailio's numbers
--- KSR.kx.get_msgtype(): int -- complete
---@return integer # 1 for a request; 2 for a reply
function KSR.kx.get_msgtype() end

--- Reads a value of the config's defines section (ksr-host's counterpart of #!define)
--- KSR.kx.get_def(str): xval -- complete
---@param dname string
---@return string # the value as a string; '' when not defined (as Kamailio: use ifdef to tell a name defined empty)
function KSR.kx.get_def(dname) end

--- Reads a value of the config's defines section as an integer
--- KSR.kx.get_defn(str): int -- complete
---@param dname string
---@return integer # the value as int; 0 when not defined or not an integer
function KSR.kx.get_defn(dname) end

--- Tells whether the config's defines section has that name
--- KSR.kx.ifdef(str): bool -- complete
---@param dname string
---@return boolean # true when defined; false when not
function KSR.kx.ifdef(dname) end

--- Tells whether the config's defines section lacks that name
--- KSR.kx.ifndef(str): bool -- complete
---@param dname string
---@return boolean # true when not defined; false when defined
function KSR.kx.ifndef(dname) end

--- Answers as for an unset variable: scripts may not read the server's environment (a warning is logged once per function)
--- KSR.kx.get_env(str): xval -- partial: scripts cannot read the server's environment: every variable reads as unset
---@param envname string
---@return string # always ''
function KSR.kx.get_env(envname) end

--- Answers as for an unset variable: scripts may not read the server's environment (a warning is logged once per function)
--- KSR.kx.get_envn(str): int -- partial: scripts cannot read the server's environment: every variable reads as unset
---@param envname string
---@return integer # always 0
function KSR.kx.get_envn(envname) end

--- Replies to the request with this code and reason; through its transaction when there is one (recorded, resent on retransmissions; from onreply too), else stateless
--- KSR.sl.sl_send_reply(int, str): int -- complete
---@param code integer
---@param reason string
---@return integer # 1 sent; -1 a code outside 100..699, a final reply already sent by the transaction, a reply or an ACK without transaction, or the send failed
function KSR.sl.sl_send_reply(code, reason) end

--- Same as sl_send_reply: statefully when the request has a transaction, else statelessly
--- KSR.sl.send_reply(int, str): int -- complete
---@param code integer
---@param reason string
---@return integer # 1 sent; -1 a code outside 100..699, a final reply already sent by the transaction, a reply or an ACK without transaction, or the send failed
function KSR.sl.send_reply(code, reason) end

--- As send_reply; mode bit 1 forbids opening a connection for the reply, bit 2 closes it after (both stay set for later replies to this request)
--- KSR.sl.send_reply_mode(int, str, int): int -- complete
---@param code integer
---@param reason string
---@param mode integer
---@return integer # 1 sent; -1 a code outside 100..699, a final reply already sent by the transaction, a reply or an ACK without transaction, or the send failed
function KSR.sl.send_reply_mode(code, reason, mode) end

--- Sends 500 Server Internal Error to the request (Kamailio picks the reply from the last internal error; none is kept here)
--- KSR.sl.sl_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept)
---@return integer # 1 sent; -1 a final reply already sent by the transaction, a reply or an ACK without transaction, or the send failed
function KSR.sl.sl_reply_error() end

--- Same as sl_reply_error: always 500 Server Internal Error, through the transaction when there is one
--- KSR.sl.send_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept)
---@return integer # 1 sent; -1 a final reply already sent by the transaction, a reply or an ACK without transaction, or the send failed
function KSR.sl.send_reply_error() end

--- Relays the reply being routed to the next Via now, with its code and/or reason replaced ('' keeps it; same class only); the core still relays it at route end unless dropped
--- KSR.sl.sl_forward_reply(str, str): int -- complete
---@param code string
---@param reason string
---@return integer # 1 sent; -1 a request, a code not 3 digits or of another class, a reason with a line break, no next Via, or the send failed
function KSR.sl.sl_forward_reply(code, reason) end

--- Adds Max-Forwards with this value (0..255) when absent, else decrements the received one (values above 70 first lowered to 70); the script replies 483 on -1
--- KSR.maxfwd.process_maxfwd(int): int -- complete
---@param max_value integer
---@return integer # 2 header added; 1 decremented; -1 it was 0; -2 an unreadable header or a value outside 0..255
function KSR.maxfwd.process_maxfwd(max_value) end

--- Compares the received Max-Forwards value with the limit, without changing the header
--- KSR.maxfwd.is_maxfwd_lt(int): int -- complete
---@param max_value integer
---@return integer # 1 below the limit; -1 not below; -2 no Max-Forwards header; -3 an unreadable header
function KSR.maxfwd.is_maxfwd_lt(max_value) end

--- Checks the request against the sanity tests selected by the two bit masks (Kamailio's values) and answers a request that fails with the check's error reply (never an ACK)
--- KSR.sanity.sanity_check(int, int): int -- complete
---@param msg_checks integer
---@param uri_checks integer
---@return integer # 1 when every selected test passed; -1 when one failed (the reply, if any, is already sent)
function KSR.sanity.sanity_check(msg_checks, uri_checks) end

--- Runs sanity_check with the default masks (999 for the message, 3 for the URIs)
--- KSR.sanity.sanity_check_defaults(): int -- complete
---@return integer # 1 when every test passed; -1 when one failed
function KSR.sanity.sanity_check_defaults() end

--- Sends the reply for the last failed sanity check of this message when none was sent yet
--- KSR.sanity.sanity_reply(): int -- complete
---@return integer # 1 when the reply was sent; -1 when there was no failure or it was already answered
function KSR.sanity.sanity_reply() end

--- Asks for a Record-Route (;lr and ;ftag=) with this server's outgoing address; two lines (;r2=on) when the request leaves on another transport or IP family
--- KSR.rr.record_route(): int -- complete
---@return integer # 1 done; -1 a reply, or record-routing was already asked for this request
function KSR.rr.record_route() end

--- As record_route, adding these URI parameters (';' in front optional) to the Record-Route
--- KSR.rr.record_route_params(str): int -- complete
---@param params string
---@return integer # 1 done; -1 a reply, or record-routing was already asked for this request
function KSR.rr.record_route_params(params) end

--- Asks for a Record-Route with the given host[:port][;params] as URI ('sip:' optional); with addr2 too, two lines (addr1 on top), both ;r2=on
--- KSR.rr.record_route_preset(str, str): int -- complete
---@param addr1 string
---@param addr2 string
---@return integer # 1 done; -1 a reply, an empty addr1, or record-routing was already asked for this request
function KSR.rr.record_route_preset(addr1, addr2) end

--- Asks for one Record-Route line with the given host[:port][;params] as URI ('sip:' optional), plus ;lr and ;ftag=
--- KSR.rr.record_route_preset_one(str): int -- complete
---@param addr1 string
---@return integer # 1 done; -1 a reply, an empty address, or record-routing was already asked for this request
function KSR.rr.record_route_preset_one(addr1) end

--- As record_route, showing host[:port] given here instead of the socket's address (on both lines when doubled)
--- KSR.rr.record_route_advertised_address(str): int -- complete
---@param addr string
---@return integer # 1 done; -1 a reply, an empty address, or record-routing was already asked for this request
function KSR.rr.record_route_advertised_address(addr) end

--- Forgets what record_route* asked for this request: no Record-Route of ours is added (received ones stay)
--- KSR.rr.remove_record_route(): int -- complete
---@return integer # 1
function KSR.rr.remove_record_route() end

--- Adds a URI parameter (';' in front optional) to our Record-Route, whether record_route ran already or runs later
--- KSR.rr.add_rr_param(str): int -- complete
---@param param string
---@return integer # 1 added; -1 an empty parameter, or one holding CR, LF, '<', '>' or ','
function KSR.rr.add_rr_param(param) end

--- Routes by the Route set: removes our own Route(s) (both of a double RR) and sets $du to the next Route, or the R-URI when none left; handles strict routers
--- KSR.rr.loose_route(): int -- complete
---@return integer # 1 routed by Route; -1 no (usable) Route header or a reply; -3 an initial request whose Route set was only ours (removed; route it anew)
function KSR.rr.loose_route() end

--- As loose_route; vmode 1 does loose routing only, skipping the recovery of a Request-URI put there by a strict router
--- KSR.rr.loose_route_mode(int): int -- complete
---@param vmode integer
---@return integer # 1 routed by Route; -1 no (usable) Route header or a reply; -3 an initial request whose Route set was only ours
function KSR.rr.loose_route_mode(vmode) end

--- Runs loose_route and tells whether the request came with a preloaded Route set that was only ours
--- KSR.rr.loose_route_preloaded(): int -- complete
---@return integer # 1 when loose_route answered -3; -1 otherwise (its other work is done all the same)
function KSR.rr.loose_route_preloaded() end

--- Matches a regular expression (JavaScript syntax, case-insensitive) against the parameters of the Route of ours that loose_route consumed (';' before each)
--- KSR.rr.check_route_param(str): int -- complete
---@param re string
---@return integer # 1 matches; -1 no match, no Route of ours consumed, or a bad expression
function KSR.rr.check_route_param(re) end

--- Tells an in-dialog request's direction from the ;ftag of our consumed Route: downstream when it equals the From tag (also with no Route consumed or no ftag), else upstream
--- KSR.rr.is_direction(str): int -- complete
---@param dir string
---@return integer # 1 the direction is dir; -1 it is not, or dir is neither downstream nor upstream
function KSR.rr.is_direction(dir) end

--- Tells whether loose_route, after removing our Route(s), took the next hop from a Route header left in the message
--- KSR.rr.next_hop_route(): int -- complete
---@return integer # 1 it did; -1 it did not, or loose_route has not run
function KSR.rr.next_hop_route() end

--- Tells whether the To header has a tag (an in-dialog message); for a request answered in the script runtime
--- KSR.siputils.has_totag(): int -- complete
---@return integer # 1 when To has a tag; -1 when not, or To is absent or does not parse
function KSR.siputils.has_totag() end

--- Tells whether the message is a request; answered in the script runtime, without a call to the host
--- KSR.siputils.is_request(): int -- complete
---@return integer # 1 for a request; -1 for a reply
function KSR.siputils.is_request() end

--- Tells whether the message is a reply; answered in the script runtime, without a call to the host
--- KSR.siputils.is_reply(): int -- complete
---@return integer # 1 for a reply; -1 for a request
function KSR.siputils.is_reply() end

--- Tells whether the message is SIP: always so in ksr-host, which has no HTTP transport
--- KSR.siputils.is_sip(): int -- complete
---@return integer # always 1
function KSR.siputils.is_sip() end

--- Tells whether the message is HTTP: never in ksr-host, which has no HTTP transport
--- KSR.siputils.is_http(): int -- complete
---@return integer # always -1
function KSR.siputils.is_http() end

--- A request: it has a single Via. A reply: no Record-Route, or the top one is our IP address and the reply did not come from that address
--- KSR.siputils.is_first_hop(): int -- complete
---@return integer # 1 when at the first hop; -1 when not, or a header does not parse
function KSR.siputils.is_first_hop() end

--- As is_first_hop; mode 1 relaxes the reply test: a top Record-Route of ours is enough, a domain name too
--- KSR.siputils.is_first_hop_mode(int): int -- complete
---@param mode integer
---@return integer # 1 when at the first hop; -1 when not, or a header does not parse
function KSR.siputils.is_first_hop_mode(mode) end

--- Tells whether the text is a sip:, sips: or tel: URI that parses
--- KSR.siputils.is_uri(str): int -- complete
---@param suri string
---@return integer # 1 when it is a URI; -1 when not
function KSR.siputils.is_uri(suri) end

--- Compares the username of the first credentials (Authorization, else Proxy-Authorization) with the given one
--- KSR.siputils.is_user(str): int -- complete
---@param username string
---@return integer # 1 when they are equal; -1 when not, no credentials, or username is ''
function KSR.siputils.is_user(username) end

--- Tells whether the Request-URI in force has the parameter without a value (name case-insensitive)
--- KSR.siputils.uri_param(str): int -- complete
---@param param string
---@return integer # 1 when present without a value; -1 when absent, valued, or the message is a reply
function KSR.siputils.uri_param(param) end

--- Tells whether the Request-URI in force has the parameter with exactly that value (name case-insensitive, value as written)
--- KSR.siputils.uri_param_value(str, str): int -- complete
---@param param string
---@param value string
---@return integer # 1 when present with that value; -1 when not
function KSR.siputils.uri_param_value(param, value) end

--- Tells whether the Request-URI in force has the parameter, with or without a value
--- KSR.siputils.uri_param_any(str): int -- complete
---@param param string
---@return integer # 1 when present; -1 when absent or the message is a reply
function KSR.siputils.uri_param_any(param) end

--- Removes the parameter (name case-insensitive) from the Request-URI in force, which becomes the new R-URI
--- KSR.siputils.uri_param_rm(str): int -- complete
---@param param string
---@return integer # 1 when removed; -1 when absent, a reply, or the R-URI does not parse
function KSR.siputils.uri_param_rm(param) end

--- Adds ;name[=value] to the Request-URI in force (before any ?headers), replacing a parameter of that name
--- KSR.siputils.add_uri_param(str): int -- complete
---@param param string
---@return integer # 1 when added; -1 for a reply, a tel: or unparsable R-URI, or a param that is empty or holds blanks or ;?<>"
function KSR.siputils.add_uri_param(param) end

--- Tells whether the text is a telephone number: an optional leading +, then one digit or more
--- KSR.siputils.is_tel_number(str): int -- complete
---@param tval string
---@return integer # 1 when it is; -1 when not
function KSR.siputils.is_tel_number(tval) end

--- Tells whether the text is made of digits 0-9 only (one at least)
--- KSR.siputils.is_numeric(str): int -- complete
---@param tval string
---@return integer # 1 when it is; -1 when not (an empty text too)
function KSR.siputils.is_numeric(tval) end

--- Tells whether the text is made of ASCII letters and digits only (one at least)
--- KSR.siputils.is_alphanum(str): int -- complete
---@param tval string
---@return integer # 1 when it is; -1 when not (an empty text too)
function KSR.siputils.is_alphanum(tval) end

--- As is_alphanum, also allowing each character listed in eset
--- KSR.siputils.is_alphanumex(str, str): int -- complete
---@param tval string
---@param eset string
---@return integer # 1 when it is; -1 when not (an empty text too)
function KSR.siputils.is_alphanumex(tval, eset) end

--- Answers an OPTIONS request for the server itself (R-URI without user) statelessly with 200 OK, Allow, Accept, Accept-Encoding, Accept-Language
--- KSR.siputils.options_reply(): int -- complete
---@return integer # 1 when the 200 was sent; -1 when not an OPTIONS, the R-URI has a user, or sending failed
function KSR.siputils.options_reply() end

--- Checks the Date header: present, RFC 1123 form in GMT, and at most tdiff seconds old (a date in the future passes)
--- KSR.siputils.hdr_date_check(int): int -- complete
---@param tdiff integer
---@return integer # 1 when it is fresh; -1 when absent, malformed or older
function KSR.siputils.hdr_date_check(tdiff) end

--- Compares two URIs as RFC 3261 19.1.4 does (scheme, user, password, host, port, the strict params, common params, headers)
--- KSR.siputils.cmp_uri(str, str): int -- complete
---@param str1 string
---@param str2 string
---@return integer # 1 when equal; -1 when different; -2 when one does not parse
function KSR.siputils.cmp_uri(str1, str2) end

--- Compares two URIs by user, host (case-insensitive) and port (none = 5060) only
--- KSR.siputils.cmp_aor(str, str): int -- complete
---@param str1 string
---@param str2 string
---@return integer # 1 when equal; -1 when different; -2 when one does not parse
function KSR.siputils.cmp_aor(str1, str2) end

--- Compares two header names, case-insensitive, a compact form equal to its long name (e.g. f and From)
--- KSR.siputils.cmp_hdr_name(str, str): int -- complete
---@param str1 string
---@param str2 string
---@return integer # 1 when the same header; -1 when not, or a name is empty
function KSR.siputils.cmp_hdr_name(str1, str2) end

--- Tells whether the Request-URI in force is a GRUU by its gr parameter
--- KSR.siputils.is_gruu(): int -- complete
---@return integer # 1 public GRUU (gr=value); 2 temporary GRUU (gr without value); -1 not a GRUU or a reply
function KSR.siputils.is_gruu() end

--- Parses every header ksr-host has a grammar for (Via, From, To, Contact, CSeq, Call-ID, Route, Expires, credentials...)
--- KSR.siputils.sip_parse_headers(): int -- complete
---@return integer # 1 when all parse; -1 at the first that does not
function KSR.siputils.sip_parse_headers() end

--- Rewrites each URI of the first Contact header as sip:PREFIX*user*pass*host*port*transport@hostpart (Kamailio's format); other params are dropped
--- KSR.siputils.encode_contact(str, str): int -- complete
---@param encoding_prefix string
---@param hostpart string
---@return integer # 1 encoded; -1 no Contact; -4 Contact does not parse; another negative (Kamailio's code) when a URI cannot be encoded, e.g. sips:
function KSR.siputils.encode_contact(encoding_prefix, hostpart) end

--- Decodes the Request-URI in force from encode_contact's format back into the original URI, which becomes the new R-URI
--- KSR.siputils.decode_contact(): int -- complete
---@return integer # 1 decoded; -1 for a reply; another negative (Kamailio's code) when the R-URI is not in that format
function KSR.siputils.decode_contact() end

--- Decodes each URI of the first Contact header from encode_contact's format, in place
--- KSR.siputils.decode_contact_header(): int -- complete
---@return integer # 1 decoded; -1 no Contact; -4 Contact does not parse; another negative (Kamailio's code) when a URI is not in that format
function KSR.siputils.decode_contact_header() end

--- Replaces each URI of the first Contact header with saddr;pname=URI, the old URI in Base64URL without padding
--- KSR.siputils.contact_param_encode(str, str): int -- complete
---@param pname string
---@param saddr string
---@return integer # 1 done (also when there is no Contact); -1 a URI too long; -2 the new URI too long; -4 Contact does not parse
function KSR.siputils.contact_param_encode(pname, saddr) end

--- As contact_param_encode, first adding ;alias=IP~PORT~PROTOID of the source address to each URI encoded
--- KSR.siputils.contact_param_encode_alias(str, str): int -- complete
---@param pname string
---@param saddr string
---@return integer # 1 done (also when there is no Contact); -1 a URI too long; -2 the new URI too long; -4 Contact does not parse
function KSR.siputils.contact_param_encode_alias(pname, saddr) end

--- Replaces each URI of the first Contact header that has parameter pname with the URI decoded from it
--- KSR.siputils.contact_param_decode(str): int -- complete
---@param pname string
---@return integer # 1 done (also with no Contact or no such parameter); -1 Contact does not parse or a value does not decode
function KSR.siputils.contact_param_decode(pname) end

--- Replaces the Request-URI in force with the URI decoded from its parameter pname
--- KSR.siputils.contact_param_decode_ruri(str): int -- complete
---@param pname string
---@return integer # 1 done (also when the parameter is absent); -1 for a reply, or the value does not decode
function KSR.siputils.contact_param_decode_ruri(pname) end

--- Removes ;pname[=value] from each URI of the first Contact header that has it
--- KSR.siputils.contact_param_rm(str): int -- complete
---@param pname string
---@return integer # 1 done (also when there is no Contact); -1 a Contact URI does not parse
function KSR.siputils.contact_param_rm(pname) end

--- Tells whether a URI of the first Contact header has parameter pname
--- KSR.siputils.contact_param_check(str): int -- complete
---@param pname string
---@return integer # 1 when one has it; -1 when none has, no Contact, or it does not parse
function KSR.siputils.contact_param_check(pname) end

--- Relays the request statefully: creates the transaction (100 Trying to an INVITE) and forks to the R-URI/$du and every appended branch once the route returns
--- KSR.tm.t_relay(): int -- complete
---@return integer # 1 branches scheduled; 0 a retransmission or hop-by-hop ACK was absorbed; -1 nothing to send, already answered or canceled, or in a branch/onreply route
function KSR.tm.t_relay() end

--- As t_relay, with every branch sent to the next hop "[proto:]host[:port]" (or a SIP URI); the R-URI is kept
--- KSR.tm.t_relay_to_proxy(str): int -- complete
---@param hostport string
---@return integer # as t_relay; -1 also when the address cannot be read
function KSR.tm.t_relay_to_proxy(hostport) end

--- As t_relay, with flags: 0x1 no 100 Trying, 0x2 no internal error reply, 0x4 no DNS failover
--- KSR.tm.t_relay_to_flags(int): int -- complete
---@param flags integer
---@return integer # as t_relay
function KSR.tm.t_relay_to_flags(flags) end

--- As t_relay_to_proxy, with t_relay_to_flags' flags (0x1 no 100 Trying, 0x2 no internal error reply, 0x4 no DNS failover)
--- KSR.tm.t_relay_to_proxy_flags(str, int): int -- complete
---@param hostport string
---@param flags integer
---@return integer # as t_relay; -1 also when the address cannot be read
function KSR.tm.t_relay_to_proxy_flags(hostport, flags) end

--- As t_relay, forcing the transport of every branch: udp, tcp, tls, sctp, ws or wss
--- KSR.tm.t_relay_to_proto(str): int -- complete
---@param proto string
---@return integer # as t_relay; -1 also for an unknown protocol
function KSR.tm.t_relay_to_proto(proto) end

--- As t_relay, with every branch sent to host:port over proto (udp, tcp, tls, sctp, ws, wss); the R-URI is kept
--- KSR.tm.t_relay_to_proto_addr(str, str, int): int -- complete
---@param proto string
---@param host string
---@param port integer
---@return integer # as t_relay; -1 also for an unknown protocol, a port outside 1..65535 or an unreadable host
function KSR.tm.t_relay_to_proto_addr(proto, host, port) end

--- Names the script function run as failure route when the transaction gets a negative final outcome; '' clears it
--- KSR.tm.t_on_failure(str): int -- complete
---@param route_name string
---@return integer # 1 always (the name is looked up when the route runs)
function KSR.tm.t_on_failure(route_name) end

--- Names the script function run as branch route for each branch the next t_relay creates; '' clears it
--- KSR.tm.t_on_branch(str): int -- complete
---@param route_name string
---@return integer # 1 always (the name is looked up when the route runs)
function KSR.tm.t_on_branch(route_name) end

--- Names the script function run as onreply route for each reply received on the transaction's branches; '' clears it
--- KSR.tm.t_on_reply(str): int -- complete
---@param route_name string
---@return integer # 1 always (the name is looked up when the route runs)
function KSR.tm.t_on_reply(route_name) end

--- Names the script function run as branch-failure route when one branch gets a negative final reply; '' clears it
--- KSR.tm.t_on_branch_failure(str): int -- complete
---@param route_name string
---@return integer # 1 always (the name is looked up when the route runs)
function KSR.tm.t_on_branch_failure(route_name) end

--- Sends a reply through the message's transaction (from an onreply route: to the request); a final reply cancels the pending branches
--- KSR.tm.t_reply(int, str): int -- complete
---@param code integer
---@param reason string
---@return integer # 1 sent; -1 no transaction, a code outside 100..699, a final reply already sent, or the send failed
function KSR.tm.t_reply(code, reason) end

--- As t_reply, creating the transaction first (as t_newtran) when the request has none
--- KSR.tm.t_send_reply(int, str): int -- complete
---@param code integer
---@param reason string
---@return integer # 1 sent; 0 the request was a retransmission (the last reply was resent); -1 as t_reply, or the transaction cannot be created
function KSR.tm.t_send_reply(code, reason) end

--- Replies 500 Server Internal Error statefully, creating the transaction when missing; partial: no last internal error is mapped to a reply
--- KSR.tm.t_reply_error(): int -- partial: always 500 Server Internal Error: the engine keeps no last internal error to map to a reply
---@return integer # as t_send_reply
function KSR.tm.t_reply_error() end

--- Matches the request to a transaction: a retransmission gets the last reply again; a CANCEL or ACK is matched to its INVITE
--- KSR.tm.t_check_trans(): int -- complete
---@return integer # 0 a retransmission or hop-by-hop ACK was absorbed (stop); 1 a CANCEL of a known INVITE or an ACK of its 2xx; -1 otherwise (also for a reply)
function KSR.tm.t_check_trans() end

--- Creates the transaction for the request (100 Trying to an INVITE when auto_inv_100 is on); later replies and t_relay use it
--- KSR.tm.t_newtran(): int -- complete
---@return integer # 1 created, or it already existed; 0 a retransmission (the last reply was resent); -1 a reply, an ACK, or the request cannot be keyed
function KSR.tm.t_newtran() end

--- Forgets the message's transaction now: its branches end, its timers stop, retransmissions are no longer absorbed
--- KSR.tm.t_release(): int -- complete
---@return integer # 1 released; -1 no transaction
function KSR.tm.t_release() end

--- Tells whether the message already has a transaction (after t_newtran or t_relay)
--- KSR.tm.t_exists(): int -- complete
---@return integer # 1 it has; -1 it has not
function KSR.tm.t_exists() end

--- Looks the request up in the transaction table without acting on it (no reply is resent)
--- KSR.tm.t_lookup_request(): int -- complete
---@return integer # 1 a transaction matches; -1 none does, or the message is a reply
function KSR.tm.t_lookup_request() end

--- For a CANCEL: looks up the INVITE transaction it cancels
--- KSR.tm.t_lookup_cancel(): int -- complete
---@return integer # 1 found; -1 not found, or not a CANCEL
function KSR.tm.t_lookup_cancel() end

--- As t_lookup_cancel; flags 1 also copies the INVITE's message flags onto this CANCEL
--- KSR.tm.t_lookup_cancel_flags(int): int -- complete
---@param flags integer
---@return integer # 1 found; -1 not found, or not a CANCEL
function KSR.tm.t_lookup_cancel_flags(flags) end

--- Resends the last reply the message's transaction sent
--- KSR.tm.t_retransmit_reply(): int -- complete
---@return integer # 1 resent; -1 no transaction, no reply yet, or the send failed
function KSR.tm.t_retransmit_reply() end

--- Tells whether the transaction was canceled (CANCEL received, or t_cancel_callid)
--- KSR.tm.t_is_canceled(): int -- complete
---@return integer # 1 canceled; -1 not canceled, or no transaction
function KSR.tm.t_is_canceled() end

--- Tells whether the transaction is older than its max lifetime (max_inv_lifetime/max_noninv_lifetime, or t_set_max_lifetime)
--- KSR.tm.t_is_expired(): int -- complete
---@return integer # 1 expired; -1 not expired, or no transaction
function KSR.tm.t_is_expired() end

--- Tells whether a route is set for the transaction: target is branch_route, failure_route, onreply_route or branch_failure_route
--- KSR.tm.t_is_set(str): int -- complete
---@param target string
---@return integer # 1 set; -1 not set, or an unknown target
function KSR.tm.t_is_set(target) end

--- Sets the INVITE final-reply timeout and the reply timeout, in ms, for branches created later; 0 keeps a value
--- KSR.tm.t_set_fr(int, int): int -- complete
---@param fr_inv_timeout integer
---@param fr_timeout integer
---@return integer # 1 always
function KSR.tm.t_set_fr(fr_inv_timeout, fr_timeout) end

--- Sets only the INVITE final-reply timeout, in ms, for branches created later; 0 keeps it
--- KSR.tm.t_set_fr_inv(int): int -- complete
---@param fr_inv_timeout integer
---@return integer # 1 always
function KSR.tm.t_set_fr_inv(fr_inv_timeout) end

--- Returns both reply timeouts to the configured fr_timer and fr_inv_timer
--- KSR.tm.t_reset_fr(): int -- complete
---@return integer # 1 always
function KSR.tm.t_reset_fr() end

--- Sets the max lifetime, in ms, of an INVITE and a non-INVITE transaction; 0 keeps a value; the expiry timer takes the value in force at creation
--- KSR.tm.t_set_max_lifetime(int, int): int -- complete
---@param inv_lifetime integer
---@param noninv_lifetime integer
---@return integer # 1 always
function KSR.tm.t_set_max_lifetime(inv_lifetime, noninv_lifetime) end

--- Returns both max lifetimes to the configured max_inv_lifetime and max_noninv_lifetime
--- KSR.tm.t_reset_max_lifetime(): int -- complete
---@return integer # 1 always
function KSR.tm.t_reset_max_lifetime() end

--- Sets the retransmission timers T1 and T2, in ms, for this transaction; 0 keeps a value
--- KSR.tm.t_set_retr(int, int): int -- complete
---@param retr_t1_interval integer
---@param retr_t2_interval integer
---@return integer # 1 always
function KSR.tm.t_set_retr(retr_t1_interval, retr_t2_interval) end

--- Returns T1 and T2 to the configured values
--- KSR.tm.t_reset_retr(): int -- complete
---@return integer # 1 always
function KSR.tm.t_reset_retr() end

--- Sorts the R-URI and branches into groups of equal q, highest first, kept in the AVP tm_contacts for serial forking; empties the branch set
--- KSR.tm.t_load_contacts(): int -- complete
---@return integer # 1 loaded, or nothing to sort (no branches)
function KSR.tm.t_load_contacts() end

--- As t_load_contacts; mode 0 groups equal q for parallel forking, mode 1 gives one contact per group in a random order weighted by q
--- KSR.tm.ki_t_load_contacts_mode(int): int -- complete
---@param mode integer
---@return integer # 1 loaded, or nothing to sort (no branches); -1 a mode other than 0 or 1
function KSR.tm.ki_t_load_contacts_mode(mode) end

--- Puts the next group loaded by t_load_contacts into the R-URI, $du and branch set (for t_relay, e.g. in a failure route)
--- KSR.tm.t_next_contacts(): int -- complete
---@return integer # 1 a group was set; -1 none is left
function KSR.tm.t_next_contacts() end

--- In a failure route: makes replies no candidates for the final answer: 'a' or '' all so far, 'l' those of the last round of branches, 'n' none
--- KSR.tm.t_drop_replies(str): int -- complete
---@param mode string
---@return integer # 1 done; -1 no transaction
function KSR.tm.t_drop_replies(mode) end

--- As t_drop_replies('a'): no reply received so far can be the final answer
--- KSR.tm.t_drop_replies_all(): int -- complete
---@return integer # 1 done; -1 no transaction
function KSR.tm.t_drop_replies_all() end

--- Does nothing: a CANCEL or ACK is always built from the request as sent on its branch
--- KSR.tm.t_use_uac_headers(): int -- complete
---@return integer # 1 always
function KSR.tm.t_use_uac_headers() end

--- Saves this request's changes (header and body edits) into the transaction's stored request, so failure routes see them
--- KSR.tm.t_save_lumps(): int -- complete
---@return integer # 1 saved; -1 no transaction, or not in a request route
function KSR.tm.t_save_lumps() end

--- Tests the reply status against a regular expression: the reply's in an onreply route, the failed branch's in a failure route, else the final code sent
--- KSR.tm.t_check_status(str): int -- complete
---@param re string
---@return integer # 1 it matches; -1 no match, no status yet, or an invalid expression
function KSR.tm.t_check_status(re) end

--- Tells whether any branch of the transaction received a reply with this status code
--- KSR.tm.t_grep_status(int): int -- complete
---@param code integer
---@return integer # 1 yes; -1 no, or no transaction
function KSR.tm.t_grep_status(code) end

--- Replies are never processed asynchronously here, so none is a retransmission of one
--- KSR.tm.t_is_retr_async_reply(): int -- complete
---@return integer # -1 always
function KSR.tm.t_is_retr_async_reply() end

--- Tells whether any branch of the transaction received a reply
--- KSR.tm.t_any_replied(): int -- complete
---@return integer # 1 yes; -1 no, or no transaction
function KSR.tm.t_any_replied() end

--- Tells whether any branch of the transaction timed out waiting for a reply
--- KSR.tm.t_any_timeout(): int -- complete
---@return integer # 1 yes; -1 no, or no transaction
function KSR.tm.t_any_timeout() end

--- In a failure or branch-failure route: tells whether the failed branch received any reply
--- KSR.tm.t_branch_replied(): int -- complete
---@return integer # 1 yes; -1 no, or outside those routes
function KSR.tm.t_branch_replied() end

--- In a failure or branch-failure route: tells whether the failed branch timed out
--- KSR.tm.t_branch_timeout(): int -- complete
---@return integer # 1 yes; -1 no, or outside those routes
function KSR.tm.t_branch_timeout() end

--- For this transaction: 1 sends 100 Trying to an INVITE when the transaction is created, 0 does not (set before t_newtran/t_relay)
--- KSR.tm.t_set_auto_inv_100(int): int -- complete
---@param onoff integer
---@return integer # 1 always
function KSR.tm.t_set_auto_inv_100(onoff) end

--- For this transaction: non-zero keeps a 6xx reply from canceling the other branches; 0 restores it
--- KSR.tm.t_set_disable_6xx(int): int -- complete
---@param onoff integer
---@return integer # 1 always
function KSR.tm.t_set_disable_6xx(onoff) end

--- For this transaction: non-zero turns off DNS failover (next SRV/A/AAAA target after a send error, a timeout or a 503)
--- KSR.tm.t_set_disable_failover(int): int -- complete
---@param onoff integer
---@return integer # 1 always
function KSR.tm.t_set_disable_failover(onoff) end

--- For this transaction: non-zero sends the CANCELs downstream without the Reason header of the CANCEL received
--- KSR.tm.t_set_no_e2e_cancel_reason(int): int -- complete
---@param onoff integer
---@return integer # 1 always
function KSR.tm.t_set_no_e2e_cancel_reason(onoff) end

--- For this transaction: non-zero sends no local reply (408, 500, a local final) when it fails; it just ends
--- KSR.tm.t_set_disable_internal_reply(int): int -- complete
---@param onoff integer
---@return integer # 1 always
function KSR.tm.t_set_disable_internal_reply(onoff) end

--- For this transaction: non-zero sends no ACK downstream for a negative final reply to an INVITE branch
--- KSR.tm.t_set_no_auto_ack(int): int -- complete
---@param onoff integer
---@return integer # 1 always
function KSR.tm.t_set_no_auto_ack(onoff) end

--- The transaction's status: the code t_drop_rcode set, else the last reply sent upstream
--- KSR.tm.t_get_status_code(): int -- complete
---@return integer # the status code; 0 when no reply was sent yet; -1 no transaction
function KSR.tm.t_get_status_code() end

--- The index of the branch being handled (branch, onreply and failure routes)
--- KSR.tm.t_get_branch_index(): int -- complete
---@return integer # the index, from 0; -1 outside a branch
function KSR.tm.t_get_branch_index() end

--- Releases every transaction older than its max lifetime now (the timers otherwise do it)
--- KSR.tm.t_clean(): int -- complete
---@return integer # 1 always
function KSR.tm.t_clean() end

--- Kamailio's guard against two workers taking the same request at once; one event loop never does, so no request is ever in progress elsewhere
--- KSR.tmx.t_precheck_trans(): int -- complete
---@return integer # -1 always
function KSR.tmx.t_precheck_trans() end

--- Tells whether the running route is a request route
--- KSR.tmx.t_is_request_route(): int -- complete
---@return integer # 1 yes; -1 no
function KSR.tmx.t_is_request_route() end

--- Tells whether the running route is an onreply route
--- KSR.tmx.t_is_reply_route(): int -- complete
---@return integer # 1 yes; -1 no
function KSR.tmx.t_is_reply_route() end

--- Tells whether the running route is a failure route
--- KSR.tmx.t_is_failure_route(): int -- complete
---@return integer # 1 yes; -1 no
function KSR.tmx.t_is_failure_route() end

--- Tells whether the running route is a branch route
--- KSR.tmx.t_is_branch_route(): int -- complete
---@return integer # 1 yes; -1 no
function KSR.tmx.t_is_branch_route() end

--- Suspends the transaction (created when missing) until t_continue; its index and label ($T(id_index), $T(id_label)) name it
--- KSR.tmx.t_suspend(): int -- complete
---@return integer # 1 suspended; -1 the transaction cannot be created, or the request is a retransmission
function KSR.tmx.t_suspend() end

--- Resumes a suspended transaction: runs the function cbname on a copy of its request, as in a failure route, then completes what it relayed
--- KSR.tmx.t_continue(int, int, str): int -- complete
---@param tindex integer
---@param tlabel integer
---@param cbname string
---@return integer # 1 resumed; -1 no transaction with that index and label, or it is not suspended
function KSR.tmx.t_continue(tindex, tlabel, cbname) end

--- Copies this message's flags onto the transaction's stored request, which failure and reply routes see
--- KSR.tmx.t_flush_flags(): int -- complete
---@return integer # 1 done; -1 no transaction
function KSR.tmx.t_flush_flags() end

--- Copies this message's extended flags (corex setxflag) onto the transaction's stored request
--- KSR.tmx.t_flush_xflags(): int -- complete
---@return integer # 1 done; -1 no transaction
function KSR.tmx.t_flush_xflags() end

--- In an onreply route: cancels the transaction's pending branches: 'all', 'others' (all but this reply's branch) or 'this'
--- KSR.tmx.t_cancel_branches(str): int -- complete
---@param which string
---@return integer # 1 done; -1 not a reply, no transaction, or an unknown which
function KSR.tmx.t_cancel_branches(which) end

--- Cancels the pending branches of the INVITE transaction with this Call-ID and CSeq number, setting message flag `flag` (0..31) on its request
--- KSR.tmx.t_cancel_callid(str, str, int): int -- complete
---@param callid string
---@param cseq string
---@param flag integer
---@return integer # 1 canceled; -1 no such transaction, or it already has a final reply
function KSR.tmx.t_cancel_callid(callid, cseq, flag) end

--- As t_cancel_callid; with rcode > 0 the CANCELs carry the header Reason: SIP;cause=rcode
--- KSR.tmx.t_cancel_callid_reason(str, str, int, int): int -- complete
---@param callid string
---@param cseq string
---@param flag integer
---@param rcode integer
---@return integer # 1 canceled; -1 no such transaction, or it already has a final reply
function KSR.tmx.t_cancel_callid_reason(callid, cseq, flag, rcode) end

--- Sends a reply through the transaction (any method) with this Call-ID and CSeq number
--- KSR.tmx.t_reply_callid(str, str, int, str): int -- complete
---@param callid string
---@param cseq string
---@param code integer
---@param reason string
---@return integer # 1 sent; -1 no such transaction, a code outside 100..699, a final reply already sent, or the send failed
function KSR.tmx.t_reply_callid(callid, cseq, code, reason) end

--- Ends the transaction with status 500 and sends no reply upstream; it is kept a while to absorb retransmissions
--- KSR.tmx.t_drop(): int -- complete
---@return integer # 0 dropped (stop: the script should end the route); -1 no transaction
function KSR.tmx.t_drop() end

--- As t_drop, with the given status (100..699) as the transaction's outcome ($T_reply_code, t_get_status_code)
--- KSR.tmx.t_drop_rcode(int): int -- complete
---@param rcode integer
---@return integer # 0 dropped (stop: the script should end the route); -1 no transaction, or a code outside 100..699
function KSR.tmx.t_drop_rcode(rcode) end

--- Adds the Request-URI in force, with the destination URI, to the branch set that tm forks to
--- KSR.corex.append_branch(): int -- complete
---@return integer # 1 added; -1 for a reply, a full set (12 branches counting the R-URI's), or an R-URI that does not parse
function KSR.corex.append_branch() end

--- Adds a branch for uri to the branch set (it keeps the destination URI only when uri is the R-URI in force)
--- KSR.corex.append_branch_uri(str): int -- complete
---@param uri string
---@return integer # 1 added; -1 for a reply, a full set (12 branches counting the R-URI's), or a uri that does not parse
function KSR.corex.append_branch_uri(uri) end

--- As append_branch_uri, with q as a qvalue text 0 to 1 (at most 3 decimals, e.g. '0.5')
--- KSR.corex.append_branch_uri_q(str, str): int -- complete
---@param uri string
---@param q string
---@return integer # 1 added; -1 for a bad q, a reply, a full set, or a uri that does not parse
function KSR.corex.append_branch_uri_q(uri, q) end

--- Tells whether the Request-URI in force has a user part
--- KSR.corex.has_ruri_user(): int -- complete
---@return integer # 1 when it has one; -1 when not, or for a reply
function KSR.corex.has_ruri_user() end

--- Tells whether the message has a User-Agent header
--- KSR.corex.has_user_agent(): int -- complete
---@return integer # 1 when present; -1 when absent
function KSR.corex.has_user_agent() end

--- Tells whether the message is the request copy tm runs failure routes on (Kamailio's faked message)
--- KSR.corex.is_faked_msg(): int -- complete
---@return integer # 1 in a failure route; -1 elsewhere
function KSR.corex.is_faked_msg() end

--- Tells whether a listen socket carries that name (config listen entry 'udp:IP:PORT name NAME'), any socket
--- KSR.corex.is_socket_name(str): int -- complete
---@param sockname string
---@return integer # 1 when one does; -1 when none does, or sockname is ''
function KSR.corex.is_socket_name(sockname) end

--- Sends data as it is (UTF-8), statelessly, to the address of a sip:/sips: uri; a host name is resolved afterwards
--- KSR.corex.send_data(str, str): int -- complete
---@param uri string
---@param data string
---@return integer # 1 sent or handed to DNS (later failures are only logged); -1 not a SIP URI, or the address is refused or unreachable at once
function KSR.corex.send_data(uri, data) end

--- As send_data, sent from the listen socket sock ([proto:]IP[:port], '' the default); a sock of another proto than the target's is not used
--- KSR.corex.sendx(str, str, str): int -- complete
---@param uri string
---@param sock string
---@param data string
---@return integer # 1 sent or handed to DNS; -1 sock does not parse or matches no listen socket, not a SIP URI, or the send fails at once
function KSR.corex.sendx(uri, sock, data) end

--- Sets extended message flag flag (0-63), kept on the message and copied to tm's transaction
--- KSR.corex.setxflag(int): int -- complete
---@param flag integer
---@return integer # 1 set; -1 when flag is outside 0-63
function KSR.corex.setxflag(flag) end

--- Clears extended message flag flag (0-63)
--- KSR.corex.resetxflag(int): int -- complete
---@param flag integer
---@return integer # 1 cleared; -1 when flag is outside 0-63
function KSR.corex.resetxflag(flag) end

--- Tells whether extended message flag flag (0-63) is set
--- KSR.corex.isxflagset(int): int -- complete
---@param flag integer
---@return integer # 1 when set; -1 when not set, or flag is outside 0-63
function KSR.corex.isxflagset(flag) end

--- Forces the listen socket ([proto:]IP[:port]) that forwarded requests (stateless and tm) leave from and show in Via; '' forgets it
--- KSR.corex.set_send_socket(str): int -- complete
---@param saddr string
---@return integer # 1 done, also when no listen socket matches (a warning, nothing changes); -1 when saddr does not parse
function KSR.corex.set_send_socket(saddr) end

--- As set_send_socket, choosing the listen socket by its name (exact, case-sensitive); '' forgets the forced one
--- KSR.corex.set_send_socket_name(str): int -- complete
---@param sname string
---@return integer # 1 done, also for an unknown name (a warning, nothing changes)
function KSR.corex.set_send_socket_name(sname) end

--- Takes the message as received on that listen socket ([proto:]IP[:port]): changes $Ri, $Rp and the protocol; '' forgets the forced send socket
--- KSR.corex.set_recv_socket(str): int -- complete
---@param saddr string
---@return integer # 1 done, also when no listen socket matches (a warning, nothing changes); -1 when saddr does not parse
function KSR.corex.set_recv_socket(saddr) end

--- As set_recv_socket, choosing the listen socket by its name (exact, case-sensitive); '' forgets the forced send socket
--- KSR.corex.set_recv_socket_name(str): int -- complete
---@param sname string
---@return integer # 1 done, also for an unknown name (a warning, nothing changes)
function KSR.corex.set_recv_socket_name(sname) end

--- Takes the message as coming from [proto:]IP[:port] ($si, $sp; port 0 when not given, proto ignored); a host name is not resolved
--- KSR.corex.set_source_address(str): int -- partial: only IP addresses: a host name is not resolved (-1)
---@param saddr string
---@return integer # 1 done; -1 when saddr does not parse or is not an IP address
function KSR.corex.set_source_address(saddr) end

--- Non-zero adds ;srvid=<server_id> to the Via of the requests ksr-host forwards (only when the server_id setting is not 0); 0 stops it
--- KSR.corex.via_add_srvid(int): int -- complete
---@param flags integer
---@return integer # always 1
function KSR.corex.via_add_srvid(flags) end

--- Non-zero adds the fields of the xavp named by the xavp_via_params setting as parameters of our Via on forwarded requests; 0 stops it
--- KSR.corex.via_add_xavp_params(int): int -- complete
---@param flags integer
---@return integer # always 1
function KSR.corex.via_add_xavp_params(flags) end

--- Non-zero takes our Via's address, port and proto from the xavp named by the xavp_via_fields setting; 0 stops it
--- KSR.corex.via_use_xavp_fields(int): int -- complete
---@param flags integer
---@return integer # always 1
function KSR.corex.via_use_xavp_fields(flags) end

--- Sets or clears the switch for Via parameters on replies; kept on the message and tm's copies, but no reply gets them yet
--- KSR.corex.via_reply_add_xavp_params(int): int -- partial: kept on the message (and tm copies), but replies (local or relayed) get no Via parameters from the xavp yet
---@param flags integer
---@return integer # always 1
function KSR.corex.via_reply_add_xavp_params(flags) end

--- Reads no file: scripts have no file system access in ksr-host; logs an error
--- KSR.corex.file_read(str): xval -- partial: scripts have no file system access
---@param fpath string
---@return string # always '' (as Kamailio for a file it cannot read)
function KSR.corex.file_read(fpath) end

--- Writes no file: scripts have no file system access in ksr-host; logs an error
--- KSR.corex.file_write(str, str): int -- partial: scripts have no file system access
---@param fpath string
---@param content string
---@return integer # always -1
function KSR.corex.file_write(fpath, content) end

--- Not built in ksr-host (stateless forwarding as a UAC, with a Via of its own); logs an error: use KSR.forward or KSR.tm.t_relay
--- KSR.corex.forward_uac(): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@return integer # always -1
function KSR.corex.forward_uac() end

--- Not built in ksr-host (stateless forwarding as a UAC, with a Via of its own); logs an error: use KSR.forward or KSR.tm.t_relay
--- KSR.corex.forward_uac_branch(int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@param branch integer
---@return integer # always -1
function KSR.corex.forward_uac_branch(branch) end

--- Not built in ksr-host (stateless forwarding as a UAC to uri, with a Via of its own); logs an error: use KSR.forward or KSR.tm.t_relay
--- KSR.corex.forward_uac_uri(str): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@param uri string
---@return integer # always -1
function KSR.corex.forward_uac_uri(uri) end

--- Not built in ksr-host (stateless forwarding as a UAC to uri, with a Via of its own); logs an error: use KSR.forward or KSR.tm.t_relay
--- KSR.corex.forward_uac_uri_branch(str, int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@param uri string
---@param branch integer
---@return integer # always -1
function KSR.corex.forward_uac_uri_branch(uri, branch) end

--- Removes from the request the Authorization/Proxy-Authorization line the last authentication used, so it is not relayed
--- KSR.auth.consume_credentials(): int -- complete
---@return integer # 1 removed; -1 no authentication of this request used credentials
function KSR.auth.consume_credentials() end

--- Challenges: 401 with WWW-Authenticate for a REGISTER, else 407 with Proxy-Authenticate; realm '' is the From/To domain; flags 1 qop=auth, 2 qop=auth-int, 16 stale
--- KSR.auth.auth_challenge(str, int): int -- complete
---@param realm string
---@param flags integer
---@return integer # 1 sent; -1 not sent (a reply, an ACK, a transaction already answered, or the send failed)
function KSR.auth.auth_challenge(realm, flags) end

--- Replies 401 with a WWW-Authenticate per configured algorithm; realm '' is the To domain for a REGISTER, else the From domain; flags 1 qop=auth, 2 qop=auth-int, 16 stale
--- KSR.auth.www_challenge(str, int): int -- complete
---@param realm string
---@param flags integer
---@return integer # 1 sent; -1 not sent (a reply, an ACK, a transaction already answered, or the send failed)
function KSR.auth.www_challenge(realm, flags) end

--- Replies 407 with a Proxy-Authenticate per configured algorithm; realm '' is the To domain for a REGISTER, else the From domain; flags 1 qop=auth, 2 qop=auth-int, 16 stale
--- KSR.auth.proxy_challenge(str, int): int -- complete
---@param realm string
---@param flags integer
---@return integer # 1 sent; -1 not sent (a reply, an ACK, a transaction already answered, or the send failed)
function KSR.auth.proxy_challenge(realm, flags) end

--- Digest-checks Authorization (REGISTER) or Proxy-Authorization against passwd (flags 1: it is HA1); checks 1: auth user/realm must be the From (To) user/domain
--- KSR.auth.pv_auth_check(str, str, int, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param realm string
---@param passwd string
---@param flags integer
---@param checks integer
---@return integer # 1 ok; -1 error; -2 wrong password; -3 passwd is ''; -4 stale nonce; -5 no credentials; -6 nonce reused; -8 user is not the From/To user
function KSR.auth.pv_auth_check(realm, passwd, flags, checks) end

--- Digest-checks the Proxy-Authorization for realm ('' the To domain for a REGISTER, else the From domain) against passwd (flags 1: passwd is HA1; other flags are ignored)
--- KSR.auth.pv_proxy_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param realm string
---@param passwd string
---@param flags integer
---@return integer # 1 ok; -1 error; -2 wrong password; -3 passwd is ''; -4 stale nonce; -5 no credentials; -6 nonce reused
function KSR.auth.pv_proxy_authenticate(realm, passwd, flags) end

--- Digest-checks the Authorization for realm ('' the To domain for a REGISTER, else the From domain) against passwd (flags 1: passwd is HA1; other flags are ignored)
--- KSR.auth.pv_www_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param realm string
---@param passwd string
---@param flags integer
---@return integer # 1 ok; -1 error; -2 wrong password; -3 passwd is ''; -4 stale nonce; -5 no credentials; -6 nonce reused
function KSR.auth.pv_www_authenticate(realm, passwd, flags) end

--- As pv_www_authenticate, hashing with the given method instead of the request's (e.g. for a re-checked INVITE)
--- KSR.auth.pv_www_authenticate_method(str, str, int, str): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param realm string
---@param passwd string
---@param flags integer
---@param method string
---@return integer # 1 ok; -1 error; -2 wrong password; -3 passwd is ''; -4 stale nonce; -5 no credentials; -6 nonce reused
function KSR.auth.pv_www_authenticate_method(realm, passwd, flags, method) end

--- Tells whether the request has an Authorization or Proxy-Authorization for the realm ('' the From/To domain)
--- KSR.auth.has_credentials(str): int -- complete
---@param realm string
---@return integer # 1 it has; -1 it has not
function KSR.auth.has_credentials(realm) end

--- Writes the WWW-Authenticate header lines a www_challenge would send into the variable pvdest, without replying
--- KSR.auth.auth_get_www_authenticate(str, int, str): int -- complete
---@param realm string
---@param flags integer
---@param pvdest string
---@return integer # 1 written; -1 pvdest is not a writable variable
function KSR.auth.auth_get_www_authenticate(realm, flags, pvdest) end

--- Sets the digest algorithm of later challenges: MD5, SHA-256 or SHA-512-256, or a comma list offered in order; not only for this message
--- KSR.auth.auth_algorithm(str): int -- complete
---@param algorithm string
---@return integer # 1 set; -1 an unknown algorithm
function KSR.auth.auth_algorithm(algorithm) end

--- Digest-checks Authorization (REGISTER) or Proxy-Authorization against the store's subscriber table; flags 1: auth user/realm must be the From (To) user/domain; flag 2 ignored
--- KSR.auth_db.auth_check(str, str, int): int -- partial: flag 2 (skip the identity check for requests from other domains) is ignored
---@param realm string
---@param table string
---@param flags integer
---@return integer # 1 ok; -1 error (no store, a table other than subscriber); -2 wrong password; -3 unknown user; -4 stale nonce; -5 no credentials; -6 nonce reused; -8 user mismatch
function KSR.auth_db.auth_check(realm, table, flags) end

--- Tells whether the URI's user@host is in the store's subscriber table; partial: flags are ignored (domain always matched, no credential AVPs loaded)
--- KSR.auth_db.is_subscriber(str, str, int): int -- partial: flags are ignored: the domain is always matched, credential AVPs are never loaded
---@param uri string
---@param dbtable string
---@param flags integer
---@return integer # 1 a subscriber; -1 not one, or an error (a URI without user, a table other than subscriber, no store)
function KSR.auth_db.is_subscriber(uri, dbtable, flags) end

--- Digest-checks the Authorization for realm ('' the To domain for a REGISTER, else the From domain) against the store's subscriber table
--- KSR.auth_db.www_authenticate(str, str): int -- complete
---@param realm string
---@param table string
---@return integer # 1 ok; -1 error (no store, a table other than subscriber); -2 wrong password; -3 unknown user; -4 stale nonce; -5 no credentials; -6 nonce reused
function KSR.auth_db.www_authenticate(realm, table) end

--- As www_authenticate, hashing with the given method instead of the request's
--- KSR.auth_db.www_authenticate_method(str, str, str): int -- complete
---@param realm string
---@param table string
---@param method string
---@return integer # 1 ok; -1 error (no store, a table other than subscriber); -2 wrong password; -3 unknown user; -4 stale nonce; -5 no credentials; -6 nonce reused
function KSR.auth_db.www_authenticate_method(realm, table, method) end

--- Stores the REGISTER's contacts for the To AoR in location table domain and replies (200 listing the bindings, or an error); flags 0x1 memory only, 0x2 no reply, 0x4 replace all, 0x100 received=source
--- KSR.registrar.save(str, int): int -- complete
---@param domain string
---@param flags integer
---@return integer # 1 inserted; 2 updated; 3 deleted; 4 a query (no Contact); -1 refused or failed (the error reply, with P-Registrar-Error, is sent unless flag 0x2)
function KSR.registrar.save(domain, flags) end

--- As save, for the AoR of uri instead of the To URI
--- KSR.registrar.save_uri(str, int, str): int -- complete
---@param domain string
---@param flags integer
---@param uri string
---@return integer # 1 inserted; 2 updated; 3 deleted; 4 a query (no Contact); -1 refused or failed (the error reply is sent unless flag 0x2)
function KSR.registrar.save_uri(domain, flags, uri) end

--- Looks up the R-URI's AoR: the best binding (highest q, then oldest) becomes the R-URI, its Path hop or received $du; the others are appended as branches
--- KSR.registrar.lookup(str): int -- complete
---@param domain string
---@return integer # 1 found; -1 not found, or the R-URI has no user; -2 no binding allows the method; -3 the location store is unavailable
function KSR.registrar.lookup(domain) end

--- As lookup, for the AoR of uri instead of the R-URI; the results still go into the R-URI and branches
--- KSR.registrar.lookup_uri(str, str): int -- complete
---@param domain string
---@param uri string
---@return integer # 1 found; -1 not found, or the URI has no user; -2 no binding allows the method; -3 the location store is unavailable
function KSR.registrar.lookup_uri(domain, uri) end

--- Appends every binding of uri's AoR ('' the R-URI) as a branch; the R-URI is left as it is
--- KSR.registrar.lookup_to_dset(str, str): int -- complete
---@param domain string
---@param uri string
---@return integer # 1 found; -1 not found, or the URI has no user; -2 no binding allows the method; -3 the location store is unavailable
function KSR.registrar.lookup_to_dset(domain, uri) end

--- Looks up the R-URI and every branch already set: each AoR with bindings is replaced by them, the others are kept
--- KSR.registrar.lookup_branches(str): int -- complete
---@param domain string
---@return integer # 1 any was found; else the best of the failures (-1 not found, -2 method not allowed, -3 store unavailable)
function KSR.registrar.lookup_branches(domain) end

--- Tells whether the R-URI's AoR has a binding in the table; nothing is changed
--- KSR.registrar.registered(str): int -- complete
---@param domain string
---@return integer # 1 registered; -1 not registered, the R-URI has no user, or the store is unavailable
function KSR.registrar.registered(domain) end

--- Tells whether uri's AoR has a binding in the table; nothing is changed
--- KSR.registrar.registered_uri(str, str): int -- complete
---@param domain string
---@param uri string
---@return integer # 1 registered; -1 not registered, the URI has no user, or the store is unavailable
function KSR.registrar.registered_uri(domain, uri) end

--- As registered_uri, the binding also matching this message: match_option 1 same Call-ID, 2 received from this source, 4 same Contact URI
--- KSR.registrar.registered_flags(str, str, int): int -- complete
---@param domain string
---@param uri string
---@param match_option integer
---@return integer # 1 a binding matches; -1 none does, the URI has no user, or the store is unavailable
function KSR.registrar.registered_flags(domain, uri, match_option) end

--- As registered_flags; partial: match_action is ignored (it fills xavps, which this build has not)
--- KSR.registrar.registered_action(str, str, int, int): int -- partial: the action is ignored (it fills xavps, which this build has not): as registered_flags
---@param domain string
---@param uri string
---@param match_option integer
---@param match_action integer
---@return integer # 1 a binding matches; -1 none does, the URI has no user, or the store is unavailable
function KSR.registrar.registered_action(domain, uri, match_option, match_action) end

--- Sets the q (text, 0 to 1, up to 3 decimals) that save gives to every contact of this request
--- KSR.registrar.set_q_override(str): int -- complete
---@param q string
---@return integer # 1 set; -1 not a q value
function KSR.registrar.set_q_override(q) end

--- Appends a header hdr_name with the socket the request came in on, as proto:ip:port, for a registrar further on (its sock_hdr_name)
--- KSR.registrar.add_sock_hdr(str): int -- complete
---@param hdr_name string
---@return integer # 1 added; -1 not a header name, or the header could not be added
function KSR.registrar.add_sock_hdr(hdr_name) end

--- Removes every binding of uri's AoR from the table
--- KSR.registrar.unregister(str, str): int -- complete
---@param domain string
---@param uri string
---@return integer # 1 bindings were removed; -1 none was there, the URI has no user, or the store is unavailable
function KSR.registrar.unregister(domain, uri) end

--- Removes the one binding of uri's AoR with this ruid
--- KSR.registrar.unregister_ruid(str, str, str): int -- complete
---@param domain string
---@param uri string
---@param ruid string
---@return integer # 1 removed; -1 no binding with that ruid ('' never matches), the URI has no user, or the store is unavailable
function KSR.registrar.unregister_ruid(domain, uri, ruid) end

--- Fetches the bindings of uri's AoR under the name profile, read with $ulc(profile=>attr), ulc_rget and ulc_cget; replaces an earlier fetch of that name
--- KSR.registrar.reg_fetch_contacts(str, str, str): int -- complete
---@param domain string
---@param uri string
---@param profile string
---@return integer # 1 bindings were fetched; -1 none, the URI has no user, or the store is unavailable
function KSR.registrar.reg_fetch_contacts(domain, uri, profile) end

--- Forgets the bindings fetched under the name profile
--- KSR.registrar.reg_free_contacts(str): int -- complete
---@param profile string
---@return integer # 1 always
function KSR.registrar.reg_free_contacts(profile) end

--- Tells whether the request comes from a binding of uri's AoR (its received address, else its Contact): mode 0 same IP, 1 also port, 2 also transport
--- KSR.registrar.reg_from_user(str, str, int): int -- complete
---@param domain string
---@param uri string
---@param mode integer
---@return integer # 1 it does; -1 it does not, no bindings, or an error
function KSR.registrar.reg_from_user(domain, uri, mode) end

--- Sends the REGISTER reply that save with flag 0x2 prepared
--- KSR.registrar.reg_send_reply(): int -- complete
---@return integer # 1 sent; -1 nothing prepared, or the send failed
function KSR.registrar.reg_send_reply() end

--- An attribute of the fetch named profile: aor, domain (the table) or count
--- KSR.registrar.ulc_rget(str, str): xval -- complete
---@param profile string
---@param attr string
---@return string|integer # the value (string or int); 0 when the fetch or the attribute is unknown
function KSR.registrar.ulc_rget(profile, attr) end

--- An attribute of binding index (from 0) of the fetch named profile: addr, expires, q (x1000), callid, cseq, received, path, ruid, user_agent, methods...
--- KSR.registrar.ulc_cget(str, str, int): xval -- complete
---@param profile string
---@param attr string
---@param index integer
---@return string|integer # the value (string or int); 0 when the fetch, the index or the attribute is unknown, or the value is unset
function KSR.registrar.ulc_cget(profile, attr, index) end

--- Makes the static branch ($sbranch) the R-URI's branch: R-URI, $du, path and branch flags are set from it (its q is not used)
--- KSR.pvx.sbranch_set_ruri(): int -- complete
---@return integer # 1 done; -1 when $sbranch(uri) is unset or not a SIP URI, or the message is a reply
function KSR.pvx.sbranch_set_ruri() end

--- Appends the static branch ($sbranch: uri, dst_uri, path, q, flags) to the destination set as a new branch
--- KSR.pvx.sbranch_append(): int -- complete
---@return integer # 1 appended; -1 when $sbranch(uri) is unset or not a URI, the message is a reply, or the set is full (11 branches)
function KSR.pvx.sbranch_append() end

--- Clears every field of the static branch; it is kept per message, not per process as in Kamailio
--- KSR.pvx.sbranch_reset(): int -- complete
---@return integer # 1 always
function KSR.pvx.sbranch_reset() end

--- Sets $var(name) to the int ival for the rest of this message's routing
--- KSR.pvx.var_seti(str, int): int -- complete
---@param name string
---@param ival integer
---@return integer # 1 always
function KSR.pvx.var_seti(name, ival) end

--- Sets $var(name) to the string sval for the rest of this message's routing
--- KSR.pvx.var_sets(str, str): int -- complete
---@param name string
---@param sval string
---@return integer # 1 always
function KSR.pvx.var_sets(name, sval) end

--- Reads $var(name)
--- KSR.pvx.var_get(str): xval -- complete
---@param name string
---@return string|integer # the value (int or str); 0 when unset
function KSR.pvx.var_get(name) end

--- Sets the shared value $shv(name) to the int ival, seen by every worker of the server
--- KSR.pvx.shv_seti(str, int): int -- complete
---@param name string
---@param ival integer
---@return integer # 1 set; -1 when the name is empty or over 255 bytes, or 1024 names are taken
function KSR.pvx.shv_seti(name, ival) end

--- Sets the shared value $shv(name) to the string sval (at most 64 KiB), seen by every worker of the server
--- KSR.pvx.shv_sets(str, str): int -- complete
---@param name string
---@param sval string
---@return integer # 1 set; -1 when the name is empty or over 255 bytes, the value is over 64 KiB, or 1024 names are taken
function KSR.pvx.shv_sets(name, sval) end

--- Reads the shared value $shv(name)
--- KSR.pvx.shv_get(str): xval -- complete
---@param name string
---@return string|integer # the value (int or str); 0 when never set
function KSR.pvx.shv_get(name) end

--- Adds 1 to the int shared value $shv(name), atomically across workers, and reads it back
--- KSR.pvx.shvinc_get(str): xval -- complete
---@param name string
---@return integer # the new value; 0 (nothing stored) when the name is unset or holds a string
function KSR.pvx.shvinc_get(name) end

--- Copies $var(varname) into a new item 0 of $xavp(xname), as field varname; '*' copies every $var of the message
--- KSR.pvx.pv_var_to_xavp(str, str): int -- complete
---@param varname string
---@param xname string
---@return integer # 1 done; -1 when no such $var is set or the xavp bounds refuse it
function KSR.pvx.pv_var_to_xavp(varname, xname) end

--- Sets $var(field) for every field of every item of $xavp(xname); for a name in several items the oldest item wins; a null field gives 0
--- KSR.pvx.pv_xavp_to_var(str): int -- complete
---@param xname string
---@return integer # 1 done; -1 when $xavp(xname) has no item
function KSR.pvx.pv_xavp_to_var(xname) end

--- Writes every $xavp of the message to the log at info level, one line per name, type and value
--- KSR.pvx.pv_xavp_print(): int -- complete
---@return integer # 1 always
function KSR.pvx.pv_xavp_print() end

--- Writes every $xavu of the message to the log at info level, one line per name, type and value
--- KSR.pvx.pv_xavu_print(): int -- complete
---@return integer # 1 always
function KSR.pvx.pv_xavu_print() end

--- Writes every $xavi of the message to the log at info level, one line per name, type and value
--- KSR.pvx.pv_xavi_print(): int -- complete
---@return integer # 1 always
function KSR.pvx.pv_xavi_print() end

--- Parses 'a=1;b="x"' into a new item 0 of $xavp(xname), one string field per parameter in the order written
--- KSR.pvx.xavp_params_explode(str, str): int -- complete
---@param sparams string
---@param xname string
---@return integer # 1 done; -1 when xname is empty, sparams is malformed (empty name, unclosed quote) or the xavp bounds refuse it
function KSR.pvx.xavp_params_explode(sparams, xname) end

--- As xavp_params_explode, with any character of seps ending a parameter instead of ';'
--- KSR.pvx.xavp_xparams_explode(str, str, str): int -- complete
---@param sparams string
---@param seps string
---@param xname string
---@return integer # 1 done; -1 when seps or xname is empty, sparams is malformed or the xavp bounds refuse it
function KSR.pvx.xavp_xparams_explode(sparams, seps, xname) end

--- Writes the fields of item 0 of $xavp(xname) as 'a=1;b=2;' into the PV named pvname (empty string: 'b;'; nested lists skipped)
--- KSR.pvx.xavp_params_implode(str, str): int -- complete
---@param xname string
---@param pvname string
---@return integer # 1 written; -1 when the item is absent, has no field to write, or pvname is not a writable PV
function KSR.pvx.xavp_params_implode(xname, pvname) end

--- As xavp_params_implode, with every value in double quotes: 'a="1";b="2";'
--- KSR.pvx.xavp_params_implode_qval(str, str): int -- complete
---@param xname string
---@param pvname string
---@return integer # 1 written; -1 when the item is absent, has no field to write, or pvname is not a writable PV
function KSR.pvx.xavp_params_implode_qval(xname, pvname) end

--- Parses 'a=1;b=2' into $xavu(xname), replacing its item, one string field per parameter (first of two equal names kept)
--- KSR.pvx.xavu_params_explode(str, str): int -- complete
---@param sparams string
---@param xname string
---@return integer # 1 done; -1 when xname is empty, sparams is malformed or the xavp bounds refuse it
function KSR.pvx.xavu_params_explode(sparams, xname) end

--- Writes the fields of $xavu(xname) as 'a=1;b=2;' into the PV named pvname
--- KSR.pvx.xavu_params_implode(str, str): int -- complete
---@param xname string
---@param pvname string
---@return integer # 1 written; -1 when the item is absent, has no field to write, or pvname is not a writable PV
function KSR.pvx.xavu_params_implode(xname, pvname) end

--- Splits slist at any character of seps into a new item 0 of $xavp(xname), one field v per piece in order; mode 't' trims each piece
--- KSR.pvx.xavp_slist_explode(str, str, str, str): int -- complete
---@param slist string
---@param seps string
---@param mode string
---@param xname string
---@return integer # 1 done; -1 when seps is empty or the xavp bounds refuse it
function KSR.pvx.xavp_slist_explode(slist, seps, mode, xname) end

--- Adds a new item 0 of $xavp(rname) holding the int ival; older items stay
--- KSR.pvx.xavp_seti(str, int): int -- complete
---@param rname string
---@param ival integer
---@return integer # 1 set; -1 when rname is empty or the xavp bounds refuse it
function KSR.pvx.xavp_seti(rname, ival) end

--- Adds a new item 0 of $xavp(rname) holding the string sval; older items stay
--- KSR.pvx.xavp_sets(str, str): int -- complete
---@param rname string
---@param sval string
---@return integer # 1 set; -1 when rname is empty or the xavp bounds refuse it
function KSR.pvx.xavp_sets(rname, sval) end

--- Reads item 0 of $xavp(rname)
--- KSR.pvx.xavp_get(str): xval -- complete
---@param rname string
---@return string|integer|nil # the value (int or str; '<<xavp>>' when it holds fields); null when absent or null
function KSR.pvx.xavp_get(rname) end

--- Reads item 0 of $xavp(rname)
--- KSR.pvx.xavp_gete(str): xval -- complete
---@param rname string
---@return string|integer # the value (int or str; '<<xavp>>' when it holds fields); '' when absent or null
function KSR.pvx.xavp_gete(rname) end

--- Reads item 0 of $xavp(rname)
--- KSR.pvx.xavp_getw(str): xval -- complete
---@param rname string
---@return string|integer # the value (int or str; '<<xavp>>' when it holds fields); '<null>' when absent or null
function KSR.pvx.xavp_getw(rname) end

--- Removes item 0 of $xavp(rname); the older items stay
--- KSR.pvx.xavp_rm(str): int -- complete
---@param rname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavp_rm(rname) end

--- Tells whether $xavp(rname) is absent or holds a null value
--- KSR.pvx.xavp_is_null(str): int -- complete
---@param rname string
---@return integer # 1 when absent or null; -1 when it holds a value
function KSR.pvx.xavp_is_null(rname) end

--- Sets field cname of item 0 of $xavp(rname) to the int ival, replacing cname's first value; creates the item (or replaces one holding a plain value)
--- KSR.pvx.xavp_child_seti(str, str, int): int -- complete
---@param rname string
---@param cname string
---@param ival integer
---@return integer # 1 set; -1 when a name is empty or the xavp bounds refuse it
function KSR.pvx.xavp_child_seti(rname, cname, ival) end

--- Sets field cname of item 0 of $xavp(rname) to the string sval, replacing cname's first value; creates the item (or replaces one holding a plain value)
--- KSR.pvx.xavp_child_sets(str, str, str): int -- complete
---@param rname string
---@param cname string
---@param sval string
---@return integer # 1 set; -1 when a name is empty or the xavp bounds refuse it
function KSR.pvx.xavp_child_sets(rname, cname, sval) end

--- Removes the first value of field cname in item 0 of $xavp(rname)
--- KSR.pvx.xavp_child_rm(str, str): int -- complete
---@param rname string
---@param cname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavp_child_rm(rname, cname) end

--- Tells whether field cname of item 0 of $xavp(rname) is absent or holds a null value
--- KSR.pvx.xavp_child_is_null(str, str): int -- complete
---@param rname string
---@param cname string
---@return integer # 1 when absent or null; -1 when it holds a value
function KSR.pvx.xavp_child_is_null(rname, cname) end

--- Reads $xavp(rname=>cname): field cname of item 0
--- KSR.pvx.xavp_child_get(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer|nil # the field's first value (int or str; '<<xavp>>' for a nested list); null when absent or null
function KSR.pvx.xavp_child_get(rname, cname) end

--- Reads $xavp(rname=>cname): field cname of item 0
--- KSR.pvx.xavp_child_gete(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer # the field's first value (int or str; '<<xavp>>' for a nested list); '' when absent or null
function KSR.pvx.xavp_child_gete(rname, cname) end

--- Reads $xavp(rname=>cname): field cname of item 0
--- KSR.pvx.xavp_child_getw(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer # the field's first value (int or str; '<<xavp>>' for a nested list); '<null>' when absent or null
function KSR.pvx.xavp_child_getw(rname, cname) end

--- Removes every item of $xavp(rname)
--- KSR.pvx.xavp_rm_all(str): int -- complete
---@param rname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavp_rm_all(rname) end

--- Reads every item of $xavp(rname), newest first, as a list of dicts: field name to a list of its values (nested lists as dicts)
--- KSR.pvx.xavp_getd(str): xval -- complete
---@param rname string
---@return table|nil # the list (items holding a plain value are left out); null when there is no item
function KSR.pvx.xavp_getd(rname) end

--- Reads item idx (negative: from the oldest) of $xavp(rname) as a dict: field name to a list of its values
--- KSR.pvx.xavp_getd_p1(str, int): xval -- complete
---@param rname string
---@param idx integer
---@return table|nil # the dict; an empty dict when the item holds a plain value; null when there is no such item
function KSR.pvx.xavp_getd_p1(rname, idx) end

--- Lists the field names of item idx (>= 0) of $xavp(rname)
--- KSR.pvx.xavp_get_keys(str, int): xval -- complete
---@param rname string
---@param idx integer
---@return string|table|nil # the list of names; an empty list when the item holds a plain value; null when there is no such item or idx < 0
function KSR.pvx.xavp_get_keys(rname, idx) end

--- Sets $xavu(rname), its one item, to the int ival; replacing it
--- KSR.pvx.xavu_seti(str, int): int -- complete
---@param rname string
---@param ival integer
---@return integer # 1 set; -1 when rname is empty or the xavp bounds refuse it
function KSR.pvx.xavu_seti(rname, ival) end

--- Sets $xavu(rname), its one item, to the string sval; replacing it
--- KSR.pvx.xavu_sets(str, str): int -- complete
---@param rname string
---@param sval string
---@return integer # 1 set; -1 when rname is empty or the xavp bounds refuse it
function KSR.pvx.xavu_sets(rname, sval) end

--- Reads the item of $xavu(rname)
--- KSR.pvx.xavu_get(str): xval -- complete
---@param rname string
---@return string|integer|nil # the value (int or str; '<<xavp>>' when it holds fields); null when absent or null
function KSR.pvx.xavu_get(rname) end

--- Reads the item of $xavu(rname)
--- KSR.pvx.xavu_gete(str): xval -- complete
---@param rname string
---@return string|integer # the value (int or str; '<<xavp>>' when it holds fields); '' when absent or null
function KSR.pvx.xavu_gete(rname) end

--- Reads the item of $xavu(rname)
--- KSR.pvx.xavu_getw(str): xval -- complete
---@param rname string
---@return string|integer # the value (int or str; '<<xavp>>' when it holds fields); '<null>' when absent or null
function KSR.pvx.xavu_getw(rname) end

--- Removes $xavu(rname)
--- KSR.pvx.xavu_rm(str): int -- complete
---@param rname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavu_rm(rname) end

--- Tells whether $xavu(rname) is absent or holds a null value
--- KSR.pvx.xavu_is_null(str): int -- complete
---@param rname string
---@return integer # 1 when absent or null; -1 when it holds a value
function KSR.pvx.xavu_is_null(rname) end

--- Sets field cname of the item of $xavu(rname) to the int ival, replacing it; creates the item (or replaces one holding a plain value)
--- KSR.pvx.xavu_child_seti(str, str, int): int -- complete
---@param rname string
---@param cname string
---@param ival integer
---@return integer # 1 set; -1 when a name is empty or the xavp bounds refuse it
function KSR.pvx.xavu_child_seti(rname, cname, ival) end

--- Sets field cname of the item of $xavu(rname) to the string sval, replacing it; creates the item (or replaces one holding a plain value)
--- KSR.pvx.xavu_child_sets(str, str, str): int -- complete
---@param rname string
---@param cname string
---@param sval string
---@return integer # 1 set; -1 when a name is empty or the xavp bounds refuse it
function KSR.pvx.xavu_child_sets(rname, cname, sval) end

--- Removes the first value of field cname in the item of $xavu(rname)
--- KSR.pvx.xavu_child_rm(str, str): int -- complete
---@param rname string
---@param cname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavu_child_rm(rname, cname) end

--- Tells whether field cname of the item of $xavu(rname) is absent or holds a null value
--- KSR.pvx.xavu_child_is_null(str, str): int -- complete
---@param rname string
---@param cname string
---@return integer # 1 when absent or null; -1 when it holds a value
function KSR.pvx.xavu_child_is_null(rname, cname) end

--- Reads $xavu(rname=>cname): field cname of the item
--- KSR.pvx.xavu_child_get(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer|nil # the field's first value (int or str; '<<xavp>>' for a nested list); null when absent or null
function KSR.pvx.xavu_child_get(rname, cname) end

--- Reads $xavu(rname=>cname): field cname of the item
--- KSR.pvx.xavu_child_gete(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer # the field's first value (int or str; '<<xavp>>' for a nested list); '' when absent or null
function KSR.pvx.xavu_child_gete(rname, cname) end

--- Reads $xavu(rname=>cname): field cname of the item
--- KSR.pvx.xavu_child_getw(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer # the field's first value (int or str; '<<xavp>>' for a nested list); '<null>' when absent or null
function KSR.pvx.xavu_child_getw(rname, cname) end

--- Adds a new item 0 of $xavi(rname) (name case-insensitive) holding the int ival; older items stay
--- KSR.pvx.xavi_seti(str, int): int -- complete
---@param rname string
---@param ival integer
---@return integer # 1 set; -1 when rname is empty or the xavp bounds refuse it
function KSR.pvx.xavi_seti(rname, ival) end

--- Adds a new item 0 of $xavi(rname) (name case-insensitive) holding the string sval; older items stay
--- KSR.pvx.xavi_sets(str, str): int -- complete
---@param rname string
---@param sval string
---@return integer # 1 set; -1 when rname is empty or the xavp bounds refuse it
function KSR.pvx.xavi_sets(rname, sval) end

--- Reads item 0 of $xavi(rname) (name case-insensitive)
--- KSR.pvx.xavi_get(str): xval -- complete
---@param rname string
---@return string|integer|nil # the value (int or str; '<<xavp>>' when it holds fields); null when absent or null
function KSR.pvx.xavi_get(rname) end

--- Reads item 0 of $xavi(rname) (name case-insensitive)
--- KSR.pvx.xavi_gete(str): xval -- complete
---@param rname string
---@return string|integer # the value (int or str; '<<xavp>>' when it holds fields); '' when absent or null
function KSR.pvx.xavi_gete(rname) end

--- Reads item 0 of $xavi(rname) (name case-insensitive)
--- KSR.pvx.xavi_getw(str): xval -- complete
---@param rname string
---@return string|integer # the value (int or str; '<<xavp>>' when it holds fields); '<null>' when absent or null
function KSR.pvx.xavi_getw(rname) end

--- Removes item 0 of $xavi(rname) (name case-insensitive); the older items stay
--- KSR.pvx.xavi_rm(str): int -- complete
---@param rname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavi_rm(rname) end

--- Tells whether $xavi(rname) (name case-insensitive) is absent or holds a null value
--- KSR.pvx.xavi_is_null(str): int -- complete
---@param rname string
---@return integer # 1 when absent or null; -1 when it holds a value
function KSR.pvx.xavi_is_null(rname) end

--- Sets field cname of item 0 of $xavi(rname) (name case-insensitive) to the int ival, replacing cname's first value; creates the item (or replaces one holding a plain value)
--- KSR.pvx.xavi_child_seti(str, str, int): int -- complete
---@param rname string
---@param cname string
---@param ival integer
---@return integer # 1 set; -1 when a name is empty or the xavp bounds refuse it
function KSR.pvx.xavi_child_seti(rname, cname, ival) end

--- Sets field cname of item 0 of $xavi(rname) (name case-insensitive) to the string sval, replacing cname's first value; creates the item (or replaces one holding a plain value)
--- KSR.pvx.xavi_child_sets(str, str, str): int -- complete
---@param rname string
---@param cname string
---@param sval string
---@return integer # 1 set; -1 when a name is empty or the xavp bounds refuse it
function KSR.pvx.xavi_child_sets(rname, cname, sval) end

--- Removes the first value of field cname in item 0 of $xavi(rname) (name case-insensitive)
--- KSR.pvx.xavi_child_rm(str, str): int -- complete
---@param rname string
---@param cname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavi_child_rm(rname, cname) end

--- Tells whether field cname of item 0 of $xavi(rname) (name case-insensitive) is absent or holds a null value
--- KSR.pvx.xavi_child_is_null(str, str): int -- complete
---@param rname string
---@param cname string
---@return integer # 1 when absent or null; -1 when it holds a value
function KSR.pvx.xavi_child_is_null(rname, cname) end

--- Reads $xavi(rname=>cname) (name case-insensitive): field cname of item 0
--- KSR.pvx.xavi_child_get(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer|nil # the field's first value (int or str; '<<xavp>>' for a nested list); null when absent or null
function KSR.pvx.xavi_child_get(rname, cname) end

--- Reads $xavi(rname=>cname) (name case-insensitive): field cname of item 0
--- KSR.pvx.xavi_child_gete(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer # the field's first value (int or str; '<<xavp>>' for a nested list); '' when absent or null
function KSR.pvx.xavi_child_gete(rname, cname) end

--- Reads $xavi(rname=>cname) (name case-insensitive): field cname of item 0
--- KSR.pvx.xavi_child_getw(str, str): xval -- complete
---@param rname string
---@param cname string
---@return string|integer # the field's first value (int or str; '<<xavp>>' for a nested list); '<null>' when absent or null
function KSR.pvx.xavi_child_getw(rname, cname) end

--- Removes every item of $xavi(rname) (name case-insensitive)
--- KSR.pvx.xavi_rm_all(str): int -- complete
---@param rname string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.xavi_rm_all(rname) end

--- Reads every item of $xavi(rname) (name case-insensitive), newest first, as a list of dicts: field name to a list of its values (nested lists as dicts)
--- KSR.pvx.xavi_getd(str): xval -- complete
---@param rname string
---@return table|nil # the list (items holding a plain value are left out); null when there is no item
function KSR.pvx.xavi_getd(rname) end

--- Reads item idx (negative: from the oldest) of $xavi(rname) (name case-insensitive) as a dict: field name to a list of its values
--- KSR.pvx.xavi_getd_p1(str, int): xval -- complete
---@param rname string
---@param idx integer
---@return table|nil # the dict; an empty dict when the item holds a plain value; null when there is no such item
function KSR.pvx.xavi_getd_p1(rname, idx) end

--- Lists the field names of item idx (>= 0) of $xavi(rname) (name case-insensitive)
--- KSR.pvx.xavi_get_keys(str, int): xval -- complete
---@param rname string
---@param idx integer
---@return string|table|nil # the list of names; an empty list when the item holds a plain value; null when there is no such item or idx < 0
function KSR.pvx.xavi_get_keys(rname, idx) end

--- Expands the PVs in fmt ($null prints as '<null>') and assigns the text to the PV named dst
--- KSR.pvx.evalx(str, str): int -- complete
---@param dst string
---@param fmt string
---@return integer # 1 done; -1 when a PV in fmt cannot be read or dst is not a writable PV
function KSR.pvx.evalx(dst, fmt) end

--- Adds the int ival to $avp(name) as its newest value (older values stay)
--- KSR.pvx.avp_seti(str, int): int -- complete
---@param name string
---@param ival integer
---@return integer # 1 always
function KSR.pvx.avp_seti(name, ival) end

--- Adds the string sval to $avp(name) as its newest value (older values stay)
--- KSR.pvx.avp_sets(str, str): int -- complete
---@param name string
---@param sval string
---@return integer # 1 always
function KSR.pvx.avp_sets(name, sval) end

--- Reads the newest value of $avp(name)
--- KSR.pvx.avp_get(str): xval -- complete
---@param name string
---@return string|integer|nil # the value (int or str); null when absent
function KSR.pvx.avp_get(name) end

--- Reads the newest value of $avp(name)
--- KSR.pvx.avp_gete(str): xval -- complete
---@param name string
---@return string|integer # the value (int or str); '' when absent
function KSR.pvx.avp_gete(name) end

--- Reads the newest value of $avp(name)
--- KSR.pvx.avp_getw(str): xval -- complete
---@param name string
---@return string|integer # the value (int or str); '<null>' when absent
function KSR.pvx.avp_getw(name) end

--- Removes every value of $avp(name)
--- KSR.pvx.avp_rm(str): int -- complete
---@param name string
---@return integer # 1 always, also when there was nothing to remove
function KSR.pvx.avp_rm(name) end

--- Tells whether $avp(name) has no value
--- KSR.pvx.avp_is_null(str): int -- complete
---@param name string
---@return integer # 1 when it has none; -1 when it has a value
function KSR.pvx.avp_is_null(name) end

--- Copies item src_idx of $xavp(src_name), one level deep (nested lists skipped), to $xavp(dst_name): its item 0 when it has none, else its oldest
--- KSR.pvx.xavp_copy(str, int, str): int -- complete
---@param src_name string
---@param src_idx integer
---@param dst_name string
---@return integer # 1 copied; -1 when the source item is absent, has nothing to copy, or the xavp bounds refuse it
function KSR.pvx.xavp_copy(src_name, src_idx, dst_name) end

--- Does what xavp_copy does: dst_idx is ignored, as in Kamailio's KEMI function (only the native 4-parameter xavp_copy replaces an item)
--- KSR.pvx.xavp_copy_dst(str, int, str, int): int -- complete
---@param src_name string
---@param src_idx integer
---@param dst_name string
---@param dst_idx integer
---@return integer # 1 copied; -1 when the source item is absent, has nothing to copy, or the xavp bounds refuse it
function KSR.pvx.xavp_copy_dst(src_name, src_idx, dst_name, dst_idx) end

--- Rotates the items of $xavp(xname) left by idx (negative: right), so item idx becomes item 0 and the ones before it go last
--- KSR.pvx.xavp_lshift(str, int): int -- complete
---@param xname string
---@param idx integer
---@return integer # 1 done (also for an empty xname or idx 0); -2 when $xavp(xname) has no item
function KSR.pvx.xavp_lshift(xname, idx) end

--- Adds a new item 0 of $xavp(xname) with field uri (the R-URI) and dsturi ($du, when set); partial: no other destination fields
--- KSR.pvx.xavp_push_dst(str): int -- partial: pushes the R-URI and $du as fields uri and dsturi only
---@param xname string
---@return integer # 1 done; -1 when the xavp bounds refuse it
function KSR.pvx.xavp_push_dst(xname) end

--- Searches the whole message, first line included, for the regular expression (POSIX extended, case-insensitive, ^/$ per line)
--- KSR.textops.search(str): int -- complete
---@param re string
---@return integer # 1 when it matches; -1 when not or the pattern is refused (logged)
function KSR.textops.search(re) end

--- Searches the message body for the regular expression (POSIX extended, case-insensitive, ^/$ per line)
--- KSR.textops.search_body(str): int -- complete
---@param re string
---@return integer # 1 when it matches; -1 when not, there is no body or the pattern is refused
function KSR.textops.search_body(re) end

--- Searches the values of the headers named hname for the regular expression: flags "f" the first header only, "l" the last, anything else every one
--- KSR.textops.search_hf(str, str, str): int -- complete
---@param hname string
---@param re string
---@param flags string
---@return integer # 1 when a value matches; -1 when none does, there is no such header or the pattern is refused
function KSR.textops.search_hf(hname, re, flags) end

--- Checks whether the message has a header of that name (compact forms match their long names)
--- KSR.textops.is_present_hf(str): int -- complete
---@param hname string
---@return integer # 1 when present; -1 when absent or the name is empty
function KSR.textops.is_present_hf(hname) end

--- Checks whether some header name matches the regular expression (case-insensitive)
--- KSR.textops.is_present_hf_re(str): int -- complete
---@param re string
---@return integer # 1 when one matches; -1 when none does or the pattern is refused
function KSR.textops.is_present_hf_re(re) end

--- Tests the regular expression against a script value (case-insensitive); the message is not read
--- KSR.textops.search_str(str, str): int -- complete
---@param text string
---@param re string
---@return integer # 1 when it matches; -1 when not or the pattern is refused
function KSR.textops.search_str(text, re) end

--- Matches the regexp (extended, case-sensitive) on itext, looking at its first mcount groups, and writes group mindex (0 the whole match) into the PV dpv
--- KSR.textops.regex_substring(str, str, int, int, str): int -- complete
---@param itext string
---@param regexp string
---@param mindex integer
---@param mcount integer
---@param dpv string
---@return integer # 1 when written; -1 when no match, the group took no part, mindex is outside 0..mcount-1, the PV is not writable or the pattern is refused
function KSR.textops.regex_substring(itext, regexp, mindex, mcount, dpv) end

--- Inserts text right after the first match of the regular expression in the headers and body (not the first line), as a lump
--- KSR.textops.search_append(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when inserted; -1 when nothing matches or those bytes were already changed by an earlier edit
function KSR.textops.search_append(re, text) end

--- Inserts text right after the first match of the regular expression in the body, as a lump
--- KSR.textops.search_append_body(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when inserted; -1 when nothing matches, there is no body or those bytes were already changed
function KSR.textops.search_append_body(re, text) end

--- Replaces the first match of the regular expression in the headers and body (the first line is left alone) with text, as a lump
--- KSR.textops.replace(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when replaced; -1 when nothing matches, the match is empty or those bytes were already changed
function KSR.textops.replace(re, text) end

--- Replaces every match of the regular expression in the headers and body (not the first line) with text, as lumps
--- KSR.textops.replace_all(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when something was replaced; -1 when nothing matches, a match is empty or those bytes were already changed
function KSR.textops.replace_all(re, text) end

--- Replaces the first match of the regular expression in the body with text, as a lump
--- KSR.textops.replace_body(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when replaced; -1 when nothing matches, there is no body, the match is empty or those bytes were already changed
function KSR.textops.replace_body(re, text) end

--- Replaces every match of the regular expression in the body with text, as lumps
--- KSR.textops.replace_body_all(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when something was replaced; -1 when nothing matches, there is no body, a match is empty or those bytes were already changed
function KSR.textops.replace_body_all(re, text) end

--- Replaces every match in the body taken as one text (. crosses line ends, ^/$ are the body's ends) with text, as lumps
--- KSR.textops.replace_body_atonce(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when something was replaced; -1 when nothing matches, there is no body, a match is empty or those bytes were already changed
function KSR.textops.replace_body_atonce(re, text) end

--- Replaces every match of the regular expression in the header section (no first line, no body) with text, as lumps, as Kamailio's code does
--- KSR.textops.replace_hdrs(str, str): int -- complete
---@param re string
---@param text string
---@return integer # 1 when something was replaced; -1 when nothing matches, a match is empty or those bytes were already changed
function KSR.textops.replace_hdrs(re, text) end

--- Replaces the plain text match (case-sensitive) in the headers and body (not the first line) with repl: mode "f" the first occurrence, "a" or "" all
--- KSR.textops.replace_str(str, str, str): int -- complete
---@param match string
---@param repl string
---@param mode string
---@return integer # 1 when replaced; -1 when not found, match is empty, the mode is unknown (logged) or those bytes were already changed
function KSR.textops.replace_str(match, repl, mode) end

--- Replaces the plain text match (case-sensitive) in the body with repl: mode "f" the first occurrence, "a" or "" all
--- KSR.textops.replace_body_str(str, str, str): int -- complete
---@param match string
---@param repl string
---@param mode string
---@return integer # 1 when replaced; -1 when not found, there is no body, the mode is unknown or those bytes were already changed
function KSR.textops.replace_body_str(match, repl, mode) end

--- Replaces the plain text match (case-sensitive) in the header section with repl: mode "f" the first occurrence, "a" or "" all
--- KSR.textops.replace_hdrs_str(str, str, str): int -- complete
---@param match string
---@param repl string
---@param mode string
---@return integer # 1 when replaced; -1 when not found, match is empty, the mode is unknown or those bytes were already changed
function KSR.textops.replace_hdrs_str(match, repl, mode) end

--- Applies a /re/repl/flags substitution (flags i, g, s; \0-\9, \u and PVs in repl) to the headers and body, not the first line, as lumps
--- KSR.textops.subst(str): int -- complete
---@param subst_expr string
---@return integer # 1 when something was replaced; -1 when nothing matches, the expression is refused or those bytes were already changed
function KSR.textops.subst(subst_expr) end

--- Applies a /re/repl/flags substitution to the body, as lumps
--- KSR.textops.subst_body(str): int -- complete
---@param subst_expr string
---@return integer # 1 when something was replaced; -1 when nothing matches, there is no body, the expression is refused or those bytes were already changed
function KSR.textops.subst_body(subst_expr) end

--- Applies a /re/repl/flags substitution to the Request-URI in force and sets the result as the new R-URI (requests only)
--- KSR.textops.subst_uri(str): int -- complete
---@param subst_expr string
---@return integer # 1 when the R-URI was changed; -1 when nothing matches, the message is a reply or the result is not a SIP URI (logged)
function KSR.textops.subst_uri(subst_expr) end

--- Applies a /re/repl/flags substitution to the user part of the R-URI ("" when it has none); an empty result removes the user (requests only)
--- KSR.textops.subst_user(str): int -- complete
---@param subst_expr string
---@return integer # 1 when the user was set; -1 when nothing matches, the message is a reply or the R-URI does not parse
function KSR.textops.subst_user(subst_expr) end

--- Applies a /re/repl/flags substitution to the values of the headers named hname: flags "a" every one, "l" the last, anything else the first, as lumps
--- KSR.textops.subst_hf(str, str, str): int -- complete
---@param hname string
---@param subst_expr string
---@param flags string
---@return integer # 1 when something was replaced; -1 when nothing matches, there is no such header or the expression is refused
function KSR.textops.subst_hf(hname, subst_expr, flags) end

--- Applies a /re/repl/flags substitution to itext and writes the result into the PV dpv; the message is not changed
--- KSR.textops.subst_v(str, str, str): int -- complete
---@param itext string
---@param subst_expr string
---@param dpv string
---@return integer # 1 when written; -1 when nothing matches, the expression is refused or the PV is not writable
function KSR.textops.subst_v(itext, subst_expr, dpv) end

--- Removes every header line of that name (compact forms included), as lumps
--- KSR.textops.remove_hf(str): int -- complete
---@param hname string
---@return integer # 1 when at least one was removed; -1 when none is present, the name is empty or the lines were already edited
function KSR.textops.remove_hf(hname) end

--- Removes every header line whose name matches the regular expression (case-insensitive), as lumps
--- KSR.textops.remove_hf_re(str): int -- complete
---@param re string
---@return integer # 1 when at least one was removed; -1 when none matches or the pattern is refused
function KSR.textops.remove_hf_re(re) end

--- Removes one header line of that name: idx 0 the first, 1 the second...; a negative idx counts from the last (-1)
--- KSR.textops.remove_hf_idx(str, int): int -- complete
---@param hname string
---@param idx integer
---@return integer # 1 when removed; -1 when there is no header at that index or the name is empty
function KSR.textops.remove_hf_idx(hname, idx) end

--- Removes the header lines whose name matches expmatch but not expskip (an empty expskip skips none), case-insensitive
--- KSR.textops.remove_hf_exp(str, str): int -- complete
---@param expmatch string
---@param expskip string
---@return integer # 1 when at least one was removed; -1 when none matches or a pattern is refused
function KSR.textops.remove_hf_exp(expmatch, expskip) end

--- Removes the headers named hname whose trimmed value passes op against expr: eq, ne, in (contains), sw, ew (case-sensitive) or re
--- KSR.textops.remove_hf_match(str, str, str): int -- complete
---@param hname string
---@param op string
---@param expr string
---@return integer # 1 when at least one was removed; -1 when none passes, the op is unknown (logged) or the pattern is refused
function KSR.textops.remove_hf_match(hname, op, expr) end

--- Replaces the body with text and the Content-Type with content_type (a new line after the last header when the type differs); Content-Length follows
--- KSR.textops.set_body(str, str): int -- complete
---@param text string
---@param content_type string
---@return integer # 1 when set; -1 when text or type is empty, or the body or its Content-Type was already changed by another edit
function KSR.textops.set_body(text, content_type) end

--- Like set_body with the body given as hex digits (white space ignored)
--- KSR.textops.set_body_hex(str, str): int -- complete
---@param hex_text string
---@param content_type string
---@return integer # 1 when set; -1 when the hex is not an even count of hex digits, the type is empty or the body was already changed
function KSR.textops.set_body_hex(hex_text, content_type) end

--- Sets the body and Content-Type of the replies ksr-host sends itself for this request from now on (sl_send_reply, t_reply, ...); the message is not changed
--- KSR.textops.set_reply_body(str, str): int -- complete
---@param text string
---@param content_type string
---@return integer # 1 when stored; -1 when text or type is empty
function KSR.textops.set_reply_body(text, content_type) end

--- Like set_reply_body with the body given as hex digits (white space ignored)
--- KSR.textops.set_reply_body_hex(str, str): int -- complete
---@param hex_text string
---@param content_type string
---@return integer # 1 when stored; -1 when the hex is not an even count of hex digits or the type is empty
function KSR.textops.set_reply_body_hex(hex_text, content_type) end

--- Checks whether the received message has a non-empty body
--- KSR.textops.has_body(): int -- complete
---@return integer # 1 when it has one; -1 when not
function KSR.textops.has_body() end

--- Checks whether the body is of that type/subtype, or, when multipart, has a part of that type (parameters ignored)
--- KSR.textops.has_body_type(str): int -- complete
---@param content_type string
---@return integer # 1 when it is; -1 when not, there is no body, or the type is not type/subtype (logged)
function KSR.textops.has_body_type(content_type) end

--- Cuts a multipart/mixed body down to the content of its first part of that type, as lumps; the Content-Type header is left as it is
--- KSR.textops.filter_body(str): int -- complete
---@param content_type string
---@return integer # 1 when filtered; -1 when the body is not multipart/mixed, has no such part or was already changed
function KSR.textops.filter_body(content_type) end

--- Turns the body in force into the first part of a multipart/mixed body with boundary unique-boundary-1; adds Mime-Version: 1.0 when missing
--- KSR.textops.set_body_multipart_mode(): int -- complete
---@return integer # 1 when done; -1 when the body was already changed by another edit
function KSR.textops.set_body_multipart_mode() end

--- Like set_body_multipart_mode with the given boundary (1 to 70 characters, no quotes or line breaks)
--- KSR.textops.set_body_multipart_boundary(str): int -- complete
---@param boundary string
---@return integer # 1 when done; -1 when the boundary is refused or the body was already changed
function KSR.textops.set_body_multipart_boundary(boundary) end

--- Replaces the body with a multipart/mixed one (boundary unique-boundary-1) whose only part is text of that type; adds Mime-Version when missing
--- KSR.textops.set_body_multipart_content(str, str): int -- complete
---@param text string
---@param content_type string
---@return integer # 1 when done; -1 when text or type is empty or the body was already changed
function KSR.textops.set_body_multipart_content(text, content_type) end

--- Replaces the body with a multipart/mixed one with that boundary whose only part is text of that type; adds Mime-Version when missing
--- KSR.textops.set_body_multipart(str, str, str): int -- complete
---@param text string
---@param content_type string
---@param boundary string
---@return integer # 1 when done; -1 when text or type is empty, the boundary is refused or the body was already changed
function KSR.textops.set_body_multipart(text, content_type, boundary) end

--- Adds a part of that type at the end of the multipart body in force (the received one or one the script set)
--- KSR.textops.append_body_part(str, str): int -- complete
---@param text string
---@param content_type string
---@return integer # 1 when added; -1 when text or type is empty, the body is not multipart or it was already changed by another edit
function KSR.textops.append_body_part(text, content_type) end

--- Like append_body_part, with a Content-Disposition header in the part
--- KSR.textops.append_body_part_cd(str, str, str): int -- complete
---@param text string
---@param content_type string
---@param content_disposition string
---@return integer # 1 when added; -1 when text or type is empty, the body is not multipart or it was already changed
function KSR.textops.append_body_part_cd(text, content_type, content_disposition) end

--- Like append_body_part with the part's content given as hex digits
--- KSR.textops.append_body_part_hex(str, str): int -- complete
---@param hex_text string
---@param content_type string
---@return integer # 1 when added; -1 when the hex is bad, the type is empty or the body is not multipart
function KSR.textops.append_body_part_hex(hex_text, content_type) end

--- Like append_body_part_cd with the part's content given as hex digits
--- KSR.textops.append_body_part_hex_cd(str, str, str): int -- complete
---@param hex_text string
---@param content_type string
---@param content_disposition string
---@return integer # 1 when added; -1 when the hex is bad, the type is empty or the body is not multipart
function KSR.textops.append_body_part_hex_cd(hex_text, content_type, content_disposition) end

--- Removes every part of that type from the multipart body in force
--- KSR.textops.remove_body_part(str): int -- complete
---@param content_type string
---@return integer # 1 when removed; -1 when the body is not multipart or has no part of that type
function KSR.textops.remove_body_part(content_type) end

--- Writes the content of the received body's first part of that type (the whole body when not multipart and of that type) into the PV dpv
--- KSR.textops.get_body_part(str, str): int -- complete
---@param content_type string
---@param dpv string
---@return integer # 1 when written; -1 when there is no such part or the PV is not writable
function KSR.textops.get_body_part(content_type, dpv) end

--- Like get_body_part with the part's own header lines and empty line before its content
--- KSR.textops.get_body_part_raw(str, str): int -- complete
---@param content_type string
---@param dpv string
---@return integer # 1 when written; -1 when there is no such part or the PV is not writable
function KSR.textops.get_body_part_raw(content_type, dpv) end

--- Checks whether an audio stream of the SDP body is on hold: a=sendonly or a=inactive (RFC 3264), or a connection address 0.0.0.0 (RFC 2543)
--- KSR.textops.is_audio_on_hold(): int -- complete
---@return integer # 1 RFC 2543 hold; 2 RFC 3264 hold; -1 when no audio stream is on hold or the body is not SDP
function KSR.textops.is_audio_on_hold() end

--- Checks whether the Privacy header holds that value: user, header, session, none, critical, id or history
--- KSR.textops.is_privacy(str): int -- complete
---@param privacy_type string
---@return integer # 1 when present; -1 when absent, no Privacy header, or the value is not a privacy value (logged)
function KSR.textops.is_privacy(privacy_type) end

--- Checks whether subject equals one of the items of list, split by a one-character separator and trimmed
--- KSR.textops.in_list(str, str, str): int -- complete
---@param subject string
---@param list string
---@param separator string
---@return integer # 1 when found; -1 when not, subject is empty or the separator is not one character (logged)
function KSR.textops.in_list(subject, list, separator) end

--- Checks whether one of the non-empty items of list (split by a one-character separator, trimmed) is a prefix of subject
--- KSR.textops.in_list_prefix(str, str, str): int -- complete
---@param subject string
---@param list string
---@param separator string
---@return integer # 1 when found; -1 when not, subject is empty or the separator is not one character (logged)
function KSR.textops.in_list_prefix(subject, list, separator) end

--- Compares the two strings byte by byte, case-sensitive
--- KSR.textops.cmp_str(str, str): int -- complete
---@param str1 string
---@param str2 string
---@return integer # 1 when equal; -1 when str1 sorts after str2; -2 when before
function KSR.textops.cmp_str(str1, str2) end

--- Compares the two strings byte by byte, ignoring case
--- KSR.textops.cmp_istr(str, str): int -- complete
---@param str1 string
---@param str2 string
---@return integer # 1 when equal; -1 when str1 sorts after str2; -2 when before
function KSR.textops.cmp_istr(str1, str2) end

--- Checks whether text starts with prefix (case-sensitive)
--- KSR.textops.starts_with(str, str): int -- complete
---@param text string
---@param prefix string
---@return integer # 1 when it does; -1 when not or prefix is empty
function KSR.textops.starts_with(text, prefix) end

--- Checks whether text ends with suffix (case-sensitive)
--- KSR.textops.ends_with(str, str): int -- complete
---@param text string
---@param suffix string
---@return integer # 1 when it does; -1 when not or suffix is empty
function KSR.textops.ends_with(text, suffix) end

--- Finds needle in text, case-sensitive
--- KSR.textops.str_find(str, str): int -- complete
---@param text string
---@param needle string
---@return integer # the position of the first occurrence, from 0 (0 at the start: falsy, as in Kamailio); -1 when absent or either is empty
function KSR.textops.str_find(text, needle) end

--- Finds needle in text, ignoring case
--- KSR.textops.str_ifind(str, str): int -- complete
---@param text string
---@param needle string
---@return integer # the position of the first occurrence, from 0 (0 at the start: falsy, as in Kamailio); -1 when absent or either is empty
function KSR.textops.str_ifind(text, needle) end

--- Checks whether some character of text is one of chars
--- KSR.textops.str_any_in(str, str): int -- complete
---@param text string
---@param chars string
---@return integer # 1 when one is; -1 when none is or either is empty
function KSR.textops.str_any_in(text, chars) end

--- Checks whether every character of text is one of chars
--- KSR.textops.str_all_in(str, str): int -- complete
---@param text string
---@param chars string
---@return integer # 1 when all are; -1 when one is not or either is empty
function KSR.textops.str_all_in(text, chars) end

--- Applies the pending edits (lumps, a new R-URI) and makes the result the current message, so later reads see them; refused in tm onreply routes and once a request has a transaction
--- KSR.textopsx.msg_apply_changes(): int -- complete
---@return integer # 1 when applied (also when nothing was pending); -1 when refused or the result does not parse as the same kind of SIP message (logged)
function KSR.textopsx.msg_apply_changes() end

--- Replaces the whole message with data (pending edits are dropped); for a request only in the request route, never in tm onreply routes or after t_newtran
--- KSR.textopsx.msg_set_buffer(str): int -- complete
---@param data string
---@return integer # 1 when replaced; -1 when data is empty, too large, does not parse, is not the same kind of message or lacks a required header (logged)
function KSR.textopsx.msg_set_buffer(data) end

--- Changes the status code (100..699) and reason phrase of a reply in a reply route; a 1xx or 2xx reply keeps its class, 3xx-6xx may become any other 3xx-6xx
--- KSR.textopsx.change_reply_status(int, str): int -- complete
---@param code integer
---@param reason string
---@return integer # 1 when changed; -1 when not a reply in a reply route, the code or class change is refused, or reason is empty or has CR/LF (logged)
function KSR.textopsx.change_reply_status(code, reason) end

--- Changes only the status code (100..699) of a reply in a reply route, keeping the reason phrase; the same class rules as change_reply_status
--- KSR.textopsx.change_reply_status_code(int): int -- complete
---@param code integer
---@return integer # 1 when changed; -1 when not a reply in a reply route, or the code or class change is refused (logged)
function KSR.textopsx.change_reply_status_code(code) end

--- Deletes the body (everything after the empty line) as a lump; Content-Length follows when the message is built
--- KSR.textopsx.remove_body(): int -- complete
---@return integer # 1, also when there is no body
function KSR.textopsx.remove_body() end

--- Removes every header line except Via, From, To, Call-ID, CSeq, Contact, Content-Length, Content-Type, Route, Record-Route and Max-Forwards
--- KSR.textopsx.keep_hf(): int -- complete
---@return integer # -1 always, also when the headers were removed (Kamailio's answer): do not test it
function KSR.textopsx.keep_hf() end

--- Like keep_hf, also keeping the headers whose name matches regexp (case-insensitive, anywhere in the name); an empty regexp keeps none more
--- KSR.textopsx.keep_hf_re(str): int -- complete
---@param regexp string
---@return integer # -1 always, also when the headers were removed (Kamailio's answer) and when the regexp is refused (logged)
function KSR.textopsx.keep_hf_re(regexp) end

--- Matches value against the shell wildcard pattern expr (*, ?, [set], \c), case-sensitive
--- KSR.textopsx.fnmatch(str, str): int -- complete
---@param value string
---@param expr string
---@return integer # 0 when it matches (as Kamailio's KEMI: test for 0, not truth); -1 when not, a NUL is present or the match gave up (too many steps)
function KSR.textopsx.fnmatch(value, expr) end

--- Like fnmatch; flags starting with "i" or "I" ignore case
--- KSR.textopsx.fnmatch_ex(str, str, str): int -- complete
---@param value string
---@param expr string
---@param flags string
---@return integer # 0 when it matches (as Kamailio's KEMI: test for 0, not truth); -1 when not, a NUL is present or the match gave up
function KSR.textopsx.fnmatch_ex(value, expr, flags) end

--- hf_spec "Name[idx]": adds hvalue after the idx-th value (default -1, the last) of the Name headers; without [idx] adds a new "Name: hvalue" line at the end of the headers
--- KSR.textopsx.append_hf_value(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when added; -1 when hf_spec is refused ([*], .param, idx below -10, bad syntax; logged)
function KSR.textopsx.append_hf_value(hf_spec, hvalue) end

--- hf_spec "Name[idx]": puts hvalue before the idx-th value (default 1); without [idx] adds a "Name: hvalue" line before the first Name header (or at the end of the headers)
--- KSR.textopsx.insert_hf_value(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when added; -1 when there is no such value (idx other than 1) or hf_spec is refused (logged)
function KSR.textopsx.insert_hf_value(hf_spec, hvalue) end

--- hf_spec "Name[idx].param": replaces the idx-th value (default 1) with hvalue, or sets its ;param (added when absent; an empty hvalue removes it); [*] needs .param
--- KSR.textopsx.assign_hf_value(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when changed; -1 when there is no such value, a param to remove is absent, or hf_spec is refused (logged)
function KSR.textopsx.assign_hf_value(hf_spec, hvalue) end

--- Like assign_hf_value on Authorization-style headers: idx counts header lines, .param is a name=value of the line's comma list
--- KSR.textopsx.assign_hf_value2(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when changed; -1 when there is no such line, a param to remove is absent, or hf_spec is refused (logged)
function KSR.textopsx.assign_hf_value2(hf_spec, hvalue) end

--- hf_spec "Name[idx].param": removes the idx-th value (default 1) with its comma (the line when it was its only value), or every ;param of it; [*] every line or value
--- KSR.textopsx.remove_hf_value(str): int -- complete
---@param hf_spec string
---@return integer # 1 when removed; -1 when there is no such value or param, or hf_spec is refused (logged)
function KSR.textopsx.remove_hf_value(hf_spec) end

--- Like remove_hf_value on Authorization-style headers (idx counts lines, .param a name=value); as in Kamailio a non-empty hvalue with .param assigns it instead: pass ''
--- KSR.textopsx.remove_hf_value2(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when removed; -1 when there is no such line or param, or hf_spec is refused (logged)
function KSR.textopsx.remove_hf_value2(hf_spec, hvalue) end

--- Adds hvalue to the comma-separated values of the Name header unless already there (case-insensitive); a new "Name: hvalue" line when there is no such header
--- KSR.textopsx.include_hf_value(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when added or already present; -1 when hf_spec has an index or .param, or hvalue is empty (logged)
function KSR.textopsx.include_hf_value(hf_spec, hvalue) end

--- Removes every occurrence of hvalue (case-insensitive) from the values of the Name headers, with its comma
--- KSR.textopsx.exclude_hf_value(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1, also when it was not there; -1 when hf_spec has an index or .param, or hvalue is empty (logged)
function KSR.textopsx.exclude_hf_value(hf_spec, hvalue) end

--- Checks whether hvalue is one of the comma-separated values of the Name headers (case-insensitive)
--- KSR.textopsx.hf_value_exists(str, str): int -- complete
---@param hf_spec string
---@param hvalue string
---@return integer # 1 when present; -1 when absent, hf_spec has an index or .param, or hvalue is empty
function KSR.textopsx.hf_value_exists(hf_spec, hvalue) end

--- Starts (or restarts) the header iterator iname before the first header line of this message; at most 4 at once, names of 1 to 32 bytes
--- KSR.textopsx.hf_iterator_start(str): int -- complete
---@param iname string
---@return integer # 1 when started; -1 when the name is refused or 4 iterators are open (logged)
function KSR.textopsx.hf_iterator_start(iname) end

--- Ends the header iterator iname, freeing its name
--- KSR.textopsx.hf_iterator_end(str): int -- complete
---@param iname string
---@return integer # 1 when ended; -1 when it was not started
function KSR.textopsx.hf_iterator_end(iname) end

--- Moves the header iterator to the next header line
--- KSR.textopsx.hf_iterator_next(str): int -- complete
---@param iname string
---@return integer # 1 when it stands on a header; -1 past the last one, not started, or the message was replaced since (logged)
function KSR.textopsx.hf_iterator_next(iname) end

--- Moves the header iterator back to the previous header line
--- KSR.textopsx.hf_iterator_prev(str): int -- complete
---@param iname string
---@return integer # 1 when it stands on a header; -1 before the first one or not started
function KSR.textopsx.hf_iterator_prev(iname) end

--- Deletes the header line the iterator stands on, as a lump
--- KSR.textopsx.hf_iterator_rm(str): int -- complete
---@param iname string
---@return integer # 1 when deleted; -1 when the iterator stands on no header
function KSR.textopsx.hf_iterator_rm(iname) end

--- Inserts htext as given (end it with CRLF) after the header line the iterator stands on, as a lump
--- KSR.textopsx.hf_iterator_append(str, str): int -- complete
---@param iname string
---@param htext string
---@return integer # 1 when inserted; -1 when the iterator stands on no header or htext is empty
function KSR.textopsx.hf_iterator_append(iname, htext) end

--- Inserts htext as given (end it with CRLF) before the header line the iterator stands on, as a lump
--- KSR.textopsx.hf_iterator_insert(str, str): int -- complete
---@param iname string
---@param htext string
---@return integer # 1 when inserted; -1 when the iterator stands on no header or htext is empty
function KSR.textopsx.hf_iterator_insert(iname, htext) end

--- Reads the name, as written, of the header line the iterator stands on
--- KSR.textopsx.hf_iterator_hname(str): xval -- complete
---@param iname string
---@return string|nil # the header name; null when the iterator stands on no header
function KSR.textopsx.hf_iterator_hname(iname) end

--- Reads the body (value) of the header line the iterator stands on
--- KSR.textopsx.hf_iterator_hbody(str): xval -- complete
---@param iname string
---@return string|nil # the header body; null when the iterator stands on no header
function KSR.textopsx.hf_iterator_hbody(iname) end

--- Starts (or restarts) the body line iterator iname before the first line of the body; at most 4 at once, names of 1 to 32 bytes
--- KSR.textopsx.bl_iterator_start(str): int -- complete
---@param iname string
---@return integer # 1 when started; -1 when the name is refused or 4 iterators are open (logged)
function KSR.textopsx.bl_iterator_start(iname) end

--- Ends the body line iterator iname, freeing its name
--- KSR.textopsx.bl_iterator_end(str): int -- complete
---@param iname string
---@return integer # 1 when ended; -1 when it was not started
function KSR.textopsx.bl_iterator_end(iname) end

--- Moves the body line iterator to the next line of the body
--- KSR.textopsx.bl_iterator_next(str): int -- complete
---@param iname string
---@return integer # 1 when it stands on a line; -1 past the last one, not started, or the message was replaced since (logged)
function KSR.textopsx.bl_iterator_next(iname) end

--- Deletes the body line the iterator stands on (with its line end), as a lump
--- KSR.textopsx.bl_iterator_rm(str): int -- complete
---@param iname string
---@return integer # 1 when deleted; -1 when the iterator stands on no line
function KSR.textopsx.bl_iterator_rm(iname) end

--- Inserts text as given after the body line the iterator stands on, as a lump
--- KSR.textopsx.bl_iterator_append(str, str): int -- complete
---@param iname string
---@param text string
---@return integer # 1 when inserted; -1 when the iterator stands on no line or text is empty
function KSR.textopsx.bl_iterator_append(iname, text) end

--- Inserts text as given before the body line the iterator stands on, as a lump
--- KSR.textopsx.bl_iterator_insert(str, str): int -- complete
---@param iname string
---@param text string
---@return integer # 1 when inserted; -1 when the iterator stands on no line or text is empty
function KSR.textopsx.bl_iterator_insert(iname, text) end

--- Reads the body line the iterator stands on
--- KSR.textopsx.bl_iterator_value(str): xval -- complete
---@param iname string
---@return string|nil # the line with its line end; null when the iterator stands on no line
function KSR.textopsx.bl_iterator_value(iname) end

--- Inserts val at byte offset idx of the current message buffer (negative: from the end), as a lump applied when the message is sent
--- KSR.posops.pos_append(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # 1 done; -1 when val is empty or the offset is outside 0..length
function KSR.posops.pos_append(idx, val) end

--- Inserts val at byte offset idx of the current message buffer (negative: from the end), as a lump; same as pos_append here
--- KSR.posops.pos_insert(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # 1 done; -1 when val is empty or the offset is outside 0..length
function KSR.posops.pos_insert(idx, val) end

--- Removes len bytes from byte offset idx of the message (negative: from the end), as a lump applied when the message is sent
--- KSR.posops.pos_rm(int, int): int -- complete
---@param idx integer
---@param len integer
---@return integer # 1 done (also at the very end: nothing removed); -1 when len <= 0, the offset is outside the message or offset + len passes its end
function KSR.posops.pos_rm(idx, len) end

--- Overwrites the byte at offset idx (negative: from the end) with the first byte of val, in the message buffer at once (not a lump)
--- KSR.posops.pos_set_char(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # 1 done; -1 when val is empty or the offset is outside 0..length-1
function KSR.posops.pos_set_char(idx, val) end

--- Gives the byte offset where the first header line starts (just after the first line)
--- KSR.posops.pos_headers_start(): int -- complete
---@return integer # the offset
function KSR.posops.pos_headers_start() end

--- Gives the byte offset of the empty line that ends the headers
--- KSR.posops.pos_headers_end(): int -- complete
---@return integer # the offset
function KSR.posops.pos_headers_end() end

--- Gives the byte offset where the body starts, after the empty line (the message length when there is no body)
--- KSR.posops.pos_body_start(): int -- complete
---@return integer # the offset
function KSR.posops.pos_body_start() end

--- Gives the byte offset of the message's end: its length
--- KSR.posops.pos_body_end(): int -- complete
---@return integer # the offset
function KSR.posops.pos_body_end() end

--- Finds the first occurrence of val at or after byte offset idx (negative: from the end), bytes compared exactly
--- KSR.posops.pos_find_str(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # the offset where it starts (-255 for offset 0); -1 when not found, val is empty or idx is outside the message
function KSR.posops.pos_find_str(idx, val) end

--- As pos_find_str, ASCII letters compared case-insensitively
--- KSR.posops.pos_findi_str(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # the offset where it starts (-255 for offset 0); -1 when not found, val is empty or idx is outside the message
function KSR.posops.pos_findi_str(idx, val) end

--- Finds the last occurrence of val that starts at or after byte offset idx (negative: from the end), bytes compared exactly
--- KSR.posops.pos_rfind_str(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # the offset where it starts (-255 for offset 0); -1 when not found, val is empty or idx is outside the message
function KSR.posops.pos_rfind_str(idx, val) end

--- As pos_rfind_str, ASCII letters compared case-insensitively
--- KSR.posops.pos_rfindi_str(int, str): int -- complete
---@param idx integer
---@param val string
---@return integer # the offset where it starts (-255 for offset 0); -1 when not found, val is empty or idx is outside the message
function KSR.posops.pos_rfindi_str(idx, val) end

--- Finds the first match of the regular expression re (extended, case-insensitive, per line) in the message from byte offset idx on
--- KSR.posops.pos_search(int, str): int -- complete
---@param idx integer
---@param re string
---@return integer # the offset where the match starts (-255 for offset 0); -1 when none, re is invalid or idx is outside the message
function KSR.posops.pos_search(idx, re) end

--- Finds the last position at or after byte offset idx where a match of the regular expression re (extended, case-insensitive) starts
--- KSR.posops.pos_rsearch(int, str): int -- complete
---@param idx integer
---@param re string
---@return integer # the offset where the match starts (-255 for offset 0); -1 when none, re is invalid or idx is outside the message
function KSR.posops.pos_rsearch(idx, re) end

--- Kept for scripts written for Kamailio: every KSR call and sht_inc/sht_dec already run atomically, so there is no slot lock to take; only checks the table
--- KSR.htable.sht_lock(str, str): int -- complete
---@param htname string
---@param itname string
---@return integer # 1 when the table is declared; -1 when it is not (logged)
function KSR.htable.sht_lock(htname, itname) end

--- Counterpart of sht_lock: nothing to release; only checks the table
--- KSR.htable.sht_unlock(str, str): int -- complete
---@param htname string
---@param itname string
---@return integer # 1 when the table is declared; -1 when it is not (logged)
function KSR.htable.sht_unlock(htname, itname) end

--- Removes every item of the table
--- KSR.htable.sht_reset(str): int -- complete
---@param htname string
---@return integer # 1 when done; -1 when the table is not declared (logged)
function KSR.htable.sht_reset(htname) end

--- Starts (or restarts) iterator iname over a snapshot of the table's item names; at most 4 at once, names of 1 to 32 bytes; it outlives the message
--- KSR.htable.sht_iterator_start(str, str): int -- complete
---@param iname string
---@param htname string
---@return integer # 1 when started; -1 when the table is not declared, the name is refused or 4 iterators are open (logged)
function KSR.htable.sht_iterator_start(iname, htname) end

--- Moves the iterator to the next item still in the table (items removed since the start are skipped)
--- KSR.htable.sht_iterator_next(str): int -- complete
---@param iname string
---@return integer # 1 when it stands on an item; -1 when there are no more or it was not started
function KSR.htable.sht_iterator_next(iname) end

--- Ends iterator iname, freeing its name
--- KSR.htable.sht_iterator_end(str): int -- complete
---@param iname string
---@return integer # 1 when ended; -1 when it was not started
function KSR.htable.sht_iterator_end(iname) end

--- Removes the item the iterator stands on and moves it to the next item
--- KSR.htable.sht_iterator_rm(str): int -- complete
---@param iname string
---@return integer # 1 when removed and it stands on the next item; -2 when removed and no item is left; -1 when it stands on no item (logged)
function KSR.htable.sht_iterator_rm(iname) end

--- Sets the value of the item the iterator stands on to the string sval
--- KSR.htable.sht_iterator_sets(str, str): int -- complete
---@param iname string
---@param sval string
---@return integer # 1 when set; -1 when it stands on no item or the value is too long (logged)
function KSR.htable.sht_iterator_sets(iname, sval) end

--- Sets the value of the item the iterator stands on to the integer ival (32-bit)
--- KSR.htable.sht_iterator_seti(str, int): int -- complete
---@param iname string
---@param ival integer
---@return integer # 1 when set; -1 when it stands on no item (logged)
function KSR.htable.sht_iterator_seti(iname, ival) end

--- Sets the expiry of the item the iterator stands on to now + exval seconds (0: never); no effect in a table without autoexpire
--- KSR.htable.sht_iterator_setex(str, int): int -- complete
---@param iname string
---@param exval integer
---@return integer # 1 when it stands on an item; -1 when not (logged)
function KSR.htable.sht_iterator_setex(iname, exval) end

--- Removes the item itname from the table
--- KSR.htable.sht_rm(str, str): int -- complete
---@param htname string
---@param itname string
---@return integer # 1, also when the item was absent; -1 when the table is not declared (logged)
function KSR.htable.sht_rm(htname, itname) end

--- Removes every item whose name matches regexp (POSIX extended, case-insensitive)
--- KSR.htable.sht_rm_name_re(str, str): int -- complete
---@param htname string
---@param regexp string
---@return integer # 1, also when none matched; -1 when the table is not declared or the regexp is refused (logged)
function KSR.htable.sht_rm_name_re(htname, regexp) end

--- Removes every item whose string value matches regexp (POSIX extended, case-insensitive); integer items are kept
--- KSR.htable.sht_rm_value_re(str, str): int -- complete
---@param htname string
---@param regexp string
---@return integer # 1, also when none matched; -1 when the table is not declared or the regexp is refused (logged)
function KSR.htable.sht_rm_value_re(htname, regexp) end

--- Removes every item whose name matches val by op: "re" (regexp) or "sw" (starts with)
--- KSR.htable.sht_rm_name(str, str, str): int -- complete
---@param htname string
---@param op string
---@param val string
---@return integer # 1, also when none matched; -1 when the table is not declared, op is not re or sw, or the regexp is refused (logged)
function KSR.htable.sht_rm_name(htname, op, val) end

--- Removes every item whose string value matches val by op: "re" (regexp) or "sw" (starts with)
--- KSR.htable.sht_rm_value(str, str, str): int -- complete
---@param htname string
---@param op string
---@param val string
---@return integer # 1, also when none matched; -1 when the table is not declared, op is not re or sw, or the regexp is refused (logged)
function KSR.htable.sht_rm_value(htname, op, val) end

--- Checks whether an item's name matches mval by op: "eq" (one lookup), "ne", "re" (regexp) or "sw" (starts with)
--- KSR.htable.sht_match_name(str, str, str): int -- complete
---@param htname string
---@param op string
---@param mval string
---@return integer # 1 when an item matches; -1 when none does, the table is not declared, or op or the regexp is refused (logged)
function KSR.htable.sht_match_name(htname, op, mval) end

--- Checks whether an item's string value matches mval by op: "eq", "ne", "re" (regexp) or "sw" (starts with)
--- KSR.htable.sht_match_str_value(str, str, str): int -- complete
---@param htname string
---@param op string
---@param mval string
---@return integer # 1 when an item matches; -1 when none does, the table is not declared, or op or the regexp is refused (logged)
function KSR.htable.sht_match_str_value(htname, op, mval) end

--- Reads the item's value ($sht(htname=>itname)): its value, else the table's initval
--- KSR.htable.sht_get(str, str): xval -- complete
---@param htname string
---@param itname string
---@return string|integer|nil # the value, an int or a string; null when absent (no initval) or the table is not declared
function KSR.htable.sht_get(htname, itname) end

--- Reads the item's value as sht_get, for scripts that want a string when it is absent
--- KSR.htable.sht_gete(str, str): xval -- complete
---@param htname string
---@param itname string
---@return string|integer # the value, an int or a string; '' when absent (no initval) or the table is not declared
function KSR.htable.sht_gete(htname, itname) end

--- Reads the item's value as sht_get, for printing
--- KSR.htable.sht_getw(str, str): xval -- complete
---@param htname string
---@param itname string
---@return string|integer # the value, an int or a string; '<null>' when absent (no initval) or the table is not declared
function KSR.htable.sht_getw(htname, itname) end

--- Sets the item to the string sval; its expiry is the table's autoexpire (restarted on update only with updateexpire)
--- KSR.htable.sht_sets(str, str, str): int -- complete
---@param htname string
---@param itname string
---@param sval string
---@return integer # 1 when set; -1 when the table is not declared, the name or value is too long, or the table is full (maxitems) (logged)
function KSR.htable.sht_sets(htname, itname, sval) end

--- Sets the item to the integer ival (32-bit); its expiry is the table's autoexpire (restarted on update only with updateexpire)
--- KSR.htable.sht_seti(str, str, int): int -- complete
---@param htname string
---@param itname string
---@param ival integer
---@return integer # 1 when set; -1 when the table is not declared, the name is refused, or the table is full (maxitems) (logged)
function KSR.htable.sht_seti(htname, itname, ival) end

--- Sets an existing item's expiry to now + exval seconds (0: never); nothing happens when it is absent or the table has no autoexpire
--- KSR.htable.sht_setex(str, str, int): int -- complete
---@param htname string
---@param itname string
---@param exval integer
---@return integer # 1 when the table is declared; -1 when it is not (logged)
function KSR.htable.sht_setex(htname, itname, exval) end

--- Sets the item to the integer ival with its own expiry of exval seconds (0: the table's); expiry counts only in a table with autoexpire
--- KSR.htable.sht_setxi(str, str, int, int): int -- complete
---@param htname string
---@param itname string
---@param ival integer
---@param exval integer
---@return integer # 1 when set; -1 when the table is not declared, the name is refused, or the table is full (maxitems) (logged)
function KSR.htable.sht_setxi(htname, itname, ival, exval) end

--- Sets the item to the string sval with its own expiry of exval seconds (0: the table's); expiry counts only in a table with autoexpire
--- KSR.htable.sht_setxs(str, str, str, int): int -- complete
---@param htname string
---@param itname string
---@param sval string
---@param exval integer
---@return integer # 1 when set; -1 when the table is not declared, the name or value is too long, or the table is full (logged)
function KSR.htable.sht_setxs(htname, itname, sval, exval) end

--- Checks whether the item is absent (initval is not taken into account)
--- KSR.htable.sht_is_null(str, str): int -- complete
---@param htname string
---@param itname string
---@return integer # 1 when absent; -1 when it has a value; 2 when the table is not declared (logged)
function KSR.htable.sht_is_null(htname, itname) end

--- Adds 1 to an integer item atomically; an absent item starts at the table's initval and is created only when the table has one
--- KSR.htable.sht_inc(str, str): int -- complete
---@param htname string
---@param itname string
---@return integer # the new value (may be 0 or negative); 0 when nothing was changed (string item, or absent without initval); -1 when the table is not declared
function KSR.htable.sht_inc(htname, itname) end

--- Subtracts 1 from an integer item atomically; an absent item starts at the table's initval and is created only when the table has one
--- KSR.htable.sht_dec(str, str): int -- complete
---@param htname string
---@param itname string
---@return integer # the new value (may be 0 or negative); 0 when nothing was changed (string item, or absent without initval); -1 when the table is not declared
function KSR.htable.sht_dec(htname, itname) end

--- Counts the items whose name matches mval by op: "eq", "ne", "re" (regexp), "sw" (starts with) or "ew" (ends with)
--- KSR.htable.sht_cn(str, str, str): int -- complete
---@param htname string
---@param op string
---@param mval string
---@return integer # the number of matching items (0 when none); -1 when the table is not declared, or op or the regexp is refused (logged)
function KSR.htable.sht_cn(htname, op, mval) end

--- Counts this request against its source IP; the IP is blocked once it sends more than reqs_density_per_unit requests per sampling_time_unit seconds
--- KSR.pike.pike_check_req(): int -- complete
---@return integer # 1 allowed (also when counting failed); -2 the IP was blocked just now; -1 the IP was already blocked
function KSR.pike.pike_check_req() end

--- As pike_check_req, for the given IPv4 or IPv6 address instead of the source (e.g. from an X-Forwarded-For)
--- KSR.pike.pike_check_ip(str): int -- complete
---@param ip string
---@return integer # 1 allowed (also when counting failed); -2 the IP was blocked just now; -1 it was already blocked, or ip is not an IP address
function KSR.pike.pike_check_ip(ip) end

--- Tells whether the source IP and port are in group group_id of the cached address table (port 0 there matches any); the entry's tag goes to peer_tag_avp
--- KSR.permissions.allow_source_address(int): int -- complete
---@param group_id integer
---@return integer # 1 allowed; -1 not in the group, or the tag could not be set
function KSR.permissions.allow_source_address(group_id) end

--- As allow_source_address, for the given IP (or domain name) and port (0..65535) instead of the source
--- KSR.permissions.allow_address(int, str, int): int -- complete
---@param group_id integer
---@param ip_addr string
---@param port integer
---@return integer # 1 allowed; -1 not in the group, a port outside 0..65535, or the tag could not be set
function KSR.permissions.allow_address(group_id, ip_addr, port) end

--- Finds the first group of the cached address table that holds the source IP and port; the entry's tag goes to peer_tag_avp
--- KSR.permissions.allow_source_address_group(): int -- complete
---@return integer # the group id; -1 in no group, or the tag could not be set
function KSR.permissions.allow_source_address_group() end

--- As allow_source_address_group, for the given IP (or domain name) and port (0..65535) instead of the source
--- KSR.permissions.allow_address_group(str, int): int -- complete
---@param addr string
---@param port integer
---@return integer # the group id; -1 in no group, a port outside 0..65535, or the tag could not be set
function KSR.permissions.allow_address_group(addr, port) end

--- Checks the source IP, transport, From URI (and R-URI) against the cached trusted table; matching tags go to peer_tag_avp (all of them with peer_tag_mode 1)
--- KSR.permissions.allow_trusted(): int -- complete
---@return integer # 1 trusted (with peer_tag_mode 1: the number of matching rules); -1 not trusted, no parsable From, or a tag could not be set
function KSR.permissions.allow_trusted() end

--- Runs the NAT tests in the bit mask (1 Contact private, 2 Via host not the source, 4 Via private, 8 SDP private, 16 rport, 32 source private, 64 WebSocket, 128 Contact port, 256 c=, 512 R-URI vs $du)
--- KSR.nathelper.nat_uac_test(int): int -- complete
---@param flags integer
---@return integer # 1 as soon as one selected test holds; -1 when none does
function KSR.nathelper.nat_uac_test(flags) end

--- Rewrites the host:port of the first Contact URI to the source IP and port (dropping maddr); once per message
--- KSR.nathelper.fix_nated_contact(): int -- complete
---@return integer # 1 rewritten; -1 no usable Contact or already rewritten
function KSR.nathelper.fix_nated_contact() end

--- Stores the source as sip:IP:PORT[;transport=X] in the received_avp, which registrar.save keeps as the binding's received
--- KSR.nathelper.fix_nated_register(): int -- complete
---@return integer # 1 stored, or received_avp unset; -1 the AVP could not be written
function KSR.nathelper.fix_nated_register() end

--- Appends ;alias=IP~PORT~PROTO (the source address, PROTO as a number) to the first Contact URI, adding <> when missing; once per message
--- KSR.nathelper.set_contact_alias(): int -- complete
---@return integer # 1 added; -1 no usable Contact, already rewritten, or the URI would exceed 1024 characters
function KSR.nathelper.set_contact_alias() end

--- As set_contact_alias, but first removes an alias parameter the Contact URI already carries
--- KSR.nathelper.set_contact_alias_trim(): int -- complete
---@return integer # 1 added; -1 no usable Contact, already rewritten, or the URI would exceed 1024 characters
function KSR.nathelper.set_contact_alias_trim() end

--- Takes the first alias=IP~PORT~PROTO parameter off the R-URI and sets $du from it (sip:IP:PORT with ;transport= unless UDP)
--- KSR.nathelper.handle_ruri_alias(): int -- complete
---@return integer # 1 done; 2 no alias parameter; -1 a reply, a malformed alias or an invalid resulting R-URI
function KSR.nathelper.handle_ruri_alias() end

--- As handle_ruri_alias; mode 0 takes the first alias parameter, any other value the last
--- KSR.nathelper.handle_ruri_alias_mode(int): int -- complete
---@param mode integer
---@return integer # 1 done; 2 no alias parameter; -1 a reply, a malformed alias or an invalid resulting R-URI
function KSR.nathelper.handle_ruri_alias_mode(mode) end

--- Tests an IPv4 address (inet_aton syntax) for the private ranges 10/8, 172.16/12, 192.168/16, 100.64/10, 192.0.0.0/29 (192.0.0.0/24 with nat_addr_mode 1)
--- KSR.nathelper.is_rfc1918(str): int -- complete
---@param ip_address string
---@return integer # 1 private; -1 not private, IPv6 or not an address
function KSR.nathelper.is_rfc1918(ip_address) end

--- Inserts ;alias=IP~PORT~PROTO (the source address) after the first Contact URI's host:port unless the Contact already names the source; once per message
--- KSR.nathelper.add_contact_alias(): int -- complete
---@return integer # 1 added; 2 no Contact, or it already names the source; -1 an unusable Contact or already rewritten
function KSR.nathelper.add_contact_alias() end

--- Inserts ;alias=IP~PORT~PROTO from the arguments after the first Contact URI's host:port (proto: udp, tcp, tls, sctp, ws, wss)
--- KSR.nathelper.add_contact_alias_addr(str, str, str): int -- complete
---@param ip_addr string
---@param port string
---@param proto string
---@return integer # 1 added; 2 no Contact; -1 a bad IP, port (1..65535) or proto, an unusable Contact, or already rewritten
function KSR.nathelper.add_contact_alias_addr(ip_addr, port, proto) end

--- Adds received="sip:IP:PORT[;transport=X]" (the source) as a header parameter of every Contact; flag non-zero: as a URI parameter instead (UDP only)
--- KSR.nathelper.add_rcv_param(int): int -- complete
---@param flag integer
---@return integer # 1 added, or no Contact / '*'; -1 flag set over a non-UDP transport, an unparsable Contact, or too many Contacts
function KSR.nathelper.add_rcv_param(flag) end

--- Edits the SDP body: 1 adds a=direction:active per media, 2 sets c= (and a=rtcp) addresses to the source IP, 4 adds the nortpproxy line, 8 the same for o=
--- KSR.nathelper.fix_nated_sdp(int): int -- complete
---@param flags integer
---@return integer # 1 an address was replaced; 2 none was; -1 no SDP, no c=/o= line to fix, or a non-IPv4 address
function KSR.nathelper.fix_nated_sdp(flags) end

--- As fix_nated_sdp, writing the given IP address instead of the source IP
--- KSR.nathelper.fix_nated_sdp_ip(int, str): int -- complete
---@param flags integer
---@param ip_address string
---@return integer # 1 an address was replaced; 2 none was; -1 no SDP, a bad IP, no c=/o= line to fix, or a non-IPv4 address
function KSR.nathelper.fix_nated_sdp_ip(flags, ip_address) end

--- Reads the alias=IP~PORT~PROTO parameter of the Contact header (one contact) and writes sip:IP:PORT;transport=X into the named PV
--- KSR.nathelper.set_alias_to_pv(str): int -- complete
---@param target_avp string
---@return integer # 1 written; -1 no Contact, not exactly one contact, no alias, a malformed alias or an unwritable PV
function KSR.nathelper.set_alias_to_pv(target_avp) end

--- Picks a destination of the set by the algorithm (0-13, Kamailio's numbers) and, with flags bit 2, lists it and the failover ones in $xavp(_dsdst_); $du and R-URI untouched
--- KSR.dispatcher.ds_select(int, int): int -- complete
---@param set integer
---@param alg integer
---@return integer # 1 selected; -1 no such set, no active destination, a missing hash input or the xavp list full
function KSR.dispatcher.ds_select(set, alg) end

--- As ds_select, keeping at most limit destinations (the selected one included) in the failover list; 0 or less: no limit
--- KSR.dispatcher.ds_select_limit(int, int, int): int -- complete
---@param set integer
---@param alg integer
---@param limit integer
---@return integer # 1 selected; -1 no such set, no active destination, a missing hash input or the xavp list full
function KSR.dispatcher.ds_select_limit(set, alg, limit) end

--- Picks a destination of the set by the algorithm and sets $du to it (and the send socket from its attrs); with flags bit 2 the rest go to $xavp(_dsdst_) for failover
--- KSR.dispatcher.ds_select_dst(int, int): int -- complete
---@param set integer
---@param alg integer
---@return integer # 1 selected; -1 no such set, no active destination, $du already set (without force_dst), or a missing hash input
function KSR.dispatcher.ds_select_dst(set, alg) end

--- As ds_select_dst, keeping at most limit destinations in the failover list; 0 or less: no limit
--- KSR.dispatcher.ds_select_dst_limit(int, int, int): int -- complete
---@param set integer
---@param alg integer
---@param limit integer
---@return integer # 1 selected; -1 no such set, no active destination, $du already set (without force_dst), or a missing hash input
function KSR.dispatcher.ds_select_dst_limit(set, alg, limit) end

--- Picks a destination of the set by the algorithm and writes it into the R-URI after the user part (host, port, params); with flags bit 2 the rest go to $xavp(_dsdst_)
--- KSR.dispatcher.ds_select_domain(int, int): int -- complete
---@param set integer
---@param alg integer
---@return integer # 1 selected; -1 no such set, no active destination, a tel: or bad R-URI, or a missing hash input
function KSR.dispatcher.ds_select_domain(set, alg) end

--- As ds_select_domain, keeping at most limit destinations in the failover list; 0 or less: no limit
--- KSR.dispatcher.ds_select_domain_limit(int, int, int): int -- complete
---@param set integer
---@param alg integer
---@param limit integer
---@return integer # 1 selected; -1 no such set, no active destination, a tel: or bad R-URI, or a missing hash input
function KSR.dispatcher.ds_select_domain_limit(set, alg, limit) end

--- Runs a selection per "set=alg;set=alg" rule into one failover list; mode d/0 sets $du, r/1 the R-URI, x/2 neither (first letter counts; only the first hit is pushed)
--- KSR.dispatcher.ds_select_routes(str, str): int -- complete
---@param rules string
---@param mode string
---@return integer # 1 when a rule selected; -1 bad rules or mode, or no rule selected
function KSR.dispatcher.ds_select_routes(rules, mode) end

--- As ds_select_routes, with at most limit destinations in the failover list (0: no limit)
--- KSR.dispatcher.ds_select_routes_limit(str, str, int): int -- complete
---@param rules string
---@param mode string
---@param limit integer
---@return integer # 1 when a rule selected; -1 bad rules or mode, or no rule selected
function KSR.dispatcher.ds_select_routes_limit(rules, mode, limit) end

--- Drops the current record of $xavp(_dsdst_) and sets $du to the next destination (moving the call load with algorithm 10)
--- KSR.dispatcher.ds_next_dst(): int -- complete
---@return integer # 1 set; -1 failover off (flags bit 2), no next destination, or its load could not move
function KSR.dispatcher.ds_next_dst() end

--- Drops the current record of $xavp(_dsdst_) and writes the next destination into the R-URI's host part (moving the call load with algorithm 10)
--- KSR.dispatcher.ds_next_domain(): int -- complete
---@return integer # 1 set; -1 failover off (flags bit 2), no next destination, a bad R-URI, or its load could not move
function KSR.dispatcher.ds_next_domain() end

--- Sets $du to the current (first) record of $xavp(_dsdst_), without dropping it
--- KSR.dispatcher.ds_set_dst(): int -- complete
---@return integer # 1 set; -1 no record or no uri in it
function KSR.dispatcher.ds_set_dst() end

--- Writes the current (first) record of $xavp(_dsdst_) into the R-URI's host part, without dropping it
--- KSR.dispatcher.ds_set_domain(): int -- complete
---@return integer # 1 set; -1 no record, no uri in it, or a tel: or bad R-URI
function KSR.dispatcher.ds_set_domain() end

--- Marks the current destination (first $xavp(_dsdst_) record) inactive, and probing when ds_probing_mode is 1; may raise dispatcher:dst-down
--- KSR.dispatcher.ds_mark_dst(): int -- complete
---@return integer # 1 marked; -1 failover off (flags bit 2), no record, or the destination is no longer listed
function KSR.dispatcher.ds_mark_dst() end

--- Sets the state of the current destination from letters: a active, i inactive, t trying, d disabled, p probing ('' as ds_mark_dst); thresholds crossed at once
--- KSR.dispatcher.ds_mark_dst_state(str): int -- complete
---@param state string
---@return integer # 1 marked; -1 bad letters, failover off (flags bit 2), no record, or the destination is no longer listed
function KSR.dispatcher.ds_mark_dst_state(state) end

--- Sets the state (letters a, i, t, d, p) of the destination of that set with that URI (case-insensitive); thresholds crossed at once; may raise dst-down/dst-up
--- KSR.dispatcher.ds_mark_addr(str, int, str): int -- complete
---@param state string
---@param group integer
---@param uri string
---@return integer # 1 marked; -1 bad letters, no such set or no such destination
function KSR.dispatcher.ds_mark_addr(state, group, uri) end

--- Tests whether the source IP and port match a destination of any set (protocol ignored); the set id goes to setid_pvname, the attrs to attrs_pvname
--- KSR.dispatcher.ds_is_from_lists(): int -- complete
---@return integer # 1 matched; -1 no match; -2 or -3 setid_pvname or attrs_pvname could not be written
function KSR.dispatcher.ds_is_from_lists() end

--- Tests whether the source IP and port match a destination of the set (-1: any set; protocol ignored); its attrs go to attrs_pvname
--- KSR.dispatcher.ds_is_from_list(int): int -- complete
---@param groupid integer
---@return integer # 1 matched; -1 no match or no such set; -2 or -3 a PV could not be written
function KSR.dispatcher.ds_is_from_list(groupid) end

--- As ds_is_from_list, the match set by mode bits: 1 ignore port, 2 ignore protocol, 4 active only, 8 same receiving socket, 16 best of several
--- KSR.dispatcher.ds_is_from_list_mode(int, int): int -- complete
---@param groupid integer
---@param mode integer
---@return integer # 1 matched; -1 no match or no such set; -2 or -3 a PV could not be written
function KSR.dispatcher.ds_is_from_list_mode(groupid, mode) end

--- As ds_is_from_list_mode, matching the URI's IP, port and transport instead of the source (the host must be an IP or localhost; '' uses the source)
--- KSR.dispatcher.ds_is_from_list_uri(int, int, str): int -- complete
---@param groupid integer
---@param mode integer
---@param uri string
---@return integer # 1 matched; -1 no match, no such set, a bad URI or a host name; -2 or -3 a PV could not be written
function KSR.dispatcher.ds_is_from_list_uri(groupid, mode, uri) end

--- Keeps call load (algorithm 10) current: a BYE or CANCEL ends the call's load, a 2xx to INVITE confirms it
--- KSR.dispatcher.ds_load_update(): int -- complete
---@return integer # 1 done (also when the call has no load); -1 no parsable Call-ID or CSeq
function KSR.dispatcher.ds_load_update() end

--- Ends the call's load (algorithm 10), found by Call-ID; an INVITE whose destination record has no dstid has none yet
--- KSR.dispatcher.ds_load_unset(): int -- complete
---@return integer # 1 removed or nothing to remove; -1 no load for this Call-ID or no Call-ID
function KSR.dispatcher.ds_load_unset() end

--- Reloads the sets from the list setting, list_file and table; on error the old sets stay; refused within reload_delta seconds of the last reload
--- KSR.dispatcher.ds_reload(): int -- complete
---@return integer # 1 reloaded; -1 a load error or a reload too soon (logged)
function KSR.dispatcher.ds_reload() end

--- Tests whether a destination set with that id is loaded
--- KSR.dispatcher.ds_list_exists(int): int -- complete
---@param groupid integer
---@return integer # 1 exists; -1 not
function KSR.dispatcher.ds_list_exists(groupid) end

--- Tests whether the set has a destination that is neither inactive nor disabled
--- KSR.dispatcher.ds_is_active(int): int -- complete
---@param group integer
---@return integer # 1 one is active; -1 none, or no such set
function KSR.dispatcher.ds_is_active(group) end

--- Tests whether the destination of the set with exactly that URI is neither inactive nor disabled ('' tests any)
--- KSR.dispatcher.ds_is_active_uri(int, str): int -- complete
---@param group integer
---@param uri string
---@return integer # 1 active; -1 inactive, disabled, not in the set, or no such set
function KSR.dispatcher.ds_is_active_uri(group, uri) end

--- In a failure route, answers the failed branch's 401/407 digest challenge: adds (Proxy-)Authorization for the next t_relay, using the auth AVPs or the credentials list
--- KSR.uac.uac_auth(): int -- complete
---@return integer # 1 header added; -1 not a failure route, no 401/407, a bad challenge or no credential for its realm
function KSR.uac.uac_auth() end

--- As uac_auth, with mode for this call only: 1 means the password AVP holds HA1 rather than the plain password
--- KSR.uac.uac_auth_mode(int): int -- complete
---@param mode integer
---@return integer # 1 header added; -1 not a failure route, no 401/407, a bad challenge or no credential for its realm
function KSR.uac.uac_auth_mode(mode) end

--- Sends the request described in $uac_req (method, ruri, furi, turi, ouri, hdrs, body...) as a local request; with evroute, event_callback runs as "uac:reply" for its final reply
--- KSR.uac.uac_req_send(): int -- complete
---@return integer # 1 sent; -1 method, ruri, furi or turi unset, or the request could not be built
function KSR.uac.uac_req_send() end

--- Replaces the From URI (display name kept); unless restore_mode is none, the original goes into our Record-Route and replies get the received From back
--- KSR.uac.uac_replace_from_uri(str): int -- complete
---@param uri string
---@return integer # 1 replaced ('' changes nothing); -1 no From, a bad URI, a second call, or a sequential request in auto mode
function KSR.uac.uac_replace_from_uri(uri) end

--- Replaces the From display name ('' removes it) and URI ('' keeps it); unless restore_mode is none, the original URI is kept in our Record-Route for restoring
--- KSR.uac.uac_replace_from(str, str): int -- complete
---@param display string
---@param uri string
---@return integer # 1 replaced; -1 no From, a bad display name or URI, a second call, or a sequential request in auto mode
function KSR.uac.uac_replace_from(display, uri) end

--- In a sequential request, puts back the URI saved by uac_replace_from (Route parameter rr_from_store_param) into From or To, as the direction says
--- KSR.uac.uac_restore_from(): int -- complete
---@return integer # 1 restored; -1 a reply, no such Route parameter, or a value that does not decode
function KSR.uac.uac_restore_from() end

--- Replaces the To URI (display name kept); unless restore_mode is none, the original goes into our Record-Route and replies get the received To back
--- KSR.uac.uac_replace_to_uri(str): int -- complete
---@param uri string
---@return integer # 1 replaced ('' changes nothing); -1 no To, a bad URI, a second call, or a sequential request in auto mode
function KSR.uac.uac_replace_to_uri(uri) end

--- Replaces the To display name ('' removes it) and URI ('' keeps it); unless restore_mode is none, the original URI is kept in our Record-Route for restoring
--- KSR.uac.uac_replace_to(str, str): int -- complete
---@param display string
---@param uri string
---@return integer # 1 replaced; -1 no To, a bad display name or URI, a second call, or a sequential request in auto mode
function KSR.uac.uac_replace_to(display, uri) end

--- In a sequential request, puts back the URI saved by uac_replace_to (Route parameter rr_to_store_param) into To or From, as the direction says
--- KSR.uac.uac_restore_to(): int -- complete
---@return integer # 1 restored; -1 a reply, no such Route parameter, or a value that does not decode
function KSR.uac.uac_restore_to() end

--- Finds the remote registration with that l_uuid and writes its local URI sip:l_username@l_domain into the dst PV
--- KSR.uac.uac_reg_lookup(str, str): int -- complete
---@param uuid string
---@param dst string
---@return integer # 1 written; -1 no such record or an unwritable PV
function KSR.uac.uac_reg_lookup(uuid, dst) end

--- Finds the remote registration whose l_username is the URI's user and writes its l_uuid into the dst PV
--- KSR.uac.uac_reg_lookup_uri(str, str): int -- complete
---@param uri string
---@param dst string
---@return integer # 1 written; -1 a URI without user, no such record or an unwritable PV
function KSR.uac.uac_reg_lookup_uri(uri, dst) end

--- Tells the state of the remote registration with that l_uuid
--- KSR.uac.uac_reg_status(str): int -- complete
---@param uuid string
---@return integer # 1 registered; -1 no such record; -2 registration in progress; -3 disabled; -99 not registered (yet, or failed)
function KSR.uac.uac_reg_status(uuid) end

--- Targets the request at a remote registration (mode 0: by l_uuid, 1: by l_username): R-URI sip:r_username@r_domain, $du auth_proxy, and the auth AVPs for uac_auth
--- KSR.uac.uac_reg_request_to(str, int): int -- complete
---@param user string
---@param mode integer
---@return integer # 1 done; -1 mode not 0 or 1, auth AVPs not configured, no such record, a reply, or an AVP write failed
function KSR.uac.uac_reg_request_to(user, mode) end

--- Enables the remote registrations whose attribute (l_uuid, l_username, r_username or auth_username) equals val; they register at the next tick
--- KSR.uac.uac_reg_enable(str, str): int -- complete
---@param attr string
---@param val string
---@return integer # 1 enabled; -1 an unknown attribute or no matching record
function KSR.uac.uac_reg_enable(attr, val) end

--- Disables the remote registrations whose attribute (l_uuid, l_username, r_username or auth_username) equals val; they stop registering
--- KSR.uac.uac_reg_disable(str, str): int -- complete
---@param attr string
---@param val string
---@return integer # 1 disabled; -1 an unknown attribute or no matching record
function KSR.uac.uac_reg_disable(attr, val) end

--- Reloads the remote registrations (configured list and table), keeping known states; a record new with that l_uuid registers at once
--- KSR.uac.uac_reg_refresh(str): int -- complete
---@param l_uuid string
---@return integer # 1 the record exists after the reload; -1 it does not
function KSR.uac.uac_reg_refresh(l_uuid) end

--- In a failure route, adds the SIP Contacts of the last round's 3xx replies as new branches (highest q first, at most 16 per reply), filtered, skipping URIs tried; then t_relay
--- KSR.uac_redirect.get_redirects_all(): int -- complete
---@return integer # 1 at least one branch added; -1 none added, or not in a failure route
function KSR.uac_redirect.get_redirects_all() end

--- As get_redirects_all, adding at most max_total contacts in all and max_branch per 3xx reply (0: no limit)
--- KSR.uac_redirect.get_redirects(int, int): int -- complete
---@param max_total integer
---@param max_branch integer
---@return integer # 1 at least one branch added; -1 none added, a negative limit, or not in a failure route
function KSR.uac_redirect.get_redirects(max_total, max_branch) end

--- As get_redirects, and writes an accounting record per added contact through acc's acc_log_request ("CODE reason"), or a log line when acc is not loaded
--- KSR.uac_redirect.get_redirects_acc(int, int, str): int -- complete
---@param max_total integer
---@param max_branch integer
---@param reason string
---@return integer # 1 at least one branch added; -1 none added, a negative limit, or not in a failure route
function KSR.uac_redirect.get_redirects_acc(max_total, max_branch, reason) end

--- Chooses the ng command from the message: delete for BYE, CANCEL, a reply >= 300 or an INVITE in a failure route; offer or answer for INVITE/UPDATE/ACK/PRACK and 1xx/2xx with SDP
--- KSR.rtpengine.rtpengine_manage0(): int -- complete
---@return integer # 1 done; -1 no CSeq, another method, no SDP where one is needed, or the command failed
function KSR.rtpengine.rtpengine_manage0() end

--- As rtpengine_manage0, with the flag string passed to the offer, answer or delete it chooses
--- KSR.rtpengine.rtpengine_manage(str): int -- complete
---@param flags string
---@return integer # 1 done; -1 no CSeq, another method, no SDP where one is needed, or the command failed
function KSR.rtpengine.rtpengine_manage(flags) end

--- As rtpengine_manage, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.rtpengine_manage2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 done; -1 no CSeq, another method, no SDP where one is needed, or the command failed
function KSR.rtpengine.rtpengine_manage2(flags, viabranch) end

--- Sends an ng offer with the SDP (body or read_sdp_pv); the relay's SDP replaces the body (or goes to write_sdp_pv); later commands of the call go to the same relay
--- KSR.rtpengine.rtpengine_offer0(): int -- complete
---@return integer # 1 SDP replaced; -1 no SDP, no Call-ID or tags, no relay answered, an error result or no SDP in the answer
function KSR.rtpengine.rtpengine_offer0() end

--- As rtpengine_offer0 with the flag string (e.g. "replace-origin ICE=remove RTP/AVP"); force-answer sends an answer instead
--- KSR.rtpengine.rtpengine_offer(str): int -- complete
---@param flags string
---@return integer # 1 SDP replaced; -1 bad flags, no SDP, no Call-ID or tags, no relay answered, an error result or no SDP in the answer
function KSR.rtpengine.rtpengine_offer(flags) end

--- As rtpengine_offer, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.rtpengine_offer2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 SDP replaced; -1 bad flags, no SDP, no Call-ID or tags, no relay answered, an error result or no SDP in the answer
function KSR.rtpengine.rtpengine_offer2(flags, viabranch) end

--- Sends an ng answer with the SDP (body or read_sdp_pv); the relay's SDP replaces the body (or goes to write_sdp_pv); in a request the tags are swapped and a To tag is needed
--- KSR.rtpengine.rtpengine_answer0(): int -- complete
---@return integer # 1 SDP replaced; -1 no SDP, no Call-ID or tags, no relay answered, an error result or no SDP in the answer
function KSR.rtpengine.rtpengine_answer0() end

--- As rtpengine_answer0 with the flag string
--- KSR.rtpengine.rtpengine_answer(str): int -- complete
---@param flags string
---@return integer # 1 SDP replaced; -1 bad flags, no SDP, no Call-ID or tags, no relay answered, an error result or no SDP in the answer
function KSR.rtpengine.rtpengine_answer(flags) end

--- As rtpengine_answer, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.rtpengine_answer2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 SDP replaced; -1 bad flags, no SDP, no Call-ID or tags, no relay answered, an error result or no SDP in the answer
function KSR.rtpengine.rtpengine_answer2(flags, viabranch) end

--- Sends an ng delete for the call (From tag; the To tag only with the to-tag flag) and forgets which relay served it
--- KSR.rtpengine.rtpengine_delete0(): int -- complete
---@return integer # 1 deleted; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_delete0() end

--- As rtpengine_delete0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.rtpengine_delete(str): int -- complete
---@param flags string
---@return integer # 1 deleted; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_delete(flags) end

--- As rtpengine_delete, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.rtpengine_delete2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 deleted; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_delete2(flags, viabranch) end

--- Sends an ng query for the call; only the result is checked, the statistics are dropped (rtpengine_query_v keeps them)
--- KSR.rtpengine.rtpengine_query0(): int -- complete
---@return integer # 1 the relay answered; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_query0() end

--- As rtpengine_query0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.rtpengine_query(str): int -- complete
---@param flags string
---@return integer # 1 the relay answered; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_query(flags) end

--- As rtpengine_query, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.rtpengine_query2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 the relay answered; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_query2(flags, viabranch) end

--- Sends an ng connect for the call, asking the relay to join the media of the parties the tags and flags name
--- KSR.rtpengine.rtpengine_connect0(): int -- complete
---@return integer # 1 connected; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_connect0() end

--- As rtpengine_connect0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.rtpengine_connect(str): int -- complete
---@param flags string
---@return integer # 1 connected; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_connect(flags) end

--- As rtpengine_connect, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.rtpengine_connect2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 connected; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.rtpengine_connect2(flags, viabranch) end

--- Asks the relay to stop forwarding the call's media (ng block media); the direction follows the tags or the flags
--- KSR.rtpengine.block_media0(): int -- complete
---@return integer # 1 blocked; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.block_media0() end

--- As block_media0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.block_media(str): int -- complete
---@param flags string
---@return integer # 1 blocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.block_media(flags) end

--- As block_media, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.block_media2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 blocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.block_media2(flags, viabranch) end

--- Asks the relay to forward the call's media again (ng unblock media)
--- KSR.rtpengine.unblock_media0(): int -- complete
---@return integer # 1 unblocked; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unblock_media0() end

--- As unblock_media0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.unblock_media(str): int -- complete
---@param flags string
---@return integer # 1 unblocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unblock_media(flags) end

--- As unblock_media, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.unblock_media2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 unblocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unblock_media2(flags, viabranch) end

--- Asks the relay to replace the call's media with silence (ng silence media)
--- KSR.rtpengine.silence_media0(): int -- complete
---@return integer # 1 silenced; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.silence_media0() end

--- As silence_media0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.silence_media(str): int -- complete
---@param flags string
---@return integer # 1 silenced; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.silence_media(flags) end

--- As silence_media, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.silence_media2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 silenced; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.silence_media2(flags, viabranch) end

--- Ends the silencing of the call's media (ng unsilence media)
--- KSR.rtpengine.unsilence_media0(): int -- complete
---@return integer # 1 unsilenced; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unsilence_media0() end

--- As unsilence_media0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.unsilence_media(str): int -- complete
---@param flags string
---@return integer # 1 unsilenced; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unsilence_media(flags) end

--- As unsilence_media, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.unsilence_media2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 unsilenced; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unsilence_media2(flags, viabranch) end

--- Asks the relay to drop the call's DTMF events (ng block DTMF)
--- KSR.rtpengine.block_dtmf0(): int -- complete
---@return integer # 1 blocked; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.block_dtmf0() end

--- As block_dtmf0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.block_dtmf(str): int -- complete
---@param flags string
---@return integer # 1 blocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.block_dtmf(flags) end

--- As block_dtmf, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.block_dtmf2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 blocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.block_dtmf2(flags, viabranch) end

--- Asks the relay to pass the call's DTMF events again (ng unblock DTMF)
--- KSR.rtpengine.unblock_dtmf0(): int -- complete
---@return integer # 1 unblocked; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unblock_dtmf0() end

--- As unblock_dtmf0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.unblock_dtmf(str): int -- complete
---@param flags string
---@return integer # 1 unblocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unblock_dtmf(flags) end

--- As unblock_dtmf, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.unblock_dtmf2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 unblocked; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.unblock_dtmf2(flags, viabranch) end

--- Stops media the relay plays into the call (ng stop media)
--- KSR.rtpengine.stop_media0(): int -- complete
---@return integer # 1 stopped; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_media0() end

--- As stop_media0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.stop_media(str): int -- complete
---@param flags string
---@return integer # 1 stopped; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_media(flags) end

--- As stop_media, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.stop_media2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 stopped; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_media2(flags, viabranch) end

--- Asks the relay to start forwarding the call's media to its recording/forwarding target (ng start forwarding)
--- KSR.rtpengine.start_forwarding0(): int -- complete
---@return integer # 1 started; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.start_forwarding0() end

--- As start_forwarding0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.start_forwarding(str): int -- complete
---@param flags string
---@return integer # 1 started; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.start_forwarding(flags) end

--- As start_forwarding, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.start_forwarding2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 started; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.start_forwarding2(flags, viabranch) end

--- Asks the relay to stop forwarding the call's media (ng stop forwarding)
--- KSR.rtpengine.stop_forwarding0(): int -- complete
---@return integer # 1 stopped; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_forwarding0() end

--- As stop_forwarding0, with Kamailio's flag string (e.g. to-tag, from-tag=X, via-branch=auto)
--- KSR.rtpengine.stop_forwarding(str): int -- complete
---@param flags string
---@return integer # 1 stopped; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_forwarding(flags) end

--- As stop_forwarding, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.stop_forwarding2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 stopped; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_forwarding2(flags, viabranch) end

--- Asks the relay to start recording the call (ng start recording)
--- KSR.rtpengine.start_recording(): int -- complete
---@return integer # 1 started; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.start_recording() end

--- Asks the relay to stop recording the call (ng stop recording)
--- KSR.rtpengine.stop_recording(): int -- complete
---@return integer # 1 stopped; -1 no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.stop_recording() end

--- Asks the relay to play a file, blob or database media into the call (ng play media); the flags name it, e.g. file=/path repeat-times=2
--- KSR.rtpengine.play_media(str): int -- complete
---@param flags string
---@return integer # 1 playing; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.play_media(flags) end

--- As play_media, sending viabranch as the via-branch ('' takes it from the flags)
--- KSR.rtpengine.play_media2(str, str): int -- complete
---@param flags string
---@param viabranch string
---@return integer # 1 playing; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.play_media2(flags, viabranch) end

--- Asks the relay to inject a DTMF event into the call (ng play DTMF); the flags give it, e.g. code=5 duration=100
--- KSR.rtpengine.play_dtmf(str): int -- complete
---@param flags string
---@return integer # 1 sent; -1 bad flags, no Call-ID or tags, no relay answered, or it answered an error
function KSR.rtpengine.play_dtmf(flags) end

--- Selects the relay set this message's rtpengine commands use (instead of setid_avp or the default set)
--- KSR.rtpengine.set_rtpengine_set(int): int -- complete
---@param setid integer
---@return integer # 1 selected; -1 no such set
function KSR.rtpengine.set_rtpengine_set(setid) end

--- Selects setid for this message's next rtpengine command and setid2 for the later ones (e.g. offer, then answer)
--- KSR.rtpengine.set_rtpengine_set2(int, int): int -- complete
---@param setid integer
---@param setid2 integer
---@return integer # 1 selected; -1 either set does not exist
function KSR.rtpengine.set_rtpengine_set2(setid, setid2) end

--- Sends an ng query for the call and writes the relay's whole answer as JSON into the PV pv: fmt 'j' compact, 'jp' indented
--- KSR.rtpengine.rtpengine_query_v(str, str): int -- complete
---@param fmt string
---@param pv string
---@return integer # 1 written; -1 fmt not j/jp, no Call-ID or tags, no relay answered, an error result or an unwritable PV
function KSR.rtpengine.rtpengine_query_v(fmt, pv) end

--- Sends an ng subscribe request; the relay's SDP and to-tag go into the two PVs ('' skips one), its tag-medias streams into the xavp
--- KSR.rtpengine.rtpengine_subscribe_request(str, str, str, str): int -- complete
---@param flags string
---@param sdp_pv string
---@param to_tag_pv string
---@param stream_xavp string
---@return integer # 0 done (as Kamailio); -1 bad flags, no relay answered, an error result, no SDP or to-tag in the answer, or a PV write failed
function KSR.rtpengine.rtpengine_subscribe_request(flags, sdp_pv, to_tag_pv, stream_xavp) end

--- Sends an ng subscribe answer with the message's SDP (body or read_sdp_pv) for a subscription made by rtpengine_subscribe_request
--- KSR.rtpengine.rtpengine_subscribe_answer(str): int -- complete
---@param flags string
---@return integer # 0 done (as Kamailio); -1 bad flags, no SDP, no Call-ID or tags, no relay answered or an error result
function KSR.rtpengine.rtpengine_subscribe_answer(flags) end

--- Sends an ng unsubscribe, ending a subscription made by rtpengine_subscribe_request
--- KSR.rtpengine.rtpengine_unsubscribe(str): int -- complete
---@param flags string
---@return integer # 0 done (as Kamailio); -1 bad flags, no Call-ID or tags, no relay answered or an error result
function KSR.rtpengine.rtpengine_unsubscribe(flags) end

--- Chooses the command from the message: destroy for BYE, CANCEL, a reply >= 300 or an INVITE in a failure route; offer or answer for INVITE/UPDATE/ACK/PRACK and 1xx/2xx with SDP
--- KSR.rtpproxy.rtpproxy_manage0(): int -- complete
---@return integer # 1 done; -1 no CSeq, another method, no SDP where one is needed, or the relay failed
function KSR.rtpproxy.rtpproxy_manage0() end

--- As rtpproxy_manage0, passing flags to the offer/answer/destroy it chooses
--- KSR.rtpproxy.rtpproxy_manage(str): int -- partial: flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied
---@param flags string
---@return integer # 1 done; -1 no CSeq, another method, no SDP where one is needed, or the relay failed
function KSR.rtpproxy.rtpproxy_manage(flags) end

--- As rtpproxy_manage, writing ip_address into the rewritten SDP's c= lines instead of the relay's address
--- KSR.rtpproxy.rtpproxy_manage_ip(str, str): int -- partial: flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied
---@param flags string
---@param ip_address string
---@return integer # 1 done; -1 no CSeq, another method, no SDP where one is needed, or the relay failed
function KSR.rtpproxy.rtpproxy_manage_ip(flags, ip_address) end

--- Selects the relay set this message's rtpproxy commands use (instead of setid_avp or the default set)
--- KSR.rtpproxy.set_rtpproxy_set(int): int -- complete
---@param setid integer
---@return integer # 1 selected; -1 no such set
function KSR.rtpproxy.set_rtpproxy_set(setid) end

--- Deletes the call's relay session (D command with Call-ID, From tag and, when present, To tag)
--- KSR.rtpproxy.rtpproxy_destroy0(): int -- complete
---@return integer # 1 deleted; -1 no Call-ID or From tag, no relay set, or no relay answered or it answered an error
function KSR.rtpproxy.rtpproxy_destroy0() end

--- As rtpproxy_destroy0; the flags (1, 2, b, t in Kamailio) are accepted but not used
--- KSR.rtpproxy.rtpproxy_destroy(str): int -- partial: its flags (1, 2, b, t) are not applied
---@param flags string
---@return integer # 1 deleted; -1 no Call-ID or From tag, no relay set, or no relay answered or it answered an error
function KSR.rtpproxy.rtpproxy_destroy(flags) end

--- Asks the relay to record the call's session (R command)
--- KSR.rtpproxy.start_recording(): int -- complete
---@return integer # 1 accepted; -1 no Call-ID or From tag, no relay set, or no relay answered or it answered an error
function KSR.rtpproxy.start_recording() end

--- Sends an offer (U per media stream with a non-zero port) and rewrites the SDP's m= ports and c= addresses to the relay's, adding nortpproxy_str
--- KSR.rtpproxy.rtpproxy_offer0(): int -- complete
---@return integer # 1 SDP rewritten; -1 no SDP or tags, already engaged (nortpproxy_str present), over 16 streams, or a relay error
function KSR.rtpproxy.rtpproxy_offer0() end

--- As rtpproxy_offer0 with flags: f force even when engaged, r give the relay the SDP's c= address rather than the source IP; other letters go to the relay's U command
--- KSR.rtpproxy.rtpproxy_offer(str): int -- partial: flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied
---@param flags string
---@return integer # 1 SDP rewritten; -1 no SDP or tags, already engaged (without f), over 16 streams, or a relay error
function KSR.rtpproxy.rtpproxy_offer(flags) end

--- As rtpproxy_offer, writing ip_address into the c= lines instead of the relay's address
--- KSR.rtpproxy.rtpproxy_offer_ip(str, str): int -- partial: flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied
---@param flags string
---@param ip_address string
---@return integer # 1 SDP rewritten; -1 no SDP or tags, already engaged (without f), over 16 streams, or a relay error
function KSR.rtpproxy.rtpproxy_offer_ip(flags, ip_address) end

--- Sends an answer (L per media stream with a non-zero port) and rewrites the SDP's m= ports and c= addresses to the relay's, adding nortpproxy_str; needs both tags
--- KSR.rtpproxy.rtpproxy_answer0(): int -- complete
---@return integer # 1 SDP rewritten; -1 no SDP, a missing tag, already engaged, over 16 streams, or a relay error
function KSR.rtpproxy.rtpproxy_answer0() end

--- As rtpproxy_answer0 with flags: f force even when engaged, r give the relay the SDP's c= address rather than the source IP; other letters go to the relay's L command
--- KSR.rtpproxy.rtpproxy_answer(str): int -- partial: flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied
---@param flags string
---@return integer # 1 SDP rewritten; -1 no SDP, a missing tag, already engaged (without f), over 16 streams, or a relay error
function KSR.rtpproxy.rtpproxy_answer(flags) end

--- As rtpproxy_answer, writing ip_address into the c= lines instead of the relay's address
--- KSR.rtpproxy.rtpproxy_answer_ip(str, str): int -- partial: flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied
---@param flags string
---@param ip_address string
---@return integer # 1 SDP rewritten; -1 no SDP, a missing tag, already engaged (without f), over 16 streams, or a relay error
function KSR.rtpproxy.rtpproxy_answer_ip(flags, ip_address) end

--- Has the relay play the prompt file count times (-1: loop) to the UAC side of the current transaction (P command); the session must exist, the SDP is untouched
--- KSR.rtpproxy.rtpproxy_stream2uac(str, int): int -- complete
---@param prompt_name string
---@param count integer
---@return integer # 1 accepted; -1 a prompt name empty or with spaces, no Call-ID or From tag, or a relay error
function KSR.rtpproxy.rtpproxy_stream2uac(prompt_name, count) end

--- Has the relay play the prompt file count times (-1: loop) to the UAS side of the current transaction (P command); the session must exist, the SDP is untouched
--- KSR.rtpproxy.rtpproxy_stream2uas(str, int): int -- complete
---@param prompt_name string
---@param count integer
---@return integer # 1 accepted; -1 a prompt name empty or with spaces, no Call-ID or From tag, or a relay error
function KSR.rtpproxy.rtpproxy_stream2uas(prompt_name, count) end

--- Stops a prompt playing to the UAC side (S command)
--- KSR.rtpproxy.rtpproxy_stop_stream2uac(): int -- complete
---@return integer # 1 accepted; -1 no Call-ID or From tag, no relay set, or a relay error
function KSR.rtpproxy.rtpproxy_stop_stream2uac() end

--- Stops a prompt playing to the UAS side (S command)
--- KSR.rtpproxy.rtpproxy_stop_stream2uas(): int -- complete
---@return integer # 1 accepted; -1 no Call-ID or From tag, no relay set, or a relay error
function KSR.rtpproxy.rtpproxy_stop_stream2uas() end

--- GETs url, waiting at most connection_timeout (10 s at most), and stores the body in the PV named result: its first line when query_result is 1
--- KSR.http_client.query(str, str): int -- complete
---@param url string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV
function KSR.http_client.query(url, result) end

--- POSTs post (form-urlencoded unless given otherwise; a GET when post is '') to url, waiting, and stores the body (first line when query_result is 1) in result
--- KSR.http_client.query_post(str, str, str): int -- complete
---@param url string
---@param post string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV
function KSR.http_client.query_post(url, post, result) end

--- As query_post, adding the header lines in hdrs (CRLF-separated; '' for none) to the request
--- KSR.http_client.query_post_hdrs(str, str, str, str): int -- complete
---@param url string
---@param post string
---@param hdrs string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV or hdrs is malformed
function KSR.http_client.query_post_hdrs(url, post, hdrs, result) end

--- Sends a GET to url with body ('' for none) and the header lines in hdrs, waiting, and stores the answer's body in result
--- KSR.http_client.get_hdrs(str, str, str, str): int -- complete
---@param url string
---@param body string
---@param hdrs string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV or hdrs is malformed
function KSR.http_client.get_hdrs(url, body, hdrs, result) end

--- Sends a request of the given method ('': GET, or POST with a body) to url with body and hdrs, waiting, and stores the answer's body in result
--- KSR.http_client.query_request(str, str, str, str, str): int -- complete
---@param method string
---@param url string
---@param body string
---@param hdrs string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV or hdrs is malformed
function KSR.http_client.query_request(method, url, body, hdrs, result) end

--- As query_request over HTTP/2 with prior knowledge: h2c for http:, ALPN for https:
--- KSR.http_client.query_request_v2pk(str, str, str, str, str): int -- complete
---@param method string
---@param url string
---@param body string
---@param hdrs string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV or hdrs is malformed
function KSR.http_client.query_request_v2pk(method, url, body, hdrs, result) end

--- GETs the named connection's (httpcon) base URL plus url, with its timeout, credentials and maxdatasize, trying its failover once; stores the body in result
--- KSR.http_client.curl_connect(str, str, str): int -- complete
---@param connection string
---@param url string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV or there is no such connection
function KSR.http_client.curl_connect(connection, url, result) end

--- As curl_connect, POSTing data with Content-Type content_type (a GET when data is '')
--- KSR.http_client.curl_connect_post(str, str, str, str, str): int -- complete
---@param connection string
---@param url string
---@param content_type string
---@param data string
---@param result string
---@return integer # the HTTP status (200, 404...); libcurl's code when no status came (7 no connection, 28 timeout, 3 bad URL); -1 when result is not a writable PV or there is no such connection
function KSR.http_client.curl_connect_post(connection, url, content_type, data, result) end

--- Sends an HTTP request to url (as set by $http_req) without waiting; route_name runs on the answer, error or timeout, in the suspended transaction (else on a copy)
--- KSR.http_async_client.query(str, str): int -- complete
---@param url string
---@param route_name string
---@return integer # 0 sent, transaction suspended (end the script); 1 sent, not suspended; -1 when url is empty, the route is unknown or 1024 queries wait (a bad URL reaches the route)
function KSR.http_async_client.query(url, route_name) end

--- As query, but never suspends the transaction: route_name runs on a copy of the message when the answer comes; partial: no Kamailio source to compare
--- KSR.http_async_client.send(str, str): int -- partial: no Kamailio source at hand: a query that never suspends the transaction
---@param url string
---@param route_name string
---@return integer # 1 sent; -1 when url is empty, route_name is not a route of the script or 1024 queries are waiting
function KSR.http_async_client.send(url, route_name) end

--- As send, giving xdata to route_name as its argument; partial: no Kamailio source to compare
--- KSR.http_async_client.send_xdata(str, str, str): int -- partial: no Kamailio source at hand: send with xdata given to the route as its argument
---@param url string
---@param route_name string
---@param xdata string
---@return integer # 1 sent; -1 when url is empty, route_name is not a route of the script or 1024 queries are waiting
function KSR.http_async_client.send_xdata(url, route_name, xdata) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_DBG (the server log's debug); nothing is expanded when the debug level hides it
--- KSR.xlog.xdbg(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xdbg(format) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_INFO (the server log's info); nothing is expanded when the debug level hides it
--- KSR.xlog.xinfo(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xinfo(format) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_NOTICE (the server log's notice); nothing is expanded when the debug level hides it
--- KSR.xlog.xnotice(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xnotice(format) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_WARN (the server log's warn); nothing is expanded when the debug level hides it
--- KSR.xlog.xwarn(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xwarn(format) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_ERR (the server log's error); nothing is expanded when the debug level hides it
--- KSR.xlog.xerr(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xerr(format) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_ALERT (the server log's crit); nothing is expanded when the debug level hides it
--- KSR.xlog.xalert(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xalert(format) end

--- Logs format, expanded against the message ($rm, $fu, $var(x), transformations), at L_CRIT (the server log's crit); nothing is expanded when the debug level hides it
--- KSR.xlog.xcrit(str): int -- complete
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xcrit(format) end

--- Logs format, expanded against the message, at level: L_ALERT, L_CRIT, L_ERR, L_WARN, L_NOTICE, L_INFO or L_DBG (any case); an unknown name logs at L_ERR
--- KSR.xlog.xlog(str, str): int -- complete
---@param level string
---@param format string
---@return integer # 1 logged or filtered out; -1 the format cannot be expanded
function KSR.xlog.xlog(level, format) end

--- As xlog, with a syslog facility (LOG_LOCAL0..7, LOG_DAEMON, LOG_USER...) written as a field of the line (the server log is JSON, not syslog)
--- KSR.xlog.xlog_facility(str, str, str): int -- complete
---@param level string
---@param facility string
---@param format string
---@return integer # 1 logged or filtered out; -1 an unknown facility, or the format cannot be expanded
function KSR.xlog.xlog_facility(level, facility, format) end

--- Writes an accounting log line for the current request; comment is "CODE REASON" (e.g. "403 Forbidden") or a reason alone, without pseudo-variables
--- KSR.acc.acc_log_request(str): int -- complete
---@param comment string
---@return integer # 1 written, or filtered out by the log level; -1 an empty comment or one with '$', or request headers that do not parse
function KSR.acc.acc_log_request(comment) end

--- Inserts an accounting row for the current request into table of the server's store; comment as for acc_log_request
--- KSR.acc.acc_db_request(str, str): int -- complete
---@param comment string
---@param table string
---@return integer # 1 inserted; -1 a bad comment, unparsable headers, no store configured, or the insert failed
function KSR.acc.acc_db_request(comment, table) end

--- Accounts the current request to the log and, when the server has a store, as a row in table; comment as for acc_log_request
--- KSR.acc.acc_request(str, str): int -- complete
---@param comment string
---@param table string
---@return integer # the store insert's result when there is a store (1 or -1), else the log's (1); -1 a bad comment or unparsable headers
function KSR.acc.acc_request(comment, table) end

return KSR
