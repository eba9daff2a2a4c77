# Generated from the KSR registry by `npm run generate` (bindings/generate.ts). Do not edit.
# The KSR module as a routing script sees it (import KSR is implicit).

def dbg(p1: str) -> None:
    """KSR.dbg(str): none -- complete"""
    ...

def info(p1: str) -> None:
    """KSR.info(str): none -- complete"""
    ...

def notice(p1: str) -> None:
    """KSR.notice(str): none -- complete"""
    ...

def warn(p1: str) -> None:
    """KSR.warn(str): none -- complete"""
    ...

def err(p1: str) -> None:
    """KSR.err(str): none -- complete"""
    ...

def crit(p1: str) -> None:
    """KSR.crit(str): none -- complete"""
    ...

def log(p1: str, p2: str) -> None:
    """KSR.log(str, str): none -- complete"""
    ...

def set_drop() -> None:
    """KSR.set_drop(): none -- complete"""
    ...

def is_myself(p1: str) -> bool:
    """KSR.is_myself(str): bool -- complete"""
    ...

def is_myself_ruri() -> bool:
    """KSR.is_myself_ruri(): bool -- complete"""
    ...

def is_myself_duri() -> bool:
    """KSR.is_myself_duri(): bool -- complete"""
    ...

def is_myself_nhuri() -> bool:
    """KSR.is_myself_nhuri(): bool -- complete"""
    ...

def is_myself_furi() -> bool:
    """KSR.is_myself_furi(): bool -- complete"""
    ...

def is_myself_turi() -> bool:
    """KSR.is_myself_turi(): bool -- complete"""
    ...

def is_myself_suri() -> bool:
    """KSR.is_myself_suri(): bool -- complete"""
    ...

def is_myself_srcip() -> bool:
    """KSR.is_myself_srcip(): bool -- complete"""
    ...

def setflag(p1: int) -> bool:
    """KSR.setflag(int): bool -- complete"""
    ...

def resetflag(p1: int) -> bool:
    """KSR.resetflag(int): bool -- complete"""
    ...

def isflagset(p1: int) -> bool:
    """KSR.isflagset(int): bool -- complete"""
    ...

def setbflag(p1: int) -> bool:
    """KSR.setbflag(int): bool -- complete"""
    ...

def resetbflag(p1: int) -> bool:
    """KSR.resetbflag(int): bool -- complete"""
    ...

def isbflagset(p1: int) -> bool:
    """KSR.isbflagset(int): bool -- complete"""
    ...

def setbiflag(p1: int, p2: int) -> bool:
    """KSR.setbiflag(int, int): bool -- complete"""
    ...

def resetbiflag(p1: int, p2: int) -> bool:
    """KSR.resetbiflag(int, int): bool -- complete"""
    ...

def isbiflagset(p1: int, p2: int) -> bool:
    """KSR.isbiflagset(int, int): bool -- complete"""
    ...

def setsflag(p1: int) -> bool:
    """KSR.setsflag(int): bool -- complete"""
    ...

def resetsflag(p1: int) -> bool:
    """KSR.resetsflag(int): bool -- complete"""
    ...

def issflagset(p1: int) -> bool:
    """KSR.issflagset(int): bool -- complete"""
    ...

def seturi(p1: str) -> bool:
    """KSR.seturi(str): bool -- complete"""
    ...

def setuser(p1: str) -> bool:
    """KSR.setuser(str): bool -- complete"""
    ...

def sethost(p1: str) -> bool:
    """KSR.sethost(str): bool -- complete"""
    ...

def setdsturi(p1: str) -> bool:
    """KSR.setdsturi(str): bool -- complete"""
    ...

def resetdsturi() -> bool:
    """KSR.resetdsturi(): bool -- complete"""
    ...

def isdsturiset() -> bool:
    """KSR.isdsturiset(): bool -- complete"""
    ...

def force_rport() -> bool:
    """KSR.force_rport(): bool -- complete"""
    ...

def add_local_rport() -> bool:
    """KSR.add_local_rport(): bool -- complete"""
    ...

def is_method(p1: str) -> bool:
    """KSR.is_method(str): bool -- complete"""
    ...

def is_method_in(p1: str) -> bool:
    """KSR.is_method_in(str): bool -- complete"""
    ...

def is_INVITE() -> bool:
    """KSR.is_INVITE(): bool -- complete"""
    ...

def is_ACK() -> bool:
    """KSR.is_ACK(): bool -- complete"""
    ...

def is_BYE() -> bool:
    """KSR.is_BYE(): bool -- complete"""
    ...

def is_CANCEL() -> bool:
    """KSR.is_CANCEL(): bool -- complete"""
    ...

def is_REGISTER() -> bool:
    """KSR.is_REGISTER(): bool -- complete"""
    ...

def is_OPTIONS() -> bool:
    """KSR.is_OPTIONS(): bool -- complete"""
    ...

def is_SUBSCRIBE() -> bool:
    """KSR.is_SUBSCRIBE(): bool -- complete"""
    ...

def is_PUBLISH() -> bool:
    """KSR.is_PUBLISH(): bool -- complete"""
    ...

def is_NOTIFY() -> bool:
    """KSR.is_NOTIFY(): bool -- complete"""
    ...

def is_REFER() -> bool:
    """KSR.is_REFER(): bool -- complete"""
    ...

def is_INFO() -> bool:
    """KSR.is_INFO(): bool -- complete"""
    ...

def is_UPDATE() -> bool:
    """KSR.is_UPDATE(): bool -- complete"""
    ...

def is_PRACK() -> bool:
    """KSR.is_PRACK(): bool -- complete"""
    ...

def is_MESSAGE() -> bool:
    """KSR.is_MESSAGE(): bool -- complete"""
    ...

def is_KDMQ() -> bool:
    """KSR.is_KDMQ(): bool -- complete"""
    ...

def is_GET() -> bool:
    """KSR.is_GET(): bool -- complete"""
    ...

def is_POST() -> bool:
    """KSR.is_POST(): bool -- complete"""
    ...

def is_PUT() -> bool:
    """KSR.is_PUT(): bool -- complete"""
    ...

def is_DELETE() -> bool:
    """KSR.is_DELETE(): bool -- complete"""
    ...

def is_proto(p1: str) -> bool:
    """KSR.is_proto(str): bool -- complete"""
    ...

def is_UDP() -> bool:
    """KSR.is_UDP(): bool -- complete"""
    ...

def is_TCP() -> bool:
    """KSR.is_TCP(): bool -- complete"""
    ...

def is_TLS() -> bool:
    """KSR.is_TLS(): bool -- complete"""
    ...

def is_WS() -> bool:
    """KSR.is_WS(): bool -- complete"""
    ...

def is_WSS() -> bool:
    """KSR.is_WSS(): bool -- complete"""
    ...

def is_SCTP() -> bool:
    """KSR.is_SCTP(): bool -- complete"""
    ...

def is_WSX() -> bool:
    """KSR.is_WSX(): bool -- complete"""
    ...

def is_TCPX() -> bool:
    """KSR.is_TCPX(): bool -- complete"""
    ...

def is_IPv4() -> bool:
    """KSR.is_IPv4(): bool -- complete"""
    ...

def is_IPv6() -> bool:
    """KSR.is_IPv6(): bool -- complete"""
    ...

def is_src_port(p1: int) -> bool:
    """KSR.is_src_port(int): bool -- complete"""
    ...

def is_dst_port(p1: int) -> bool:
    """KSR.is_dst_port(int): bool -- complete"""
    ...

def get_debug() -> int:
    """KSR.get_debug(): int -- complete"""
    ...

def set_advertised_address(p1: str) -> int:
    """KSR.set_advertised_address(str): int -- complete"""
    ...

def set_advertised_port(p1: str) -> int:
    """KSR.set_advertised_port(str): int -- complete"""
    ...

def set_forward_close() -> bool:
    """KSR.set_forward_close(): bool -- complete"""
    ...

def set_forward_no_connect() -> bool:
    """KSR.set_forward_no_connect(): bool -- complete"""
    ...

def set_reply_close() -> bool:
    """KSR.set_reply_close(): bool -- partial: the connection is closed after the final reply, not after a provisional one"""
    ...

def set_reply_no_connect() -> bool:
    """KSR.set_reply_no_connect(): bool -- complete"""
    ...

def add_tcp_alias(p1: int) -> int:
    """KSR.add_tcp_alias(int): int -- complete"""
    ...

def add_tcp_alias_via() -> int:
    """KSR.add_tcp_alias_via(): int -- complete"""
    ...

def to_UDP() -> bool:
    """KSR.to_UDP(): bool -- complete"""
    ...

def to_TCP() -> bool:
    """KSR.to_TCP(): bool -- complete"""
    ...

def to_TLS() -> bool:
    """KSR.to_TLS(): bool -- complete"""
    ...

def to_SCTP() -> bool:
    """KSR.to_SCTP(): bool -- complete"""
    ...

def to_WS() -> bool:
    """KSR.to_WS(): bool -- complete"""
    ...

def to_WSS() -> bool:
    """KSR.to_WSS(): bool -- complete"""
    ...

def to_WSX() -> bool:
    """KSR.to_WSX(): bool -- complete"""
    ...

def to_IPv4() -> bool:
    """KSR.to_IPv4(): bool -- complete"""
    ...

def to_IPv6() -> bool:
    """KSR.to_IPv6(): bool -- complete"""
    ...

def route(p1: str) -> int:
    """KSR.route(str): int -- complete"""
    ...

def forward() -> int:
    """KSR.forward(): int -- complete"""
    ...

def forward_uri(p1: str) -> int:
    """KSR.forward_uri(str): int -- complete"""
    ...

class _pv:
    @staticmethod
    def get(p1: str) -> str | int | None:
        """KSR.pv.get(str): xval -- complete"""
        ...
    @staticmethod
    def gete(p1: str) -> str | int | None:
        """KSR.pv.gete(str): xval -- complete"""
        ...
    @staticmethod
    def getw(p1: str) -> str | int | None:
        """KSR.pv.getw(str): xval -- complete"""
        ...
    @staticmethod
    def geti(p1: str) -> int:
        """KSR.pv.geti(str): int -- complete"""
        ...
    @staticmethod
    def getl(p1: str) -> str | int | None:
        """KSR.pv.getl(str): xval -- complete"""
        ...
    @staticmethod
    def getvn(p1: str, p2: int) -> str | int | None:
        """KSR.pv.getvn(str, int): xval -- complete"""
        ...
    @staticmethod
    def getvs(p1: str, p2: str) -> str | int | None:
        """KSR.pv.getvs(str, str): xval -- complete"""
        ...
    @staticmethod
    def seti(p1: str, p2: int) -> bool:
        """KSR.pv.seti(str, int): bool -- complete"""
        ...
    @staticmethod
    def setl(p1: str, p2: int) -> bool:
        """KSR.pv.setl(str, long): bool -- complete"""
        ...
    @staticmethod
    def sets(p1: str, p2: str) -> bool:
        """KSR.pv.sets(str, str): bool -- complete"""
        ...
    @staticmethod
    def unset(p1: str) -> bool:
        """KSR.pv.unset(str): bool -- complete"""
        ...
    @staticmethod
    def is_null(p1: str) -> bool:
        """KSR.pv.is_null(str): bool -- complete"""
        ...

pv: _pv

class _hdr:
    @staticmethod
    def append(p1: str) -> int:
        """KSR.hdr.append(str): int -- complete"""
        ...
    @staticmethod
    def append_after(p1: str, p2: str) -> int:
        """KSR.hdr.append_after(str, str): int -- complete"""
        ...
    @staticmethod
    def insert(p1: str) -> int:
        """KSR.hdr.insert(str): int -- complete"""
        ...
    @staticmethod
    def insert_before(p1: str, p2: str) -> int:
        """KSR.hdr.insert_before(str, str): int -- complete"""
        ...
    @staticmethod
    def remove(p1: str) -> int:
        """KSR.hdr.remove(str): int -- complete"""
        ...
    @staticmethod
    def rmappend(p1: str, p2: str) -> int:
        """KSR.hdr.rmappend(str, str): int -- complete"""
        ...
    @staticmethod
    def rminsert(p1: str, p2: str) -> int:
        """KSR.hdr.rminsert(str, str): int -- complete"""
        ...
    @staticmethod
    def is_present(p1: str) -> int:
        """KSR.hdr.is_present(str): int -- complete"""
        ...
    @staticmethod
    def append_to_reply(p1: str) -> int:
        """KSR.hdr.append_to_reply(str): int -- complete"""
        ...
    @staticmethod
    def get(p1: str) -> str | int | None:
        """KSR.hdr.get(str): xval -- complete"""
        ...
    @staticmethod
    def gete(p1: str) -> str | int | None:
        """KSR.hdr.gete(str): xval -- complete"""
        ...
    @staticmethod
    def getw(p1: str) -> str | int | None:
        """KSR.hdr.getw(str): xval -- complete"""
        ...
    @staticmethod
    def get_idx(p1: str, p2: int) -> str | int | None:
        """KSR.hdr.get_idx(str, int): xval -- complete"""
        ...
    @staticmethod
    def gete_idx(p1: str, p2: int) -> str | int | None:
        """KSR.hdr.gete_idx(str, int): xval -- complete"""
        ...
    @staticmethod
    def getw_idx(p1: str, p2: int) -> str | int | None:
        """KSR.hdr.getw_idx(str, int): xval -- complete"""
        ...
    @staticmethod
    def match_content(p1: str, p2: str, p3: str, p4: str) -> bool:
        """KSR.hdr.match_content(str, str, str, str): bool -- complete"""
        ...

hdr: _hdr

class _x:
    @staticmethod
    def exit() -> None:
        """KSR.x.exit(): none -- complete"""
        ...
    @staticmethod
    def drop() -> None:
        """KSR.x.drop(): none -- complete"""
        ...
    @staticmethod
    def modf(p1: str, *rest: str) -> int:
        """KSR.x.modf(str, ...str): int -- partial: only 15 native names, each run as its KSR function (bindings/README.md); any other logs an error and returns -1"""
        ...
    @staticmethod
    def probe() -> None:
        """KSR.x.probe(): none -- complete"""
        ...

x: _x

class _kx:
    @staticmethod
    def get_ruri() -> str | int | None:
        """KSR.kx.get_ruri(): xval -- complete"""
        ...
    @staticmethod
    def get_ruser() -> str | int | None:
        """KSR.kx.get_ruser(): xval -- complete"""
        ...
    @staticmethod
    def gete_ruser() -> str | int | None:
        """KSR.kx.gete_ruser(): xval -- complete"""
        ...
    @staticmethod
    def getw_ruser() -> str | int | None:
        """KSR.kx.getw_ruser(): xval -- complete"""
        ...
    @staticmethod
    def get_rhost() -> str | int | None:
        """KSR.kx.get_rhost(): xval -- complete"""
        ...
    @staticmethod
    def gete_rhost() -> str | int | None:
        """KSR.kx.gete_rhost(): xval -- complete"""
        ...
    @staticmethod
    def getw_rhost() -> str | int | None:
        """KSR.kx.getw_rhost(): xval -- complete"""
        ...
    @staticmethod
    def get_ouri() -> str | int | None:
        """KSR.kx.get_ouri(): xval -- complete"""
        ...
    @staticmethod
    def get_furi() -> str | int | None:
        """KSR.kx.get_furi(): xval -- complete"""
        ...
    @staticmethod
    def get_fuser() -> str | int | None:
        """KSR.kx.get_fuser(): xval -- complete"""
        ...
    @staticmethod
    def gete_fuser() -> str | int | None:
        """KSR.kx.gete_fuser(): xval -- complete"""
        ...
    @staticmethod
    def getw_fuser() -> str | int | None:
        """KSR.kx.getw_fuser(): xval -- complete"""
        ...
    @staticmethod
    def get_fhost() -> str | int | None:
        """KSR.kx.get_fhost(): xval -- complete"""
        ...
    @staticmethod
    def gete_fhost() -> str | int | None:
        """KSR.kx.gete_fhost(): xval -- complete"""
        ...
    @staticmethod
    def getw_fhost() -> str | int | None:
        """KSR.kx.getw_fhost(): xval -- complete"""
        ...
    @staticmethod
    def get_turi() -> str | int | None:
        """KSR.kx.get_turi(): xval -- complete"""
        ...
    @staticmethod
    def get_tuser() -> str | int | None:
        """KSR.kx.get_tuser(): xval -- complete"""
        ...
    @staticmethod
    def gete_tuser() -> str | int | None:
        """KSR.kx.gete_tuser(): xval -- complete"""
        ...
    @staticmethod
    def getw_tuser() -> str | int | None:
        """KSR.kx.getw_tuser(): xval -- complete"""
        ...
    @staticmethod
    def get_thost() -> str | int | None:
        """KSR.kx.get_thost(): xval -- complete"""
        ...
    @staticmethod
    def gete_thost() -> str | int | None:
        """KSR.kx.gete_thost(): xval -- complete"""
        ...
    @staticmethod
    def getw_thost() -> str | int | None:
        """KSR.kx.getw_thost(): xval -- complete"""
        ...
    @staticmethod
    def get_duri() -> str | int | None:
        """KSR.kx.get_duri(): xval -- complete"""
        ...
    @staticmethod
    def gete_duri() -> str | int | None:
        """KSR.kx.gete_duri(): xval -- complete"""
        ...
    @staticmethod
    def getw_duri() -> str | int | None:
        """KSR.kx.getw_duri(): xval -- complete"""
        ...
    @staticmethod
    def get_cturi() -> str | int | None:
        """KSR.kx.get_cturi(): xval -- complete"""
        ...
    @staticmethod
    def gete_cturi() -> str | int | None:
        """KSR.kx.gete_cturi(): xval -- complete"""
        ...
    @staticmethod
    def getw_cturi() -> str | int | None:
        """KSR.kx.getw_cturi(): xval -- complete"""
        ...
    @staticmethod
    def get_nhuri() -> str | int | None:
        """KSR.kx.get_nhuri(): xval -- complete"""
        ...
    @staticmethod
    def get_srcuri() -> str | int | None:
        """KSR.kx.get_srcuri(): xval -- complete"""
        ...
    @staticmethod
    def get_srcaddr_sock() -> str | int | None:
        """KSR.kx.get_srcaddr_sock(): xval -- complete"""
        ...
    @staticmethod
    def get_ua() -> str | int | None:
        """KSR.kx.get_ua(): xval -- complete"""
        ...
    @staticmethod
    def gete_ua() -> str | int | None:
        """KSR.kx.gete_ua(): xval -- complete"""
        ...
    @staticmethod
    def getw_ua() -> str | int | None:
        """KSR.kx.getw_ua(): xval -- complete"""
        ...
    @staticmethod
    def get_srcip() -> str | int | None:
        """KSR.kx.get_srcip(): xval -- complete"""
        ...
    @staticmethod
    def get_srcport() -> str | int | None:
        """KSR.kx.get_srcport(): xval -- complete"""
        ...
    @staticmethod
    def get_send_sock() -> str | int | None:
        """KSR.kx.get_send_sock(): xval -- complete"""
        ...
    @staticmethod
    def get_send_sock_name() -> str | int | None:
        """KSR.kx.get_send_sock_name(): xval -- complete"""
        ...
    @staticmethod
    def get_send_sock_port() -> int:
        """KSR.kx.get_send_sock_port(): int -- complete"""
        ...
    @staticmethod
    def get_rcvip() -> str | int | None:
        """KSR.kx.get_rcvip(): xval -- complete"""
        ...
    @staticmethod
    def get_rcv_sock_name() -> str | int | None:
        """KSR.kx.get_rcv_sock_name(): xval -- complete"""
        ...
    @staticmethod
    def get_rcvport() -> str | int | None:
        """KSR.kx.get_rcvport(): xval -- complete"""
        ...
    @staticmethod
    def get_rcvadvip() -> str | int | None:
        """KSR.kx.get_rcvadvip(): xval -- complete"""
        ...
    @staticmethod
    def get_rcvadvport() -> str | int | None:
        """KSR.kx.get_rcvadvport(): xval -- complete"""
        ...
    @staticmethod
    def get_rcvaddr_sock() -> str | int | None:
        """KSR.kx.get_rcvaddr_sock(): xval -- complete"""
        ...
    @staticmethod
    def get_proto() -> str | int | None:
        """KSR.kx.get_proto(): xval -- complete"""
        ...
    @staticmethod
    def get_protoid() -> int:
        """KSR.kx.get_protoid(): int -- complete"""
        ...
    @staticmethod
    def get_au() -> str | int | None:
        """KSR.kx.get_au(): xval -- complete"""
        ...
    @staticmethod
    def gete_au() -> str | int | None:
        """KSR.kx.gete_au(): xval -- complete"""
        ...
    @staticmethod
    def getw_au() -> str | int | None:
        """KSR.kx.getw_au(): xval -- complete"""
        ...
    @staticmethod
    def get_method() -> str | int | None:
        """KSR.kx.get_method(): xval -- complete"""
        ...
    @staticmethod
    def get_status() -> int:
        """KSR.kx.get_status(): int -- complete"""
        ...
    @staticmethod
    def gets_status() -> str | int | None:
        """KSR.kx.gets_status(): xval -- complete"""
        ...
    @staticmethod
    def get_body() -> str | int | None:
        """KSR.kx.get_body(): xval -- complete"""
        ...
    @staticmethod
    def gete_body() -> str | int | None:
        """KSR.kx.gete_body(): xval -- complete"""
        ...
    @staticmethod
    def getw_body() -> str | int | None:
        """KSR.kx.getw_body(): xval -- complete"""
        ...
    @staticmethod
    def get_bodylen() -> int:
        """KSR.kx.get_bodylen(): int -- complete"""
        ...
    @staticmethod
    def get_timestamp() -> int:
        """KSR.kx.get_timestamp(): int -- complete"""
        ...
    @staticmethod
    def get_callid() -> str | int | None:
        """KSR.kx.get_callid(): xval -- complete"""
        ...
    @staticmethod
    def get_conid() -> int:
        """KSR.kx.get_conid(): int -- complete"""
        ...
    @staticmethod
    def get_msgbuf() -> str | int | None:
        """KSR.kx.get_msgbuf(): xval -- complete"""
        ...
    @staticmethod
    def get_msglen() -> int:
        """KSR.kx.get_msglen(): int -- complete"""
        ...
    @staticmethod
    def get_msgtype() -> int:
        """KSR.kx.get_msgtype(): int -- complete"""
        ...
    @staticmethod
    def get_def(p1: str) -> str | int | None:
        """KSR.kx.get_def(str): xval -- complete"""
        ...
    @staticmethod
    def get_defn(p1: str) -> int:
        """KSR.kx.get_defn(str): int -- complete"""
        ...
    @staticmethod
    def ifdef(p1: str) -> bool:
        """KSR.kx.ifdef(str): bool -- complete"""
        ...
    @staticmethod
    def ifndef(p1: str) -> bool:
        """KSR.kx.ifndef(str): bool -- complete"""
        ...
    @staticmethod
    def get_env(p1: str) -> str | int | None:
        """KSR.kx.get_env(str): xval -- partial: scripts cannot read the server's environment: every variable reads as unset"""
        ...
    @staticmethod
    def get_envn(p1: str) -> int:
        """KSR.kx.get_envn(str): int -- partial: scripts cannot read the server's environment: every variable reads as unset"""
        ...

kx: _kx

class _sl:
    @staticmethod
    def sl_send_reply(p1: int, p2: str) -> int:
        """KSR.sl.sl_send_reply(int, str): int -- complete"""
        ...
    @staticmethod
    def send_reply(p1: int, p2: str) -> int:
        """KSR.sl.send_reply(int, str): int -- complete"""
        ...
    @staticmethod
    def send_reply_mode(p1: int, p2: str, p3: int) -> int:
        """KSR.sl.send_reply_mode(int, str, int): int -- complete"""
        ...
    @staticmethod
    def sl_reply_error() -> int:
        """KSR.sl.sl_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept)"""
        ...
    @staticmethod
    def send_reply_error() -> int:
        """KSR.sl.send_reply_error(): int -- partial: always 500 Server Internal Error (no record of the last internal error is kept)"""
        ...
    @staticmethod
    def sl_forward_reply(p1: str, p2: str) -> int:
        """KSR.sl.sl_forward_reply(str, str): int -- complete"""
        ...

sl: _sl

class _maxfwd:
    @staticmethod
    def process_maxfwd(p1: int) -> int:
        """KSR.maxfwd.process_maxfwd(int): int -- complete"""
        ...
    @staticmethod
    def is_maxfwd_lt(p1: int) -> int:
        """KSR.maxfwd.is_maxfwd_lt(int): int -- complete"""
        ...

maxfwd: _maxfwd

class _sanity:
    @staticmethod
    def sanity_check(p1: int, p2: int) -> int:
        """KSR.sanity.sanity_check(int, int): int -- complete"""
        ...
    @staticmethod
    def sanity_check_defaults() -> int:
        """KSR.sanity.sanity_check_defaults(): int -- complete"""
        ...
    @staticmethod
    def sanity_reply() -> int:
        """KSR.sanity.sanity_reply(): int -- complete"""
        ...

sanity: _sanity

class _rr:
    @staticmethod
    def record_route() -> int:
        """KSR.rr.record_route(): int -- complete"""
        ...
    @staticmethod
    def record_route_params(p1: str) -> int:
        """KSR.rr.record_route_params(str): int -- complete"""
        ...
    @staticmethod
    def record_route_preset(p1: str, p2: str) -> int:
        """KSR.rr.record_route_preset(str, str): int -- complete"""
        ...
    @staticmethod
    def record_route_preset_one(p1: str) -> int:
        """KSR.rr.record_route_preset_one(str): int -- complete"""
        ...
    @staticmethod
    def record_route_advertised_address(p1: str) -> int:
        """KSR.rr.record_route_advertised_address(str): int -- complete"""
        ...
    @staticmethod
    def remove_record_route() -> int:
        """KSR.rr.remove_record_route(): int -- complete"""
        ...
    @staticmethod
    def add_rr_param(p1: str) -> int:
        """KSR.rr.add_rr_param(str): int -- complete"""
        ...
    @staticmethod
    def loose_route() -> int:
        """KSR.rr.loose_route(): int -- complete"""
        ...
    @staticmethod
    def loose_route_mode(p1: int) -> int:
        """KSR.rr.loose_route_mode(int): int -- complete"""
        ...
    @staticmethod
    def loose_route_preloaded() -> int:
        """KSR.rr.loose_route_preloaded(): int -- complete"""
        ...
    @staticmethod
    def check_route_param(p1: str) -> int:
        """KSR.rr.check_route_param(str): int -- complete"""
        ...
    @staticmethod
    def is_direction(p1: str) -> int:
        """KSR.rr.is_direction(str): int -- complete"""
        ...
    @staticmethod
    def next_hop_route() -> int:
        """KSR.rr.next_hop_route(): int -- complete"""
        ...

rr: _rr

class _siputils:
    @staticmethod
    def has_totag() -> int:
        """KSR.siputils.has_totag(): int -- complete"""
        ...
    @staticmethod
    def is_request() -> int:
        """KSR.siputils.is_request(): int -- complete"""
        ...
    @staticmethod
    def is_reply() -> int:
        """KSR.siputils.is_reply(): int -- complete"""
        ...
    @staticmethod
    def is_sip() -> int:
        """KSR.siputils.is_sip(): int -- complete"""
        ...
    @staticmethod
    def is_http() -> int:
        """KSR.siputils.is_http(): int -- complete"""
        ...
    @staticmethod
    def is_first_hop() -> int:
        """KSR.siputils.is_first_hop(): int -- complete"""
        ...
    @staticmethod
    def is_first_hop_mode(p1: int) -> int:
        """KSR.siputils.is_first_hop_mode(int): int -- complete"""
        ...
    @staticmethod
    def is_uri(p1: str) -> int:
        """KSR.siputils.is_uri(str): int -- complete"""
        ...
    @staticmethod
    def is_user(p1: str) -> int:
        """KSR.siputils.is_user(str): int -- complete"""
        ...
    @staticmethod
    def uri_param(p1: str) -> int:
        """KSR.siputils.uri_param(str): int -- complete"""
        ...
    @staticmethod
    def uri_param_value(p1: str, p2: str) -> int:
        """KSR.siputils.uri_param_value(str, str): int -- complete"""
        ...
    @staticmethod
    def uri_param_any(p1: str) -> int:
        """KSR.siputils.uri_param_any(str): int -- complete"""
        ...
    @staticmethod
    def uri_param_rm(p1: str) -> int:
        """KSR.siputils.uri_param_rm(str): int -- complete"""
        ...
    @staticmethod
    def add_uri_param(p1: str) -> int:
        """KSR.siputils.add_uri_param(str): int -- complete"""
        ...
    @staticmethod
    def is_tel_number(p1: str) -> int:
        """KSR.siputils.is_tel_number(str): int -- complete"""
        ...
    @staticmethod
    def is_numeric(p1: str) -> int:
        """KSR.siputils.is_numeric(str): int -- complete"""
        ...
    @staticmethod
    def is_alphanum(p1: str) -> int:
        """KSR.siputils.is_alphanum(str): int -- complete"""
        ...
    @staticmethod
    def is_alphanumex(p1: str, p2: str) -> int:
        """KSR.siputils.is_alphanumex(str, str): int -- complete"""
        ...
    @staticmethod
    def options_reply() -> int:
        """KSR.siputils.options_reply(): int -- complete"""
        ...
    @staticmethod
    def hdr_date_check(p1: int) -> int:
        """KSR.siputils.hdr_date_check(int): int -- complete"""
        ...
    @staticmethod
    def cmp_uri(p1: str, p2: str) -> int:
        """KSR.siputils.cmp_uri(str, str): int -- complete"""
        ...
    @staticmethod
    def cmp_aor(p1: str, p2: str) -> int:
        """KSR.siputils.cmp_aor(str, str): int -- complete"""
        ...
    @staticmethod
    def cmp_hdr_name(p1: str, p2: str) -> int:
        """KSR.siputils.cmp_hdr_name(str, str): int -- complete"""
        ...
    @staticmethod
    def is_gruu() -> int:
        """KSR.siputils.is_gruu(): int -- complete"""
        ...
    @staticmethod
    def sip_parse_headers() -> int:
        """KSR.siputils.sip_parse_headers(): int -- complete"""
        ...
    @staticmethod
    def encode_contact(p1: str, p2: str) -> int:
        """KSR.siputils.encode_contact(str, str): int -- complete"""
        ...
    @staticmethod
    def decode_contact() -> int:
        """KSR.siputils.decode_contact(): int -- complete"""
        ...
    @staticmethod
    def decode_contact_header() -> int:
        """KSR.siputils.decode_contact_header(): int -- complete"""
        ...
    @staticmethod
    def contact_param_encode(p1: str, p2: str) -> int:
        """KSR.siputils.contact_param_encode(str, str): int -- complete"""
        ...
    @staticmethod
    def contact_param_encode_alias(p1: str, p2: str) -> int:
        """KSR.siputils.contact_param_encode_alias(str, str): int -- complete"""
        ...
    @staticmethod
    def contact_param_decode(p1: str) -> int:
        """KSR.siputils.contact_param_decode(str): int -- complete"""
        ...
    @staticmethod
    def contact_param_decode_ruri(p1: str) -> int:
        """KSR.siputils.contact_param_decode_ruri(str): int -- complete"""
        ...
    @staticmethod
    def contact_param_rm(p1: str) -> int:
        """KSR.siputils.contact_param_rm(str): int -- complete"""
        ...
    @staticmethod
    def contact_param_check(p1: str) -> int:
        """KSR.siputils.contact_param_check(str): int -- complete"""
        ...

siputils: _siputils

class _tm:
    @staticmethod
    def t_relay() -> int:
        """KSR.tm.t_relay(): int -- complete"""
        ...
    @staticmethod
    def t_relay_to_proxy(p1: str) -> int:
        """KSR.tm.t_relay_to_proxy(str): int -- complete"""
        ...
    @staticmethod
    def t_relay_to_flags(p1: int) -> int:
        """KSR.tm.t_relay_to_flags(int): int -- complete"""
        ...
    @staticmethod
    def t_relay_to_proxy_flags(p1: str, p2: int) -> int:
        """KSR.tm.t_relay_to_proxy_flags(str, int): int -- complete"""
        ...
    @staticmethod
    def t_relay_to_proto(p1: str) -> int:
        """KSR.tm.t_relay_to_proto(str): int -- complete"""
        ...
    @staticmethod
    def t_relay_to_proto_addr(p1: str, p2: str, p3: int) -> int:
        """KSR.tm.t_relay_to_proto_addr(str, str, int): int -- complete"""
        ...
    @staticmethod
    def t_on_failure(p1: str) -> int:
        """KSR.tm.t_on_failure(str): int -- complete"""
        ...
    @staticmethod
    def t_on_branch(p1: str) -> int:
        """KSR.tm.t_on_branch(str): int -- complete"""
        ...
    @staticmethod
    def t_on_reply(p1: str) -> int:
        """KSR.tm.t_on_reply(str): int -- complete"""
        ...
    @staticmethod
    def t_on_branch_failure(p1: str) -> int:
        """KSR.tm.t_on_branch_failure(str): int -- complete"""
        ...
    @staticmethod
    def t_reply(p1: int, p2: str) -> int:
        """KSR.tm.t_reply(int, str): int -- complete"""
        ...
    @staticmethod
    def t_send_reply(p1: int, p2: str) -> int:
        """KSR.tm.t_send_reply(int, str): int -- complete"""
        ...
    @staticmethod
    def t_reply_error() -> int:
        """KSR.tm.t_reply_error(): int -- partial: always 500 Server Internal Error: the engine keeps no last internal error to map to a reply"""
        ...
    @staticmethod
    def t_check_trans() -> int:
        """KSR.tm.t_check_trans(): int -- complete"""
        ...
    @staticmethod
    def t_newtran() -> int:
        """KSR.tm.t_newtran(): int -- complete"""
        ...
    @staticmethod
    def t_release() -> int:
        """KSR.tm.t_release(): int -- complete"""
        ...
    @staticmethod
    def t_exists() -> int:
        """KSR.tm.t_exists(): int -- complete"""
        ...
    @staticmethod
    def t_lookup_request() -> int:
        """KSR.tm.t_lookup_request(): int -- complete"""
        ...
    @staticmethod
    def t_lookup_cancel() -> int:
        """KSR.tm.t_lookup_cancel(): int -- complete"""
        ...
    @staticmethod
    def t_lookup_cancel_flags(p1: int) -> int:
        """KSR.tm.t_lookup_cancel_flags(int): int -- complete"""
        ...
    @staticmethod
    def t_retransmit_reply() -> int:
        """KSR.tm.t_retransmit_reply(): int -- complete"""
        ...
    @staticmethod
    def t_is_canceled() -> int:
        """KSR.tm.t_is_canceled(): int -- complete"""
        ...
    @staticmethod
    def t_is_expired() -> int:
        """KSR.tm.t_is_expired(): int -- complete"""
        ...
    @staticmethod
    def t_is_set(p1: str) -> int:
        """KSR.tm.t_is_set(str): int -- complete"""
        ...
    @staticmethod
    def t_set_fr(p1: int, p2: int) -> int:
        """KSR.tm.t_set_fr(int, int): int -- complete"""
        ...
    @staticmethod
    def t_set_fr_inv(p1: int) -> int:
        """KSR.tm.t_set_fr_inv(int): int -- complete"""
        ...
    @staticmethod
    def t_reset_fr() -> int:
        """KSR.tm.t_reset_fr(): int -- complete"""
        ...
    @staticmethod
    def t_set_max_lifetime(p1: int, p2: int) -> int:
        """KSR.tm.t_set_max_lifetime(int, int): int -- complete"""
        ...
    @staticmethod
    def t_reset_max_lifetime() -> int:
        """KSR.tm.t_reset_max_lifetime(): int -- complete"""
        ...
    @staticmethod
    def t_set_retr(p1: int, p2: int) -> int:
        """KSR.tm.t_set_retr(int, int): int -- complete"""
        ...
    @staticmethod
    def t_reset_retr() -> int:
        """KSR.tm.t_reset_retr(): int -- complete"""
        ...
    @staticmethod
    def t_load_contacts() -> int:
        """KSR.tm.t_load_contacts(): int -- complete"""
        ...
    @staticmethod
    def ki_t_load_contacts_mode(p1: int) -> int:
        """KSR.tm.ki_t_load_contacts_mode(int): int -- complete"""
        ...
    @staticmethod
    def t_next_contacts() -> int:
        """KSR.tm.t_next_contacts(): int -- complete"""
        ...
    @staticmethod
    def t_drop_replies(p1: str) -> int:
        """KSR.tm.t_drop_replies(str): int -- complete"""
        ...
    @staticmethod
    def t_drop_replies_all() -> int:
        """KSR.tm.t_drop_replies_all(): int -- complete"""
        ...
    @staticmethod
    def t_use_uac_headers() -> int:
        """KSR.tm.t_use_uac_headers(): int -- complete"""
        ...
    @staticmethod
    def t_save_lumps() -> int:
        """KSR.tm.t_save_lumps(): int -- complete"""
        ...
    @staticmethod
    def t_check_status(p1: str) -> int:
        """KSR.tm.t_check_status(str): int -- complete"""
        ...
    @staticmethod
    def t_grep_status(p1: int) -> int:
        """KSR.tm.t_grep_status(int): int -- complete"""
        ...
    @staticmethod
    def t_is_retr_async_reply() -> int:
        """KSR.tm.t_is_retr_async_reply(): int -- complete"""
        ...
    @staticmethod
    def t_any_replied() -> int:
        """KSR.tm.t_any_replied(): int -- complete"""
        ...
    @staticmethod
    def t_any_timeout() -> int:
        """KSR.tm.t_any_timeout(): int -- complete"""
        ...
    @staticmethod
    def t_branch_replied() -> int:
        """KSR.tm.t_branch_replied(): int -- complete"""
        ...
    @staticmethod
    def t_branch_timeout() -> int:
        """KSR.tm.t_branch_timeout(): int -- complete"""
        ...
    @staticmethod
    def t_set_auto_inv_100(p1: int) -> int:
        """KSR.tm.t_set_auto_inv_100(int): int -- complete"""
        ...
    @staticmethod
    def t_set_disable_6xx(p1: int) -> int:
        """KSR.tm.t_set_disable_6xx(int): int -- complete"""
        ...
    @staticmethod
    def t_set_disable_failover(p1: int) -> int:
        """KSR.tm.t_set_disable_failover(int): int -- complete"""
        ...
    @staticmethod
    def t_set_no_e2e_cancel_reason(p1: int) -> int:
        """KSR.tm.t_set_no_e2e_cancel_reason(int): int -- complete"""
        ...
    @staticmethod
    def t_set_disable_internal_reply(p1: int) -> int:
        """KSR.tm.t_set_disable_internal_reply(int): int -- complete"""
        ...
    @staticmethod
    def t_set_no_auto_ack(p1: int) -> int:
        """KSR.tm.t_set_no_auto_ack(int): int -- complete"""
        ...
    @staticmethod
    def t_get_status_code() -> int:
        """KSR.tm.t_get_status_code(): int -- complete"""
        ...
    @staticmethod
    def t_get_branch_index() -> int:
        """KSR.tm.t_get_branch_index(): int -- complete"""
        ...
    @staticmethod
    def t_clean() -> int:
        """KSR.tm.t_clean(): int -- complete"""
        ...

tm: _tm

class _tmx:
    @staticmethod
    def t_precheck_trans() -> int:
        """KSR.tmx.t_precheck_trans(): int -- complete"""
        ...
    @staticmethod
    def t_is_request_route() -> int:
        """KSR.tmx.t_is_request_route(): int -- complete"""
        ...
    @staticmethod
    def t_is_reply_route() -> int:
        """KSR.tmx.t_is_reply_route(): int -- complete"""
        ...
    @staticmethod
    def t_is_failure_route() -> int:
        """KSR.tmx.t_is_failure_route(): int -- complete"""
        ...
    @staticmethod
    def t_is_branch_route() -> int:
        """KSR.tmx.t_is_branch_route(): int -- complete"""
        ...
    @staticmethod
    def t_suspend() -> int:
        """KSR.tmx.t_suspend(): int -- complete"""
        ...
    @staticmethod
    def t_continue(p1: int, p2: int, p3: str) -> int:
        """KSR.tmx.t_continue(int, int, str): int -- complete"""
        ...
    @staticmethod
    def t_flush_flags() -> int:
        """KSR.tmx.t_flush_flags(): int -- complete"""
        ...
    @staticmethod
    def t_flush_xflags() -> int:
        """KSR.tmx.t_flush_xflags(): int -- complete"""
        ...
    @staticmethod
    def t_cancel_branches(p1: str) -> int:
        """KSR.tmx.t_cancel_branches(str): int -- complete"""
        ...
    @staticmethod
    def t_cancel_callid(p1: str, p2: str, p3: int) -> int:
        """KSR.tmx.t_cancel_callid(str, str, int): int -- complete"""
        ...
    @staticmethod
    def t_cancel_callid_reason(p1: str, p2: str, p3: int, p4: int) -> int:
        """KSR.tmx.t_cancel_callid_reason(str, str, int, int): int -- complete"""
        ...
    @staticmethod
    def t_reply_callid(p1: str, p2: str, p3: int, p4: str) -> int:
        """KSR.tmx.t_reply_callid(str, str, int, str): int -- complete"""
        ...
    @staticmethod
    def t_drop() -> int:
        """KSR.tmx.t_drop(): int -- complete"""
        ...
    @staticmethod
    def t_drop_rcode(p1: int) -> int:
        """KSR.tmx.t_drop_rcode(int): int -- complete"""
        ...

tmx: _tmx

class _corex:
    @staticmethod
    def append_branch() -> int:
        """KSR.corex.append_branch(): int -- complete"""
        ...
    @staticmethod
    def append_branch_uri(p1: str) -> int:
        """KSR.corex.append_branch_uri(str): int -- complete"""
        ...
    @staticmethod
    def append_branch_uri_q(p1: str, p2: str) -> int:
        """KSR.corex.append_branch_uri_q(str, str): int -- complete"""
        ...
    @staticmethod
    def has_ruri_user() -> int:
        """KSR.corex.has_ruri_user(): int -- complete"""
        ...
    @staticmethod
    def has_user_agent() -> int:
        """KSR.corex.has_user_agent(): int -- complete"""
        ...
    @staticmethod
    def is_faked_msg() -> int:
        """KSR.corex.is_faked_msg(): int -- complete"""
        ...
    @staticmethod
    def is_socket_name(p1: str) -> int:
        """KSR.corex.is_socket_name(str): int -- complete"""
        ...
    @staticmethod
    def send_data(p1: str, p2: str) -> int:
        """KSR.corex.send_data(str, str): int -- complete"""
        ...
    @staticmethod
    def sendx(p1: str, p2: str, p3: str) -> int:
        """KSR.corex.sendx(str, str, str): int -- complete"""
        ...
    @staticmethod
    def setxflag(p1: int) -> int:
        """KSR.corex.setxflag(int): int -- complete"""
        ...
    @staticmethod
    def resetxflag(p1: int) -> int:
        """KSR.corex.resetxflag(int): int -- complete"""
        ...
    @staticmethod
    def isxflagset(p1: int) -> int:
        """KSR.corex.isxflagset(int): int -- complete"""
        ...
    @staticmethod
    def set_send_socket(p1: str) -> int:
        """KSR.corex.set_send_socket(str): int -- complete"""
        ...
    @staticmethod
    def set_send_socket_name(p1: str) -> int:
        """KSR.corex.set_send_socket_name(str): int -- complete"""
        ...
    @staticmethod
    def set_recv_socket(p1: str) -> int:
        """KSR.corex.set_recv_socket(str): int -- complete"""
        ...
    @staticmethod
    def set_recv_socket_name(p1: str) -> int:
        """KSR.corex.set_recv_socket_name(str): int -- complete"""
        ...
    @staticmethod
    def set_source_address(p1: str) -> int:
        """KSR.corex.set_source_address(str): int -- partial: only IP addresses: a host name is not resolved (-1)"""
        ...
    @staticmethod
    def via_add_srvid(p1: int) -> int:
        """KSR.corex.via_add_srvid(int): int -- complete"""
        ...
    @staticmethod
    def via_add_xavp_params(p1: int) -> int:
        """KSR.corex.via_add_xavp_params(int): int -- complete"""
        ...
    @staticmethod
    def via_use_xavp_fields(p1: int) -> int:
        """KSR.corex.via_use_xavp_fields(int): int -- complete"""
        ...
    @staticmethod
    def via_reply_add_xavp_params(p1: int) -> int:
        """KSR.corex.via_reply_add_xavp_params(int): int -- partial: kept on the message (and tm copies), but replies (local or relayed) get no Via parameters from the xavp yet"""
        ...
    @staticmethod
    def file_read(p1: str) -> str | int | None:
        """KSR.corex.file_read(str): xval -- partial: scripts have no file system access"""
        ...
    @staticmethod
    def file_write(p1: str, p2: str) -> int:
        """KSR.corex.file_write(str, str): int -- partial: scripts have no file system access"""
        ...
    @staticmethod
    def forward_uac() -> int:
        """KSR.corex.forward_uac(): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1"""
        ...
    @staticmethod
    def forward_uac_branch(p1: int) -> int:
        """KSR.corex.forward_uac_branch(int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1"""
        ...
    @staticmethod
    def forward_uac_uri(p1: str) -> int:
        """KSR.corex.forward_uac_uri(str): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1"""
        ...
    @staticmethod
    def forward_uac_uri_branch(p1: str, p2: int) -> int:
        """KSR.corex.forward_uac_uri_branch(str, int): int -- partial: stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1"""
        ...

corex: _corex

class _auth:
    @staticmethod
    def consume_credentials() -> int:
        """KSR.auth.consume_credentials(): int -- complete"""
        ...
    @staticmethod
    def auth_challenge(p1: str, p2: int) -> int:
        """KSR.auth.auth_challenge(str, int): int -- complete"""
        ...
    @staticmethod
    def www_challenge(p1: str, p2: int) -> int:
        """KSR.auth.www_challenge(str, int): int -- complete"""
        ...
    @staticmethod
    def proxy_challenge(p1: str, p2: int) -> int:
        """KSR.auth.proxy_challenge(str, int): int -- complete"""
        ...
    @staticmethod
    def pv_auth_check(p1: str, p2: str, p3: int, p4: int) -> int:
        """KSR.auth.pv_auth_check(str, str, int, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored"""
        ...
    @staticmethod
    def pv_proxy_authenticate(p1: str, p2: str, p3: int) -> int:
        """KSR.auth.pv_proxy_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored"""
        ...
    @staticmethod
    def pv_www_authenticate(p1: str, p2: str, p3: int) -> int:
        """KSR.auth.pv_www_authenticate(str, str, int): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored"""
        ...
    @staticmethod
    def pv_www_authenticate_method(p1: str, p2: str, p3: int, p4: str) -> int:
        """KSR.auth.pv_www_authenticate_method(str, str, int, str): int -- partial: flags: only 1 (password is HA1); the others (challenge into an AVP, nc kept on failure) are ignored"""
        ...
    @staticmethod
    def has_credentials(p1: str) -> int:
        """KSR.auth.has_credentials(str): int -- complete"""
        ...
    @staticmethod
    def auth_get_www_authenticate(p1: str, p2: int, p3: str) -> int:
        """KSR.auth.auth_get_www_authenticate(str, int, str): int -- complete"""
        ...
    @staticmethod
    def auth_algorithm(p1: str) -> int:
        """KSR.auth.auth_algorithm(str): int -- complete"""
        ...

auth: _auth

class _auth_db:
    @staticmethod
    def auth_check(p1: str, p2: str, p3: int) -> int:
        """KSR.auth_db.auth_check(str, str, int): int -- partial: flag 2 (skip the identity check for requests from other domains) is ignored"""
        ...
    @staticmethod
    def is_subscriber(p1: str, p2: str, p3: int) -> int:
        """KSR.auth_db.is_subscriber(str, str, int): int -- partial: flags are ignored: the domain is always matched, credential AVPs are never loaded"""
        ...
    @staticmethod
    def www_authenticate(p1: str, p2: str) -> int:
        """KSR.auth_db.www_authenticate(str, str): int -- complete"""
        ...
    @staticmethod
    def www_authenticate_method(p1: str, p2: str, p3: str) -> int:
        """KSR.auth_db.www_authenticate_method(str, str, str): int -- complete"""
        ...

auth_db: _auth_db

class _registrar:
    @staticmethod
    def save(p1: str, p2: int) -> int:
        """KSR.registrar.save(str, int): int -- complete"""
        ...
    @staticmethod
    def save_uri(p1: str, p2: int, p3: str) -> int:
        """KSR.registrar.save_uri(str, int, str): int -- complete"""
        ...
    @staticmethod
    def lookup(p1: str) -> int:
        """KSR.registrar.lookup(str): int -- complete"""
        ...
    @staticmethod
    def lookup_uri(p1: str, p2: str) -> int:
        """KSR.registrar.lookup_uri(str, str): int -- complete"""
        ...
    @staticmethod
    def lookup_to_dset(p1: str, p2: str) -> int:
        """KSR.registrar.lookup_to_dset(str, str): int -- complete"""
        ...
    @staticmethod
    def lookup_branches(p1: str) -> int:
        """KSR.registrar.lookup_branches(str): int -- complete"""
        ...
    @staticmethod
    def registered(p1: str) -> int:
        """KSR.registrar.registered(str): int -- complete"""
        ...
    @staticmethod
    def registered_uri(p1: str, p2: str) -> int:
        """KSR.registrar.registered_uri(str, str): int -- complete"""
        ...
    @staticmethod
    def registered_flags(p1: str, p2: str, p3: int) -> int:
        """KSR.registrar.registered_flags(str, str, int): int -- complete"""
        ...
    @staticmethod
    def registered_action(p1: str, p2: str, p3: int, p4: int) -> int:
        """KSR.registrar.registered_action(str, str, int, int): int -- partial: the action is ignored (it fills xavps, which this build has not): as registered_flags"""
        ...
    @staticmethod
    def set_q_override(p1: str) -> int:
        """KSR.registrar.set_q_override(str): int -- complete"""
        ...
    @staticmethod
    def add_sock_hdr(p1: str) -> int:
        """KSR.registrar.add_sock_hdr(str): int -- complete"""
        ...
    @staticmethod
    def unregister(p1: str, p2: str) -> int:
        """KSR.registrar.unregister(str, str): int -- complete"""
        ...
    @staticmethod
    def unregister_ruid(p1: str, p2: str, p3: str) -> int:
        """KSR.registrar.unregister_ruid(str, str, str): int -- complete"""
        ...
    @staticmethod
    def reg_fetch_contacts(p1: str, p2: str, p3: str) -> int:
        """KSR.registrar.reg_fetch_contacts(str, str, str): int -- complete"""
        ...
    @staticmethod
    def reg_free_contacts(p1: str) -> int:
        """KSR.registrar.reg_free_contacts(str): int -- complete"""
        ...
    @staticmethod
    def reg_from_user(p1: str, p2: str, p3: int) -> int:
        """KSR.registrar.reg_from_user(str, str, int): int -- complete"""
        ...
    @staticmethod
    def reg_send_reply() -> int:
        """KSR.registrar.reg_send_reply(): int -- complete"""
        ...
    @staticmethod
    def ulc_rget(p1: str, p2: str) -> str | int | None:
        """KSR.registrar.ulc_rget(str, str): xval -- complete"""
        ...
    @staticmethod
    def ulc_cget(p1: str, p2: str, p3: int) -> str | int | None:
        """KSR.registrar.ulc_cget(str, str, int): xval -- complete"""
        ...

registrar: _registrar

class _pvx:
    @staticmethod
    def sbranch_set_ruri() -> int:
        """KSR.pvx.sbranch_set_ruri(): int -- complete"""
        ...
    @staticmethod
    def sbranch_append() -> int:
        """KSR.pvx.sbranch_append(): int -- complete"""
        ...
    @staticmethod
    def sbranch_reset() -> int:
        """KSR.pvx.sbranch_reset(): int -- complete"""
        ...
    @staticmethod
    def var_seti(p1: str, p2: int) -> int:
        """KSR.pvx.var_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def var_sets(p1: str, p2: str) -> int:
        """KSR.pvx.var_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def var_get(p1: str) -> str | int | None:
        """KSR.pvx.var_get(str): xval -- complete"""
        ...
    @staticmethod
    def shv_seti(p1: str, p2: int) -> int:
        """KSR.pvx.shv_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def shv_sets(p1: str, p2: str) -> int:
        """KSR.pvx.shv_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def shv_get(p1: str) -> str | int | None:
        """KSR.pvx.shv_get(str): xval -- complete"""
        ...
    @staticmethod
    def shvinc_get(p1: str) -> str | int | None:
        """KSR.pvx.shvinc_get(str): xval -- complete"""
        ...
    @staticmethod
    def pv_var_to_xavp(p1: str, p2: str) -> int:
        """KSR.pvx.pv_var_to_xavp(str, str): int -- complete"""
        ...
    @staticmethod
    def pv_xavp_to_var(p1: str) -> int:
        """KSR.pvx.pv_xavp_to_var(str): int -- complete"""
        ...
    @staticmethod
    def pv_xavp_print() -> int:
        """KSR.pvx.pv_xavp_print(): int -- complete"""
        ...
    @staticmethod
    def pv_xavu_print() -> int:
        """KSR.pvx.pv_xavu_print(): int -- complete"""
        ...
    @staticmethod
    def pv_xavi_print() -> int:
        """KSR.pvx.pv_xavi_print(): int -- complete"""
        ...
    @staticmethod
    def xavp_params_explode(p1: str, p2: str) -> int:
        """KSR.pvx.xavp_params_explode(str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_xparams_explode(p1: str, p2: str, p3: str) -> int:
        """KSR.pvx.xavp_xparams_explode(str, str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_params_implode(p1: str, p2: str) -> int:
        """KSR.pvx.xavp_params_implode(str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_params_implode_qval(p1: str, p2: str) -> int:
        """KSR.pvx.xavp_params_implode_qval(str, str): int -- complete"""
        ...
    @staticmethod
    def xavu_params_explode(p1: str, p2: str) -> int:
        """KSR.pvx.xavu_params_explode(str, str): int -- complete"""
        ...
    @staticmethod
    def xavu_params_implode(p1: str, p2: str) -> int:
        """KSR.pvx.xavu_params_implode(str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_slist_explode(p1: str, p2: str, p3: str, p4: str) -> int:
        """KSR.pvx.xavp_slist_explode(str, str, str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_seti(p1: str, p2: int) -> int:
        """KSR.pvx.xavp_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def xavp_sets(p1: str, p2: str) -> int:
        """KSR.pvx.xavp_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_get(p1: str) -> str | int | None:
        """KSR.pvx.xavp_get(str): xval -- complete"""
        ...
    @staticmethod
    def xavp_gete(p1: str) -> str | int | None:
        """KSR.pvx.xavp_gete(str): xval -- complete"""
        ...
    @staticmethod
    def xavp_getw(p1: str) -> str | int | None:
        """KSR.pvx.xavp_getw(str): xval -- complete"""
        ...
    @staticmethod
    def xavp_rm(p1: str) -> int:
        """KSR.pvx.xavp_rm(str): int -- complete"""
        ...
    @staticmethod
    def xavp_is_null(p1: str) -> int:
        """KSR.pvx.xavp_is_null(str): int -- complete"""
        ...
    @staticmethod
    def xavp_child_seti(p1: str, p2: str, p3: int) -> int:
        """KSR.pvx.xavp_child_seti(str, str, int): int -- complete"""
        ...
    @staticmethod
    def xavp_child_sets(p1: str, p2: str, p3: str) -> int:
        """KSR.pvx.xavp_child_sets(str, str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_child_rm(p1: str, p2: str) -> int:
        """KSR.pvx.xavp_child_rm(str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_child_is_null(p1: str, p2: str) -> int:
        """KSR.pvx.xavp_child_is_null(str, str): int -- complete"""
        ...
    @staticmethod
    def xavp_child_get(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavp_child_get(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavp_child_gete(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavp_child_gete(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavp_child_getw(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavp_child_getw(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavp_rm_all(p1: str) -> int:
        """KSR.pvx.xavp_rm_all(str): int -- complete"""
        ...
    @staticmethod
    def xavp_getd(p1: str) -> str | int | dict | list | None:
        """KSR.pvx.xavp_getd(str): xval -- complete"""
        ...
    @staticmethod
    def xavp_getd_p1(p1: str, p2: int) -> str | int | dict | list | None:
        """KSR.pvx.xavp_getd_p1(str, int): xval -- complete"""
        ...
    @staticmethod
    def xavp_get_keys(p1: str, p2: int) -> str | int | dict | list | None:
        """KSR.pvx.xavp_get_keys(str, int): xval -- complete"""
        ...
    @staticmethod
    def xavu_seti(p1: str, p2: int) -> int:
        """KSR.pvx.xavu_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def xavu_sets(p1: str, p2: str) -> int:
        """KSR.pvx.xavu_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def xavu_get(p1: str) -> str | int | None:
        """KSR.pvx.xavu_get(str): xval -- complete"""
        ...
    @staticmethod
    def xavu_gete(p1: str) -> str | int | None:
        """KSR.pvx.xavu_gete(str): xval -- complete"""
        ...
    @staticmethod
    def xavu_getw(p1: str) -> str | int | None:
        """KSR.pvx.xavu_getw(str): xval -- complete"""
        ...
    @staticmethod
    def xavu_rm(p1: str) -> int:
        """KSR.pvx.xavu_rm(str): int -- complete"""
        ...
    @staticmethod
    def xavu_is_null(p1: str) -> int:
        """KSR.pvx.xavu_is_null(str): int -- complete"""
        ...
    @staticmethod
    def xavu_child_seti(p1: str, p2: str, p3: int) -> int:
        """KSR.pvx.xavu_child_seti(str, str, int): int -- complete"""
        ...
    @staticmethod
    def xavu_child_sets(p1: str, p2: str, p3: str) -> int:
        """KSR.pvx.xavu_child_sets(str, str, str): int -- complete"""
        ...
    @staticmethod
    def xavu_child_rm(p1: str, p2: str) -> int:
        """KSR.pvx.xavu_child_rm(str, str): int -- complete"""
        ...
    @staticmethod
    def xavu_child_is_null(p1: str, p2: str) -> int:
        """KSR.pvx.xavu_child_is_null(str, str): int -- complete"""
        ...
    @staticmethod
    def xavu_child_get(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavu_child_get(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavu_child_gete(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavu_child_gete(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavu_child_getw(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavu_child_getw(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavi_seti(p1: str, p2: int) -> int:
        """KSR.pvx.xavi_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def xavi_sets(p1: str, p2: str) -> int:
        """KSR.pvx.xavi_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def xavi_get(p1: str) -> str | int | None:
        """KSR.pvx.xavi_get(str): xval -- complete"""
        ...
    @staticmethod
    def xavi_gete(p1: str) -> str | int | None:
        """KSR.pvx.xavi_gete(str): xval -- complete"""
        ...
    @staticmethod
    def xavi_getw(p1: str) -> str | int | None:
        """KSR.pvx.xavi_getw(str): xval -- complete"""
        ...
    @staticmethod
    def xavi_rm(p1: str) -> int:
        """KSR.pvx.xavi_rm(str): int -- complete"""
        ...
    @staticmethod
    def xavi_is_null(p1: str) -> int:
        """KSR.pvx.xavi_is_null(str): int -- complete"""
        ...
    @staticmethod
    def xavi_child_seti(p1: str, p2: str, p3: int) -> int:
        """KSR.pvx.xavi_child_seti(str, str, int): int -- complete"""
        ...
    @staticmethod
    def xavi_child_sets(p1: str, p2: str, p3: str) -> int:
        """KSR.pvx.xavi_child_sets(str, str, str): int -- complete"""
        ...
    @staticmethod
    def xavi_child_rm(p1: str, p2: str) -> int:
        """KSR.pvx.xavi_child_rm(str, str): int -- complete"""
        ...
    @staticmethod
    def xavi_child_is_null(p1: str, p2: str) -> int:
        """KSR.pvx.xavi_child_is_null(str, str): int -- complete"""
        ...
    @staticmethod
    def xavi_child_get(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavi_child_get(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavi_child_gete(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavi_child_gete(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavi_child_getw(p1: str, p2: str) -> str | int | None:
        """KSR.pvx.xavi_child_getw(str, str): xval -- complete"""
        ...
    @staticmethod
    def xavi_rm_all(p1: str) -> int:
        """KSR.pvx.xavi_rm_all(str): int -- complete"""
        ...
    @staticmethod
    def xavi_getd(p1: str) -> str | int | dict | list | None:
        """KSR.pvx.xavi_getd(str): xval -- complete"""
        ...
    @staticmethod
    def xavi_getd_p1(p1: str, p2: int) -> str | int | dict | list | None:
        """KSR.pvx.xavi_getd_p1(str, int): xval -- complete"""
        ...
    @staticmethod
    def xavi_get_keys(p1: str, p2: int) -> str | int | dict | list | None:
        """KSR.pvx.xavi_get_keys(str, int): xval -- complete"""
        ...
    @staticmethod
    def evalx(p1: str, p2: str) -> int:
        """KSR.pvx.evalx(str, str): int -- complete"""
        ...
    @staticmethod
    def avp_seti(p1: str, p2: int) -> int:
        """KSR.pvx.avp_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def avp_sets(p1: str, p2: str) -> int:
        """KSR.pvx.avp_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def avp_get(p1: str) -> str | int | None:
        """KSR.pvx.avp_get(str): xval -- complete"""
        ...
    @staticmethod
    def avp_gete(p1: str) -> str | int | None:
        """KSR.pvx.avp_gete(str): xval -- complete"""
        ...
    @staticmethod
    def avp_getw(p1: str) -> str | int | None:
        """KSR.pvx.avp_getw(str): xval -- complete"""
        ...
    @staticmethod
    def avp_rm(p1: str) -> int:
        """KSR.pvx.avp_rm(str): int -- complete"""
        ...
    @staticmethod
    def avp_is_null(p1: str) -> int:
        """KSR.pvx.avp_is_null(str): int -- complete"""
        ...
    @staticmethod
    def xavp_copy(p1: str, p2: int, p3: str) -> int:
        """KSR.pvx.xavp_copy(str, int, str): int -- complete"""
        ...
    @staticmethod
    def xavp_copy_dst(p1: str, p2: int, p3: str, p4: int) -> int:
        """KSR.pvx.xavp_copy_dst(str, int, str, int): int -- complete"""
        ...
    @staticmethod
    def xavp_lshift(p1: str, p2: int) -> int:
        """KSR.pvx.xavp_lshift(str, int): int -- complete"""
        ...
    @staticmethod
    def xavp_push_dst(p1: str) -> int:
        """KSR.pvx.xavp_push_dst(str): int -- partial: pushes the R-URI and $du as fields uri and dsturi only"""
        ...

pvx: _pvx

class _textops:
    @staticmethod
    def search(p1: str) -> int:
        """KSR.textops.search(str): int -- complete"""
        ...
    @staticmethod
    def search_body(p1: str) -> int:
        """KSR.textops.search_body(str): int -- complete"""
        ...
    @staticmethod
    def search_hf(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.search_hf(str, str, str): int -- complete"""
        ...
    @staticmethod
    def is_present_hf(p1: str) -> int:
        """KSR.textops.is_present_hf(str): int -- complete"""
        ...
    @staticmethod
    def is_present_hf_re(p1: str) -> int:
        """KSR.textops.is_present_hf_re(str): int -- complete"""
        ...
    @staticmethod
    def search_str(p1: str, p2: str) -> int:
        """KSR.textops.search_str(str, str): int -- complete"""
        ...
    @staticmethod
    def regex_substring(p1: str, p2: str, p3: int, p4: int, p5: str) -> int:
        """KSR.textops.regex_substring(str, str, int, int, str): int -- complete"""
        ...
    @staticmethod
    def search_append(p1: str, p2: str) -> int:
        """KSR.textops.search_append(str, str): int -- complete"""
        ...
    @staticmethod
    def search_append_body(p1: str, p2: str) -> int:
        """KSR.textops.search_append_body(str, str): int -- complete"""
        ...
    @staticmethod
    def replace(p1: str, p2: str) -> int:
        """KSR.textops.replace(str, str): int -- complete"""
        ...
    @staticmethod
    def replace_all(p1: str, p2: str) -> int:
        """KSR.textops.replace_all(str, str): int -- complete"""
        ...
    @staticmethod
    def replace_body(p1: str, p2: str) -> int:
        """KSR.textops.replace_body(str, str): int -- complete"""
        ...
    @staticmethod
    def replace_body_all(p1: str, p2: str) -> int:
        """KSR.textops.replace_body_all(str, str): int -- complete"""
        ...
    @staticmethod
    def replace_body_atonce(p1: str, p2: str) -> int:
        """KSR.textops.replace_body_atonce(str, str): int -- complete"""
        ...
    @staticmethod
    def replace_hdrs(p1: str, p2: str) -> int:
        """KSR.textops.replace_hdrs(str, str): int -- complete"""
        ...
    @staticmethod
    def replace_str(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.replace_str(str, str, str): int -- complete"""
        ...
    @staticmethod
    def replace_body_str(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.replace_body_str(str, str, str): int -- complete"""
        ...
    @staticmethod
    def replace_hdrs_str(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.replace_hdrs_str(str, str, str): int -- complete"""
        ...
    @staticmethod
    def subst(p1: str) -> int:
        """KSR.textops.subst(str): int -- complete"""
        ...
    @staticmethod
    def subst_body(p1: str) -> int:
        """KSR.textops.subst_body(str): int -- complete"""
        ...
    @staticmethod
    def subst_uri(p1: str) -> int:
        """KSR.textops.subst_uri(str): int -- complete"""
        ...
    @staticmethod
    def subst_user(p1: str) -> int:
        """KSR.textops.subst_user(str): int -- complete"""
        ...
    @staticmethod
    def subst_hf(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.subst_hf(str, str, str): int -- complete"""
        ...
    @staticmethod
    def subst_v(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.subst_v(str, str, str): int -- complete"""
        ...
    @staticmethod
    def remove_hf(p1: str) -> int:
        """KSR.textops.remove_hf(str): int -- complete"""
        ...
    @staticmethod
    def remove_hf_re(p1: str) -> int:
        """KSR.textops.remove_hf_re(str): int -- complete"""
        ...
    @staticmethod
    def remove_hf_idx(p1: str, p2: int) -> int:
        """KSR.textops.remove_hf_idx(str, int): int -- complete"""
        ...
    @staticmethod
    def remove_hf_exp(p1: str, p2: str) -> int:
        """KSR.textops.remove_hf_exp(str, str): int -- complete"""
        ...
    @staticmethod
    def remove_hf_match(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.remove_hf_match(str, str, str): int -- complete"""
        ...
    @staticmethod
    def set_body(p1: str, p2: str) -> int:
        """KSR.textops.set_body(str, str): int -- complete"""
        ...
    @staticmethod
    def set_body_hex(p1: str, p2: str) -> int:
        """KSR.textops.set_body_hex(str, str): int -- complete"""
        ...
    @staticmethod
    def set_reply_body(p1: str, p2: str) -> int:
        """KSR.textops.set_reply_body(str, str): int -- complete"""
        ...
    @staticmethod
    def set_reply_body_hex(p1: str, p2: str) -> int:
        """KSR.textops.set_reply_body_hex(str, str): int -- complete"""
        ...
    @staticmethod
    def has_body() -> int:
        """KSR.textops.has_body(): int -- complete"""
        ...
    @staticmethod
    def has_body_type(p1: str) -> int:
        """KSR.textops.has_body_type(str): int -- complete"""
        ...
    @staticmethod
    def filter_body(p1: str) -> int:
        """KSR.textops.filter_body(str): int -- complete"""
        ...
    @staticmethod
    def set_body_multipart_mode() -> int:
        """KSR.textops.set_body_multipart_mode(): int -- complete"""
        ...
    @staticmethod
    def set_body_multipart_boundary(p1: str) -> int:
        """KSR.textops.set_body_multipart_boundary(str): int -- complete"""
        ...
    @staticmethod
    def set_body_multipart_content(p1: str, p2: str) -> int:
        """KSR.textops.set_body_multipart_content(str, str): int -- complete"""
        ...
    @staticmethod
    def set_body_multipart(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.set_body_multipart(str, str, str): int -- complete"""
        ...
    @staticmethod
    def append_body_part(p1: str, p2: str) -> int:
        """KSR.textops.append_body_part(str, str): int -- complete"""
        ...
    @staticmethod
    def append_body_part_cd(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.append_body_part_cd(str, str, str): int -- complete"""
        ...
    @staticmethod
    def append_body_part_hex(p1: str, p2: str) -> int:
        """KSR.textops.append_body_part_hex(str, str): int -- complete"""
        ...
    @staticmethod
    def append_body_part_hex_cd(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.append_body_part_hex_cd(str, str, str): int -- complete"""
        ...
    @staticmethod
    def remove_body_part(p1: str) -> int:
        """KSR.textops.remove_body_part(str): int -- complete"""
        ...
    @staticmethod
    def get_body_part(p1: str, p2: str) -> int:
        """KSR.textops.get_body_part(str, str): int -- complete"""
        ...
    @staticmethod
    def get_body_part_raw(p1: str, p2: str) -> int:
        """KSR.textops.get_body_part_raw(str, str): int -- complete"""
        ...
    @staticmethod
    def is_audio_on_hold() -> int:
        """KSR.textops.is_audio_on_hold(): int -- complete"""
        ...
    @staticmethod
    def is_privacy(p1: str) -> int:
        """KSR.textops.is_privacy(str): int -- complete"""
        ...
    @staticmethod
    def in_list(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.in_list(str, str, str): int -- complete"""
        ...
    @staticmethod
    def in_list_prefix(p1: str, p2: str, p3: str) -> int:
        """KSR.textops.in_list_prefix(str, str, str): int -- complete"""
        ...
    @staticmethod
    def cmp_str(p1: str, p2: str) -> int:
        """KSR.textops.cmp_str(str, str): int -- complete"""
        ...
    @staticmethod
    def cmp_istr(p1: str, p2: str) -> int:
        """KSR.textops.cmp_istr(str, str): int -- complete"""
        ...
    @staticmethod
    def starts_with(p1: str, p2: str) -> int:
        """KSR.textops.starts_with(str, str): int -- complete"""
        ...
    @staticmethod
    def ends_with(p1: str, p2: str) -> int:
        """KSR.textops.ends_with(str, str): int -- complete"""
        ...
    @staticmethod
    def str_find(p1: str, p2: str) -> int:
        """KSR.textops.str_find(str, str): int -- complete"""
        ...
    @staticmethod
    def str_ifind(p1: str, p2: str) -> int:
        """KSR.textops.str_ifind(str, str): int -- complete"""
        ...
    @staticmethod
    def str_any_in(p1: str, p2: str) -> int:
        """KSR.textops.str_any_in(str, str): int -- complete"""
        ...
    @staticmethod
    def str_all_in(p1: str, p2: str) -> int:
        """KSR.textops.str_all_in(str, str): int -- complete"""
        ...

textops: _textops

class _textopsx:
    @staticmethod
    def msg_apply_changes() -> int:
        """KSR.textopsx.msg_apply_changes(): int -- complete"""
        ...
    @staticmethod
    def msg_set_buffer(p1: str) -> int:
        """KSR.textopsx.msg_set_buffer(str): int -- complete"""
        ...
    @staticmethod
    def change_reply_status(p1: int, p2: str) -> int:
        """KSR.textopsx.change_reply_status(int, str): int -- complete"""
        ...
    @staticmethod
    def change_reply_status_code(p1: int) -> int:
        """KSR.textopsx.change_reply_status_code(int): int -- complete"""
        ...
    @staticmethod
    def remove_body() -> int:
        """KSR.textopsx.remove_body(): int -- complete"""
        ...
    @staticmethod
    def keep_hf() -> int:
        """KSR.textopsx.keep_hf(): int -- complete"""
        ...
    @staticmethod
    def keep_hf_re(p1: str) -> int:
        """KSR.textopsx.keep_hf_re(str): int -- complete"""
        ...
    @staticmethod
    def fnmatch(p1: str, p2: str) -> int:
        """KSR.textopsx.fnmatch(str, str): int -- complete"""
        ...
    @staticmethod
    def fnmatch_ex(p1: str, p2: str, p3: str) -> int:
        """KSR.textopsx.fnmatch_ex(str, str, str): int -- complete"""
        ...
    @staticmethod
    def append_hf_value(p1: str, p2: str) -> int:
        """KSR.textopsx.append_hf_value(str, str): int -- complete"""
        ...
    @staticmethod
    def insert_hf_value(p1: str, p2: str) -> int:
        """KSR.textopsx.insert_hf_value(str, str): int -- complete"""
        ...
    @staticmethod
    def assign_hf_value(p1: str, p2: str) -> int:
        """KSR.textopsx.assign_hf_value(str, str): int -- complete"""
        ...
    @staticmethod
    def assign_hf_value2(p1: str, p2: str) -> int:
        """KSR.textopsx.assign_hf_value2(str, str): int -- complete"""
        ...
    @staticmethod
    def remove_hf_value(p1: str) -> int:
        """KSR.textopsx.remove_hf_value(str): int -- complete"""
        ...
    @staticmethod
    def remove_hf_value2(p1: str, p2: str) -> int:
        """KSR.textopsx.remove_hf_value2(str, str): int -- complete"""
        ...
    @staticmethod
    def include_hf_value(p1: str, p2: str) -> int:
        """KSR.textopsx.include_hf_value(str, str): int -- complete"""
        ...
    @staticmethod
    def exclude_hf_value(p1: str, p2: str) -> int:
        """KSR.textopsx.exclude_hf_value(str, str): int -- complete"""
        ...
    @staticmethod
    def hf_value_exists(p1: str, p2: str) -> int:
        """KSR.textopsx.hf_value_exists(str, str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_start(p1: str) -> int:
        """KSR.textopsx.hf_iterator_start(str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_end(p1: str) -> int:
        """KSR.textopsx.hf_iterator_end(str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_next(p1: str) -> int:
        """KSR.textopsx.hf_iterator_next(str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_prev(p1: str) -> int:
        """KSR.textopsx.hf_iterator_prev(str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_rm(p1: str) -> int:
        """KSR.textopsx.hf_iterator_rm(str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_append(p1: str, p2: str) -> int:
        """KSR.textopsx.hf_iterator_append(str, str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_insert(p1: str, p2: str) -> int:
        """KSR.textopsx.hf_iterator_insert(str, str): int -- complete"""
        ...
    @staticmethod
    def hf_iterator_hname(p1: str) -> str | int | None:
        """KSR.textopsx.hf_iterator_hname(str): xval -- complete"""
        ...
    @staticmethod
    def hf_iterator_hbody(p1: str) -> str | int | None:
        """KSR.textopsx.hf_iterator_hbody(str): xval -- complete"""
        ...
    @staticmethod
    def bl_iterator_start(p1: str) -> int:
        """KSR.textopsx.bl_iterator_start(str): int -- complete"""
        ...
    @staticmethod
    def bl_iterator_end(p1: str) -> int:
        """KSR.textopsx.bl_iterator_end(str): int -- complete"""
        ...
    @staticmethod
    def bl_iterator_next(p1: str) -> int:
        """KSR.textopsx.bl_iterator_next(str): int -- complete"""
        ...
    @staticmethod
    def bl_iterator_rm(p1: str) -> int:
        """KSR.textopsx.bl_iterator_rm(str): int -- complete"""
        ...
    @staticmethod
    def bl_iterator_append(p1: str, p2: str) -> int:
        """KSR.textopsx.bl_iterator_append(str, str): int -- complete"""
        ...
    @staticmethod
    def bl_iterator_insert(p1: str, p2: str) -> int:
        """KSR.textopsx.bl_iterator_insert(str, str): int -- complete"""
        ...
    @staticmethod
    def bl_iterator_value(p1: str) -> str | int | None:
        """KSR.textopsx.bl_iterator_value(str): xval -- complete"""
        ...

textopsx: _textopsx

class _posops:
    @staticmethod
    def pos_append(p1: int, p2: str) -> int:
        """KSR.posops.pos_append(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_insert(p1: int, p2: str) -> int:
        """KSR.posops.pos_insert(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_rm(p1: int, p2: int) -> int:
        """KSR.posops.pos_rm(int, int): int -- complete"""
        ...
    @staticmethod
    def pos_set_char(p1: int, p2: str) -> int:
        """KSR.posops.pos_set_char(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_headers_start() -> int:
        """KSR.posops.pos_headers_start(): int -- complete"""
        ...
    @staticmethod
    def pos_headers_end() -> int:
        """KSR.posops.pos_headers_end(): int -- complete"""
        ...
    @staticmethod
    def pos_body_start() -> int:
        """KSR.posops.pos_body_start(): int -- complete"""
        ...
    @staticmethod
    def pos_body_end() -> int:
        """KSR.posops.pos_body_end(): int -- complete"""
        ...
    @staticmethod
    def pos_find_str(p1: int, p2: str) -> int:
        """KSR.posops.pos_find_str(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_findi_str(p1: int, p2: str) -> int:
        """KSR.posops.pos_findi_str(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_rfind_str(p1: int, p2: str) -> int:
        """KSR.posops.pos_rfind_str(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_rfindi_str(p1: int, p2: str) -> int:
        """KSR.posops.pos_rfindi_str(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_search(p1: int, p2: str) -> int:
        """KSR.posops.pos_search(int, str): int -- complete"""
        ...
    @staticmethod
    def pos_rsearch(p1: int, p2: str) -> int:
        """KSR.posops.pos_rsearch(int, str): int -- complete"""
        ...

posops: _posops

class _htable:
    @staticmethod
    def sht_lock(p1: str, p2: str) -> int:
        """KSR.htable.sht_lock(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_unlock(p1: str, p2: str) -> int:
        """KSR.htable.sht_unlock(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_reset(p1: str) -> int:
        """KSR.htable.sht_reset(str): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_start(p1: str, p2: str) -> int:
        """KSR.htable.sht_iterator_start(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_next(p1: str) -> int:
        """KSR.htable.sht_iterator_next(str): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_end(p1: str) -> int:
        """KSR.htable.sht_iterator_end(str): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_rm(p1: str) -> int:
        """KSR.htable.sht_iterator_rm(str): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_sets(p1: str, p2: str) -> int:
        """KSR.htable.sht_iterator_sets(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_seti(p1: str, p2: int) -> int:
        """KSR.htable.sht_iterator_seti(str, int): int -- complete"""
        ...
    @staticmethod
    def sht_iterator_setex(p1: str, p2: int) -> int:
        """KSR.htable.sht_iterator_setex(str, int): int -- complete"""
        ...
    @staticmethod
    def sht_rm(p1: str, p2: str) -> int:
        """KSR.htable.sht_rm(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_rm_name_re(p1: str, p2: str) -> int:
        """KSR.htable.sht_rm_name_re(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_rm_value_re(p1: str, p2: str) -> int:
        """KSR.htable.sht_rm_value_re(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_rm_name(p1: str, p2: str, p3: str) -> int:
        """KSR.htable.sht_rm_name(str, str, str): int -- complete"""
        ...
    @staticmethod
    def sht_rm_value(p1: str, p2: str, p3: str) -> int:
        """KSR.htable.sht_rm_value(str, str, str): int -- complete"""
        ...
    @staticmethod
    def sht_match_name(p1: str, p2: str, p3: str) -> int:
        """KSR.htable.sht_match_name(str, str, str): int -- complete"""
        ...
    @staticmethod
    def sht_match_str_value(p1: str, p2: str, p3: str) -> int:
        """KSR.htable.sht_match_str_value(str, str, str): int -- complete"""
        ...
    @staticmethod
    def sht_get(p1: str, p2: str) -> str | int | None:
        """KSR.htable.sht_get(str, str): xval -- complete"""
        ...
    @staticmethod
    def sht_gete(p1: str, p2: str) -> str | int | None:
        """KSR.htable.sht_gete(str, str): xval -- complete"""
        ...
    @staticmethod
    def sht_getw(p1: str, p2: str) -> str | int | None:
        """KSR.htable.sht_getw(str, str): xval -- complete"""
        ...
    @staticmethod
    def sht_sets(p1: str, p2: str, p3: str) -> int:
        """KSR.htable.sht_sets(str, str, str): int -- complete"""
        ...
    @staticmethod
    def sht_seti(p1: str, p2: str, p3: int) -> int:
        """KSR.htable.sht_seti(str, str, int): int -- complete"""
        ...
    @staticmethod
    def sht_setex(p1: str, p2: str, p3: int) -> int:
        """KSR.htable.sht_setex(str, str, int): int -- complete"""
        ...
    @staticmethod
    def sht_setxi(p1: str, p2: str, p3: int, p4: int) -> int:
        """KSR.htable.sht_setxi(str, str, int, int): int -- complete"""
        ...
    @staticmethod
    def sht_setxs(p1: str, p2: str, p3: str, p4: int) -> int:
        """KSR.htable.sht_setxs(str, str, str, int): int -- complete"""
        ...
    @staticmethod
    def sht_is_null(p1: str, p2: str) -> int:
        """KSR.htable.sht_is_null(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_inc(p1: str, p2: str) -> int:
        """KSR.htable.sht_inc(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_dec(p1: str, p2: str) -> int:
        """KSR.htable.sht_dec(str, str): int -- complete"""
        ...
    @staticmethod
    def sht_cn(p1: str, p2: str, p3: str) -> int:
        """KSR.htable.sht_cn(str, str, str): int -- complete"""
        ...

htable: _htable

class _pike:
    @staticmethod
    def pike_check_req() -> int:
        """KSR.pike.pike_check_req(): int -- complete"""
        ...
    @staticmethod
    def pike_check_ip(p1: str) -> int:
        """KSR.pike.pike_check_ip(str): int -- complete"""
        ...

pike: _pike

class _permissions:
    @staticmethod
    def allow_source_address(p1: int) -> int:
        """KSR.permissions.allow_source_address(int): int -- complete"""
        ...
    @staticmethod
    def allow_address(p1: int, p2: str, p3: int) -> int:
        """KSR.permissions.allow_address(int, str, int): int -- complete"""
        ...
    @staticmethod
    def allow_source_address_group() -> int:
        """KSR.permissions.allow_source_address_group(): int -- complete"""
        ...
    @staticmethod
    def allow_address_group(p1: str, p2: int) -> int:
        """KSR.permissions.allow_address_group(str, int): int -- complete"""
        ...
    @staticmethod
    def allow_trusted() -> int:
        """KSR.permissions.allow_trusted(): int -- complete"""
        ...

permissions: _permissions

class _nathelper:
    @staticmethod
    def nat_uac_test(p1: int) -> int:
        """KSR.nathelper.nat_uac_test(int): int -- complete"""
        ...
    @staticmethod
    def fix_nated_contact() -> int:
        """KSR.nathelper.fix_nated_contact(): int -- complete"""
        ...
    @staticmethod
    def fix_nated_register() -> int:
        """KSR.nathelper.fix_nated_register(): int -- complete"""
        ...
    @staticmethod
    def set_contact_alias() -> int:
        """KSR.nathelper.set_contact_alias(): int -- complete"""
        ...
    @staticmethod
    def set_contact_alias_trim() -> int:
        """KSR.nathelper.set_contact_alias_trim(): int -- complete"""
        ...
    @staticmethod
    def handle_ruri_alias() -> int:
        """KSR.nathelper.handle_ruri_alias(): int -- complete"""
        ...
    @staticmethod
    def handle_ruri_alias_mode(p1: int) -> int:
        """KSR.nathelper.handle_ruri_alias_mode(int): int -- complete"""
        ...
    @staticmethod
    def is_rfc1918(p1: str) -> int:
        """KSR.nathelper.is_rfc1918(str): int -- complete"""
        ...
    @staticmethod
    def add_contact_alias() -> int:
        """KSR.nathelper.add_contact_alias(): int -- complete"""
        ...
    @staticmethod
    def add_contact_alias_addr(p1: str, p2: str, p3: str) -> int:
        """KSR.nathelper.add_contact_alias_addr(str, str, str): int -- complete"""
        ...
    @staticmethod
    def add_rcv_param(p1: int) -> int:
        """KSR.nathelper.add_rcv_param(int): int -- complete"""
        ...
    @staticmethod
    def fix_nated_sdp(p1: int) -> int:
        """KSR.nathelper.fix_nated_sdp(int): int -- complete"""
        ...
    @staticmethod
    def fix_nated_sdp_ip(p1: int, p2: str) -> int:
        """KSR.nathelper.fix_nated_sdp_ip(int, str): int -- complete"""
        ...
    @staticmethod
    def set_alias_to_pv(p1: str) -> int:
        """KSR.nathelper.set_alias_to_pv(str): int -- complete"""
        ...

nathelper: _nathelper

class _dispatcher:
    @staticmethod
    def ds_select(p1: int, p2: int) -> int:
        """KSR.dispatcher.ds_select(int, int): int -- complete"""
        ...
    @staticmethod
    def ds_select_limit(p1: int, p2: int, p3: int) -> int:
        """KSR.dispatcher.ds_select_limit(int, int, int): int -- complete"""
        ...
    @staticmethod
    def ds_select_dst(p1: int, p2: int) -> int:
        """KSR.dispatcher.ds_select_dst(int, int): int -- complete"""
        ...
    @staticmethod
    def ds_select_dst_limit(p1: int, p2: int, p3: int) -> int:
        """KSR.dispatcher.ds_select_dst_limit(int, int, int): int -- complete"""
        ...
    @staticmethod
    def ds_select_domain(p1: int, p2: int) -> int:
        """KSR.dispatcher.ds_select_domain(int, int): int -- complete"""
        ...
    @staticmethod
    def ds_select_domain_limit(p1: int, p2: int, p3: int) -> int:
        """KSR.dispatcher.ds_select_domain_limit(int, int, int): int -- complete"""
        ...
    @staticmethod
    def ds_select_routes(p1: str, p2: str) -> int:
        """KSR.dispatcher.ds_select_routes(str, str): int -- complete"""
        ...
    @staticmethod
    def ds_select_routes_limit(p1: str, p2: str, p3: int) -> int:
        """KSR.dispatcher.ds_select_routes_limit(str, str, int): int -- complete"""
        ...
    @staticmethod
    def ds_next_dst() -> int:
        """KSR.dispatcher.ds_next_dst(): int -- complete"""
        ...
    @staticmethod
    def ds_next_domain() -> int:
        """KSR.dispatcher.ds_next_domain(): int -- complete"""
        ...
    @staticmethod
    def ds_set_dst() -> int:
        """KSR.dispatcher.ds_set_dst(): int -- complete"""
        ...
    @staticmethod
    def ds_set_domain() -> int:
        """KSR.dispatcher.ds_set_domain(): int -- complete"""
        ...
    @staticmethod
    def ds_mark_dst() -> int:
        """KSR.dispatcher.ds_mark_dst(): int -- complete"""
        ...
    @staticmethod
    def ds_mark_dst_state(p1: str) -> int:
        """KSR.dispatcher.ds_mark_dst_state(str): int -- complete"""
        ...
    @staticmethod
    def ds_mark_addr(p1: str, p2: int, p3: str) -> int:
        """KSR.dispatcher.ds_mark_addr(str, int, str): int -- complete"""
        ...
    @staticmethod
    def ds_is_from_lists() -> int:
        """KSR.dispatcher.ds_is_from_lists(): int -- complete"""
        ...
    @staticmethod
    def ds_is_from_list(p1: int) -> int:
        """KSR.dispatcher.ds_is_from_list(int): int -- complete"""
        ...
    @staticmethod
    def ds_is_from_list_mode(p1: int, p2: int) -> int:
        """KSR.dispatcher.ds_is_from_list_mode(int, int): int -- complete"""
        ...
    @staticmethod
    def ds_is_from_list_uri(p1: int, p2: int, p3: str) -> int:
        """KSR.dispatcher.ds_is_from_list_uri(int, int, str): int -- complete"""
        ...
    @staticmethod
    def ds_load_update() -> int:
        """KSR.dispatcher.ds_load_update(): int -- complete"""
        ...
    @staticmethod
    def ds_load_unset() -> int:
        """KSR.dispatcher.ds_load_unset(): int -- complete"""
        ...
    @staticmethod
    def ds_reload() -> int:
        """KSR.dispatcher.ds_reload(): int -- complete"""
        ...
    @staticmethod
    def ds_list_exists(p1: int) -> int:
        """KSR.dispatcher.ds_list_exists(int): int -- complete"""
        ...
    @staticmethod
    def ds_is_active(p1: int) -> int:
        """KSR.dispatcher.ds_is_active(int): int -- complete"""
        ...
    @staticmethod
    def ds_is_active_uri(p1: int, p2: str) -> int:
        """KSR.dispatcher.ds_is_active_uri(int, str): int -- complete"""
        ...

dispatcher: _dispatcher

class _uac:
    @staticmethod
    def uac_auth() -> int:
        """KSR.uac.uac_auth(): int -- complete"""
        ...
    @staticmethod
    def uac_auth_mode(p1: int) -> int:
        """KSR.uac.uac_auth_mode(int): int -- complete"""
        ...
    @staticmethod
    def uac_req_send() -> int:
        """KSR.uac.uac_req_send(): int -- complete"""
        ...
    @staticmethod
    def uac_replace_from_uri(p1: str) -> int:
        """KSR.uac.uac_replace_from_uri(str): int -- complete"""
        ...
    @staticmethod
    def uac_replace_from(p1: str, p2: str) -> int:
        """KSR.uac.uac_replace_from(str, str): int -- complete"""
        ...
    @staticmethod
    def uac_restore_from() -> int:
        """KSR.uac.uac_restore_from(): int -- complete"""
        ...
    @staticmethod
    def uac_replace_to_uri(p1: str) -> int:
        """KSR.uac.uac_replace_to_uri(str): int -- complete"""
        ...
    @staticmethod
    def uac_replace_to(p1: str, p2: str) -> int:
        """KSR.uac.uac_replace_to(str, str): int -- complete"""
        ...
    @staticmethod
    def uac_restore_to() -> int:
        """KSR.uac.uac_restore_to(): int -- complete"""
        ...
    @staticmethod
    def uac_reg_lookup(p1: str, p2: str) -> int:
        """KSR.uac.uac_reg_lookup(str, str): int -- complete"""
        ...
    @staticmethod
    def uac_reg_lookup_uri(p1: str, p2: str) -> int:
        """KSR.uac.uac_reg_lookup_uri(str, str): int -- complete"""
        ...
    @staticmethod
    def uac_reg_status(p1: str) -> int:
        """KSR.uac.uac_reg_status(str): int -- complete"""
        ...
    @staticmethod
    def uac_reg_request_to(p1: str, p2: int) -> int:
        """KSR.uac.uac_reg_request_to(str, int): int -- complete"""
        ...
    @staticmethod
    def uac_reg_enable(p1: str, p2: str) -> int:
        """KSR.uac.uac_reg_enable(str, str): int -- complete"""
        ...
    @staticmethod
    def uac_reg_disable(p1: str, p2: str) -> int:
        """KSR.uac.uac_reg_disable(str, str): int -- complete"""
        ...
    @staticmethod
    def uac_reg_refresh(p1: str) -> int:
        """KSR.uac.uac_reg_refresh(str): int -- complete"""
        ...

uac: _uac

class _uac_redirect:
    @staticmethod
    def get_redirects_all() -> int:
        """KSR.uac_redirect.get_redirects_all(): int -- complete"""
        ...
    @staticmethod
    def get_redirects(p1: int, p2: int) -> int:
        """KSR.uac_redirect.get_redirects(int, int): int -- complete"""
        ...
    @staticmethod
    def get_redirects_acc(p1: int, p2: int, p3: str) -> int:
        """KSR.uac_redirect.get_redirects_acc(int, int, str): int -- complete"""
        ...

uac_redirect: _uac_redirect

class _rtpengine:
    @staticmethod
    def rtpengine_manage0() -> int:
        """KSR.rtpengine.rtpengine_manage0(): int -- complete"""
        ...
    @staticmethod
    def rtpengine_manage(p1: str) -> int:
        """KSR.rtpengine.rtpengine_manage(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_manage2(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_manage2(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_offer0() -> int:
        """KSR.rtpengine.rtpengine_offer0(): int -- complete"""
        ...
    @staticmethod
    def rtpengine_offer(p1: str) -> int:
        """KSR.rtpengine.rtpengine_offer(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_offer2(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_offer2(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_answer0() -> int:
        """KSR.rtpengine.rtpengine_answer0(): int -- complete"""
        ...
    @staticmethod
    def rtpengine_answer(p1: str) -> int:
        """KSR.rtpengine.rtpengine_answer(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_answer2(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_answer2(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_delete0() -> int:
        """KSR.rtpengine.rtpengine_delete0(): int -- complete"""
        ...
    @staticmethod
    def rtpengine_delete(p1: str) -> int:
        """KSR.rtpengine.rtpengine_delete(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_delete2(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_delete2(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_query0() -> int:
        """KSR.rtpengine.rtpengine_query0(): int -- complete"""
        ...
    @staticmethod
    def rtpengine_query(p1: str) -> int:
        """KSR.rtpengine.rtpengine_query(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_query2(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_query2(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_connect0() -> int:
        """KSR.rtpengine.rtpengine_connect0(): int -- complete"""
        ...
    @staticmethod
    def rtpengine_connect(p1: str) -> int:
        """KSR.rtpengine.rtpengine_connect(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_connect2(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_connect2(str, str): int -- complete"""
        ...
    @staticmethod
    def block_media0() -> int:
        """KSR.rtpengine.block_media0(): int -- complete"""
        ...
    @staticmethod
    def block_media(p1: str) -> int:
        """KSR.rtpengine.block_media(str): int -- complete"""
        ...
    @staticmethod
    def block_media2(p1: str, p2: str) -> int:
        """KSR.rtpengine.block_media2(str, str): int -- complete"""
        ...
    @staticmethod
    def unblock_media0() -> int:
        """KSR.rtpengine.unblock_media0(): int -- complete"""
        ...
    @staticmethod
    def unblock_media(p1: str) -> int:
        """KSR.rtpengine.unblock_media(str): int -- complete"""
        ...
    @staticmethod
    def unblock_media2(p1: str, p2: str) -> int:
        """KSR.rtpengine.unblock_media2(str, str): int -- complete"""
        ...
    @staticmethod
    def silence_media0() -> int:
        """KSR.rtpengine.silence_media0(): int -- complete"""
        ...
    @staticmethod
    def silence_media(p1: str) -> int:
        """KSR.rtpengine.silence_media(str): int -- complete"""
        ...
    @staticmethod
    def silence_media2(p1: str, p2: str) -> int:
        """KSR.rtpengine.silence_media2(str, str): int -- complete"""
        ...
    @staticmethod
    def unsilence_media0() -> int:
        """KSR.rtpengine.unsilence_media0(): int -- complete"""
        ...
    @staticmethod
    def unsilence_media(p1: str) -> int:
        """KSR.rtpengine.unsilence_media(str): int -- complete"""
        ...
    @staticmethod
    def unsilence_media2(p1: str, p2: str) -> int:
        """KSR.rtpengine.unsilence_media2(str, str): int -- complete"""
        ...
    @staticmethod
    def block_dtmf0() -> int:
        """KSR.rtpengine.block_dtmf0(): int -- complete"""
        ...
    @staticmethod
    def block_dtmf(p1: str) -> int:
        """KSR.rtpengine.block_dtmf(str): int -- complete"""
        ...
    @staticmethod
    def block_dtmf2(p1: str, p2: str) -> int:
        """KSR.rtpengine.block_dtmf2(str, str): int -- complete"""
        ...
    @staticmethod
    def unblock_dtmf0() -> int:
        """KSR.rtpengine.unblock_dtmf0(): int -- complete"""
        ...
    @staticmethod
    def unblock_dtmf(p1: str) -> int:
        """KSR.rtpengine.unblock_dtmf(str): int -- complete"""
        ...
    @staticmethod
    def unblock_dtmf2(p1: str, p2: str) -> int:
        """KSR.rtpengine.unblock_dtmf2(str, str): int -- complete"""
        ...
    @staticmethod
    def stop_media0() -> int:
        """KSR.rtpengine.stop_media0(): int -- complete"""
        ...
    @staticmethod
    def stop_media(p1: str) -> int:
        """KSR.rtpengine.stop_media(str): int -- complete"""
        ...
    @staticmethod
    def stop_media2(p1: str, p2: str) -> int:
        """KSR.rtpengine.stop_media2(str, str): int -- complete"""
        ...
    @staticmethod
    def start_forwarding0() -> int:
        """KSR.rtpengine.start_forwarding0(): int -- complete"""
        ...
    @staticmethod
    def start_forwarding(p1: str) -> int:
        """KSR.rtpengine.start_forwarding(str): int -- complete"""
        ...
    @staticmethod
    def start_forwarding2(p1: str, p2: str) -> int:
        """KSR.rtpengine.start_forwarding2(str, str): int -- complete"""
        ...
    @staticmethod
    def stop_forwarding0() -> int:
        """KSR.rtpengine.stop_forwarding0(): int -- complete"""
        ...
    @staticmethod
    def stop_forwarding(p1: str) -> int:
        """KSR.rtpengine.stop_forwarding(str): int -- complete"""
        ...
    @staticmethod
    def stop_forwarding2(p1: str, p2: str) -> int:
        """KSR.rtpengine.stop_forwarding2(str, str): int -- complete"""
        ...
    @staticmethod
    def start_recording() -> int:
        """KSR.rtpengine.start_recording(): int -- complete"""
        ...
    @staticmethod
    def stop_recording() -> int:
        """KSR.rtpengine.stop_recording(): int -- complete"""
        ...
    @staticmethod
    def play_media(p1: str) -> int:
        """KSR.rtpengine.play_media(str): int -- complete"""
        ...
    @staticmethod
    def play_media2(p1: str, p2: str) -> int:
        """KSR.rtpengine.play_media2(str, str): int -- complete"""
        ...
    @staticmethod
    def play_dtmf(p1: str) -> int:
        """KSR.rtpengine.play_dtmf(str): int -- complete"""
        ...
    @staticmethod
    def set_rtpengine_set(p1: int) -> int:
        """KSR.rtpengine.set_rtpengine_set(int): int -- complete"""
        ...
    @staticmethod
    def set_rtpengine_set2(p1: int, p2: int) -> int:
        """KSR.rtpengine.set_rtpengine_set2(int, int): int -- complete"""
        ...
    @staticmethod
    def rtpengine_query_v(p1: str, p2: str) -> int:
        """KSR.rtpengine.rtpengine_query_v(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_subscribe_request(p1: str, p2: str, p3: str, p4: str) -> int:
        """KSR.rtpengine.rtpengine_subscribe_request(str, str, str, str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_subscribe_answer(p1: str) -> int:
        """KSR.rtpengine.rtpengine_subscribe_answer(str): int -- complete"""
        ...
    @staticmethod
    def rtpengine_unsubscribe(p1: str) -> int:
        """KSR.rtpengine.rtpengine_unsubscribe(str): int -- complete"""
        ...

rtpengine: _rtpengine

class _rtpproxy:
    @staticmethod
    def rtpproxy_manage0() -> int:
        """KSR.rtpproxy.rtpproxy_manage0(): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_manage(p1: str) -> int:
        """KSR.rtpproxy.rtpproxy_manage(str): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_manage_ip(p1: str, p2: str) -> int:
        """KSR.rtpproxy.rtpproxy_manage_ip(str, str): int -- complete"""
        ...
    @staticmethod
    def set_rtpproxy_set(p1: int) -> int:
        """KSR.rtpproxy.set_rtpproxy_set(int): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_destroy0() -> int:
        """KSR.rtpproxy.rtpproxy_destroy0(): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_destroy(p1: str) -> int:
        """KSR.rtpproxy.rtpproxy_destroy(str): int -- complete"""
        ...
    @staticmethod
    def start_recording() -> int:
        """KSR.rtpproxy.start_recording(): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_offer0() -> int:
        """KSR.rtpproxy.rtpproxy_offer0(): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_offer(p1: str) -> int:
        """KSR.rtpproxy.rtpproxy_offer(str): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_offer_ip(p1: str, p2: str) -> int:
        """KSR.rtpproxy.rtpproxy_offer_ip(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_answer0() -> int:
        """KSR.rtpproxy.rtpproxy_answer0(): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_answer(p1: str) -> int:
        """KSR.rtpproxy.rtpproxy_answer(str): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_answer_ip(p1: str, p2: str) -> int:
        """KSR.rtpproxy.rtpproxy_answer_ip(str, str): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_stream2uac(p1: str, p2: int) -> int:
        """KSR.rtpproxy.rtpproxy_stream2uac(str, int): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_stream2uas(p1: str, p2: int) -> int:
        """KSR.rtpproxy.rtpproxy_stream2uas(str, int): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_stop_stream2uac() -> int:
        """KSR.rtpproxy.rtpproxy_stop_stream2uac(): int -- complete"""
        ...
    @staticmethod
    def rtpproxy_stop_stream2uas() -> int:
        """KSR.rtpproxy.rtpproxy_stop_stream2uas(): int -- complete"""
        ...

rtpproxy: _rtpproxy

class _http_client:
    @staticmethod
    def query(p1: str, p2: str) -> int:
        """KSR.http_client.query(str, str): int -- complete"""
        ...
    @staticmethod
    def query_post(p1: str, p2: str, p3: str) -> int:
        """KSR.http_client.query_post(str, str, str): int -- complete"""
        ...
    @staticmethod
    def query_post_hdrs(p1: str, p2: str, p3: str, p4: str) -> int:
        """KSR.http_client.query_post_hdrs(str, str, str, str): int -- complete"""
        ...
    @staticmethod
    def get_hdrs(p1: str, p2: str, p3: str, p4: str) -> int:
        """KSR.http_client.get_hdrs(str, str, str, str): int -- complete"""
        ...
    @staticmethod
    def query_request(p1: str, p2: str, p3: str, p4: str, p5: str) -> int:
        """KSR.http_client.query_request(str, str, str, str, str): int -- complete"""
        ...
    @staticmethod
    def query_request_v2pk(p1: str, p2: str, p3: str, p4: str, p5: str) -> int:
        """KSR.http_client.query_request_v2pk(str, str, str, str, str): int -- complete"""
        ...
    @staticmethod
    def curl_connect(p1: str, p2: str, p3: str) -> int:
        """KSR.http_client.curl_connect(str, str, str): int -- complete"""
        ...
    @staticmethod
    def curl_connect_post(p1: str, p2: str, p3: str, p4: str, p5: str) -> int:
        """KSR.http_client.curl_connect_post(str, str, str, str, str): int -- complete"""
        ...

http_client: _http_client

class _http_async_client:
    @staticmethod
    def query(p1: str, p2: str) -> int:
        """KSR.http_async_client.query(str, str): int -- complete"""
        ...
    @staticmethod
    def send(p1: str, p2: str) -> int:
        """KSR.http_async_client.send(str, str): int -- partial: no Kamailio source at hand: a query that never suspends the transaction"""
        ...
    @staticmethod
    def send_xdata(p1: str, p2: str, p3: str) -> int:
        """KSR.http_async_client.send_xdata(str, str, str): int -- partial: no Kamailio source at hand: send with xdata given to the route as its argument"""
        ...

http_async_client: _http_async_client

class _xlog:
    @staticmethod
    def xdbg(p1: str) -> int:
        """KSR.xlog.xdbg(str): int -- complete"""
        ...
    @staticmethod
    def xinfo(p1: str) -> int:
        """KSR.xlog.xinfo(str): int -- complete"""
        ...
    @staticmethod
    def xnotice(p1: str) -> int:
        """KSR.xlog.xnotice(str): int -- complete"""
        ...
    @staticmethod
    def xwarn(p1: str) -> int:
        """KSR.xlog.xwarn(str): int -- complete"""
        ...
    @staticmethod
    def xerr(p1: str) -> int:
        """KSR.xlog.xerr(str): int -- complete"""
        ...
    @staticmethod
    def xalert(p1: str) -> int:
        """KSR.xlog.xalert(str): int -- complete"""
        ...
    @staticmethod
    def xcrit(p1: str) -> int:
        """KSR.xlog.xcrit(str): int -- complete"""
        ...
    @staticmethod
    def xlog(p1: str, p2: str) -> int:
        """KSR.xlog.xlog(str, str): int -- complete"""
        ...
    @staticmethod
    def xlog_facility(p1: str, p2: str, p3: str) -> int:
        """KSR.xlog.xlog_facility(str, str, str): int -- complete"""
        ...

xlog: _xlog

class _acc:
    @staticmethod
    def acc_log_request(p1: str) -> int:
        """KSR.acc.acc_log_request(str): int -- complete"""
        ...
    @staticmethod
    def acc_db_request(p1: str, p2: str) -> int:
        """KSR.acc.acc_db_request(str, str): int -- complete"""
        ...
    @staticmethod
    def acc_request(p1: str, p2: str) -> int:
        """KSR.acc.acc_request(str, str): int -- complete"""
        ...

acc: _acc
