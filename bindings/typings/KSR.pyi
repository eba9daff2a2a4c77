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
        """KSR.pv.get(str): xval -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def gete(p1: str) -> str | int | None:
        """KSR.pv.gete(str): xval -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def getw(p1: str) -> str | int | None:
        """KSR.pv.getw(str): xval -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def geti(p1: str) -> int:
        """KSR.pv.geti(str): int -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def getl(p1: str) -> str | int | None:
        """KSR.pv.getl(str): xval -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def getvn(p1: str, p2: int) -> str | int | None:
        """KSR.pv.getvn(str, int): xval -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def getvs(p1: str, p2: str) -> str | int | None:
        """KSR.pv.getvs(str, str): xval -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def seti(p1: str, p2: int) -> bool:
        """KSR.pv.seti(str, int): bool -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def setl(p1: str, p2: int) -> bool:
        """KSR.pv.setl(str, long): bool -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def sets(p1: str, p2: str) -> bool:
        """KSR.pv.sets(str, str): bool -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def unset(p1: str) -> bool:
        """KSR.pv.unset(str): bool -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
        ...
    @staticmethod
    def is_null(p1: str) -> bool:
        """KSR.pv.is_null(str): bool -- partial: only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set"""
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
        """KSR.kx.get_send_sock(): xval -- partial: no send socket can be forced (corex.set_send_socket is left out): always null"""
        ...
    @staticmethod
    def get_send_sock_name() -> str | int | None:
        """KSR.kx.get_send_sock_name(): xval -- partial: no send socket can be forced (corex.set_send_socket is left out): always null"""
        ...
    @staticmethod
    def get_send_sock_port() -> int:
        """KSR.kx.get_send_sock_port(): int -- partial: no send socket can be forced (corex.set_send_socket is left out): always 0"""
        ...
    @staticmethod
    def get_rcvip() -> str | int | None:
        """KSR.kx.get_rcvip(): xval -- complete"""
        ...
    @staticmethod
    def get_rcv_sock_name() -> str | int | None:
        """KSR.kx.get_rcv_sock_name(): xval -- partial: listen sockets have no names: always null"""
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
        """KSR.siputils.is_first_hop_mode(int): int -- partial: the mode is ignored: every mode tests as is_first_hop"""
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
        """KSR.corex.is_socket_name(str): int -- partial: listen sockets have no names: always -1"""
        ...
    @staticmethod
    def send_data(p1: str, p2: str) -> int:
        """KSR.corex.send_data(str, str): int -- complete"""
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
