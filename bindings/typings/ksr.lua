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

--- KSR.dbg(str): none -- complete
---@param p1 string
---@return nil
function KSR.dbg(p1) end

--- KSR.info(str): none -- complete
---@param p1 string
---@return nil
function KSR.info(p1) end

--- KSR.notice(str): none -- complete
---@param p1 string
---@return nil
function KSR.notice(p1) end

--- KSR.warn(str): none -- complete
---@param p1 string
---@return nil
function KSR.warn(p1) end

--- KSR.err(str): none -- complete
---@param p1 string
---@return nil
function KSR.err(p1) end

--- KSR.crit(str): none -- complete
---@param p1 string
---@return nil
function KSR.crit(p1) end

--- KSR.log(str, str): none -- complete
---@param p1 string
---@param p2 string
---@return nil
function KSR.log(p1, p2) end

--- KSR.set_drop(): none -- complete
---@return nil
function KSR.set_drop() end

--- KSR.is_myself(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.is_myself(p1) end

--- KSR.is_myself_ruri(): bool -- complete
---@return boolean
function KSR.is_myself_ruri() end

--- KSR.is_myself_duri(): bool -- complete
---@return boolean
function KSR.is_myself_duri() end

--- KSR.is_myself_nhuri(): bool -- complete
---@return boolean
function KSR.is_myself_nhuri() end

--- KSR.is_myself_furi(): bool -- complete
---@return boolean
function KSR.is_myself_furi() end

--- KSR.is_myself_turi(): bool -- complete
---@return boolean
function KSR.is_myself_turi() end

--- KSR.is_myself_suri(): bool -- complete
---@return boolean
function KSR.is_myself_suri() end

--- KSR.is_myself_srcip(): bool -- complete
---@return boolean
function KSR.is_myself_srcip() end

--- KSR.setflag(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.setflag(p1) end

--- KSR.resetflag(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.resetflag(p1) end

--- KSR.isflagset(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.isflagset(p1) end

--- KSR.setbflag(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.setbflag(p1) end

--- KSR.resetbflag(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.resetbflag(p1) end

--- KSR.isbflagset(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.isbflagset(p1) end

--- KSR.setbiflag(int, int): bool -- complete
---@param p1 integer
---@param p2 integer
---@return boolean
function KSR.setbiflag(p1, p2) end

--- KSR.resetbiflag(int, int): bool -- complete
---@param p1 integer
---@param p2 integer
---@return boolean
function KSR.resetbiflag(p1, p2) end

--- KSR.isbiflagset(int, int): bool -- complete
---@param p1 integer
---@param p2 integer
---@return boolean
function KSR.isbiflagset(p1, p2) end

--- KSR.setsflag(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.setsflag(p1) end

--- KSR.resetsflag(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.resetsflag(p1) end

--- KSR.issflagset(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.issflagset(p1) end

--- KSR.seturi(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.seturi(p1) end

--- KSR.setuser(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.setuser(p1) end

--- KSR.sethost(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.sethost(p1) end

--- KSR.setdsturi(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.setdsturi(p1) end

--- KSR.resetdsturi(): bool -- complete
---@return boolean
function KSR.resetdsturi() end

--- KSR.isdsturiset(): bool -- complete
---@return boolean
function KSR.isdsturiset() end

--- KSR.force_rport(): bool -- complete
---@return boolean
function KSR.force_rport() end

--- KSR.add_local_rport(): bool -- complete
---@return boolean
function KSR.add_local_rport() end

--- KSR.is_method(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.is_method(p1) end

--- KSR.is_method_in(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.is_method_in(p1) end

--- KSR.is_INVITE(): bool -- complete
---@return boolean
function KSR.is_INVITE() end

--- KSR.is_ACK(): bool -- complete
---@return boolean
function KSR.is_ACK() end

--- KSR.is_BYE(): bool -- complete
---@return boolean
function KSR.is_BYE() end

--- KSR.is_CANCEL(): bool -- complete
---@return boolean
function KSR.is_CANCEL() end

--- KSR.is_REGISTER(): bool -- complete
---@return boolean
function KSR.is_REGISTER() end

--- KSR.is_OPTIONS(): bool -- complete
---@return boolean
function KSR.is_OPTIONS() end

--- KSR.is_SUBSCRIBE(): bool -- complete
---@return boolean
function KSR.is_SUBSCRIBE() end

--- KSR.is_PUBLISH(): bool -- complete
---@return boolean
function KSR.is_PUBLISH() end

--- KSR.is_NOTIFY(): bool -- complete
---@return boolean
function KSR.is_NOTIFY() end

--- KSR.is_REFER(): bool -- complete
---@return boolean
function KSR.is_REFER() end

--- KSR.is_INFO(): bool -- complete
---@return boolean
function KSR.is_INFO() end

--- KSR.is_UPDATE(): bool -- complete
---@return boolean
function KSR.is_UPDATE() end

--- KSR.is_PRACK(): bool -- complete
---@return boolean
function KSR.is_PRACK() end

--- KSR.is_MESSAGE(): bool -- complete
---@return boolean
function KSR.is_MESSAGE() end

--- KSR.is_KDMQ(): bool -- complete
---@return boolean
function KSR.is_KDMQ() end

--- KSR.is_GET(): bool -- complete
---@return boolean
function KSR.is_GET() end

--- KSR.is_POST(): bool -- complete
---@return boolean
function KSR.is_POST() end

--- KSR.is_PUT(): bool -- complete
---@return boolean
function KSR.is_PUT() end

--- KSR.is_DELETE(): bool -- complete
---@return boolean
function KSR.is_DELETE() end

--- KSR.is_proto(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.is_proto(p1) end

--- KSR.is_UDP(): bool -- complete
---@return boolean
function KSR.is_UDP() end

--- KSR.is_TCP(): bool -- complete
---@return boolean
function KSR.is_TCP() end

--- KSR.is_TLS(): bool -- complete
---@return boolean
function KSR.is_TLS() end

--- KSR.is_WS(): bool -- complete
---@return boolean
function KSR.is_WS() end

--- KSR.is_WSS(): bool -- complete
---@return boolean
function KSR.is_WSS() end

--- KSR.is_SCTP(): bool -- complete
---@return boolean
function KSR.is_SCTP() end

--- KSR.is_WSX(): bool -- complete
---@return boolean
function KSR.is_WSX() end

--- KSR.is_TCPX(): bool -- complete
---@return boolean
function KSR.is_TCPX() end

--- KSR.is_IPv4(): bool -- complete
---@return boolean
function KSR.is_IPv4() end

--- KSR.is_IPv6(): bool -- complete
---@return boolean
function KSR.is_IPv6() end

--- KSR.is_src_port(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.is_src_port(p1) end

--- KSR.is_dst_port(int): bool -- complete
---@param p1 integer
---@return boolean
function KSR.is_dst_port(p1) end

--- KSR.get_debug(): int -- complete
---@return integer
function KSR.get_debug() end

--- KSR.set_advertised_address(str): int -- complete
---@param p1 string
---@return integer
function KSR.set_advertised_address(p1) end

--- KSR.set_advertised_port(str): int -- complete
---@param p1 string
---@return integer
function KSR.set_advertised_port(p1) end

--- KSR.set_forward_close(): bool -- complete
---@return boolean
function KSR.set_forward_close() end

--- KSR.set_forward_no_connect(): bool -- complete
---@return boolean
function KSR.set_forward_no_connect() end

--- KSR.set_reply_close(): bool -- partial: the connection is closed after the final reply, not after a provisional one
---@return boolean
function KSR.set_reply_close() end

--- KSR.set_reply_no_connect(): bool -- complete
---@return boolean
function KSR.set_reply_no_connect() end

--- KSR.add_tcp_alias(int): int -- complete
---@param p1 integer
---@return integer
function KSR.add_tcp_alias(p1) end

--- KSR.add_tcp_alias_via(): int -- complete
---@return integer
function KSR.add_tcp_alias_via() end

--- KSR.to_UDP(): bool -- complete
---@return boolean
function KSR.to_UDP() end

--- KSR.to_TCP(): bool -- complete
---@return boolean
function KSR.to_TCP() end

--- KSR.to_TLS(): bool -- complete
---@return boolean
function KSR.to_TLS() end

--- KSR.to_SCTP(): bool -- complete
---@return boolean
function KSR.to_SCTP() end

--- KSR.to_WS(): bool -- complete
---@return boolean
function KSR.to_WS() end

--- KSR.to_WSS(): bool -- complete
---@return boolean
function KSR.to_WSS() end

--- KSR.to_WSX(): bool -- complete
---@return boolean
function KSR.to_WSX() end

--- KSR.to_IPv4(): bool -- complete
---@return boolean
function KSR.to_IPv4() end

--- KSR.to_IPv6(): bool -- complete
---@return boolean
function KSR.to_IPv6() end

--- KSR.route(str): int -- complete
---@param p1 string
---@return integer
function KSR.route(p1) end

--- KSR.forward(): int -- complete
---@return integer
function KSR.forward() end

--- KSR.forward_uri(str): int -- complete
---@param p1 string
---@return integer
function KSR.forward_uri(p1) end

--- KSR.pv.get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pv.get(p1) end

--- KSR.pv.gete(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pv.gete(p1) end

--- KSR.pv.getw(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pv.getw(p1) end

--- KSR.pv.geti(str): int -- complete
---@param p1 string
---@return integer
function KSR.pv.geti(p1) end

--- KSR.pv.getl(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pv.getl(p1) end

--- KSR.pv.getvn(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|nil
function KSR.pv.getvn(p1, p2) end

--- KSR.pv.getvs(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pv.getvs(p1, p2) end

--- KSR.pv.seti(str, int): bool -- complete
---@param p1 string
---@param p2 integer
---@return boolean
function KSR.pv.seti(p1, p2) end

--- KSR.pv.setl(str, long): bool -- complete
---@param p1 string
---@param p2 integer
---@return boolean
function KSR.pv.setl(p1, p2) end

--- KSR.pv.sets(str, str): bool -- complete
---@param p1 string
---@param p2 string
---@return boolean
function KSR.pv.sets(p1, p2) end

--- KSR.pv.unset(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.pv.unset(p1) end

--- KSR.pv.is_null(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.pv.is_null(p1) end

--- KSR.hdr.append(str): int -- complete
---@param p1 string
---@return integer
function KSR.hdr.append(p1) end

--- KSR.hdr.append_after(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.hdr.append_after(p1, p2) end

--- KSR.hdr.insert(str): int -- complete
---@param p1 string
---@return integer
function KSR.hdr.insert(p1) end

--- KSR.hdr.insert_before(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.hdr.insert_before(p1, p2) end

--- KSR.hdr.remove(str): int -- complete
---@param p1 string
---@return integer
function KSR.hdr.remove(p1) end

--- KSR.hdr.rmappend(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.hdr.rmappend(p1, p2) end

--- KSR.hdr.rminsert(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.hdr.rminsert(p1, p2) end

--- KSR.hdr.is_present(str): int -- complete
---@param p1 string
---@return integer
function KSR.hdr.is_present(p1) end

--- KSR.hdr.append_to_reply(str): int -- complete
---@param p1 string
---@return integer
function KSR.hdr.append_to_reply(p1) end

--- KSR.hdr.get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.hdr.get(p1) end

--- KSR.hdr.gete(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.hdr.gete(p1) end

--- KSR.hdr.getw(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.hdr.getw(p1) end

--- KSR.hdr.get_idx(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|nil
function KSR.hdr.get_idx(p1, p2) end

--- KSR.hdr.gete_idx(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|nil
function KSR.hdr.gete_idx(p1, p2) end

--- KSR.hdr.getw_idx(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|nil
function KSR.hdr.getw_idx(p1, p2) end

--- KSR.hdr.match_content(str, str, str, str): bool -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@return boolean
function KSR.hdr.match_content(p1, p2, p3, p4) end

--- KSR.x.exit(): none -- complete
---@return nil
function KSR.x.exit() end

--- KSR.x.drop(): none -- complete
---@return nil
function KSR.x.drop() end

--- KSR.x.modf(str, ...str): int -- partial: only 15 native names, each run as its KSR function (bindings/README.md); any other logs an error and returns -1
---@param p1 string
---@param ... string
---@return integer
function KSR.x.modf(p1, ...) end

--- KSR.x.probe(): none -- complete
---@return nil
function KSR.x.probe() end

--- KSR.kx.get_ruri(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_ruri() end

--- KSR.kx.get_ruser(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_ruser() end

--- KSR.kx.gete_ruser(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_ruser() end

--- KSR.kx.getw_ruser(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_ruser() end

--- KSR.kx.get_rhost(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rhost() end

--- KSR.kx.gete_rhost(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_rhost() end

--- KSR.kx.getw_rhost(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_rhost() end

--- KSR.kx.get_ouri(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_ouri() end

--- KSR.kx.get_furi(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_furi() end

--- KSR.kx.get_fuser(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_fuser() end

--- KSR.kx.gete_fuser(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_fuser() end

--- KSR.kx.getw_fuser(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_fuser() end

--- KSR.kx.get_fhost(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_fhost() end

--- KSR.kx.gete_fhost(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_fhost() end

--- KSR.kx.getw_fhost(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_fhost() end

--- KSR.kx.get_turi(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_turi() end

--- KSR.kx.get_tuser(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_tuser() end

--- KSR.kx.gete_tuser(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_tuser() end

--- KSR.kx.getw_tuser(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_tuser() end

--- KSR.kx.get_thost(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_thost() end

--- KSR.kx.gete_thost(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_thost() end

--- KSR.kx.getw_thost(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_thost() end

--- KSR.kx.get_duri(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_duri() end

--- KSR.kx.gete_duri(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_duri() end

--- KSR.kx.getw_duri(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_duri() end

--- KSR.kx.get_cturi(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_cturi() end

--- KSR.kx.gete_cturi(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_cturi() end

--- KSR.kx.getw_cturi(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_cturi() end

--- KSR.kx.get_nhuri(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_nhuri() end

--- KSR.kx.get_srcuri(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_srcuri() end

--- KSR.kx.get_srcaddr_sock(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_srcaddr_sock() end

--- KSR.kx.get_ua(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_ua() end

--- KSR.kx.gete_ua(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_ua() end

--- KSR.kx.getw_ua(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_ua() end

--- KSR.kx.get_srcip(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_srcip() end

--- KSR.kx.get_srcport(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_srcport() end

--- KSR.kx.get_send_sock(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_send_sock() end

--- KSR.kx.get_send_sock_name(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_send_sock_name() end

--- KSR.kx.get_send_sock_port(): int -- complete
---@return integer
function KSR.kx.get_send_sock_port() end

--- KSR.kx.get_rcvip(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rcvip() end

--- KSR.kx.get_rcv_sock_name(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rcv_sock_name() end

--- KSR.kx.get_rcvport(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rcvport() end

--- KSR.kx.get_rcvadvip(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rcvadvip() end

--- KSR.kx.get_rcvadvport(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rcvadvport() end

--- KSR.kx.get_rcvaddr_sock(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_rcvaddr_sock() end

--- KSR.kx.get_proto(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_proto() end

--- KSR.kx.get_protoid(): int -- complete
---@return integer
function KSR.kx.get_protoid() end

--- KSR.kx.get_au(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_au() end

--- KSR.kx.gete_au(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_au() end

--- KSR.kx.getw_au(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_au() end

--- KSR.kx.get_method(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_method() end

--- KSR.kx.get_status(): int -- complete
---@return integer
function KSR.kx.get_status() end

--- KSR.kx.gets_status(): xval -- complete
---@return string|integer|nil
function KSR.kx.gets_status() end

--- KSR.kx.get_body(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_body() end

--- KSR.kx.gete_body(): xval -- complete
---@return string|integer|nil
function KSR.kx.gete_body() end

--- KSR.kx.getw_body(): xval -- complete
---@return string|integer|nil
function KSR.kx.getw_body() end

--- KSR.kx.get_bodylen(): int -- complete
---@return integer
function KSR.kx.get_bodylen() end

--- KSR.kx.get_timestamp(): int -- complete
---@return integer
function KSR.kx.get_timestamp() end

--- KSR.kx.get_callid(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_callid() end

--- KSR.kx.get_conid(): int -- complete
---@return integer
function KSR.kx.get_conid() end

--- KSR.kx.get_msgbuf(): xval -- complete
---@return string|integer|nil
function KSR.kx.get_msgbuf() end

--- KSR.kx.get_msglen(): int -- complete
---@return integer
function KSR.kx.get_msglen() end

--- KSR.kx.get_msgtype(): int -- complete
---@return integer
function KSR.kx.get_msgtype() end

--- KSR.kx.get_def(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.kx.get_def(p1) end

--- KSR.kx.get_defn(str): int -- complete
---@param p1 string
---@return integer
function KSR.kx.get_defn(p1) end

--- KSR.kx.ifdef(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.kx.ifdef(p1) end

--- KSR.kx.ifndef(str): bool -- complete
---@param p1 string
---@return boolean
function KSR.kx.ifndef(p1) end

--- KSR.kx.get_env(str): xval -- partial: scripts cannot read the server's environment: every variable reads as unset
---@param p1 string
---@return string|integer|nil
function KSR.kx.get_env(p1) end

--- KSR.kx.get_envn(str): int -- partial: scripts cannot read the server's environment: every variable reads as unset
---@param p1 string
---@return integer
function KSR.kx.get_envn(p1) end

--- KSR.sl.sl_send_reply(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.sl.sl_send_reply(p1, p2) end

--- KSR.sl.send_reply(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.sl.send_reply(p1, p2) end

--- KSR.sl.send_reply_mode(int, str, int): int -- complete
---@param p1 integer
---@param p2 string
---@param p3 integer
---@return integer
function KSR.sl.send_reply_mode(p1, p2, p3) end

--- KSR.sl.sl_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept)
---@return integer
function KSR.sl.sl_reply_error() end

--- KSR.sl.send_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept)
---@return integer
function KSR.sl.send_reply_error() end

--- KSR.sl.sl_forward_reply(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.sl.sl_forward_reply(p1, p2) end

--- KSR.maxfwd.process_maxfwd(int): int -- complete
---@param p1 integer
---@return integer
function KSR.maxfwd.process_maxfwd(p1) end

--- KSR.maxfwd.is_maxfwd_lt(int): int -- complete
---@param p1 integer
---@return integer
function KSR.maxfwd.is_maxfwd_lt(p1) end

--- KSR.sanity.sanity_check(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.sanity.sanity_check(p1, p2) end

--- KSR.sanity.sanity_check_defaults(): int -- complete
---@return integer
function KSR.sanity.sanity_check_defaults() end

--- KSR.sanity.sanity_reply(): int -- complete
---@return integer
function KSR.sanity.sanity_reply() end

--- KSR.rr.record_route(): int -- complete
---@return integer
function KSR.rr.record_route() end

--- KSR.rr.record_route_params(str): int -- complete
---@param p1 string
---@return integer
function KSR.rr.record_route_params(p1) end

--- KSR.rr.record_route_preset(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rr.record_route_preset(p1, p2) end

--- KSR.rr.record_route_preset_one(str): int -- complete
---@param p1 string
---@return integer
function KSR.rr.record_route_preset_one(p1) end

--- KSR.rr.record_route_advertised_address(str): int -- complete
---@param p1 string
---@return integer
function KSR.rr.record_route_advertised_address(p1) end

--- KSR.rr.remove_record_route(): int -- complete
---@return integer
function KSR.rr.remove_record_route() end

--- KSR.rr.add_rr_param(str): int -- complete
---@param p1 string
---@return integer
function KSR.rr.add_rr_param(p1) end

--- KSR.rr.loose_route(): int -- complete
---@return integer
function KSR.rr.loose_route() end

--- KSR.rr.loose_route_mode(int): int -- complete
---@param p1 integer
---@return integer
function KSR.rr.loose_route_mode(p1) end

--- KSR.rr.loose_route_preloaded(): int -- complete
---@return integer
function KSR.rr.loose_route_preloaded() end

--- KSR.rr.check_route_param(str): int -- complete
---@param p1 string
---@return integer
function KSR.rr.check_route_param(p1) end

--- KSR.rr.is_direction(str): int -- complete
---@param p1 string
---@return integer
function KSR.rr.is_direction(p1) end

--- KSR.rr.next_hop_route(): int -- complete
---@return integer
function KSR.rr.next_hop_route() end

--- KSR.siputils.has_totag(): int -- complete
---@return integer
function KSR.siputils.has_totag() end

--- KSR.siputils.is_request(): int -- complete
---@return integer
function KSR.siputils.is_request() end

--- KSR.siputils.is_reply(): int -- complete
---@return integer
function KSR.siputils.is_reply() end

--- KSR.siputils.is_sip(): int -- complete
---@return integer
function KSR.siputils.is_sip() end

--- KSR.siputils.is_http(): int -- complete
---@return integer
function KSR.siputils.is_http() end

--- KSR.siputils.is_first_hop(): int -- complete
---@return integer
function KSR.siputils.is_first_hop() end

--- KSR.siputils.is_first_hop_mode(int): int -- complete
---@param p1 integer
---@return integer
function KSR.siputils.is_first_hop_mode(p1) end

--- KSR.siputils.is_uri(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.is_uri(p1) end

--- KSR.siputils.is_user(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.is_user(p1) end

--- KSR.siputils.uri_param(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.uri_param(p1) end

--- KSR.siputils.uri_param_value(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.uri_param_value(p1, p2) end

--- KSR.siputils.uri_param_any(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.uri_param_any(p1) end

--- KSR.siputils.uri_param_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.uri_param_rm(p1) end

--- KSR.siputils.add_uri_param(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.add_uri_param(p1) end

--- KSR.siputils.is_tel_number(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.is_tel_number(p1) end

--- KSR.siputils.is_numeric(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.is_numeric(p1) end

--- KSR.siputils.is_alphanum(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.is_alphanum(p1) end

--- KSR.siputils.is_alphanumex(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.is_alphanumex(p1, p2) end

--- KSR.siputils.options_reply(): int -- complete
---@return integer
function KSR.siputils.options_reply() end

--- KSR.siputils.hdr_date_check(int): int -- complete
---@param p1 integer
---@return integer
function KSR.siputils.hdr_date_check(p1) end

--- KSR.siputils.cmp_uri(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.cmp_uri(p1, p2) end

--- KSR.siputils.cmp_aor(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.cmp_aor(p1, p2) end

--- KSR.siputils.cmp_hdr_name(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.cmp_hdr_name(p1, p2) end

--- KSR.siputils.is_gruu(): int -- complete
---@return integer
function KSR.siputils.is_gruu() end

--- KSR.siputils.sip_parse_headers(): int -- complete
---@return integer
function KSR.siputils.sip_parse_headers() end

--- KSR.siputils.encode_contact(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.encode_contact(p1, p2) end

--- KSR.siputils.decode_contact(): int -- complete
---@return integer
function KSR.siputils.decode_contact() end

--- KSR.siputils.decode_contact_header(): int -- complete
---@return integer
function KSR.siputils.decode_contact_header() end

--- KSR.siputils.contact_param_encode(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.contact_param_encode(p1, p2) end

--- KSR.siputils.contact_param_encode_alias(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.siputils.contact_param_encode_alias(p1, p2) end

--- KSR.siputils.contact_param_decode(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.contact_param_decode(p1) end

--- KSR.siputils.contact_param_decode_ruri(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.contact_param_decode_ruri(p1) end

--- KSR.siputils.contact_param_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.contact_param_rm(p1) end

--- KSR.siputils.contact_param_check(str): int -- complete
---@param p1 string
---@return integer
function KSR.siputils.contact_param_check(p1) end

--- KSR.tm.t_relay(): int -- complete
---@return integer
function KSR.tm.t_relay() end

--- KSR.tm.t_relay_to_proxy(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_relay_to_proxy(p1) end

--- KSR.tm.t_relay_to_flags(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_relay_to_flags(p1) end

--- KSR.tm.t_relay_to_proxy_flags(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.tm.t_relay_to_proxy_flags(p1, p2) end

--- KSR.tm.t_relay_to_proto(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_relay_to_proto(p1) end

--- KSR.tm.t_relay_to_proto_addr(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.tm.t_relay_to_proto_addr(p1, p2, p3) end

--- KSR.tm.t_on_failure(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_on_failure(p1) end

--- KSR.tm.t_on_branch(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_on_branch(p1) end

--- KSR.tm.t_on_reply(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_on_reply(p1) end

--- KSR.tm.t_on_branch_failure(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_on_branch_failure(p1) end

--- KSR.tm.t_reply(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.tm.t_reply(p1, p2) end

--- KSR.tm.t_send_reply(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.tm.t_send_reply(p1, p2) end

--- KSR.tm.t_reply_error(): int -- partial: always 500 Server Internal Error: the engine keeps no last internal error to map to a reply
---@return integer
function KSR.tm.t_reply_error() end

--- KSR.tm.t_check_trans(): int -- complete
---@return integer
function KSR.tm.t_check_trans() end

--- KSR.tm.t_newtran(): int -- complete
---@return integer
function KSR.tm.t_newtran() end

--- KSR.tm.t_release(): int -- complete
---@return integer
function KSR.tm.t_release() end

--- KSR.tm.t_exists(): int -- complete
---@return integer
function KSR.tm.t_exists() end

--- KSR.tm.t_lookup_request(): int -- complete
---@return integer
function KSR.tm.t_lookup_request() end

--- KSR.tm.t_lookup_cancel(): int -- complete
---@return integer
function KSR.tm.t_lookup_cancel() end

--- KSR.tm.t_lookup_cancel_flags(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_lookup_cancel_flags(p1) end

--- KSR.tm.t_retransmit_reply(): int -- complete
---@return integer
function KSR.tm.t_retransmit_reply() end

--- KSR.tm.t_is_canceled(): int -- complete
---@return integer
function KSR.tm.t_is_canceled() end

--- KSR.tm.t_is_expired(): int -- complete
---@return integer
function KSR.tm.t_is_expired() end

--- KSR.tm.t_is_set(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_is_set(p1) end

--- KSR.tm.t_set_fr(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.tm.t_set_fr(p1, p2) end

--- KSR.tm.t_set_fr_inv(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_fr_inv(p1) end

--- KSR.tm.t_reset_fr(): int -- complete
---@return integer
function KSR.tm.t_reset_fr() end

--- KSR.tm.t_set_max_lifetime(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.tm.t_set_max_lifetime(p1, p2) end

--- KSR.tm.t_reset_max_lifetime(): int -- complete
---@return integer
function KSR.tm.t_reset_max_lifetime() end

--- KSR.tm.t_set_retr(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.tm.t_set_retr(p1, p2) end

--- KSR.tm.t_reset_retr(): int -- complete
---@return integer
function KSR.tm.t_reset_retr() end

--- KSR.tm.t_load_contacts(): int -- complete
---@return integer
function KSR.tm.t_load_contacts() end

--- KSR.tm.ki_t_load_contacts_mode(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.ki_t_load_contacts_mode(p1) end

--- KSR.tm.t_next_contacts(): int -- complete
---@return integer
function KSR.tm.t_next_contacts() end

--- KSR.tm.t_drop_replies(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_drop_replies(p1) end

--- KSR.tm.t_drop_replies_all(): int -- complete
---@return integer
function KSR.tm.t_drop_replies_all() end

--- KSR.tm.t_use_uac_headers(): int -- complete
---@return integer
function KSR.tm.t_use_uac_headers() end

--- KSR.tm.t_save_lumps(): int -- complete
---@return integer
function KSR.tm.t_save_lumps() end

--- KSR.tm.t_check_status(str): int -- complete
---@param p1 string
---@return integer
function KSR.tm.t_check_status(p1) end

--- KSR.tm.t_grep_status(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_grep_status(p1) end

--- KSR.tm.t_is_retr_async_reply(): int -- complete
---@return integer
function KSR.tm.t_is_retr_async_reply() end

--- KSR.tm.t_any_replied(): int -- complete
---@return integer
function KSR.tm.t_any_replied() end

--- KSR.tm.t_any_timeout(): int -- complete
---@return integer
function KSR.tm.t_any_timeout() end

--- KSR.tm.t_branch_replied(): int -- complete
---@return integer
function KSR.tm.t_branch_replied() end

--- KSR.tm.t_branch_timeout(): int -- complete
---@return integer
function KSR.tm.t_branch_timeout() end

--- KSR.tm.t_set_auto_inv_100(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_auto_inv_100(p1) end

--- KSR.tm.t_set_disable_6xx(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_disable_6xx(p1) end

--- KSR.tm.t_set_disable_failover(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_disable_failover(p1) end

--- KSR.tm.t_set_no_e2e_cancel_reason(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_no_e2e_cancel_reason(p1) end

--- KSR.tm.t_set_disable_internal_reply(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_disable_internal_reply(p1) end

--- KSR.tm.t_set_no_auto_ack(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tm.t_set_no_auto_ack(p1) end

--- KSR.tm.t_get_status_code(): int -- complete
---@return integer
function KSR.tm.t_get_status_code() end

--- KSR.tm.t_get_branch_index(): int -- complete
---@return integer
function KSR.tm.t_get_branch_index() end

--- KSR.tm.t_clean(): int -- complete
---@return integer
function KSR.tm.t_clean() end

--- KSR.tmx.t_precheck_trans(): int -- complete
---@return integer
function KSR.tmx.t_precheck_trans() end

--- KSR.tmx.t_is_request_route(): int -- complete
---@return integer
function KSR.tmx.t_is_request_route() end

--- KSR.tmx.t_is_reply_route(): int -- complete
---@return integer
function KSR.tmx.t_is_reply_route() end

--- KSR.tmx.t_is_failure_route(): int -- complete
---@return integer
function KSR.tmx.t_is_failure_route() end

--- KSR.tmx.t_is_branch_route(): int -- complete
---@return integer
function KSR.tmx.t_is_branch_route() end

--- KSR.tmx.t_suspend(): int -- complete
---@return integer
function KSR.tmx.t_suspend() end

--- KSR.tmx.t_continue(int, int, str): int -- complete
---@param p1 integer
---@param p2 integer
---@param p3 string
---@return integer
function KSR.tmx.t_continue(p1, p2, p3) end

--- KSR.tmx.t_flush_flags(): int -- complete
---@return integer
function KSR.tmx.t_flush_flags() end

--- KSR.tmx.t_flush_xflags(): int -- complete
---@return integer
function KSR.tmx.t_flush_xflags() end

--- KSR.tmx.t_cancel_branches(str): int -- complete
---@param p1 string
---@return integer
function KSR.tmx.t_cancel_branches(p1) end

--- KSR.tmx.t_cancel_callid(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.tmx.t_cancel_callid(p1, p2, p3) end

--- KSR.tmx.t_cancel_callid_reason(str, str, int, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 integer
---@return integer
function KSR.tmx.t_cancel_callid_reason(p1, p2, p3, p4) end

--- KSR.tmx.t_reply_callid(str, str, int, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 string
---@return integer
function KSR.tmx.t_reply_callid(p1, p2, p3, p4) end

--- KSR.tmx.t_drop(): int -- complete
---@return integer
function KSR.tmx.t_drop() end

--- KSR.tmx.t_drop_rcode(int): int -- complete
---@param p1 integer
---@return integer
function KSR.tmx.t_drop_rcode(p1) end

--- KSR.corex.append_branch(): int -- complete
---@return integer
function KSR.corex.append_branch() end

--- KSR.corex.append_branch_uri(str): int -- complete
---@param p1 string
---@return integer
function KSR.corex.append_branch_uri(p1) end

--- KSR.corex.append_branch_uri_q(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.corex.append_branch_uri_q(p1, p2) end

--- KSR.corex.has_ruri_user(): int -- complete
---@return integer
function KSR.corex.has_ruri_user() end

--- KSR.corex.has_user_agent(): int -- complete
---@return integer
function KSR.corex.has_user_agent() end

--- KSR.corex.is_faked_msg(): int -- complete
---@return integer
function KSR.corex.is_faked_msg() end

--- KSR.corex.is_socket_name(str): int -- complete
---@param p1 string
---@return integer
function KSR.corex.is_socket_name(p1) end

--- KSR.corex.send_data(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.corex.send_data(p1, p2) end

--- KSR.corex.sendx(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.corex.sendx(p1, p2, p3) end

--- KSR.corex.setxflag(int): int -- complete
---@param p1 integer
---@return integer
function KSR.corex.setxflag(p1) end

--- KSR.corex.resetxflag(int): int -- complete
---@param p1 integer
---@return integer
function KSR.corex.resetxflag(p1) end

--- KSR.corex.isxflagset(int): int -- complete
---@param p1 integer
---@return integer
function KSR.corex.isxflagset(p1) end

--- KSR.corex.set_send_socket(str): int -- complete
---@param p1 string
---@return integer
function KSR.corex.set_send_socket(p1) end

--- KSR.corex.set_send_socket_name(str): int -- complete
---@param p1 string
---@return integer
function KSR.corex.set_send_socket_name(p1) end

--- KSR.corex.set_recv_socket(str): int -- complete
---@param p1 string
---@return integer
function KSR.corex.set_recv_socket(p1) end

--- KSR.corex.set_recv_socket_name(str): int -- complete
---@param p1 string
---@return integer
function KSR.corex.set_recv_socket_name(p1) end

--- KSR.corex.set_source_address(str): int -- partial: only IP addresses: a host name is not resolved (-1)
---@param p1 string
---@return integer
function KSR.corex.set_source_address(p1) end

--- KSR.corex.via_add_srvid(int): int -- complete
---@param p1 integer
---@return integer
function KSR.corex.via_add_srvid(p1) end

--- KSR.corex.via_add_xavp_params(int): int -- complete
---@param p1 integer
---@return integer
function KSR.corex.via_add_xavp_params(p1) end

--- KSR.corex.via_use_xavp_fields(int): int -- complete
---@param p1 integer
---@return integer
function KSR.corex.via_use_xavp_fields(p1) end

--- KSR.corex.via_reply_add_xavp_params(int): int -- partial: kept on the message (and tm copies), but replies (local or relayed) get no Via parameters from the xavp yet
---@param p1 integer
---@return integer
function KSR.corex.via_reply_add_xavp_params(p1) end

--- KSR.corex.file_read(str): xval -- partial: scripts have no file system access
---@param p1 string
---@return string|integer|nil
function KSR.corex.file_read(p1) end

--- KSR.corex.file_write(str, str): int -- partial: scripts have no file system access
---@param p1 string
---@param p2 string
---@return integer
function KSR.corex.file_write(p1, p2) end

--- KSR.corex.forward_uac(): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@return integer
function KSR.corex.forward_uac() end

--- KSR.corex.forward_uac_branch(int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@param p1 integer
---@return integer
function KSR.corex.forward_uac_branch(p1) end

--- KSR.corex.forward_uac_uri(str): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@param p1 string
---@return integer
function KSR.corex.forward_uac_uri(p1) end

--- KSR.corex.forward_uac_uri_branch(str, int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1
---@param p1 string
---@param p2 integer
---@return integer
function KSR.corex.forward_uac_uri_branch(p1, p2) end

--- KSR.auth.consume_credentials(): int -- complete
---@return integer
function KSR.auth.consume_credentials() end

--- KSR.auth.auth_challenge(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.auth.auth_challenge(p1, p2) end

--- KSR.auth.www_challenge(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.auth.www_challenge(p1, p2) end

--- KSR.auth.proxy_challenge(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.auth.proxy_challenge(p1, p2) end

--- KSR.auth.pv_auth_check(str, str, int, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 integer
---@return integer
function KSR.auth.pv_auth_check(p1, p2, p3, p4) end

--- KSR.auth.pv_proxy_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.auth.pv_proxy_authenticate(p1, p2, p3) end

--- KSR.auth.pv_www_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.auth.pv_www_authenticate(p1, p2, p3) end

--- KSR.auth.pv_www_authenticate_method(str, str, int, str): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 string
---@return integer
function KSR.auth.pv_www_authenticate_method(p1, p2, p3, p4) end

--- KSR.auth.has_credentials(str): int -- complete
---@param p1 string
---@return integer
function KSR.auth.has_credentials(p1) end

--- KSR.auth.auth_get_www_authenticate(str, int, str): int -- complete
---@param p1 string
---@param p2 integer
---@param p3 string
---@return integer
function KSR.auth.auth_get_www_authenticate(p1, p2, p3) end

--- KSR.auth.auth_algorithm(str): int -- complete
---@param p1 string
---@return integer
function KSR.auth.auth_algorithm(p1) end

--- KSR.auth_db.auth_check(str, str, int): int -- partial: flag 2 (skip the identity check for requests from other domains) is ignored
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.auth_db.auth_check(p1, p2, p3) end

--- KSR.auth_db.is_subscriber(str, str, int): int -- partial: flags are ignored: the domain is always matched, credential AVPs are never loaded
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.auth_db.is_subscriber(p1, p2, p3) end

--- KSR.auth_db.www_authenticate(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.auth_db.www_authenticate(p1, p2) end

--- KSR.auth_db.www_authenticate_method(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.auth_db.www_authenticate_method(p1, p2, p3) end

--- KSR.registrar.save(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.registrar.save(p1, p2) end

--- KSR.registrar.save_uri(str, int, str): int -- complete
---@param p1 string
---@param p2 integer
---@param p3 string
---@return integer
function KSR.registrar.save_uri(p1, p2, p3) end

--- KSR.registrar.lookup(str): int -- complete
---@param p1 string
---@return integer
function KSR.registrar.lookup(p1) end

--- KSR.registrar.lookup_uri(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.registrar.lookup_uri(p1, p2) end

--- KSR.registrar.lookup_to_dset(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.registrar.lookup_to_dset(p1, p2) end

--- KSR.registrar.lookup_branches(str): int -- complete
---@param p1 string
---@return integer
function KSR.registrar.lookup_branches(p1) end

--- KSR.registrar.registered(str): int -- complete
---@param p1 string
---@return integer
function KSR.registrar.registered(p1) end

--- KSR.registrar.registered_uri(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.registrar.registered_uri(p1, p2) end

--- KSR.registrar.registered_flags(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.registrar.registered_flags(p1, p2, p3) end

--- KSR.registrar.registered_action(str, str, int, int): int -- partial: the action is ignored (it fills xavps, which this build has not): as registered_flags
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 integer
---@return integer
function KSR.registrar.registered_action(p1, p2, p3, p4) end

--- KSR.registrar.set_q_override(str): int -- complete
---@param p1 string
---@return integer
function KSR.registrar.set_q_override(p1) end

--- KSR.registrar.add_sock_hdr(str): int -- complete
---@param p1 string
---@return integer
function KSR.registrar.add_sock_hdr(p1) end

--- KSR.registrar.unregister(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.registrar.unregister(p1, p2) end

--- KSR.registrar.unregister_ruid(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.registrar.unregister_ruid(p1, p2, p3) end

--- KSR.registrar.reg_fetch_contacts(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.registrar.reg_fetch_contacts(p1, p2, p3) end

--- KSR.registrar.reg_free_contacts(str): int -- complete
---@param p1 string
---@return integer
function KSR.registrar.reg_free_contacts(p1) end

--- KSR.registrar.reg_from_user(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.registrar.reg_from_user(p1, p2, p3) end

--- KSR.registrar.reg_send_reply(): int -- complete
---@return integer
function KSR.registrar.reg_send_reply() end

--- KSR.registrar.ulc_rget(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.registrar.ulc_rget(p1, p2) end

--- KSR.registrar.ulc_cget(str, str, int): xval -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return string|integer|nil
function KSR.registrar.ulc_cget(p1, p2, p3) end

--- KSR.pvx.sbranch_set_ruri(): int -- complete
---@return integer
function KSR.pvx.sbranch_set_ruri() end

--- KSR.pvx.sbranch_append(): int -- complete
---@return integer
function KSR.pvx.sbranch_append() end

--- KSR.pvx.sbranch_reset(): int -- complete
---@return integer
function KSR.pvx.sbranch_reset() end

--- KSR.pvx.var_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.var_seti(p1, p2) end

--- KSR.pvx.var_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.var_sets(p1, p2) end

--- KSR.pvx.var_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.var_get(p1) end

--- KSR.pvx.shv_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.shv_seti(p1, p2) end

--- KSR.pvx.shv_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.shv_sets(p1, p2) end

--- KSR.pvx.shv_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.shv_get(p1) end

--- KSR.pvx.shvinc_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.shvinc_get(p1) end

--- KSR.pvx.pv_var_to_xavp(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.pv_var_to_xavp(p1, p2) end

--- KSR.pvx.pv_xavp_to_var(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.pv_xavp_to_var(p1) end

--- KSR.pvx.pv_xavp_print(): int -- complete
---@return integer
function KSR.pvx.pv_xavp_print() end

--- KSR.pvx.pv_xavu_print(): int -- complete
---@return integer
function KSR.pvx.pv_xavu_print() end

--- KSR.pvx.pv_xavi_print(): int -- complete
---@return integer
function KSR.pvx.pv_xavi_print() end

--- KSR.pvx.xavp_params_explode(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavp_params_explode(p1, p2) end

--- KSR.pvx.xavp_xparams_explode(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.pvx.xavp_xparams_explode(p1, p2, p3) end

--- KSR.pvx.xavp_params_implode(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavp_params_implode(p1, p2) end

--- KSR.pvx.xavp_params_implode_qval(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavp_params_implode_qval(p1, p2) end

--- KSR.pvx.xavu_params_explode(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavu_params_explode(p1, p2) end

--- KSR.pvx.xavu_params_implode(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavu_params_implode(p1, p2) end

--- KSR.pvx.xavp_slist_explode(str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@return integer
function KSR.pvx.xavp_slist_explode(p1, p2, p3, p4) end

--- KSR.pvx.xavp_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.xavp_seti(p1, p2) end

--- KSR.pvx.xavp_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavp_sets(p1, p2) end

--- KSR.pvx.xavp_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavp_get(p1) end

--- KSR.pvx.xavp_gete(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavp_gete(p1) end

--- KSR.pvx.xavp_getw(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavp_getw(p1) end

--- KSR.pvx.xavp_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavp_rm(p1) end

--- KSR.pvx.xavp_is_null(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavp_is_null(p1) end

--- KSR.pvx.xavp_child_seti(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.pvx.xavp_child_seti(p1, p2, p3) end

--- KSR.pvx.xavp_child_sets(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.pvx.xavp_child_sets(p1, p2, p3) end

--- KSR.pvx.xavp_child_rm(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavp_child_rm(p1, p2) end

--- KSR.pvx.xavp_child_is_null(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavp_child_is_null(p1, p2) end

--- KSR.pvx.xavp_child_get(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavp_child_get(p1, p2) end

--- KSR.pvx.xavp_child_gete(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavp_child_gete(p1, p2) end

--- KSR.pvx.xavp_child_getw(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavp_child_getw(p1, p2) end

--- KSR.pvx.xavp_rm_all(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavp_rm_all(p1) end

--- KSR.pvx.xavp_getd(str): xval -- complete
---@param p1 string
---@return string|integer|table|nil
function KSR.pvx.xavp_getd(p1) end

--- KSR.pvx.xavp_getd_p1(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|table|nil
function KSR.pvx.xavp_getd_p1(p1, p2) end

--- KSR.pvx.xavp_get_keys(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|table|nil
function KSR.pvx.xavp_get_keys(p1, p2) end

--- KSR.pvx.xavu_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.xavu_seti(p1, p2) end

--- KSR.pvx.xavu_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavu_sets(p1, p2) end

--- KSR.pvx.xavu_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavu_get(p1) end

--- KSR.pvx.xavu_gete(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavu_gete(p1) end

--- KSR.pvx.xavu_getw(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavu_getw(p1) end

--- KSR.pvx.xavu_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavu_rm(p1) end

--- KSR.pvx.xavu_is_null(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavu_is_null(p1) end

--- KSR.pvx.xavu_child_seti(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.pvx.xavu_child_seti(p1, p2, p3) end

--- KSR.pvx.xavu_child_sets(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.pvx.xavu_child_sets(p1, p2, p3) end

--- KSR.pvx.xavu_child_rm(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavu_child_rm(p1, p2) end

--- KSR.pvx.xavu_child_is_null(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavu_child_is_null(p1, p2) end

--- KSR.pvx.xavu_child_get(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavu_child_get(p1, p2) end

--- KSR.pvx.xavu_child_gete(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavu_child_gete(p1, p2) end

--- KSR.pvx.xavu_child_getw(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavu_child_getw(p1, p2) end

--- KSR.pvx.xavi_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.xavi_seti(p1, p2) end

--- KSR.pvx.xavi_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavi_sets(p1, p2) end

--- KSR.pvx.xavi_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavi_get(p1) end

--- KSR.pvx.xavi_gete(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavi_gete(p1) end

--- KSR.pvx.xavi_getw(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.xavi_getw(p1) end

--- KSR.pvx.xavi_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavi_rm(p1) end

--- KSR.pvx.xavi_is_null(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavi_is_null(p1) end

--- KSR.pvx.xavi_child_seti(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.pvx.xavi_child_seti(p1, p2, p3) end

--- KSR.pvx.xavi_child_sets(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.pvx.xavi_child_sets(p1, p2, p3) end

--- KSR.pvx.xavi_child_rm(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavi_child_rm(p1, p2) end

--- KSR.pvx.xavi_child_is_null(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.xavi_child_is_null(p1, p2) end

--- KSR.pvx.xavi_child_get(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavi_child_get(p1, p2) end

--- KSR.pvx.xavi_child_gete(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavi_child_gete(p1, p2) end

--- KSR.pvx.xavi_child_getw(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.pvx.xavi_child_getw(p1, p2) end

--- KSR.pvx.xavi_rm_all(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.xavi_rm_all(p1) end

--- KSR.pvx.xavi_getd(str): xval -- complete
---@param p1 string
---@return string|integer|table|nil
function KSR.pvx.xavi_getd(p1) end

--- KSR.pvx.xavi_getd_p1(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|table|nil
function KSR.pvx.xavi_getd_p1(p1, p2) end

--- KSR.pvx.xavi_get_keys(str, int): xval -- complete
---@param p1 string
---@param p2 integer
---@return string|integer|table|nil
function KSR.pvx.xavi_get_keys(p1, p2) end

--- KSR.pvx.evalx(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.evalx(p1, p2) end

--- KSR.pvx.avp_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.avp_seti(p1, p2) end

--- KSR.pvx.avp_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.pvx.avp_sets(p1, p2) end

--- KSR.pvx.avp_get(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.avp_get(p1) end

--- KSR.pvx.avp_gete(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.avp_gete(p1) end

--- KSR.pvx.avp_getw(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.pvx.avp_getw(p1) end

--- KSR.pvx.avp_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.avp_rm(p1) end

--- KSR.pvx.avp_is_null(str): int -- complete
---@param p1 string
---@return integer
function KSR.pvx.avp_is_null(p1) end

--- KSR.pvx.xavp_copy(str, int, str): int -- complete
---@param p1 string
---@param p2 integer
---@param p3 string
---@return integer
function KSR.pvx.xavp_copy(p1, p2, p3) end

--- KSR.pvx.xavp_copy_dst(str, int, str, int): int -- complete
---@param p1 string
---@param p2 integer
---@param p3 string
---@param p4 integer
---@return integer
function KSR.pvx.xavp_copy_dst(p1, p2, p3, p4) end

--- KSR.pvx.xavp_lshift(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.pvx.xavp_lshift(p1, p2) end

--- KSR.pvx.xavp_push_dst(str): int -- partial: pushes the R-URI and $du as fields uri and dsturi only
---@param p1 string
---@return integer
function KSR.pvx.xavp_push_dst(p1) end

--- KSR.textops.search(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.search(p1) end

--- KSR.textops.search_body(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.search_body(p1) end

--- KSR.textops.search_hf(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.search_hf(p1, p2, p3) end

--- KSR.textops.is_present_hf(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.is_present_hf(p1) end

--- KSR.textops.is_present_hf_re(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.is_present_hf_re(p1) end

--- KSR.textops.search_str(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.search_str(p1, p2) end

--- KSR.textops.regex_substring(str, str, int, int, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 integer
---@param p5 string
---@return integer
function KSR.textops.regex_substring(p1, p2, p3, p4, p5) end

--- KSR.textops.search_append(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.search_append(p1, p2) end

--- KSR.textops.search_append_body(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.search_append_body(p1, p2) end

--- KSR.textops.replace(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.replace(p1, p2) end

--- KSR.textops.replace_all(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.replace_all(p1, p2) end

--- KSR.textops.replace_body(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.replace_body(p1, p2) end

--- KSR.textops.replace_body_all(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.replace_body_all(p1, p2) end

--- KSR.textops.replace_body_atonce(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.replace_body_atonce(p1, p2) end

--- KSR.textops.replace_hdrs(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.replace_hdrs(p1, p2) end

--- KSR.textops.replace_str(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.replace_str(p1, p2, p3) end

--- KSR.textops.replace_body_str(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.replace_body_str(p1, p2, p3) end

--- KSR.textops.replace_hdrs_str(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.replace_hdrs_str(p1, p2, p3) end

--- KSR.textops.subst(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.subst(p1) end

--- KSR.textops.subst_body(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.subst_body(p1) end

--- KSR.textops.subst_uri(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.subst_uri(p1) end

--- KSR.textops.subst_user(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.subst_user(p1) end

--- KSR.textops.subst_hf(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.subst_hf(p1, p2, p3) end

--- KSR.textops.subst_v(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.subst_v(p1, p2, p3) end

--- KSR.textops.remove_hf(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.remove_hf(p1) end

--- KSR.textops.remove_hf_re(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.remove_hf_re(p1) end

--- KSR.textops.remove_hf_idx(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.textops.remove_hf_idx(p1, p2) end

--- KSR.textops.remove_hf_exp(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.remove_hf_exp(p1, p2) end

--- KSR.textops.remove_hf_match(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.remove_hf_match(p1, p2, p3) end

--- KSR.textops.set_body(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.set_body(p1, p2) end

--- KSR.textops.set_body_hex(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.set_body_hex(p1, p2) end

--- KSR.textops.set_reply_body(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.set_reply_body(p1, p2) end

--- KSR.textops.set_reply_body_hex(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.set_reply_body_hex(p1, p2) end

--- KSR.textops.has_body(): int -- complete
---@return integer
function KSR.textops.has_body() end

--- KSR.textops.has_body_type(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.has_body_type(p1) end

--- KSR.textops.filter_body(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.filter_body(p1) end

--- KSR.textops.set_body_multipart_mode(): int -- complete
---@return integer
function KSR.textops.set_body_multipart_mode() end

--- KSR.textops.set_body_multipart_boundary(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.set_body_multipart_boundary(p1) end

--- KSR.textops.set_body_multipart_content(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.set_body_multipart_content(p1, p2) end

--- KSR.textops.set_body_multipart(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.set_body_multipart(p1, p2, p3) end

--- KSR.textops.append_body_part(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.append_body_part(p1, p2) end

--- KSR.textops.append_body_part_cd(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.append_body_part_cd(p1, p2, p3) end

--- KSR.textops.append_body_part_hex(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.append_body_part_hex(p1, p2) end

--- KSR.textops.append_body_part_hex_cd(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.append_body_part_hex_cd(p1, p2, p3) end

--- KSR.textops.remove_body_part(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.remove_body_part(p1) end

--- KSR.textops.get_body_part(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.get_body_part(p1, p2) end

--- KSR.textops.get_body_part_raw(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.get_body_part_raw(p1, p2) end

--- KSR.textops.is_audio_on_hold(): int -- complete
---@return integer
function KSR.textops.is_audio_on_hold() end

--- KSR.textops.is_privacy(str): int -- complete
---@param p1 string
---@return integer
function KSR.textops.is_privacy(p1) end

--- KSR.textops.in_list(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.in_list(p1, p2, p3) end

--- KSR.textops.in_list_prefix(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textops.in_list_prefix(p1, p2, p3) end

--- KSR.textops.cmp_str(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.cmp_str(p1, p2) end

--- KSR.textops.cmp_istr(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.cmp_istr(p1, p2) end

--- KSR.textops.starts_with(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.starts_with(p1, p2) end

--- KSR.textops.ends_with(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.ends_with(p1, p2) end

--- KSR.textops.str_find(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.str_find(p1, p2) end

--- KSR.textops.str_ifind(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.str_ifind(p1, p2) end

--- KSR.textops.str_any_in(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.str_any_in(p1, p2) end

--- KSR.textops.str_all_in(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textops.str_all_in(p1, p2) end

--- KSR.textopsx.msg_apply_changes(): int -- complete
---@return integer
function KSR.textopsx.msg_apply_changes() end

--- KSR.textopsx.msg_set_buffer(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.msg_set_buffer(p1) end

--- KSR.textopsx.change_reply_status(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.textopsx.change_reply_status(p1, p2) end

--- KSR.textopsx.change_reply_status_code(int): int -- complete
---@param p1 integer
---@return integer
function KSR.textopsx.change_reply_status_code(p1) end

--- KSR.textopsx.remove_body(): int -- complete
---@return integer
function KSR.textopsx.remove_body() end

--- KSR.textopsx.keep_hf(): int -- complete
---@return integer
function KSR.textopsx.keep_hf() end

--- KSR.textopsx.keep_hf_re(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.keep_hf_re(p1) end

--- KSR.textopsx.fnmatch(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.fnmatch(p1, p2) end

--- KSR.textopsx.fnmatch_ex(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.textopsx.fnmatch_ex(p1, p2, p3) end

--- KSR.textopsx.append_hf_value(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.append_hf_value(p1, p2) end

--- KSR.textopsx.insert_hf_value(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.insert_hf_value(p1, p2) end

--- KSR.textopsx.assign_hf_value(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.assign_hf_value(p1, p2) end

--- KSR.textopsx.assign_hf_value2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.assign_hf_value2(p1, p2) end

--- KSR.textopsx.remove_hf_value(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.remove_hf_value(p1) end

--- KSR.textopsx.remove_hf_value2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.remove_hf_value2(p1, p2) end

--- KSR.textopsx.include_hf_value(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.include_hf_value(p1, p2) end

--- KSR.textopsx.exclude_hf_value(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.exclude_hf_value(p1, p2) end

--- KSR.textopsx.hf_value_exists(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.hf_value_exists(p1, p2) end

--- KSR.textopsx.hf_iterator_start(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.hf_iterator_start(p1) end

--- KSR.textopsx.hf_iterator_end(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.hf_iterator_end(p1) end

--- KSR.textopsx.hf_iterator_next(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.hf_iterator_next(p1) end

--- KSR.textopsx.hf_iterator_prev(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.hf_iterator_prev(p1) end

--- KSR.textopsx.hf_iterator_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.hf_iterator_rm(p1) end

--- KSR.textopsx.hf_iterator_append(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.hf_iterator_append(p1, p2) end

--- KSR.textopsx.hf_iterator_insert(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.hf_iterator_insert(p1, p2) end

--- KSR.textopsx.hf_iterator_hname(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.textopsx.hf_iterator_hname(p1) end

--- KSR.textopsx.hf_iterator_hbody(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.textopsx.hf_iterator_hbody(p1) end

--- KSR.textopsx.bl_iterator_start(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.bl_iterator_start(p1) end

--- KSR.textopsx.bl_iterator_end(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.bl_iterator_end(p1) end

--- KSR.textopsx.bl_iterator_next(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.bl_iterator_next(p1) end

--- KSR.textopsx.bl_iterator_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.textopsx.bl_iterator_rm(p1) end

--- KSR.textopsx.bl_iterator_append(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.bl_iterator_append(p1, p2) end

--- KSR.textopsx.bl_iterator_insert(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.textopsx.bl_iterator_insert(p1, p2) end

--- KSR.textopsx.bl_iterator_value(str): xval -- complete
---@param p1 string
---@return string|integer|nil
function KSR.textopsx.bl_iterator_value(p1) end

--- KSR.posops.pos_append(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_append(p1, p2) end

--- KSR.posops.pos_insert(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_insert(p1, p2) end

--- KSR.posops.pos_rm(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.posops.pos_rm(p1, p2) end

--- KSR.posops.pos_set_char(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_set_char(p1, p2) end

--- KSR.posops.pos_headers_start(): int -- complete
---@return integer
function KSR.posops.pos_headers_start() end

--- KSR.posops.pos_headers_end(): int -- complete
---@return integer
function KSR.posops.pos_headers_end() end

--- KSR.posops.pos_body_start(): int -- complete
---@return integer
function KSR.posops.pos_body_start() end

--- KSR.posops.pos_body_end(): int -- complete
---@return integer
function KSR.posops.pos_body_end() end

--- KSR.posops.pos_find_str(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_find_str(p1, p2) end

--- KSR.posops.pos_findi_str(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_findi_str(p1, p2) end

--- KSR.posops.pos_rfind_str(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_rfind_str(p1, p2) end

--- KSR.posops.pos_rfindi_str(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_rfindi_str(p1, p2) end

--- KSR.posops.pos_search(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_search(p1, p2) end

--- KSR.posops.pos_rsearch(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.posops.pos_rsearch(p1, p2) end

--- KSR.htable.sht_lock(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_lock(p1, p2) end

--- KSR.htable.sht_unlock(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_unlock(p1, p2) end

--- KSR.htable.sht_reset(str): int -- complete
---@param p1 string
---@return integer
function KSR.htable.sht_reset(p1) end

--- KSR.htable.sht_iterator_start(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_iterator_start(p1, p2) end

--- KSR.htable.sht_iterator_next(str): int -- complete
---@param p1 string
---@return integer
function KSR.htable.sht_iterator_next(p1) end

--- KSR.htable.sht_iterator_end(str): int -- complete
---@param p1 string
---@return integer
function KSR.htable.sht_iterator_end(p1) end

--- KSR.htable.sht_iterator_rm(str): int -- complete
---@param p1 string
---@return integer
function KSR.htable.sht_iterator_rm(p1) end

--- KSR.htable.sht_iterator_sets(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_iterator_sets(p1, p2) end

--- KSR.htable.sht_iterator_seti(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.htable.sht_iterator_seti(p1, p2) end

--- KSR.htable.sht_iterator_setex(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.htable.sht_iterator_setex(p1, p2) end

--- KSR.htable.sht_rm(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_rm(p1, p2) end

--- KSR.htable.sht_rm_name_re(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_rm_name_re(p1, p2) end

--- KSR.htable.sht_rm_value_re(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_rm_value_re(p1, p2) end

--- KSR.htable.sht_rm_name(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.htable.sht_rm_name(p1, p2, p3) end

--- KSR.htable.sht_rm_value(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.htable.sht_rm_value(p1, p2, p3) end

--- KSR.htable.sht_match_name(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.htable.sht_match_name(p1, p2, p3) end

--- KSR.htable.sht_match_str_value(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.htable.sht_match_str_value(p1, p2, p3) end

--- KSR.htable.sht_get(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.htable.sht_get(p1, p2) end

--- KSR.htable.sht_gete(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.htable.sht_gete(p1, p2) end

--- KSR.htable.sht_getw(str, str): xval -- complete
---@param p1 string
---@param p2 string
---@return string|integer|nil
function KSR.htable.sht_getw(p1, p2) end

--- KSR.htable.sht_sets(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.htable.sht_sets(p1, p2, p3) end

--- KSR.htable.sht_seti(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.htable.sht_seti(p1, p2, p3) end

--- KSR.htable.sht_setex(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.htable.sht_setex(p1, p2, p3) end

--- KSR.htable.sht_setxi(str, str, int, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@param p4 integer
---@return integer
function KSR.htable.sht_setxi(p1, p2, p3, p4) end

--- KSR.htable.sht_setxs(str, str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 integer
---@return integer
function KSR.htable.sht_setxs(p1, p2, p3, p4) end

--- KSR.htable.sht_is_null(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_is_null(p1, p2) end

--- KSR.htable.sht_inc(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_inc(p1, p2) end

--- KSR.htable.sht_dec(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.htable.sht_dec(p1, p2) end

--- KSR.htable.sht_cn(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.htable.sht_cn(p1, p2, p3) end

--- KSR.pike.pike_check_req(): int -- complete
---@return integer
function KSR.pike.pike_check_req() end

--- KSR.pike.pike_check_ip(str): int -- complete
---@param p1 string
---@return integer
function KSR.pike.pike_check_ip(p1) end

--- KSR.permissions.allow_source_address(int): int -- complete
---@param p1 integer
---@return integer
function KSR.permissions.allow_source_address(p1) end

--- KSR.permissions.allow_address(int, str, int): int -- complete
---@param p1 integer
---@param p2 string
---@param p3 integer
---@return integer
function KSR.permissions.allow_address(p1, p2, p3) end

--- KSR.permissions.allow_source_address_group(): int -- complete
---@return integer
function KSR.permissions.allow_source_address_group() end

--- KSR.permissions.allow_address_group(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.permissions.allow_address_group(p1, p2) end

--- KSR.permissions.allow_trusted(): int -- complete
---@return integer
function KSR.permissions.allow_trusted() end

--- KSR.nathelper.nat_uac_test(int): int -- complete
---@param p1 integer
---@return integer
function KSR.nathelper.nat_uac_test(p1) end

--- KSR.nathelper.fix_nated_contact(): int -- complete
---@return integer
function KSR.nathelper.fix_nated_contact() end

--- KSR.nathelper.fix_nated_register(): int -- complete
---@return integer
function KSR.nathelper.fix_nated_register() end

--- KSR.nathelper.set_contact_alias(): int -- complete
---@return integer
function KSR.nathelper.set_contact_alias() end

--- KSR.nathelper.set_contact_alias_trim(): int -- complete
---@return integer
function KSR.nathelper.set_contact_alias_trim() end

--- KSR.nathelper.handle_ruri_alias(): int -- complete
---@return integer
function KSR.nathelper.handle_ruri_alias() end

--- KSR.nathelper.handle_ruri_alias_mode(int): int -- complete
---@param p1 integer
---@return integer
function KSR.nathelper.handle_ruri_alias_mode(p1) end

--- KSR.nathelper.is_rfc1918(str): int -- complete
---@param p1 string
---@return integer
function KSR.nathelper.is_rfc1918(p1) end

--- KSR.nathelper.add_contact_alias(): int -- complete
---@return integer
function KSR.nathelper.add_contact_alias() end

--- KSR.nathelper.add_contact_alias_addr(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.nathelper.add_contact_alias_addr(p1, p2, p3) end

--- KSR.nathelper.add_rcv_param(int): int -- complete
---@param p1 integer
---@return integer
function KSR.nathelper.add_rcv_param(p1) end

--- KSR.nathelper.fix_nated_sdp(int): int -- complete
---@param p1 integer
---@return integer
function KSR.nathelper.fix_nated_sdp(p1) end

--- KSR.nathelper.fix_nated_sdp_ip(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.nathelper.fix_nated_sdp_ip(p1, p2) end

--- KSR.nathelper.set_alias_to_pv(str): int -- complete
---@param p1 string
---@return integer
function KSR.nathelper.set_alias_to_pv(p1) end

--- KSR.dispatcher.ds_select(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.dispatcher.ds_select(p1, p2) end

--- KSR.dispatcher.ds_select_limit(int, int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@param p3 integer
---@return integer
function KSR.dispatcher.ds_select_limit(p1, p2, p3) end

--- KSR.dispatcher.ds_select_dst(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.dispatcher.ds_select_dst(p1, p2) end

--- KSR.dispatcher.ds_select_dst_limit(int, int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@param p3 integer
---@return integer
function KSR.dispatcher.ds_select_dst_limit(p1, p2, p3) end

--- KSR.dispatcher.ds_select_domain(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.dispatcher.ds_select_domain(p1, p2) end

--- KSR.dispatcher.ds_select_domain_limit(int, int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@param p3 integer
---@return integer
function KSR.dispatcher.ds_select_domain_limit(p1, p2, p3) end

--- KSR.dispatcher.ds_select_routes(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.dispatcher.ds_select_routes(p1, p2) end

--- KSR.dispatcher.ds_select_routes_limit(str, str, int): int -- complete
---@param p1 string
---@param p2 string
---@param p3 integer
---@return integer
function KSR.dispatcher.ds_select_routes_limit(p1, p2, p3) end

--- KSR.dispatcher.ds_next_dst(): int -- complete
---@return integer
function KSR.dispatcher.ds_next_dst() end

--- KSR.dispatcher.ds_next_domain(): int -- complete
---@return integer
function KSR.dispatcher.ds_next_domain() end

--- KSR.dispatcher.ds_set_dst(): int -- complete
---@return integer
function KSR.dispatcher.ds_set_dst() end

--- KSR.dispatcher.ds_set_domain(): int -- complete
---@return integer
function KSR.dispatcher.ds_set_domain() end

--- KSR.dispatcher.ds_mark_dst(): int -- complete
---@return integer
function KSR.dispatcher.ds_mark_dst() end

--- KSR.dispatcher.ds_mark_dst_state(str): int -- complete
---@param p1 string
---@return integer
function KSR.dispatcher.ds_mark_dst_state(p1) end

--- KSR.dispatcher.ds_mark_addr(str, int, str): int -- complete
---@param p1 string
---@param p2 integer
---@param p3 string
---@return integer
function KSR.dispatcher.ds_mark_addr(p1, p2, p3) end

--- KSR.dispatcher.ds_is_from_lists(): int -- complete
---@return integer
function KSR.dispatcher.ds_is_from_lists() end

--- KSR.dispatcher.ds_is_from_list(int): int -- complete
---@param p1 integer
---@return integer
function KSR.dispatcher.ds_is_from_list(p1) end

--- KSR.dispatcher.ds_is_from_list_mode(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.dispatcher.ds_is_from_list_mode(p1, p2) end

--- KSR.dispatcher.ds_is_from_list_uri(int, int, str): int -- complete
---@param p1 integer
---@param p2 integer
---@param p3 string
---@return integer
function KSR.dispatcher.ds_is_from_list_uri(p1, p2, p3) end

--- KSR.dispatcher.ds_load_update(): int -- complete
---@return integer
function KSR.dispatcher.ds_load_update() end

--- KSR.dispatcher.ds_load_unset(): int -- complete
---@return integer
function KSR.dispatcher.ds_load_unset() end

--- KSR.dispatcher.ds_reload(): int -- complete
---@return integer
function KSR.dispatcher.ds_reload() end

--- KSR.dispatcher.ds_list_exists(int): int -- complete
---@param p1 integer
---@return integer
function KSR.dispatcher.ds_list_exists(p1) end

--- KSR.dispatcher.ds_is_active(int): int -- complete
---@param p1 integer
---@return integer
function KSR.dispatcher.ds_is_active(p1) end

--- KSR.dispatcher.ds_is_active_uri(int, str): int -- complete
---@param p1 integer
---@param p2 string
---@return integer
function KSR.dispatcher.ds_is_active_uri(p1, p2) end

--- KSR.uac.uac_auth(): int -- complete
---@return integer
function KSR.uac.uac_auth() end

--- KSR.uac.uac_auth_mode(int): int -- complete
---@param p1 integer
---@return integer
function KSR.uac.uac_auth_mode(p1) end

--- KSR.uac.uac_req_send(): int -- complete
---@return integer
function KSR.uac.uac_req_send() end

--- KSR.uac.uac_replace_from_uri(str): int -- complete
---@param p1 string
---@return integer
function KSR.uac.uac_replace_from_uri(p1) end

--- KSR.uac.uac_replace_from(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.uac.uac_replace_from(p1, p2) end

--- KSR.uac.uac_restore_from(): int -- complete
---@return integer
function KSR.uac.uac_restore_from() end

--- KSR.uac.uac_replace_to_uri(str): int -- complete
---@param p1 string
---@return integer
function KSR.uac.uac_replace_to_uri(p1) end

--- KSR.uac.uac_replace_to(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.uac.uac_replace_to(p1, p2) end

--- KSR.uac.uac_restore_to(): int -- complete
---@return integer
function KSR.uac.uac_restore_to() end

--- KSR.uac.uac_reg_lookup(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.uac.uac_reg_lookup(p1, p2) end

--- KSR.uac.uac_reg_lookup_uri(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.uac.uac_reg_lookup_uri(p1, p2) end

--- KSR.uac.uac_reg_status(str): int -- complete
---@param p1 string
---@return integer
function KSR.uac.uac_reg_status(p1) end

--- KSR.uac.uac_reg_request_to(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.uac.uac_reg_request_to(p1, p2) end

--- KSR.uac.uac_reg_enable(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.uac.uac_reg_enable(p1, p2) end

--- KSR.uac.uac_reg_disable(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.uac.uac_reg_disable(p1, p2) end

--- KSR.uac.uac_reg_refresh(str): int -- complete
---@param p1 string
---@return integer
function KSR.uac.uac_reg_refresh(p1) end

--- KSR.uac_redirect.get_redirects_all(): int -- complete
---@return integer
function KSR.uac_redirect.get_redirects_all() end

--- KSR.uac_redirect.get_redirects(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.uac_redirect.get_redirects(p1, p2) end

--- KSR.uac_redirect.get_redirects_acc(int, int, str): int -- complete
---@param p1 integer
---@param p2 integer
---@param p3 string
---@return integer
function KSR.uac_redirect.get_redirects_acc(p1, p2, p3) end

--- KSR.rtpengine.rtpengine_manage0(): int -- complete
---@return integer
function KSR.rtpengine.rtpengine_manage0() end

--- KSR.rtpengine.rtpengine_manage(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_manage(p1) end

--- KSR.rtpengine.rtpengine_manage2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_manage2(p1, p2) end

--- KSR.rtpengine.rtpengine_offer0(): int -- complete
---@return integer
function KSR.rtpengine.rtpengine_offer0() end

--- KSR.rtpengine.rtpengine_offer(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_offer(p1) end

--- KSR.rtpengine.rtpengine_offer2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_offer2(p1, p2) end

--- KSR.rtpengine.rtpengine_answer0(): int -- complete
---@return integer
function KSR.rtpengine.rtpengine_answer0() end

--- KSR.rtpengine.rtpengine_answer(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_answer(p1) end

--- KSR.rtpengine.rtpengine_answer2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_answer2(p1, p2) end

--- KSR.rtpengine.rtpengine_delete0(): int -- complete
---@return integer
function KSR.rtpengine.rtpengine_delete0() end

--- KSR.rtpengine.rtpengine_delete(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_delete(p1) end

--- KSR.rtpengine.rtpengine_delete2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_delete2(p1, p2) end

--- KSR.rtpengine.rtpengine_query0(): int -- complete
---@return integer
function KSR.rtpengine.rtpengine_query0() end

--- KSR.rtpengine.rtpengine_query(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_query(p1) end

--- KSR.rtpengine.rtpengine_query2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_query2(p1, p2) end

--- KSR.rtpengine.rtpengine_connect0(): int -- complete
---@return integer
function KSR.rtpengine.rtpengine_connect0() end

--- KSR.rtpengine.rtpengine_connect(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_connect(p1) end

--- KSR.rtpengine.rtpengine_connect2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_connect2(p1, p2) end

--- KSR.rtpengine.block_media0(): int -- complete
---@return integer
function KSR.rtpengine.block_media0() end

--- KSR.rtpengine.block_media(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.block_media(p1) end

--- KSR.rtpengine.block_media2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.block_media2(p1, p2) end

--- KSR.rtpengine.unblock_media0(): int -- complete
---@return integer
function KSR.rtpengine.unblock_media0() end

--- KSR.rtpengine.unblock_media(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.unblock_media(p1) end

--- KSR.rtpengine.unblock_media2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.unblock_media2(p1, p2) end

--- KSR.rtpengine.silence_media0(): int -- complete
---@return integer
function KSR.rtpengine.silence_media0() end

--- KSR.rtpengine.silence_media(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.silence_media(p1) end

--- KSR.rtpengine.silence_media2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.silence_media2(p1, p2) end

--- KSR.rtpengine.unsilence_media0(): int -- complete
---@return integer
function KSR.rtpengine.unsilence_media0() end

--- KSR.rtpengine.unsilence_media(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.unsilence_media(p1) end

--- KSR.rtpengine.unsilence_media2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.unsilence_media2(p1, p2) end

--- KSR.rtpengine.block_dtmf0(): int -- complete
---@return integer
function KSR.rtpengine.block_dtmf0() end

--- KSR.rtpengine.block_dtmf(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.block_dtmf(p1) end

--- KSR.rtpengine.block_dtmf2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.block_dtmf2(p1, p2) end

--- KSR.rtpengine.unblock_dtmf0(): int -- complete
---@return integer
function KSR.rtpengine.unblock_dtmf0() end

--- KSR.rtpengine.unblock_dtmf(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.unblock_dtmf(p1) end

--- KSR.rtpengine.unblock_dtmf2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.unblock_dtmf2(p1, p2) end

--- KSR.rtpengine.stop_media0(): int -- complete
---@return integer
function KSR.rtpengine.stop_media0() end

--- KSR.rtpengine.stop_media(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.stop_media(p1) end

--- KSR.rtpengine.stop_media2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.stop_media2(p1, p2) end

--- KSR.rtpengine.start_forwarding0(): int -- complete
---@return integer
function KSR.rtpengine.start_forwarding0() end

--- KSR.rtpengine.start_forwarding(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.start_forwarding(p1) end

--- KSR.rtpengine.start_forwarding2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.start_forwarding2(p1, p2) end

--- KSR.rtpengine.stop_forwarding0(): int -- complete
---@return integer
function KSR.rtpengine.stop_forwarding0() end

--- KSR.rtpengine.stop_forwarding(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.stop_forwarding(p1) end

--- KSR.rtpengine.stop_forwarding2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.stop_forwarding2(p1, p2) end

--- KSR.rtpengine.start_recording(): int -- complete
---@return integer
function KSR.rtpengine.start_recording() end

--- KSR.rtpengine.stop_recording(): int -- complete
---@return integer
function KSR.rtpengine.stop_recording() end

--- KSR.rtpengine.play_media(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.play_media(p1) end

--- KSR.rtpengine.play_media2(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.play_media2(p1, p2) end

--- KSR.rtpengine.play_dtmf(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.play_dtmf(p1) end

--- KSR.rtpengine.set_rtpengine_set(int): int -- complete
---@param p1 integer
---@return integer
function KSR.rtpengine.set_rtpengine_set(p1) end

--- KSR.rtpengine.set_rtpengine_set2(int, int): int -- complete
---@param p1 integer
---@param p2 integer
---@return integer
function KSR.rtpengine.set_rtpengine_set2(p1, p2) end

--- KSR.rtpengine.rtpengine_query_v(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpengine.rtpengine_query_v(p1, p2) end

--- KSR.rtpengine.rtpengine_subscribe_request(str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@return integer
function KSR.rtpengine.rtpengine_subscribe_request(p1, p2, p3, p4) end

--- KSR.rtpengine.rtpengine_subscribe_answer(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_subscribe_answer(p1) end

--- KSR.rtpengine.rtpengine_unsubscribe(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpengine.rtpengine_unsubscribe(p1) end

--- KSR.rtpproxy.rtpproxy_manage0(): int -- complete
---@return integer
function KSR.rtpproxy.rtpproxy_manage0() end

--- KSR.rtpproxy.rtpproxy_manage(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpproxy.rtpproxy_manage(p1) end

--- KSR.rtpproxy.rtpproxy_manage_ip(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpproxy.rtpproxy_manage_ip(p1, p2) end

--- KSR.rtpproxy.set_rtpproxy_set(int): int -- complete
---@param p1 integer
---@return integer
function KSR.rtpproxy.set_rtpproxy_set(p1) end

--- KSR.rtpproxy.rtpproxy_destroy0(): int -- complete
---@return integer
function KSR.rtpproxy.rtpproxy_destroy0() end

--- KSR.rtpproxy.rtpproxy_destroy(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpproxy.rtpproxy_destroy(p1) end

--- KSR.rtpproxy.start_recording(): int -- complete
---@return integer
function KSR.rtpproxy.start_recording() end

--- KSR.rtpproxy.rtpproxy_offer0(): int -- complete
---@return integer
function KSR.rtpproxy.rtpproxy_offer0() end

--- KSR.rtpproxy.rtpproxy_offer(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpproxy.rtpproxy_offer(p1) end

--- KSR.rtpproxy.rtpproxy_offer_ip(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpproxy.rtpproxy_offer_ip(p1, p2) end

--- KSR.rtpproxy.rtpproxy_answer0(): int -- complete
---@return integer
function KSR.rtpproxy.rtpproxy_answer0() end

--- KSR.rtpproxy.rtpproxy_answer(str): int -- complete
---@param p1 string
---@return integer
function KSR.rtpproxy.rtpproxy_answer(p1) end

--- KSR.rtpproxy.rtpproxy_answer_ip(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.rtpproxy.rtpproxy_answer_ip(p1, p2) end

--- KSR.rtpproxy.rtpproxy_stream2uac(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.rtpproxy.rtpproxy_stream2uac(p1, p2) end

--- KSR.rtpproxy.rtpproxy_stream2uas(str, int): int -- complete
---@param p1 string
---@param p2 integer
---@return integer
function KSR.rtpproxy.rtpproxy_stream2uas(p1, p2) end

--- KSR.rtpproxy.rtpproxy_stop_stream2uac(): int -- complete
---@return integer
function KSR.rtpproxy.rtpproxy_stop_stream2uac() end

--- KSR.rtpproxy.rtpproxy_stop_stream2uas(): int -- complete
---@return integer
function KSR.rtpproxy.rtpproxy_stop_stream2uas() end

--- KSR.http_client.query(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.http_client.query(p1, p2) end

--- KSR.http_client.query_post(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.http_client.query_post(p1, p2, p3) end

--- KSR.http_client.query_post_hdrs(str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@return integer
function KSR.http_client.query_post_hdrs(p1, p2, p3, p4) end

--- KSR.http_client.get_hdrs(str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@return integer
function KSR.http_client.get_hdrs(p1, p2, p3, p4) end

--- KSR.http_client.query_request(str, str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@param p5 string
---@return integer
function KSR.http_client.query_request(p1, p2, p3, p4, p5) end

--- KSR.http_client.query_request_v2pk(str, str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@param p5 string
---@return integer
function KSR.http_client.query_request_v2pk(p1, p2, p3, p4, p5) end

--- KSR.http_client.curl_connect(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.http_client.curl_connect(p1, p2, p3) end

--- KSR.http_client.curl_connect_post(str, str, str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@param p4 string
---@param p5 string
---@return integer
function KSR.http_client.curl_connect_post(p1, p2, p3, p4, p5) end

--- KSR.http_async_client.query(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.http_async_client.query(p1, p2) end

--- KSR.http_async_client.send(str, str): int -- partial: no Kamailio source at hand: a query that never suspends the transaction
---@param p1 string
---@param p2 string
---@return integer
function KSR.http_async_client.send(p1, p2) end

--- KSR.http_async_client.send_xdata(str, str, str): int -- partial: no Kamailio source at hand: send with xdata given to the route as its argument
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.http_async_client.send_xdata(p1, p2, p3) end

--- KSR.xlog.xdbg(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xdbg(p1) end

--- KSR.xlog.xinfo(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xinfo(p1) end

--- KSR.xlog.xnotice(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xnotice(p1) end

--- KSR.xlog.xwarn(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xwarn(p1) end

--- KSR.xlog.xerr(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xerr(p1) end

--- KSR.xlog.xalert(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xalert(p1) end

--- KSR.xlog.xcrit(str): int -- complete
---@param p1 string
---@return integer
function KSR.xlog.xcrit(p1) end

--- KSR.xlog.xlog(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.xlog.xlog(p1, p2) end

--- KSR.xlog.xlog_facility(str, str, str): int -- complete
---@param p1 string
---@param p2 string
---@param p3 string
---@return integer
function KSR.xlog.xlog_facility(p1, p2, p3) end

--- KSR.acc.acc_log_request(str): int -- complete
---@param p1 string
---@return integer
function KSR.acc.acc_log_request(p1) end

--- KSR.acc.acc_db_request(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.acc.acc_db_request(p1, p2) end

--- KSR.acc.acc_request(str, str): int -- complete
---@param p1 string
---@param p2 string
---@return integer
function KSR.acc.acc_request(p1, p2) end

return KSR
