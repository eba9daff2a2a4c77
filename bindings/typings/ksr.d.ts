// Generated from the KSR registry by `npm run generate` (bindings/generate.ts). Do not edit.
declare namespace KSR {
  /** KSR.dbg(str): none -- complete */
  function dbg(p1: string): void;
  /** KSR.info(str): none -- complete */
  function info(p1: string): void;
  /** KSR.notice(str): none -- complete */
  function notice(p1: string): void;
  /** KSR.warn(str): none -- complete */
  function warn(p1: string): void;
  /** KSR.err(str): none -- complete */
  function err(p1: string): void;
  /** KSR.crit(str): none -- complete */
  function crit(p1: string): void;
  /** KSR.log(str, str): none -- complete */
  function log(p1: string, p2: string): void;
  /** KSR.set_drop(): none -- complete */
  function set_drop(): void;
  /** KSR.is_myself(str): bool -- complete */
  function is_myself(p1: string): boolean;
  /** KSR.is_myself_ruri(): bool -- complete */
  function is_myself_ruri(): boolean;
  /** KSR.is_myself_duri(): bool -- complete */
  function is_myself_duri(): boolean;
  /** KSR.is_myself_nhuri(): bool -- complete */
  function is_myself_nhuri(): boolean;
  /** KSR.is_myself_furi(): bool -- complete */
  function is_myself_furi(): boolean;
  /** KSR.is_myself_turi(): bool -- complete */
  function is_myself_turi(): boolean;
  /** KSR.is_myself_suri(): bool -- complete */
  function is_myself_suri(): boolean;
  /** KSR.is_myself_srcip(): bool -- complete */
  function is_myself_srcip(): boolean;
  /** KSR.setflag(int): bool -- complete */
  function setflag(p1: number): boolean;
  /** KSR.resetflag(int): bool -- complete */
  function resetflag(p1: number): boolean;
  /** KSR.isflagset(int): bool -- complete */
  function isflagset(p1: number): boolean;
  /** KSR.setbflag(int): bool -- complete */
  function setbflag(p1: number): boolean;
  /** KSR.resetbflag(int): bool -- complete */
  function resetbflag(p1: number): boolean;
  /** KSR.isbflagset(int): bool -- complete */
  function isbflagset(p1: number): boolean;
  /** KSR.setbiflag(int, int): bool -- complete */
  function setbiflag(p1: number, p2: number): boolean;
  /** KSR.resetbiflag(int, int): bool -- complete */
  function resetbiflag(p1: number, p2: number): boolean;
  /** KSR.isbiflagset(int, int): bool -- complete */
  function isbiflagset(p1: number, p2: number): boolean;
  /** KSR.setsflag(int): bool -- complete */
  function setsflag(p1: number): boolean;
  /** KSR.resetsflag(int): bool -- complete */
  function resetsflag(p1: number): boolean;
  /** KSR.issflagset(int): bool -- complete */
  function issflagset(p1: number): boolean;
  /** KSR.seturi(str): bool -- complete */
  function seturi(p1: string): boolean;
  /** KSR.setuser(str): bool -- complete */
  function setuser(p1: string): boolean;
  /** KSR.sethost(str): bool -- complete */
  function sethost(p1: string): boolean;
  /** KSR.setdsturi(str): bool -- complete */
  function setdsturi(p1: string): boolean;
  /** KSR.resetdsturi(): bool -- complete */
  function resetdsturi(): boolean;
  /** KSR.isdsturiset(): bool -- complete */
  function isdsturiset(): boolean;
  /** KSR.force_rport(): bool -- complete */
  function force_rport(): boolean;
  /** KSR.add_local_rport(): bool -- complete */
  function add_local_rport(): boolean;
  /** KSR.is_method(str): bool -- complete */
  function is_method(p1: string): boolean;
  /** KSR.is_method_in(str): bool -- complete */
  function is_method_in(p1: string): boolean;
  /** KSR.is_INVITE(): bool -- complete */
  function is_INVITE(): boolean;
  /** KSR.is_ACK(): bool -- complete */
  function is_ACK(): boolean;
  /** KSR.is_BYE(): bool -- complete */
  function is_BYE(): boolean;
  /** KSR.is_CANCEL(): bool -- complete */
  function is_CANCEL(): boolean;
  /** KSR.is_REGISTER(): bool -- complete */
  function is_REGISTER(): boolean;
  /** KSR.is_OPTIONS(): bool -- complete */
  function is_OPTIONS(): boolean;
  /** KSR.is_SUBSCRIBE(): bool -- complete */
  function is_SUBSCRIBE(): boolean;
  /** KSR.is_PUBLISH(): bool -- complete */
  function is_PUBLISH(): boolean;
  /** KSR.is_NOTIFY(): bool -- complete */
  function is_NOTIFY(): boolean;
  /** KSR.is_REFER(): bool -- complete */
  function is_REFER(): boolean;
  /** KSR.is_INFO(): bool -- complete */
  function is_INFO(): boolean;
  /** KSR.is_UPDATE(): bool -- complete */
  function is_UPDATE(): boolean;
  /** KSR.is_PRACK(): bool -- complete */
  function is_PRACK(): boolean;
  /** KSR.is_MESSAGE(): bool -- complete */
  function is_MESSAGE(): boolean;
  /** KSR.is_KDMQ(): bool -- complete */
  function is_KDMQ(): boolean;
  /** KSR.is_GET(): bool -- complete */
  function is_GET(): boolean;
  /** KSR.is_POST(): bool -- complete */
  function is_POST(): boolean;
  /** KSR.is_PUT(): bool -- complete */
  function is_PUT(): boolean;
  /** KSR.is_DELETE(): bool -- complete */
  function is_DELETE(): boolean;
  /** KSR.is_proto(str): bool -- complete */
  function is_proto(p1: string): boolean;
  /** KSR.is_UDP(): bool -- complete */
  function is_UDP(): boolean;
  /** KSR.is_TCP(): bool -- complete */
  function is_TCP(): boolean;
  /** KSR.is_TLS(): bool -- complete */
  function is_TLS(): boolean;
  /** KSR.is_WS(): bool -- complete */
  function is_WS(): boolean;
  /** KSR.is_WSS(): bool -- complete */
  function is_WSS(): boolean;
  /** KSR.is_SCTP(): bool -- complete */
  function is_SCTP(): boolean;
  /** KSR.is_WSX(): bool -- complete */
  function is_WSX(): boolean;
  /** KSR.is_TCPX(): bool -- complete */
  function is_TCPX(): boolean;
  /** KSR.is_IPv4(): bool -- complete */
  function is_IPv4(): boolean;
  /** KSR.is_IPv6(): bool -- complete */
  function is_IPv6(): boolean;
  /** KSR.is_src_port(int): bool -- complete */
  function is_src_port(p1: number): boolean;
  /** KSR.is_dst_port(int): bool -- complete */
  function is_dst_port(p1: number): boolean;
  /** KSR.get_debug(): int -- complete */
  function get_debug(): number;
  /** KSR.set_advertised_address(str): int -- complete */
  function set_advertised_address(p1: string): number;
  /** KSR.set_advertised_port(str): int -- complete */
  function set_advertised_port(p1: string): number;
  /** KSR.set_forward_close(): bool -- complete */
  function set_forward_close(): boolean;
  /** KSR.set_forward_no_connect(): bool -- complete */
  function set_forward_no_connect(): boolean;
  /** KSR.set_reply_close(): bool -- partial: the connection is closed after the final reply, not after a provisional one */
  function set_reply_close(): boolean;
  /** KSR.set_reply_no_connect(): bool -- complete */
  function set_reply_no_connect(): boolean;
  /** KSR.add_tcp_alias(int): int -- complete */
  function add_tcp_alias(p1: number): number;
  /** KSR.add_tcp_alias_via(): int -- complete */
  function add_tcp_alias_via(): number;
  /** KSR.to_UDP(): bool -- complete */
  function to_UDP(): boolean;
  /** KSR.to_TCP(): bool -- complete */
  function to_TCP(): boolean;
  /** KSR.to_TLS(): bool -- complete */
  function to_TLS(): boolean;
  /** KSR.to_SCTP(): bool -- complete */
  function to_SCTP(): boolean;
  /** KSR.to_WS(): bool -- complete */
  function to_WS(): boolean;
  /** KSR.to_WSS(): bool -- complete */
  function to_WSS(): boolean;
  /** KSR.to_WSX(): bool -- complete */
  function to_WSX(): boolean;
  /** KSR.to_IPv4(): bool -- complete */
  function to_IPv4(): boolean;
  /** KSR.to_IPv6(): bool -- complete */
  function to_IPv6(): boolean;
  /** KSR.route(str): int -- complete */
  function route(p1: string): number;
  /** KSR.forward(): int -- complete */
  function forward(): number;
  /** KSR.forward_uri(str): int -- complete */
  function forward_uri(p1: string): number;
  namespace pv {
    /** KSR.pv.get(str): xval -- complete */
    function get(p1: string): string | number | null;
    /** KSR.pv.gete(str): xval -- complete */
    function gete(p1: string): string | number | null;
    /** KSR.pv.getw(str): xval -- complete */
    function getw(p1: string): string | number | null;
    /** KSR.pv.geti(str): int -- complete */
    function geti(p1: string): number;
    /** KSR.pv.getl(str): xval -- complete */
    function getl(p1: string): string | number | null;
    /** KSR.pv.getvn(str, int): xval -- complete */
    function getvn(p1: string, p2: number): string | number | null;
    /** KSR.pv.getvs(str, str): xval -- complete */
    function getvs(p1: string, p2: string): string | number | null;
    /** KSR.pv.seti(str, int): bool -- complete */
    function seti(p1: string, p2: number): boolean;
    /** KSR.pv.setl(str, long): bool -- complete */
    function setl(p1: string, p2: number): boolean;
    /** KSR.pv.sets(str, str): bool -- complete */
    function sets(p1: string, p2: string): boolean;
    /** KSR.pv.unset(str): bool -- complete */
    function unset(p1: string): boolean;
    /** KSR.pv.is_null(str): bool -- complete */
    function is_null(p1: string): boolean;
  }
  namespace hdr {
    /** KSR.hdr.append(str): int -- complete */
    function append(p1: string): number;
    /** KSR.hdr.append_after(str, str): int -- complete */
    function append_after(p1: string, p2: string): number;
    /** KSR.hdr.insert(str): int -- complete */
    function insert(p1: string): number;
    /** KSR.hdr.insert_before(str, str): int -- complete */
    function insert_before(p1: string, p2: string): number;
    /** KSR.hdr.remove(str): int -- complete */
    function remove(p1: string): number;
    /** KSR.hdr.rmappend(str, str): int -- complete */
    function rmappend(p1: string, p2: string): number;
    /** KSR.hdr.rminsert(str, str): int -- complete */
    function rminsert(p1: string, p2: string): number;
    /** KSR.hdr.is_present(str): int -- complete */
    function is_present(p1: string): number;
    /** KSR.hdr.append_to_reply(str): int -- complete */
    function append_to_reply(p1: string): number;
    /** KSR.hdr.get(str): xval -- complete */
    function get(p1: string): string | number | null;
    /** KSR.hdr.gete(str): xval -- complete */
    function gete(p1: string): string | number | null;
    /** KSR.hdr.getw(str): xval -- complete */
    function getw(p1: string): string | number | null;
    /** KSR.hdr.get_idx(str, int): xval -- complete */
    function get_idx(p1: string, p2: number): string | number | null;
    /** KSR.hdr.gete_idx(str, int): xval -- complete */
    function gete_idx(p1: string, p2: number): string | number | null;
    /** KSR.hdr.getw_idx(str, int): xval -- complete */
    function getw_idx(p1: string, p2: number): string | number | null;
    /** KSR.hdr.match_content(str, str, str, str): bool -- complete */
    function match_content(p1: string, p2: string, p3: string, p4: string): boolean;
  }
  namespace x {
    /** KSR.x.exit(): none -- complete */
    function exit(): void;
    /** KSR.x.drop(): none -- complete */
    function drop(): void;
    /** KSR.x.modf(str, ...str): int -- partial: only 15 native names, each run as its KSR function (bindings/README.md); any other logs an error and returns -1 */
    function modf(p1: string, ...rest: string[]): number;
    /** KSR.x.probe(): none -- complete */
    function probe(): void;
  }
  namespace kx {
    /** KSR.kx.get_ruri(): xval -- complete */
    function get_ruri(): string | number | null;
    /** KSR.kx.get_ruser(): xval -- complete */
    function get_ruser(): string | number | null;
    /** KSR.kx.gete_ruser(): xval -- complete */
    function gete_ruser(): string | number | null;
    /** KSR.kx.getw_ruser(): xval -- complete */
    function getw_ruser(): string | number | null;
    /** KSR.kx.get_rhost(): xval -- complete */
    function get_rhost(): string | number | null;
    /** KSR.kx.gete_rhost(): xval -- complete */
    function gete_rhost(): string | number | null;
    /** KSR.kx.getw_rhost(): xval -- complete */
    function getw_rhost(): string | number | null;
    /** KSR.kx.get_ouri(): xval -- complete */
    function get_ouri(): string | number | null;
    /** KSR.kx.get_furi(): xval -- complete */
    function get_furi(): string | number | null;
    /** KSR.kx.get_fuser(): xval -- complete */
    function get_fuser(): string | number | null;
    /** KSR.kx.gete_fuser(): xval -- complete */
    function gete_fuser(): string | number | null;
    /** KSR.kx.getw_fuser(): xval -- complete */
    function getw_fuser(): string | number | null;
    /** KSR.kx.get_fhost(): xval -- complete */
    function get_fhost(): string | number | null;
    /** KSR.kx.gete_fhost(): xval -- complete */
    function gete_fhost(): string | number | null;
    /** KSR.kx.getw_fhost(): xval -- complete */
    function getw_fhost(): string | number | null;
    /** KSR.kx.get_turi(): xval -- complete */
    function get_turi(): string | number | null;
    /** KSR.kx.get_tuser(): xval -- complete */
    function get_tuser(): string | number | null;
    /** KSR.kx.gete_tuser(): xval -- complete */
    function gete_tuser(): string | number | null;
    /** KSR.kx.getw_tuser(): xval -- complete */
    function getw_tuser(): string | number | null;
    /** KSR.kx.get_thost(): xval -- complete */
    function get_thost(): string | number | null;
    /** KSR.kx.gete_thost(): xval -- complete */
    function gete_thost(): string | number | null;
    /** KSR.kx.getw_thost(): xval -- complete */
    function getw_thost(): string | number | null;
    /** KSR.kx.get_duri(): xval -- complete */
    function get_duri(): string | number | null;
    /** KSR.kx.gete_duri(): xval -- complete */
    function gete_duri(): string | number | null;
    /** KSR.kx.getw_duri(): xval -- complete */
    function getw_duri(): string | number | null;
    /** KSR.kx.get_cturi(): xval -- complete */
    function get_cturi(): string | number | null;
    /** KSR.kx.gete_cturi(): xval -- complete */
    function gete_cturi(): string | number | null;
    /** KSR.kx.getw_cturi(): xval -- complete */
    function getw_cturi(): string | number | null;
    /** KSR.kx.get_nhuri(): xval -- complete */
    function get_nhuri(): string | number | null;
    /** KSR.kx.get_srcuri(): xval -- complete */
    function get_srcuri(): string | number | null;
    /** KSR.kx.get_srcaddr_sock(): xval -- complete */
    function get_srcaddr_sock(): string | number | null;
    /** KSR.kx.get_ua(): xval -- complete */
    function get_ua(): string | number | null;
    /** KSR.kx.gete_ua(): xval -- complete */
    function gete_ua(): string | number | null;
    /** KSR.kx.getw_ua(): xval -- complete */
    function getw_ua(): string | number | null;
    /** KSR.kx.get_srcip(): xval -- complete */
    function get_srcip(): string | number | null;
    /** KSR.kx.get_srcport(): xval -- complete */
    function get_srcport(): string | number | null;
    /** KSR.kx.get_send_sock(): xval -- complete */
    function get_send_sock(): string | number | null;
    /** KSR.kx.get_send_sock_name(): xval -- complete */
    function get_send_sock_name(): string | number | null;
    /** KSR.kx.get_send_sock_port(): int -- complete */
    function get_send_sock_port(): number;
    /** KSR.kx.get_rcvip(): xval -- complete */
    function get_rcvip(): string | number | null;
    /** KSR.kx.get_rcv_sock_name(): xval -- complete */
    function get_rcv_sock_name(): string | number | null;
    /** KSR.kx.get_rcvport(): xval -- complete */
    function get_rcvport(): string | number | null;
    /** KSR.kx.get_rcvadvip(): xval -- complete */
    function get_rcvadvip(): string | number | null;
    /** KSR.kx.get_rcvadvport(): xval -- complete */
    function get_rcvadvport(): string | number | null;
    /** KSR.kx.get_rcvaddr_sock(): xval -- complete */
    function get_rcvaddr_sock(): string | number | null;
    /** KSR.kx.get_proto(): xval -- complete */
    function get_proto(): string | number | null;
    /** KSR.kx.get_protoid(): int -- complete */
    function get_protoid(): number;
    /** KSR.kx.get_au(): xval -- complete */
    function get_au(): string | number | null;
    /** KSR.kx.gete_au(): xval -- complete */
    function gete_au(): string | number | null;
    /** KSR.kx.getw_au(): xval -- complete */
    function getw_au(): string | number | null;
    /** KSR.kx.get_method(): xval -- complete */
    function get_method(): string | number | null;
    /** KSR.kx.get_status(): int -- complete */
    function get_status(): number;
    /** KSR.kx.gets_status(): xval -- complete */
    function gets_status(): string | number | null;
    /** KSR.kx.get_body(): xval -- complete */
    function get_body(): string | number | null;
    /** KSR.kx.gete_body(): xval -- complete */
    function gete_body(): string | number | null;
    /** KSR.kx.getw_body(): xval -- complete */
    function getw_body(): string | number | null;
    /** KSR.kx.get_bodylen(): int -- complete */
    function get_bodylen(): number;
    /** KSR.kx.get_timestamp(): int -- complete */
    function get_timestamp(): number;
    /** KSR.kx.get_callid(): xval -- complete */
    function get_callid(): string | number | null;
    /** KSR.kx.get_conid(): int -- complete */
    function get_conid(): number;
    /** KSR.kx.get_msgbuf(): xval -- complete */
    function get_msgbuf(): string | number | null;
    /** KSR.kx.get_msglen(): int -- complete */
    function get_msglen(): number;
    /** KSR.kx.get_msgtype(): int -- complete */
    function get_msgtype(): number;
    /** KSR.kx.get_def(str): xval -- complete */
    function get_def(p1: string): string | number | null;
    /** KSR.kx.get_defn(str): int -- complete */
    function get_defn(p1: string): number;
    /** KSR.kx.ifdef(str): bool -- complete */
    function ifdef(p1: string): boolean;
    /** KSR.kx.ifndef(str): bool -- complete */
    function ifndef(p1: string): boolean;
    /** KSR.kx.get_env(str): xval -- partial: scripts cannot read the server's environment: every variable reads as unset */
    function get_env(p1: string): string | number | null;
    /** KSR.kx.get_envn(str): int -- partial: scripts cannot read the server's environment: every variable reads as unset */
    function get_envn(p1: string): number;
  }
  namespace sl {
    /** KSR.sl.sl_send_reply(int, str): int -- complete */
    function sl_send_reply(p1: number, p2: string): number;
    /** KSR.sl.send_reply(int, str): int -- complete */
    function send_reply(p1: number, p2: string): number;
    /** KSR.sl.send_reply_mode(int, str, int): int -- complete */
    function send_reply_mode(p1: number, p2: string, p3: number): number;
    /** KSR.sl.sl_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept) */
    function sl_reply_error(): number;
    /** KSR.sl.send_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept) */
    function send_reply_error(): number;
    /** KSR.sl.sl_forward_reply(str, str): int -- complete */
    function sl_forward_reply(p1: string, p2: string): number;
  }
  namespace maxfwd {
    /** KSR.maxfwd.process_maxfwd(int): int -- complete */
    function process_maxfwd(p1: number): number;
    /** KSR.maxfwd.is_maxfwd_lt(int): int -- complete */
    function is_maxfwd_lt(p1: number): number;
  }
  namespace sanity {
    /** KSR.sanity.sanity_check(int, int): int -- complete */
    function sanity_check(p1: number, p2: number): number;
    /** KSR.sanity.sanity_check_defaults(): int -- complete */
    function sanity_check_defaults(): number;
    /** KSR.sanity.sanity_reply(): int -- complete */
    function sanity_reply(): number;
  }
  namespace rr {
    /** KSR.rr.record_route(): int -- complete */
    function record_route(): number;
    /** KSR.rr.record_route_params(str): int -- complete */
    function record_route_params(p1: string): number;
    /** KSR.rr.record_route_preset(str, str): int -- complete */
    function record_route_preset(p1: string, p2: string): number;
    /** KSR.rr.record_route_preset_one(str): int -- complete */
    function record_route_preset_one(p1: string): number;
    /** KSR.rr.record_route_advertised_address(str): int -- complete */
    function record_route_advertised_address(p1: string): number;
    /** KSR.rr.remove_record_route(): int -- complete */
    function remove_record_route(): number;
    /** KSR.rr.add_rr_param(str): int -- complete */
    function add_rr_param(p1: string): number;
    /** KSR.rr.loose_route(): int -- complete */
    function loose_route(): number;
    /** KSR.rr.loose_route_mode(int): int -- complete */
    function loose_route_mode(p1: number): number;
    /** KSR.rr.loose_route_preloaded(): int -- complete */
    function loose_route_preloaded(): number;
    /** KSR.rr.check_route_param(str): int -- complete */
    function check_route_param(p1: string): number;
    /** KSR.rr.is_direction(str): int -- complete */
    function is_direction(p1: string): number;
    /** KSR.rr.next_hop_route(): int -- complete */
    function next_hop_route(): number;
  }
  namespace siputils {
    /** KSR.siputils.has_totag(): int -- complete */
    function has_totag(): number;
    /** KSR.siputils.is_request(): int -- complete */
    function is_request(): number;
    /** KSR.siputils.is_reply(): int -- complete */
    function is_reply(): number;
    /** KSR.siputils.is_sip(): int -- complete */
    function is_sip(): number;
    /** KSR.siputils.is_http(): int -- complete */
    function is_http(): number;
    /** KSR.siputils.is_first_hop(): int -- complete */
    function is_first_hop(): number;
    /** KSR.siputils.is_first_hop_mode(int): int -- complete */
    function is_first_hop_mode(p1: number): number;
    /** KSR.siputils.is_uri(str): int -- complete */
    function is_uri(p1: string): number;
    /** KSR.siputils.is_user(str): int -- complete */
    function is_user(p1: string): number;
    /** KSR.siputils.uri_param(str): int -- complete */
    function uri_param(p1: string): number;
    /** KSR.siputils.uri_param_value(str, str): int -- complete */
    function uri_param_value(p1: string, p2: string): number;
    /** KSR.siputils.uri_param_any(str): int -- complete */
    function uri_param_any(p1: string): number;
    /** KSR.siputils.uri_param_rm(str): int -- complete */
    function uri_param_rm(p1: string): number;
    /** KSR.siputils.add_uri_param(str): int -- complete */
    function add_uri_param(p1: string): number;
    /** KSR.siputils.is_tel_number(str): int -- complete */
    function is_tel_number(p1: string): number;
    /** KSR.siputils.is_numeric(str): int -- complete */
    function is_numeric(p1: string): number;
    /** KSR.siputils.is_alphanum(str): int -- complete */
    function is_alphanum(p1: string): number;
    /** KSR.siputils.is_alphanumex(str, str): int -- complete */
    function is_alphanumex(p1: string, p2: string): number;
    /** KSR.siputils.options_reply(): int -- complete */
    function options_reply(): number;
    /** KSR.siputils.hdr_date_check(int): int -- complete */
    function hdr_date_check(p1: number): number;
    /** KSR.siputils.cmp_uri(str, str): int -- complete */
    function cmp_uri(p1: string, p2: string): number;
    /** KSR.siputils.cmp_aor(str, str): int -- complete */
    function cmp_aor(p1: string, p2: string): number;
    /** KSR.siputils.cmp_hdr_name(str, str): int -- complete */
    function cmp_hdr_name(p1: string, p2: string): number;
    /** KSR.siputils.is_gruu(): int -- complete */
    function is_gruu(): number;
    /** KSR.siputils.sip_parse_headers(): int -- complete */
    function sip_parse_headers(): number;
    /** KSR.siputils.encode_contact(str, str): int -- complete */
    function encode_contact(p1: string, p2: string): number;
    /** KSR.siputils.decode_contact(): int -- complete */
    function decode_contact(): number;
    /** KSR.siputils.decode_contact_header(): int -- complete */
    function decode_contact_header(): number;
    /** KSR.siputils.contact_param_encode(str, str): int -- complete */
    function contact_param_encode(p1: string, p2: string): number;
    /** KSR.siputils.contact_param_encode_alias(str, str): int -- complete */
    function contact_param_encode_alias(p1: string, p2: string): number;
    /** KSR.siputils.contact_param_decode(str): int -- complete */
    function contact_param_decode(p1: string): number;
    /** KSR.siputils.contact_param_decode_ruri(str): int -- complete */
    function contact_param_decode_ruri(p1: string): number;
    /** KSR.siputils.contact_param_rm(str): int -- complete */
    function contact_param_rm(p1: string): number;
    /** KSR.siputils.contact_param_check(str): int -- complete */
    function contact_param_check(p1: string): number;
  }
  namespace tm {
    /** KSR.tm.t_relay(): int -- complete */
    function t_relay(): number;
    /** KSR.tm.t_relay_to_proxy(str): int -- complete */
    function t_relay_to_proxy(p1: string): number;
    /** KSR.tm.t_relay_to_flags(int): int -- complete */
    function t_relay_to_flags(p1: number): number;
    /** KSR.tm.t_relay_to_proxy_flags(str, int): int -- complete */
    function t_relay_to_proxy_flags(p1: string, p2: number): number;
    /** KSR.tm.t_relay_to_proto(str): int -- complete */
    function t_relay_to_proto(p1: string): number;
    /** KSR.tm.t_relay_to_proto_addr(str, str, int): int -- complete */
    function t_relay_to_proto_addr(p1: string, p2: string, p3: number): number;
    /** KSR.tm.t_on_failure(str): int -- complete */
    function t_on_failure(p1: string): number;
    /** KSR.tm.t_on_branch(str): int -- complete */
    function t_on_branch(p1: string): number;
    /** KSR.tm.t_on_reply(str): int -- complete */
    function t_on_reply(p1: string): number;
    /** KSR.tm.t_on_branch_failure(str): int -- complete */
    function t_on_branch_failure(p1: string): number;
    /** KSR.tm.t_reply(int, str): int -- complete */
    function t_reply(p1: number, p2: string): number;
    /** KSR.tm.t_send_reply(int, str): int -- complete */
    function t_send_reply(p1: number, p2: string): number;
    /** KSR.tm.t_reply_error(): int -- partial: always 500 Server Internal Error: the engine keeps no last internal error to map to a reply */
    function t_reply_error(): number;
    /** KSR.tm.t_check_trans(): int -- complete */
    function t_check_trans(): number;
    /** KSR.tm.t_newtran(): int -- complete */
    function t_newtran(): number;
    /** KSR.tm.t_release(): int -- complete */
    function t_release(): number;
    /** KSR.tm.t_exists(): int -- complete */
    function t_exists(): number;
    /** KSR.tm.t_lookup_request(): int -- complete */
    function t_lookup_request(): number;
    /** KSR.tm.t_lookup_cancel(): int -- complete */
    function t_lookup_cancel(): number;
    /** KSR.tm.t_lookup_cancel_flags(int): int -- complete */
    function t_lookup_cancel_flags(p1: number): number;
    /** KSR.tm.t_retransmit_reply(): int -- complete */
    function t_retransmit_reply(): number;
    /** KSR.tm.t_is_canceled(): int -- complete */
    function t_is_canceled(): number;
    /** KSR.tm.t_is_expired(): int -- complete */
    function t_is_expired(): number;
    /** KSR.tm.t_is_set(str): int -- complete */
    function t_is_set(p1: string): number;
    /** KSR.tm.t_set_fr(int, int): int -- complete */
    function t_set_fr(p1: number, p2: number): number;
    /** KSR.tm.t_set_fr_inv(int): int -- complete */
    function t_set_fr_inv(p1: number): number;
    /** KSR.tm.t_reset_fr(): int -- complete */
    function t_reset_fr(): number;
    /** KSR.tm.t_set_max_lifetime(int, int): int -- complete */
    function t_set_max_lifetime(p1: number, p2: number): number;
    /** KSR.tm.t_reset_max_lifetime(): int -- complete */
    function t_reset_max_lifetime(): number;
    /** KSR.tm.t_set_retr(int, int): int -- complete */
    function t_set_retr(p1: number, p2: number): number;
    /** KSR.tm.t_reset_retr(): int -- complete */
    function t_reset_retr(): number;
    /** KSR.tm.t_load_contacts(): int -- complete */
    function t_load_contacts(): number;
    /** KSR.tm.ki_t_load_contacts_mode(int): int -- complete */
    function ki_t_load_contacts_mode(p1: number): number;
    /** KSR.tm.t_next_contacts(): int -- complete */
    function t_next_contacts(): number;
    /** KSR.tm.t_drop_replies(str): int -- complete */
    function t_drop_replies(p1: string): number;
    /** KSR.tm.t_drop_replies_all(): int -- complete */
    function t_drop_replies_all(): number;
    /** KSR.tm.t_use_uac_headers(): int -- complete */
    function t_use_uac_headers(): number;
    /** KSR.tm.t_save_lumps(): int -- complete */
    function t_save_lumps(): number;
    /** KSR.tm.t_check_status(str): int -- complete */
    function t_check_status(p1: string): number;
    /** KSR.tm.t_grep_status(int): int -- complete */
    function t_grep_status(p1: number): number;
    /** KSR.tm.t_is_retr_async_reply(): int -- complete */
    function t_is_retr_async_reply(): number;
    /** KSR.tm.t_any_replied(): int -- complete */
    function t_any_replied(): number;
    /** KSR.tm.t_any_timeout(): int -- complete */
    function t_any_timeout(): number;
    /** KSR.tm.t_branch_replied(): int -- complete */
    function t_branch_replied(): number;
    /** KSR.tm.t_branch_timeout(): int -- complete */
    function t_branch_timeout(): number;
    /** KSR.tm.t_set_auto_inv_100(int): int -- complete */
    function t_set_auto_inv_100(p1: number): number;
    /** KSR.tm.t_set_disable_6xx(int): int -- complete */
    function t_set_disable_6xx(p1: number): number;
    /** KSR.tm.t_set_disable_failover(int): int -- complete */
    function t_set_disable_failover(p1: number): number;
    /** KSR.tm.t_set_no_e2e_cancel_reason(int): int -- complete */
    function t_set_no_e2e_cancel_reason(p1: number): number;
    /** KSR.tm.t_set_disable_internal_reply(int): int -- complete */
    function t_set_disable_internal_reply(p1: number): number;
    /** KSR.tm.t_set_no_auto_ack(int): int -- complete */
    function t_set_no_auto_ack(p1: number): number;
    /** KSR.tm.t_get_status_code(): int -- complete */
    function t_get_status_code(): number;
    /** KSR.tm.t_get_branch_index(): int -- complete */
    function t_get_branch_index(): number;
    /** KSR.tm.t_clean(): int -- complete */
    function t_clean(): number;
  }
  namespace tmx {
    /** KSR.tmx.t_precheck_trans(): int -- complete */
    function t_precheck_trans(): number;
    /** KSR.tmx.t_is_request_route(): int -- complete */
    function t_is_request_route(): number;
    /** KSR.tmx.t_is_reply_route(): int -- complete */
    function t_is_reply_route(): number;
    /** KSR.tmx.t_is_failure_route(): int -- complete */
    function t_is_failure_route(): number;
    /** KSR.tmx.t_is_branch_route(): int -- complete */
    function t_is_branch_route(): number;
    /** KSR.tmx.t_suspend(): int -- complete */
    function t_suspend(): number;
    /** KSR.tmx.t_continue(int, int, str): int -- complete */
    function t_continue(p1: number, p2: number, p3: string): number;
    /** KSR.tmx.t_flush_flags(): int -- complete */
    function t_flush_flags(): number;
    /** KSR.tmx.t_flush_xflags(): int -- complete */
    function t_flush_xflags(): number;
    /** KSR.tmx.t_cancel_branches(str): int -- complete */
    function t_cancel_branches(p1: string): number;
    /** KSR.tmx.t_cancel_callid(str, str, int): int -- complete */
    function t_cancel_callid(p1: string, p2: string, p3: number): number;
    /** KSR.tmx.t_cancel_callid_reason(str, str, int, int): int -- complete */
    function t_cancel_callid_reason(p1: string, p2: string, p3: number, p4: number): number;
    /** KSR.tmx.t_reply_callid(str, str, int, str): int -- complete */
    function t_reply_callid(p1: string, p2: string, p3: number, p4: string): number;
    /** KSR.tmx.t_drop(): int -- complete */
    function t_drop(): number;
    /** KSR.tmx.t_drop_rcode(int): int -- complete */
    function t_drop_rcode(p1: number): number;
  }
  namespace corex {
    /** KSR.corex.append_branch(): int -- complete */
    function append_branch(): number;
    /** KSR.corex.append_branch_uri(str): int -- complete */
    function append_branch_uri(p1: string): number;
    /** KSR.corex.append_branch_uri_q(str, str): int -- complete */
    function append_branch_uri_q(p1: string, p2: string): number;
    /** KSR.corex.has_ruri_user(): int -- complete */
    function has_ruri_user(): number;
    /** KSR.corex.has_user_agent(): int -- complete */
    function has_user_agent(): number;
    /** KSR.corex.is_faked_msg(): int -- complete */
    function is_faked_msg(): number;
    /** KSR.corex.is_socket_name(str): int -- complete */
    function is_socket_name(p1: string): number;
    /** KSR.corex.send_data(str, str): int -- complete */
    function send_data(p1: string, p2: string): number;
    /** KSR.corex.sendx(str, str, str): int -- complete */
    function sendx(p1: string, p2: string, p3: string): number;
    /** KSR.corex.setxflag(int): int -- complete */
    function setxflag(p1: number): number;
    /** KSR.corex.resetxflag(int): int -- complete */
    function resetxflag(p1: number): number;
    /** KSR.corex.isxflagset(int): int -- complete */
    function isxflagset(p1: number): number;
    /** KSR.corex.set_send_socket(str): int -- complete */
    function set_send_socket(p1: string): number;
    /** KSR.corex.set_send_socket_name(str): int -- complete */
    function set_send_socket_name(p1: string): number;
    /** KSR.corex.set_recv_socket(str): int -- complete */
    function set_recv_socket(p1: string): number;
    /** KSR.corex.set_recv_socket_name(str): int -- complete */
    function set_recv_socket_name(p1: string): number;
    /** KSR.corex.set_source_address(str): int -- partial: only IP addresses: a host name is not resolved (-1) */
    function set_source_address(p1: string): number;
    /** KSR.corex.via_add_srvid(int): int -- complete */
    function via_add_srvid(p1: number): number;
    /** KSR.corex.via_add_xavp_params(int): int -- complete */
    function via_add_xavp_params(p1: number): number;
    /** KSR.corex.via_use_xavp_fields(int): int -- complete */
    function via_use_xavp_fields(p1: number): number;
    /** KSR.corex.via_reply_add_xavp_params(int): int -- partial: kept on the message (and tm copies), but replies (local or relayed) get no Via parameters from the xavp yet */
    function via_reply_add_xavp_params(p1: number): number;
    /** KSR.corex.file_read(str): xval -- partial: scripts have no file system access */
    function file_read(p1: string): string | number | null;
    /** KSR.corex.file_write(str, str): int -- partial: scripts have no file system access */
    function file_write(p1: string, p2: string): number;
    /** KSR.corex.forward_uac(): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1 */
    function forward_uac(): number;
    /** KSR.corex.forward_uac_branch(int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1 */
    function forward_uac_branch(p1: number): number;
    /** KSR.corex.forward_uac_uri(str): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1 */
    function forward_uac_uri(p1: string): number;
    /** KSR.corex.forward_uac_uri_branch(str, int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1 */
    function forward_uac_uri_branch(p1: string, p2: number): number;
  }
  namespace auth {
    /** KSR.auth.consume_credentials(): int -- complete */
    function consume_credentials(): number;
    /** KSR.auth.auth_challenge(str, int): int -- complete */
    function auth_challenge(p1: string, p2: number): number;
    /** KSR.auth.www_challenge(str, int): int -- complete */
    function www_challenge(p1: string, p2: number): number;
    /** KSR.auth.proxy_challenge(str, int): int -- complete */
    function proxy_challenge(p1: string, p2: number): number;
    /** KSR.auth.pv_auth_check(str, str, int, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored */
    function pv_auth_check(p1: string, p2: string, p3: number, p4: number): number;
    /** KSR.auth.pv_proxy_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored */
    function pv_proxy_authenticate(p1: string, p2: string, p3: number): number;
    /** KSR.auth.pv_www_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored */
    function pv_www_authenticate(p1: string, p2: string, p3: number): number;
    /** KSR.auth.pv_www_authenticate_method(str, str, int, str): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored */
    function pv_www_authenticate_method(p1: string, p2: string, p3: number, p4: string): number;
    /** KSR.auth.has_credentials(str): int -- complete */
    function has_credentials(p1: string): number;
    /** KSR.auth.auth_get_www_authenticate(str, int, str): int -- complete */
    function auth_get_www_authenticate(p1: string, p2: number, p3: string): number;
    /** KSR.auth.auth_algorithm(str): int -- complete */
    function auth_algorithm(p1: string): number;
  }
  namespace auth_db {
    /** KSR.auth_db.auth_check(str, str, int): int -- partial: flag 2 (skip the identity check for requests from other domains) is ignored */
    function auth_check(p1: string, p2: string, p3: number): number;
    /** KSR.auth_db.is_subscriber(str, str, int): int -- partial: flags are ignored: the domain is always matched, credential AVPs are never loaded */
    function is_subscriber(p1: string, p2: string, p3: number): number;
    /** KSR.auth_db.www_authenticate(str, str): int -- complete */
    function www_authenticate(p1: string, p2: string): number;
    /** KSR.auth_db.www_authenticate_method(str, str, str): int -- complete */
    function www_authenticate_method(p1: string, p2: string, p3: string): number;
  }
  namespace registrar {
    /** KSR.registrar.save(str, int): int -- complete */
    function save(p1: string, p2: number): number;
    /** KSR.registrar.save_uri(str, int, str): int -- complete */
    function save_uri(p1: string, p2: number, p3: string): number;
    /** KSR.registrar.lookup(str): int -- complete */
    function lookup(p1: string): number;
    /** KSR.registrar.lookup_uri(str, str): int -- complete */
    function lookup_uri(p1: string, p2: string): number;
    /** KSR.registrar.lookup_to_dset(str, str): int -- complete */
    function lookup_to_dset(p1: string, p2: string): number;
    /** KSR.registrar.lookup_branches(str): int -- complete */
    function lookup_branches(p1: string): number;
    /** KSR.registrar.registered(str): int -- complete */
    function registered(p1: string): number;
    /** KSR.registrar.registered_uri(str, str): int -- complete */
    function registered_uri(p1: string, p2: string): number;
    /** KSR.registrar.registered_flags(str, str, int): int -- complete */
    function registered_flags(p1: string, p2: string, p3: number): number;
    /** KSR.registrar.registered_action(str, str, int, int): int -- partial: the action is ignored (it fills xavps, which this build has not): as registered_flags */
    function registered_action(p1: string, p2: string, p3: number, p4: number): number;
    /** KSR.registrar.set_q_override(str): int -- complete */
    function set_q_override(p1: string): number;
    /** KSR.registrar.add_sock_hdr(str): int -- complete */
    function add_sock_hdr(p1: string): number;
    /** KSR.registrar.unregister(str, str): int -- complete */
    function unregister(p1: string, p2: string): number;
    /** KSR.registrar.unregister_ruid(str, str, str): int -- complete */
    function unregister_ruid(p1: string, p2: string, p3: string): number;
    /** KSR.registrar.reg_fetch_contacts(str, str, str): int -- complete */
    function reg_fetch_contacts(p1: string, p2: string, p3: string): number;
    /** KSR.registrar.reg_free_contacts(str): int -- complete */
    function reg_free_contacts(p1: string): number;
    /** KSR.registrar.reg_from_user(str, str, int): int -- complete */
    function reg_from_user(p1: string, p2: string, p3: number): number;
    /** KSR.registrar.reg_send_reply(): int -- complete */
    function reg_send_reply(): number;
    /** KSR.registrar.ulc_rget(str, str): xval -- complete */
    function ulc_rget(p1: string, p2: string): string | number | null;
    /** KSR.registrar.ulc_cget(str, str, int): xval -- complete */
    function ulc_cget(p1: string, p2: string, p3: number): string | number | null;
  }
  namespace pvx {
    /** KSR.pvx.sbranch_set_ruri(): int -- complete */
    function sbranch_set_ruri(): number;
    /** KSR.pvx.sbranch_append(): int -- complete */
    function sbranch_append(): number;
    /** KSR.pvx.sbranch_reset(): int -- complete */
    function sbranch_reset(): number;
    /** KSR.pvx.var_seti(str, int): int -- complete */
    function var_seti(p1: string, p2: number): number;
    /** KSR.pvx.var_sets(str, str): int -- complete */
    function var_sets(p1: string, p2: string): number;
    /** KSR.pvx.var_get(str): xval -- complete */
    function var_get(p1: string): string | number | null;
    /** KSR.pvx.shv_seti(str, int): int -- complete */
    function shv_seti(p1: string, p2: number): number;
    /** KSR.pvx.shv_sets(str, str): int -- complete */
    function shv_sets(p1: string, p2: string): number;
    /** KSR.pvx.shv_get(str): xval -- complete */
    function shv_get(p1: string): string | number | null;
    /** KSR.pvx.shvinc_get(str): xval -- complete */
    function shvinc_get(p1: string): string | number | null;
    /** KSR.pvx.pv_var_to_xavp(str, str): int -- complete */
    function pv_var_to_xavp(p1: string, p2: string): number;
    /** KSR.pvx.pv_xavp_to_var(str): int -- complete */
    function pv_xavp_to_var(p1: string): number;
    /** KSR.pvx.pv_xavp_print(): int -- complete */
    function pv_xavp_print(): number;
    /** KSR.pvx.pv_xavu_print(): int -- complete */
    function pv_xavu_print(): number;
    /** KSR.pvx.pv_xavi_print(): int -- complete */
    function pv_xavi_print(): number;
    /** KSR.pvx.xavp_params_explode(str, str): int -- complete */
    function xavp_params_explode(p1: string, p2: string): number;
    /** KSR.pvx.xavp_xparams_explode(str, str, str): int -- complete */
    function xavp_xparams_explode(p1: string, p2: string, p3: string): number;
    /** KSR.pvx.xavp_params_implode(str, str): int -- complete */
    function xavp_params_implode(p1: string, p2: string): number;
    /** KSR.pvx.xavp_params_implode_qval(str, str): int -- complete */
    function xavp_params_implode_qval(p1: string, p2: string): number;
    /** KSR.pvx.xavu_params_explode(str, str): int -- complete */
    function xavu_params_explode(p1: string, p2: string): number;
    /** KSR.pvx.xavu_params_implode(str, str): int -- complete */
    function xavu_params_implode(p1: string, p2: string): number;
    /** KSR.pvx.xavp_slist_explode(str, str, str, str): int -- complete */
    function xavp_slist_explode(p1: string, p2: string, p3: string, p4: string): number;
    /** KSR.pvx.xavp_seti(str, int): int -- complete */
    function xavp_seti(p1: string, p2: number): number;
    /** KSR.pvx.xavp_sets(str, str): int -- complete */
    function xavp_sets(p1: string, p2: string): number;
    /** KSR.pvx.xavp_get(str): xval -- complete */
    function xavp_get(p1: string): string | number | null;
    /** KSR.pvx.xavp_gete(str): xval -- complete */
    function xavp_gete(p1: string): string | number | null;
    /** KSR.pvx.xavp_getw(str): xval -- complete */
    function xavp_getw(p1: string): string | number | null;
    /** KSR.pvx.xavp_rm(str): int -- complete */
    function xavp_rm(p1: string): number;
    /** KSR.pvx.xavp_is_null(str): int -- complete */
    function xavp_is_null(p1: string): number;
    /** KSR.pvx.xavp_child_seti(str, str, int): int -- complete */
    function xavp_child_seti(p1: string, p2: string, p3: number): number;
    /** KSR.pvx.xavp_child_sets(str, str, str): int -- complete */
    function xavp_child_sets(p1: string, p2: string, p3: string): number;
    /** KSR.pvx.xavp_child_rm(str, str): int -- complete */
    function xavp_child_rm(p1: string, p2: string): number;
    /** KSR.pvx.xavp_child_is_null(str, str): int -- complete */
    function xavp_child_is_null(p1: string, p2: string): number;
    /** KSR.pvx.xavp_child_get(str, str): xval -- complete */
    function xavp_child_get(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavp_child_gete(str, str): xval -- complete */
    function xavp_child_gete(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavp_child_getw(str, str): xval -- complete */
    function xavp_child_getw(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavp_rm_all(str): int -- complete */
    function xavp_rm_all(p1: string): number;
    /** KSR.pvx.xavp_getd(str): xval -- complete */
    function xavp_getd(p1: string): string | number | Record<string, unknown> | unknown[] | null;
    /** KSR.pvx.xavp_getd_p1(str, int): xval -- complete */
    function xavp_getd_p1(p1: string, p2: number): string | number | Record<string, unknown> | unknown[] | null;
    /** KSR.pvx.xavp_get_keys(str, int): xval -- complete */
    function xavp_get_keys(p1: string, p2: number): string | number | Record<string, unknown> | unknown[] | null;
    /** KSR.pvx.xavu_seti(str, int): int -- complete */
    function xavu_seti(p1: string, p2: number): number;
    /** KSR.pvx.xavu_sets(str, str): int -- complete */
    function xavu_sets(p1: string, p2: string): number;
    /** KSR.pvx.xavu_get(str): xval -- complete */
    function xavu_get(p1: string): string | number | null;
    /** KSR.pvx.xavu_gete(str): xval -- complete */
    function xavu_gete(p1: string): string | number | null;
    /** KSR.pvx.xavu_getw(str): xval -- complete */
    function xavu_getw(p1: string): string | number | null;
    /** KSR.pvx.xavu_rm(str): int -- complete */
    function xavu_rm(p1: string): number;
    /** KSR.pvx.xavu_is_null(str): int -- complete */
    function xavu_is_null(p1: string): number;
    /** KSR.pvx.xavu_child_seti(str, str, int): int -- complete */
    function xavu_child_seti(p1: string, p2: string, p3: number): number;
    /** KSR.pvx.xavu_child_sets(str, str, str): int -- complete */
    function xavu_child_sets(p1: string, p2: string, p3: string): number;
    /** KSR.pvx.xavu_child_rm(str, str): int -- complete */
    function xavu_child_rm(p1: string, p2: string): number;
    /** KSR.pvx.xavu_child_is_null(str, str): int -- complete */
    function xavu_child_is_null(p1: string, p2: string): number;
    /** KSR.pvx.xavu_child_get(str, str): xval -- complete */
    function xavu_child_get(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavu_child_gete(str, str): xval -- complete */
    function xavu_child_gete(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavu_child_getw(str, str): xval -- complete */
    function xavu_child_getw(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavi_seti(str, int): int -- complete */
    function xavi_seti(p1: string, p2: number): number;
    /** KSR.pvx.xavi_sets(str, str): int -- complete */
    function xavi_sets(p1: string, p2: string): number;
    /** KSR.pvx.xavi_get(str): xval -- complete */
    function xavi_get(p1: string): string | number | null;
    /** KSR.pvx.xavi_gete(str): xval -- complete */
    function xavi_gete(p1: string): string | number | null;
    /** KSR.pvx.xavi_getw(str): xval -- complete */
    function xavi_getw(p1: string): string | number | null;
    /** KSR.pvx.xavi_rm(str): int -- complete */
    function xavi_rm(p1: string): number;
    /** KSR.pvx.xavi_is_null(str): int -- complete */
    function xavi_is_null(p1: string): number;
    /** KSR.pvx.xavi_child_seti(str, str, int): int -- complete */
    function xavi_child_seti(p1: string, p2: string, p3: number): number;
    /** KSR.pvx.xavi_child_sets(str, str, str): int -- complete */
    function xavi_child_sets(p1: string, p2: string, p3: string): number;
    /** KSR.pvx.xavi_child_rm(str, str): int -- complete */
    function xavi_child_rm(p1: string, p2: string): number;
    /** KSR.pvx.xavi_child_is_null(str, str): int -- complete */
    function xavi_child_is_null(p1: string, p2: string): number;
    /** KSR.pvx.xavi_child_get(str, str): xval -- complete */
    function xavi_child_get(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavi_child_gete(str, str): xval -- complete */
    function xavi_child_gete(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavi_child_getw(str, str): xval -- complete */
    function xavi_child_getw(p1: string, p2: string): string | number | null;
    /** KSR.pvx.xavi_rm_all(str): int -- complete */
    function xavi_rm_all(p1: string): number;
    /** KSR.pvx.xavi_getd(str): xval -- complete */
    function xavi_getd(p1: string): string | number | Record<string, unknown> | unknown[] | null;
    /** KSR.pvx.xavi_getd_p1(str, int): xval -- complete */
    function xavi_getd_p1(p1: string, p2: number): string | number | Record<string, unknown> | unknown[] | null;
    /** KSR.pvx.xavi_get_keys(str, int): xval -- complete */
    function xavi_get_keys(p1: string, p2: number): string | number | Record<string, unknown> | unknown[] | null;
    /** KSR.pvx.evalx(str, str): int -- complete */
    function evalx(p1: string, p2: string): number;
    /** KSR.pvx.avp_seti(str, int): int -- complete */
    function avp_seti(p1: string, p2: number): number;
    /** KSR.pvx.avp_sets(str, str): int -- complete */
    function avp_sets(p1: string, p2: string): number;
    /** KSR.pvx.avp_get(str): xval -- complete */
    function avp_get(p1: string): string | number | null;
    /** KSR.pvx.avp_gete(str): xval -- complete */
    function avp_gete(p1: string): string | number | null;
    /** KSR.pvx.avp_getw(str): xval -- complete */
    function avp_getw(p1: string): string | number | null;
    /** KSR.pvx.avp_rm(str): int -- complete */
    function avp_rm(p1: string): number;
    /** KSR.pvx.avp_is_null(str): int -- complete */
    function avp_is_null(p1: string): number;
    /** KSR.pvx.xavp_copy(str, int, str): int -- complete */
    function xavp_copy(p1: string, p2: number, p3: string): number;
    /** KSR.pvx.xavp_copy_dst(str, int, str, int): int -- complete */
    function xavp_copy_dst(p1: string, p2: number, p3: string, p4: number): number;
    /** KSR.pvx.xavp_lshift(str, int): int -- complete */
    function xavp_lshift(p1: string, p2: number): number;
    /** KSR.pvx.xavp_push_dst(str): int -- partial: pushes the R-URI and $du as fields uri and dsturi only */
    function xavp_push_dst(p1: string): number;
  }
  namespace textops {
    /** KSR.textops.search(str): int -- complete */
    function search(p1: string): number;
    /** KSR.textops.search_body(str): int -- complete */
    function search_body(p1: string): number;
    /** KSR.textops.search_hf(str, str, str): int -- complete */
    function search_hf(p1: string, p2: string, p3: string): number;
    /** KSR.textops.is_present_hf(str): int -- complete */
    function is_present_hf(p1: string): number;
    /** KSR.textops.is_present_hf_re(str): int -- complete */
    function is_present_hf_re(p1: string): number;
    /** KSR.textops.search_str(str, str): int -- complete */
    function search_str(p1: string, p2: string): number;
    /** KSR.textops.regex_substring(str, str, int, int, str): int -- complete */
    function regex_substring(p1: string, p2: string, p3: number, p4: number, p5: string): number;
    /** KSR.textops.search_append(str, str): int -- complete */
    function search_append(p1: string, p2: string): number;
    /** KSR.textops.search_append_body(str, str): int -- complete */
    function search_append_body(p1: string, p2: string): number;
    /** KSR.textops.replace(str, str): int -- complete */
    function replace(p1: string, p2: string): number;
    /** KSR.textops.replace_all(str, str): int -- complete */
    function replace_all(p1: string, p2: string): number;
    /** KSR.textops.replace_body(str, str): int -- complete */
    function replace_body(p1: string, p2: string): number;
    /** KSR.textops.replace_body_all(str, str): int -- complete */
    function replace_body_all(p1: string, p2: string): number;
    /** KSR.textops.replace_body_atonce(str, str): int -- complete */
    function replace_body_atonce(p1: string, p2: string): number;
    /** KSR.textops.replace_hdrs(str, str): int -- complete */
    function replace_hdrs(p1: string, p2: string): number;
    /** KSR.textops.replace_str(str, str, str): int -- complete */
    function replace_str(p1: string, p2: string, p3: string): number;
    /** KSR.textops.replace_body_str(str, str, str): int -- complete */
    function replace_body_str(p1: string, p2: string, p3: string): number;
    /** KSR.textops.replace_hdrs_str(str, str, str): int -- complete */
    function replace_hdrs_str(p1: string, p2: string, p3: string): number;
    /** KSR.textops.subst(str): int -- complete */
    function subst(p1: string): number;
    /** KSR.textops.subst_body(str): int -- complete */
    function subst_body(p1: string): number;
    /** KSR.textops.subst_uri(str): int -- complete */
    function subst_uri(p1: string): number;
    /** KSR.textops.subst_user(str): int -- complete */
    function subst_user(p1: string): number;
    /** KSR.textops.subst_hf(str, str, str): int -- complete */
    function subst_hf(p1: string, p2: string, p3: string): number;
    /** KSR.textops.subst_v(str, str, str): int -- complete */
    function subst_v(p1: string, p2: string, p3: string): number;
    /** KSR.textops.remove_hf(str): int -- complete */
    function remove_hf(p1: string): number;
    /** KSR.textops.remove_hf_re(str): int -- complete */
    function remove_hf_re(p1: string): number;
    /** KSR.textops.remove_hf_idx(str, int): int -- complete */
    function remove_hf_idx(p1: string, p2: number): number;
    /** KSR.textops.remove_hf_exp(str, str): int -- complete */
    function remove_hf_exp(p1: string, p2: string): number;
    /** KSR.textops.remove_hf_match(str, str, str): int -- complete */
    function remove_hf_match(p1: string, p2: string, p3: string): number;
    /** KSR.textops.set_body(str, str): int -- complete */
    function set_body(p1: string, p2: string): number;
    /** KSR.textops.set_body_hex(str, str): int -- complete */
    function set_body_hex(p1: string, p2: string): number;
    /** KSR.textops.set_reply_body(str, str): int -- complete */
    function set_reply_body(p1: string, p2: string): number;
    /** KSR.textops.set_reply_body_hex(str, str): int -- complete */
    function set_reply_body_hex(p1: string, p2: string): number;
    /** KSR.textops.has_body(): int -- complete */
    function has_body(): number;
    /** KSR.textops.has_body_type(str): int -- complete */
    function has_body_type(p1: string): number;
    /** KSR.textops.filter_body(str): int -- complete */
    function filter_body(p1: string): number;
    /** KSR.textops.set_body_multipart_mode(): int -- complete */
    function set_body_multipart_mode(): number;
    /** KSR.textops.set_body_multipart_boundary(str): int -- complete */
    function set_body_multipart_boundary(p1: string): number;
    /** KSR.textops.set_body_multipart_content(str, str): int -- complete */
    function set_body_multipart_content(p1: string, p2: string): number;
    /** KSR.textops.set_body_multipart(str, str, str): int -- complete */
    function set_body_multipart(p1: string, p2: string, p3: string): number;
    /** KSR.textops.append_body_part(str, str): int -- complete */
    function append_body_part(p1: string, p2: string): number;
    /** KSR.textops.append_body_part_cd(str, str, str): int -- complete */
    function append_body_part_cd(p1: string, p2: string, p3: string): number;
    /** KSR.textops.append_body_part_hex(str, str): int -- complete */
    function append_body_part_hex(p1: string, p2: string): number;
    /** KSR.textops.append_body_part_hex_cd(str, str, str): int -- complete */
    function append_body_part_hex_cd(p1: string, p2: string, p3: string): number;
    /** KSR.textops.remove_body_part(str): int -- complete */
    function remove_body_part(p1: string): number;
    /** KSR.textops.get_body_part(str, str): int -- complete */
    function get_body_part(p1: string, p2: string): number;
    /** KSR.textops.get_body_part_raw(str, str): int -- complete */
    function get_body_part_raw(p1: string, p2: string): number;
    /** KSR.textops.is_audio_on_hold(): int -- complete */
    function is_audio_on_hold(): number;
    /** KSR.textops.is_privacy(str): int -- complete */
    function is_privacy(p1: string): number;
    /** KSR.textops.in_list(str, str, str): int -- complete */
    function in_list(p1: string, p2: string, p3: string): number;
    /** KSR.textops.in_list_prefix(str, str, str): int -- complete */
    function in_list_prefix(p1: string, p2: string, p3: string): number;
    /** KSR.textops.cmp_str(str, str): int -- complete */
    function cmp_str(p1: string, p2: string): number;
    /** KSR.textops.cmp_istr(str, str): int -- complete */
    function cmp_istr(p1: string, p2: string): number;
    /** KSR.textops.starts_with(str, str): int -- complete */
    function starts_with(p1: string, p2: string): number;
    /** KSR.textops.ends_with(str, str): int -- complete */
    function ends_with(p1: string, p2: string): number;
    /** KSR.textops.str_find(str, str): int -- complete */
    function str_find(p1: string, p2: string): number;
    /** KSR.textops.str_ifind(str, str): int -- complete */
    function str_ifind(p1: string, p2: string): number;
    /** KSR.textops.str_any_in(str, str): int -- complete */
    function str_any_in(p1: string, p2: string): number;
    /** KSR.textops.str_all_in(str, str): int -- complete */
    function str_all_in(p1: string, p2: string): number;
  }
  namespace textopsx {
    /** KSR.textopsx.msg_apply_changes(): int -- complete */
    function msg_apply_changes(): number;
    /** KSR.textopsx.msg_set_buffer(str): int -- complete */
    function msg_set_buffer(p1: string): number;
    /** KSR.textopsx.change_reply_status(int, str): int -- complete */
    function change_reply_status(p1: number, p2: string): number;
    /** KSR.textopsx.change_reply_status_code(int): int -- complete */
    function change_reply_status_code(p1: number): number;
    /** KSR.textopsx.remove_body(): int -- complete */
    function remove_body(): number;
    /** KSR.textopsx.keep_hf(): int -- complete */
    function keep_hf(): number;
    /** KSR.textopsx.keep_hf_re(str): int -- complete */
    function keep_hf_re(p1: string): number;
    /** KSR.textopsx.fnmatch(str, str): int -- complete */
    function fnmatch(p1: string, p2: string): number;
    /** KSR.textopsx.fnmatch_ex(str, str, str): int -- complete */
    function fnmatch_ex(p1: string, p2: string, p3: string): number;
    /** KSR.textopsx.append_hf_value(str, str): int -- complete */
    function append_hf_value(p1: string, p2: string): number;
    /** KSR.textopsx.insert_hf_value(str, str): int -- complete */
    function insert_hf_value(p1: string, p2: string): number;
    /** KSR.textopsx.assign_hf_value(str, str): int -- complete */
    function assign_hf_value(p1: string, p2: string): number;
    /** KSR.textopsx.assign_hf_value2(str, str): int -- complete */
    function assign_hf_value2(p1: string, p2: string): number;
    /** KSR.textopsx.remove_hf_value(str): int -- complete */
    function remove_hf_value(p1: string): number;
    /** KSR.textopsx.remove_hf_value2(str, str): int -- complete */
    function remove_hf_value2(p1: string, p2: string): number;
    /** KSR.textopsx.include_hf_value(str, str): int -- complete */
    function include_hf_value(p1: string, p2: string): number;
    /** KSR.textopsx.exclude_hf_value(str, str): int -- complete */
    function exclude_hf_value(p1: string, p2: string): number;
    /** KSR.textopsx.hf_value_exists(str, str): int -- complete */
    function hf_value_exists(p1: string, p2: string): number;
    /** KSR.textopsx.hf_iterator_start(str): int -- complete */
    function hf_iterator_start(p1: string): number;
    /** KSR.textopsx.hf_iterator_end(str): int -- complete */
    function hf_iterator_end(p1: string): number;
    /** KSR.textopsx.hf_iterator_next(str): int -- complete */
    function hf_iterator_next(p1: string): number;
    /** KSR.textopsx.hf_iterator_prev(str): int -- complete */
    function hf_iterator_prev(p1: string): number;
    /** KSR.textopsx.hf_iterator_rm(str): int -- complete */
    function hf_iterator_rm(p1: string): number;
    /** KSR.textopsx.hf_iterator_append(str, str): int -- complete */
    function hf_iterator_append(p1: string, p2: string): number;
    /** KSR.textopsx.hf_iterator_insert(str, str): int -- complete */
    function hf_iterator_insert(p1: string, p2: string): number;
    /** KSR.textopsx.hf_iterator_hname(str): xval -- complete */
    function hf_iterator_hname(p1: string): string | number | null;
    /** KSR.textopsx.hf_iterator_hbody(str): xval -- complete */
    function hf_iterator_hbody(p1: string): string | number | null;
    /** KSR.textopsx.bl_iterator_start(str): int -- complete */
    function bl_iterator_start(p1: string): number;
    /** KSR.textopsx.bl_iterator_end(str): int -- complete */
    function bl_iterator_end(p1: string): number;
    /** KSR.textopsx.bl_iterator_next(str): int -- complete */
    function bl_iterator_next(p1: string): number;
    /** KSR.textopsx.bl_iterator_rm(str): int -- complete */
    function bl_iterator_rm(p1: string): number;
    /** KSR.textopsx.bl_iterator_append(str, str): int -- complete */
    function bl_iterator_append(p1: string, p2: string): number;
    /** KSR.textopsx.bl_iterator_insert(str, str): int -- complete */
    function bl_iterator_insert(p1: string, p2: string): number;
    /** KSR.textopsx.bl_iterator_value(str): xval -- complete */
    function bl_iterator_value(p1: string): string | number | null;
  }
  namespace posops {
    /** KSR.posops.pos_append(int, str): int -- complete */
    function pos_append(p1: number, p2: string): number;
    /** KSR.posops.pos_insert(int, str): int -- complete */
    function pos_insert(p1: number, p2: string): number;
    /** KSR.posops.pos_rm(int, int): int -- complete */
    function pos_rm(p1: number, p2: number): number;
    /** KSR.posops.pos_set_char(int, str): int -- complete */
    function pos_set_char(p1: number, p2: string): number;
    /** KSR.posops.pos_headers_start(): int -- complete */
    function pos_headers_start(): number;
    /** KSR.posops.pos_headers_end(): int -- complete */
    function pos_headers_end(): number;
    /** KSR.posops.pos_body_start(): int -- complete */
    function pos_body_start(): number;
    /** KSR.posops.pos_body_end(): int -- complete */
    function pos_body_end(): number;
    /** KSR.posops.pos_find_str(int, str): int -- complete */
    function pos_find_str(p1: number, p2: string): number;
    /** KSR.posops.pos_findi_str(int, str): int -- complete */
    function pos_findi_str(p1: number, p2: string): number;
    /** KSR.posops.pos_rfind_str(int, str): int -- complete */
    function pos_rfind_str(p1: number, p2: string): number;
    /** KSR.posops.pos_rfindi_str(int, str): int -- complete */
    function pos_rfindi_str(p1: number, p2: string): number;
    /** KSR.posops.pos_search(int, str): int -- complete */
    function pos_search(p1: number, p2: string): number;
    /** KSR.posops.pos_rsearch(int, str): int -- complete */
    function pos_rsearch(p1: number, p2: string): number;
  }
  namespace htable {
    /** KSR.htable.sht_lock(str, str): int -- complete */
    function sht_lock(p1: string, p2: string): number;
    /** KSR.htable.sht_unlock(str, str): int -- complete */
    function sht_unlock(p1: string, p2: string): number;
    /** KSR.htable.sht_reset(str): int -- complete */
    function sht_reset(p1: string): number;
    /** KSR.htable.sht_iterator_start(str, str): int -- complete */
    function sht_iterator_start(p1: string, p2: string): number;
    /** KSR.htable.sht_iterator_next(str): int -- complete */
    function sht_iterator_next(p1: string): number;
    /** KSR.htable.sht_iterator_end(str): int -- complete */
    function sht_iterator_end(p1: string): number;
    /** KSR.htable.sht_iterator_rm(str): int -- complete */
    function sht_iterator_rm(p1: string): number;
    /** KSR.htable.sht_iterator_sets(str, str): int -- complete */
    function sht_iterator_sets(p1: string, p2: string): number;
    /** KSR.htable.sht_iterator_seti(str, int): int -- complete */
    function sht_iterator_seti(p1: string, p2: number): number;
    /** KSR.htable.sht_iterator_setex(str, int): int -- complete */
    function sht_iterator_setex(p1: string, p2: number): number;
    /** KSR.htable.sht_rm(str, str): int -- complete */
    function sht_rm(p1: string, p2: string): number;
    /** KSR.htable.sht_rm_name_re(str, str): int -- complete */
    function sht_rm_name_re(p1: string, p2: string): number;
    /** KSR.htable.sht_rm_value_re(str, str): int -- complete */
    function sht_rm_value_re(p1: string, p2: string): number;
    /** KSR.htable.sht_rm_name(str, str, str): int -- complete */
    function sht_rm_name(p1: string, p2: string, p3: string): number;
    /** KSR.htable.sht_rm_value(str, str, str): int -- complete */
    function sht_rm_value(p1: string, p2: string, p3: string): number;
    /** KSR.htable.sht_match_name(str, str, str): int -- complete */
    function sht_match_name(p1: string, p2: string, p3: string): number;
    /** KSR.htable.sht_match_str_value(str, str, str): int -- complete */
    function sht_match_str_value(p1: string, p2: string, p3: string): number;
    /** KSR.htable.sht_get(str, str): xval -- complete */
    function sht_get(p1: string, p2: string): string | number | null;
    /** KSR.htable.sht_gete(str, str): xval -- complete */
    function sht_gete(p1: string, p2: string): string | number | null;
    /** KSR.htable.sht_getw(str, str): xval -- complete */
    function sht_getw(p1: string, p2: string): string | number | null;
    /** KSR.htable.sht_sets(str, str, str): int -- complete */
    function sht_sets(p1: string, p2: string, p3: string): number;
    /** KSR.htable.sht_seti(str, str, int): int -- complete */
    function sht_seti(p1: string, p2: string, p3: number): number;
    /** KSR.htable.sht_setex(str, str, int): int -- complete */
    function sht_setex(p1: string, p2: string, p3: number): number;
    /** KSR.htable.sht_setxi(str, str, int, int): int -- complete */
    function sht_setxi(p1: string, p2: string, p3: number, p4: number): number;
    /** KSR.htable.sht_setxs(str, str, str, int): int -- complete */
    function sht_setxs(p1: string, p2: string, p3: string, p4: number): number;
    /** KSR.htable.sht_is_null(str, str): int -- complete */
    function sht_is_null(p1: string, p2: string): number;
    /** KSR.htable.sht_inc(str, str): int -- complete */
    function sht_inc(p1: string, p2: string): number;
    /** KSR.htable.sht_dec(str, str): int -- complete */
    function sht_dec(p1: string, p2: string): number;
    /** KSR.htable.sht_cn(str, str, str): int -- complete */
    function sht_cn(p1: string, p2: string, p3: string): number;
  }
  namespace pike {
    /** KSR.pike.pike_check_req(): int -- complete */
    function pike_check_req(): number;
    /** KSR.pike.pike_check_ip(str): int -- complete */
    function pike_check_ip(p1: string): number;
  }
  namespace permissions {
    /** KSR.permissions.allow_source_address(int): int -- complete */
    function allow_source_address(p1: number): number;
    /** KSR.permissions.allow_address(int, str, int): int -- complete */
    function allow_address(p1: number, p2: string, p3: number): number;
    /** KSR.permissions.allow_source_address_group(): int -- complete */
    function allow_source_address_group(): number;
    /** KSR.permissions.allow_address_group(str, int): int -- complete */
    function allow_address_group(p1: string, p2: number): number;
    /** KSR.permissions.allow_trusted(): int -- complete */
    function allow_trusted(): number;
  }
  namespace nathelper {
    /** KSR.nathelper.nat_uac_test(int): int -- complete */
    function nat_uac_test(p1: number): number;
    /** KSR.nathelper.fix_nated_contact(): int -- complete */
    function fix_nated_contact(): number;
    /** KSR.nathelper.fix_nated_register(): int -- complete */
    function fix_nated_register(): number;
    /** KSR.nathelper.set_contact_alias(): int -- complete */
    function set_contact_alias(): number;
    /** KSR.nathelper.set_contact_alias_trim(): int -- complete */
    function set_contact_alias_trim(): number;
    /** KSR.nathelper.handle_ruri_alias(): int -- complete */
    function handle_ruri_alias(): number;
    /** KSR.nathelper.handle_ruri_alias_mode(int): int -- complete */
    function handle_ruri_alias_mode(p1: number): number;
    /** KSR.nathelper.is_rfc1918(str): int -- complete */
    function is_rfc1918(p1: string): number;
    /** KSR.nathelper.add_contact_alias(): int -- complete */
    function add_contact_alias(): number;
    /** KSR.nathelper.add_contact_alias_addr(str, str, str): int -- complete */
    function add_contact_alias_addr(p1: string, p2: string, p3: string): number;
    /** KSR.nathelper.add_rcv_param(int): int -- complete */
    function add_rcv_param(p1: number): number;
    /** KSR.nathelper.fix_nated_sdp(int): int -- complete */
    function fix_nated_sdp(p1: number): number;
    /** KSR.nathelper.fix_nated_sdp_ip(int, str): int -- complete */
    function fix_nated_sdp_ip(p1: number, p2: string): number;
    /** KSR.nathelper.set_alias_to_pv(str): int -- complete */
    function set_alias_to_pv(p1: string): number;
  }
  namespace dispatcher {
    /** KSR.dispatcher.ds_select(int, int): int -- complete */
    function ds_select(p1: number, p2: number): number;
    /** KSR.dispatcher.ds_select_limit(int, int, int): int -- complete */
    function ds_select_limit(p1: number, p2: number, p3: number): number;
    /** KSR.dispatcher.ds_select_dst(int, int): int -- complete */
    function ds_select_dst(p1: number, p2: number): number;
    /** KSR.dispatcher.ds_select_dst_limit(int, int, int): int -- complete */
    function ds_select_dst_limit(p1: number, p2: number, p3: number): number;
    /** KSR.dispatcher.ds_select_domain(int, int): int -- complete */
    function ds_select_domain(p1: number, p2: number): number;
    /** KSR.dispatcher.ds_select_domain_limit(int, int, int): int -- complete */
    function ds_select_domain_limit(p1: number, p2: number, p3: number): number;
    /** KSR.dispatcher.ds_select_routes(str, str): int -- complete */
    function ds_select_routes(p1: string, p2: string): number;
    /** KSR.dispatcher.ds_select_routes_limit(str, str, int): int -- complete */
    function ds_select_routes_limit(p1: string, p2: string, p3: number): number;
    /** KSR.dispatcher.ds_next_dst(): int -- complete */
    function ds_next_dst(): number;
    /** KSR.dispatcher.ds_next_domain(): int -- complete */
    function ds_next_domain(): number;
    /** KSR.dispatcher.ds_set_dst(): int -- complete */
    function ds_set_dst(): number;
    /** KSR.dispatcher.ds_set_domain(): int -- complete */
    function ds_set_domain(): number;
    /** KSR.dispatcher.ds_mark_dst(): int -- complete */
    function ds_mark_dst(): number;
    /** KSR.dispatcher.ds_mark_dst_state(str): int -- complete */
    function ds_mark_dst_state(p1: string): number;
    /** KSR.dispatcher.ds_mark_addr(str, int, str): int -- complete */
    function ds_mark_addr(p1: string, p2: number, p3: string): number;
    /** KSR.dispatcher.ds_is_from_lists(): int -- complete */
    function ds_is_from_lists(): number;
    /** KSR.dispatcher.ds_is_from_list(int): int -- complete */
    function ds_is_from_list(p1: number): number;
    /** KSR.dispatcher.ds_is_from_list_mode(int, int): int -- complete */
    function ds_is_from_list_mode(p1: number, p2: number): number;
    /** KSR.dispatcher.ds_is_from_list_uri(int, int, str): int -- complete */
    function ds_is_from_list_uri(p1: number, p2: number, p3: string): number;
    /** KSR.dispatcher.ds_load_update(): int -- complete */
    function ds_load_update(): number;
    /** KSR.dispatcher.ds_load_unset(): int -- complete */
    function ds_load_unset(): number;
    /** KSR.dispatcher.ds_reload(): int -- complete */
    function ds_reload(): number;
    /** KSR.dispatcher.ds_list_exists(int): int -- complete */
    function ds_list_exists(p1: number): number;
    /** KSR.dispatcher.ds_is_active(int): int -- complete */
    function ds_is_active(p1: number): number;
    /** KSR.dispatcher.ds_is_active_uri(int, str): int -- complete */
    function ds_is_active_uri(p1: number, p2: string): number;
  }
  namespace uac {
    /** KSR.uac.uac_auth(): int -- complete */
    function uac_auth(): number;
    /** KSR.uac.uac_auth_mode(int): int -- complete */
    function uac_auth_mode(p1: number): number;
    /** KSR.uac.uac_req_send(): int -- complete */
    function uac_req_send(): number;
    /** KSR.uac.uac_replace_from_uri(str): int -- complete */
    function uac_replace_from_uri(p1: string): number;
    /** KSR.uac.uac_replace_from(str, str): int -- complete */
    function uac_replace_from(p1: string, p2: string): number;
    /** KSR.uac.uac_restore_from(): int -- complete */
    function uac_restore_from(): number;
    /** KSR.uac.uac_replace_to_uri(str): int -- complete */
    function uac_replace_to_uri(p1: string): number;
    /** KSR.uac.uac_replace_to(str, str): int -- complete */
    function uac_replace_to(p1: string, p2: string): number;
    /** KSR.uac.uac_restore_to(): int -- complete */
    function uac_restore_to(): number;
    /** KSR.uac.uac_reg_lookup(str, str): int -- complete */
    function uac_reg_lookup(p1: string, p2: string): number;
    /** KSR.uac.uac_reg_lookup_uri(str, str): int -- complete */
    function uac_reg_lookup_uri(p1: string, p2: string): number;
    /** KSR.uac.uac_reg_status(str): int -- complete */
    function uac_reg_status(p1: string): number;
    /** KSR.uac.uac_reg_request_to(str, int): int -- complete */
    function uac_reg_request_to(p1: string, p2: number): number;
    /** KSR.uac.uac_reg_enable(str, str): int -- complete */
    function uac_reg_enable(p1: string, p2: string): number;
    /** KSR.uac.uac_reg_disable(str, str): int -- complete */
    function uac_reg_disable(p1: string, p2: string): number;
    /** KSR.uac.uac_reg_refresh(str): int -- complete */
    function uac_reg_refresh(p1: string): number;
  }
  namespace uac_redirect {
    /** KSR.uac_redirect.get_redirects_all(): int -- complete */
    function get_redirects_all(): number;
    /** KSR.uac_redirect.get_redirects(int, int): int -- complete */
    function get_redirects(p1: number, p2: number): number;
    /** KSR.uac_redirect.get_redirects_acc(int, int, str): int -- complete */
    function get_redirects_acc(p1: number, p2: number, p3: string): number;
  }
  namespace rtpengine {
    /** KSR.rtpengine.rtpengine_manage0(): int -- complete */
    function rtpengine_manage0(): number;
    /** KSR.rtpengine.rtpengine_manage(str): int -- complete */
    function rtpengine_manage(p1: string): number;
    /** KSR.rtpengine.rtpengine_manage2(str, str): int -- complete */
    function rtpengine_manage2(p1: string, p2: string): number;
    /** KSR.rtpengine.rtpengine_offer0(): int -- complete */
    function rtpengine_offer0(): number;
    /** KSR.rtpengine.rtpengine_offer(str): int -- complete */
    function rtpengine_offer(p1: string): number;
    /** KSR.rtpengine.rtpengine_offer2(str, str): int -- complete */
    function rtpengine_offer2(p1: string, p2: string): number;
    /** KSR.rtpengine.rtpengine_answer0(): int -- complete */
    function rtpengine_answer0(): number;
    /** KSR.rtpengine.rtpengine_answer(str): int -- complete */
    function rtpengine_answer(p1: string): number;
    /** KSR.rtpengine.rtpengine_answer2(str, str): int -- complete */
    function rtpengine_answer2(p1: string, p2: string): number;
    /** KSR.rtpengine.rtpengine_delete0(): int -- complete */
    function rtpengine_delete0(): number;
    /** KSR.rtpengine.rtpengine_delete(str): int -- complete */
    function rtpengine_delete(p1: string): number;
    /** KSR.rtpengine.rtpengine_delete2(str, str): int -- complete */
    function rtpengine_delete2(p1: string, p2: string): number;
    /** KSR.rtpengine.rtpengine_query0(): int -- complete */
    function rtpengine_query0(): number;
    /** KSR.rtpengine.rtpengine_query(str): int -- complete */
    function rtpengine_query(p1: string): number;
    /** KSR.rtpengine.rtpengine_query2(str, str): int -- complete */
    function rtpengine_query2(p1: string, p2: string): number;
    /** KSR.rtpengine.rtpengine_connect0(): int -- complete */
    function rtpengine_connect0(): number;
    /** KSR.rtpengine.rtpengine_connect(str): int -- complete */
    function rtpengine_connect(p1: string): number;
    /** KSR.rtpengine.rtpengine_connect2(str, str): int -- complete */
    function rtpengine_connect2(p1: string, p2: string): number;
    /** KSR.rtpengine.block_media0(): int -- complete */
    function block_media0(): number;
    /** KSR.rtpengine.block_media(str): int -- complete */
    function block_media(p1: string): number;
    /** KSR.rtpengine.block_media2(str, str): int -- complete */
    function block_media2(p1: string, p2: string): number;
    /** KSR.rtpengine.unblock_media0(): int -- complete */
    function unblock_media0(): number;
    /** KSR.rtpengine.unblock_media(str): int -- complete */
    function unblock_media(p1: string): number;
    /** KSR.rtpengine.unblock_media2(str, str): int -- complete */
    function unblock_media2(p1: string, p2: string): number;
    /** KSR.rtpengine.silence_media0(): int -- complete */
    function silence_media0(): number;
    /** KSR.rtpengine.silence_media(str): int -- complete */
    function silence_media(p1: string): number;
    /** KSR.rtpengine.silence_media2(str, str): int -- complete */
    function silence_media2(p1: string, p2: string): number;
    /** KSR.rtpengine.unsilence_media0(): int -- complete */
    function unsilence_media0(): number;
    /** KSR.rtpengine.unsilence_media(str): int -- complete */
    function unsilence_media(p1: string): number;
    /** KSR.rtpengine.unsilence_media2(str, str): int -- complete */
    function unsilence_media2(p1: string, p2: string): number;
    /** KSR.rtpengine.block_dtmf0(): int -- complete */
    function block_dtmf0(): number;
    /** KSR.rtpengine.block_dtmf(str): int -- complete */
    function block_dtmf(p1: string): number;
    /** KSR.rtpengine.block_dtmf2(str, str): int -- complete */
    function block_dtmf2(p1: string, p2: string): number;
    /** KSR.rtpengine.unblock_dtmf0(): int -- complete */
    function unblock_dtmf0(): number;
    /** KSR.rtpengine.unblock_dtmf(str): int -- complete */
    function unblock_dtmf(p1: string): number;
    /** KSR.rtpengine.unblock_dtmf2(str, str): int -- complete */
    function unblock_dtmf2(p1: string, p2: string): number;
    /** KSR.rtpengine.stop_media0(): int -- complete */
    function stop_media0(): number;
    /** KSR.rtpengine.stop_media(str): int -- complete */
    function stop_media(p1: string): number;
    /** KSR.rtpengine.stop_media2(str, str): int -- complete */
    function stop_media2(p1: string, p2: string): number;
    /** KSR.rtpengine.start_forwarding0(): int -- complete */
    function start_forwarding0(): number;
    /** KSR.rtpengine.start_forwarding(str): int -- complete */
    function start_forwarding(p1: string): number;
    /** KSR.rtpengine.start_forwarding2(str, str): int -- complete */
    function start_forwarding2(p1: string, p2: string): number;
    /** KSR.rtpengine.stop_forwarding0(): int -- complete */
    function stop_forwarding0(): number;
    /** KSR.rtpengine.stop_forwarding(str): int -- complete */
    function stop_forwarding(p1: string): number;
    /** KSR.rtpengine.stop_forwarding2(str, str): int -- complete */
    function stop_forwarding2(p1: string, p2: string): number;
    /** KSR.rtpengine.start_recording(): int -- complete */
    function start_recording(): number;
    /** KSR.rtpengine.stop_recording(): int -- complete */
    function stop_recording(): number;
    /** KSR.rtpengine.play_media(str): int -- complete */
    function play_media(p1: string): number;
    /** KSR.rtpengine.play_media2(str, str): int -- complete */
    function play_media2(p1: string, p2: string): number;
    /** KSR.rtpengine.play_dtmf(str): int -- complete */
    function play_dtmf(p1: string): number;
    /** KSR.rtpengine.set_rtpengine_set(int): int -- complete */
    function set_rtpengine_set(p1: number): number;
    /** KSR.rtpengine.set_rtpengine_set2(int, int): int -- complete */
    function set_rtpengine_set2(p1: number, p2: number): number;
    /** KSR.rtpengine.rtpengine_query_v(str, str): int -- complete */
    function rtpengine_query_v(p1: string, p2: string): number;
    /** KSR.rtpengine.rtpengine_subscribe_request(str, str, str, str): int -- complete */
    function rtpengine_subscribe_request(p1: string, p2: string, p3: string, p4: string): number;
    /** KSR.rtpengine.rtpengine_subscribe_answer(str): int -- complete */
    function rtpengine_subscribe_answer(p1: string): number;
    /** KSR.rtpengine.rtpengine_unsubscribe(str): int -- complete */
    function rtpengine_unsubscribe(p1: string): number;
  }
  namespace rtpproxy {
    /** KSR.rtpproxy.rtpproxy_manage0(): int -- complete */
    function rtpproxy_manage0(): number;
    /** KSR.rtpproxy.rtpproxy_manage(str): int -- complete */
    function rtpproxy_manage(p1: string): number;
    /** KSR.rtpproxy.rtpproxy_manage_ip(str, str): int -- complete */
    function rtpproxy_manage_ip(p1: string, p2: string): number;
    /** KSR.rtpproxy.set_rtpproxy_set(int): int -- complete */
    function set_rtpproxy_set(p1: number): number;
    /** KSR.rtpproxy.rtpproxy_destroy0(): int -- complete */
    function rtpproxy_destroy0(): number;
    /** KSR.rtpproxy.rtpproxy_destroy(str): int -- complete */
    function rtpproxy_destroy(p1: string): number;
    /** KSR.rtpproxy.start_recording(): int -- complete */
    function start_recording(): number;
    /** KSR.rtpproxy.rtpproxy_offer0(): int -- complete */
    function rtpproxy_offer0(): number;
    /** KSR.rtpproxy.rtpproxy_offer(str): int -- complete */
    function rtpproxy_offer(p1: string): number;
    /** KSR.rtpproxy.rtpproxy_offer_ip(str, str): int -- complete */
    function rtpproxy_offer_ip(p1: string, p2: string): number;
    /** KSR.rtpproxy.rtpproxy_answer0(): int -- complete */
    function rtpproxy_answer0(): number;
    /** KSR.rtpproxy.rtpproxy_answer(str): int -- complete */
    function rtpproxy_answer(p1: string): number;
    /** KSR.rtpproxy.rtpproxy_answer_ip(str, str): int -- complete */
    function rtpproxy_answer_ip(p1: string, p2: string): number;
    /** KSR.rtpproxy.rtpproxy_stream2uac(str, int): int -- complete */
    function rtpproxy_stream2uac(p1: string, p2: number): number;
    /** KSR.rtpproxy.rtpproxy_stream2uas(str, int): int -- complete */
    function rtpproxy_stream2uas(p1: string, p2: number): number;
    /** KSR.rtpproxy.rtpproxy_stop_stream2uac(): int -- complete */
    function rtpproxy_stop_stream2uac(): number;
    /** KSR.rtpproxy.rtpproxy_stop_stream2uas(): int -- complete */
    function rtpproxy_stop_stream2uas(): number;
  }
  namespace http_client {
    /** KSR.http_client.query(str, str): int -- complete */
    function query(p1: string, p2: string): number;
    /** KSR.http_client.query_post(str, str, str): int -- complete */
    function query_post(p1: string, p2: string, p3: string): number;
    /** KSR.http_client.query_post_hdrs(str, str, str, str): int -- complete */
    function query_post_hdrs(p1: string, p2: string, p3: string, p4: string): number;
    /** KSR.http_client.get_hdrs(str, str, str, str): int -- complete */
    function get_hdrs(p1: string, p2: string, p3: string, p4: string): number;
    /** KSR.http_client.query_request(str, str, str, str, str): int -- complete */
    function query_request(p1: string, p2: string, p3: string, p4: string, p5: string): number;
    /** KSR.http_client.query_request_v2pk(str, str, str, str, str): int -- complete */
    function query_request_v2pk(p1: string, p2: string, p3: string, p4: string, p5: string): number;
    /** KSR.http_client.curl_connect(str, str, str): int -- complete */
    function curl_connect(p1: string, p2: string, p3: string): number;
    /** KSR.http_client.curl_connect_post(str, str, str, str, str): int -- complete */
    function curl_connect_post(p1: string, p2: string, p3: string, p4: string, p5: string): number;
  }
  namespace http_async_client {
    /** KSR.http_async_client.query(str, str): int -- complete */
    function query(p1: string, p2: string): number;
    /** KSR.http_async_client.send(str, str): int -- partial: no Kamailio source at hand: a query that never suspends the transaction */
    function send(p1: string, p2: string): number;
    /** KSR.http_async_client.send_xdata(str, str, str): int -- partial: no Kamailio source at hand: send with xdata given to the route as its argument */
    function send_xdata(p1: string, p2: string, p3: string): number;
  }
  namespace xlog {
    /** KSR.xlog.xdbg(str): int -- complete */
    function xdbg(p1: string): number;
    /** KSR.xlog.xinfo(str): int -- complete */
    function xinfo(p1: string): number;
    /** KSR.xlog.xnotice(str): int -- complete */
    function xnotice(p1: string): number;
    /** KSR.xlog.xwarn(str): int -- complete */
    function xwarn(p1: string): number;
    /** KSR.xlog.xerr(str): int -- complete */
    function xerr(p1: string): number;
    /** KSR.xlog.xalert(str): int -- complete */
    function xalert(p1: string): number;
    /** KSR.xlog.xcrit(str): int -- complete */
    function xcrit(p1: string): number;
    /** KSR.xlog.xlog(str, str): int -- complete */
    function xlog(p1: string, p2: string): number;
    /** KSR.xlog.xlog_facility(str, str, str): int -- complete */
    function xlog_facility(p1: string, p2: string, p3: string): number;
  }
  namespace acc {
    /** KSR.acc.acc_log_request(str): int -- complete */
    function acc_log_request(p1: string): number;
    /** KSR.acc.acc_db_request(str, str): int -- complete */
    function acc_db_request(p1: string, p2: string): number;
    /** KSR.acc.acc_request(str, str): int -- complete */
    function acc_request(p1: string, p2: string): number;
  }
}
