export type Proto = 'udp' | 'tcp' | 'tls' | 'ws' | 'wss' | 'sctp';

/** Kamailio's protocol numbers (PROTO_UDP..PROTO_WSS): nathelper's alias parameters, $snd(proto). */
export const PROTO_NUMBER: Readonly<Record<Proto, number>> = { udp: 1, tcp: 2, tls: 3, sctp: 4, ws: 5, wss: 6 };
export const PROTO_BY_NUMBER: Readonly<Record<number, Proto>> = { 1: 'udp', 2: 'tcp', 3: 'tls', 4: 'sctp', 5: 'ws', 6: 'wss' };

/** Where a message came from and which local socket took it. */
export interface ReceiveInfo {
  proto: Proto;
  srcIp: string;
  srcPort: number;
  rcvIp: string;
  rcvPort: number;
  /** TCP connection id (0 for UDP). */
  conId: number;
  /** Milliseconds since the epoch when the message was read off the socket. */
  receivedAt: number;
}

/** A socket to listen on (config `listen:`). */
export interface ListenAddress {
  proto: 'udp' | 'tcp' | 'tls' | 'ws' | 'wss';
  ip: string;
  port: number;
  /** Kamailio's socket name (`listen=... name "s0"`): corex.set_send_socket_name, kx.get_rcv_sock_name. */
  name?: string;
}

/** Called for every message read off a socket (one datagram, or one framed TCP message). */
export type MessageHandler = (buf: Buffer, rcv: ReceiveInfo) => void;

export interface Destination {
  proto: 'udp' | 'tcp' | 'tls' | 'ws' | 'wss';
  ip: string;
  port: number;
  /** TLS: the host name the target was resolved from (the URI's host), for SNI and the server certificate's name check; absent: the IP is checked. */
  host?: string;
  /** Prefer this TCP connection (the one the request came on). */
  conId?: number;
  /** TCP: close the connection once these bytes are written (set_forward_close, set_reply_close). */
  close?: boolean;
  /** TCP: only an open connection may carry it; fail rather than connect (set_*_no_connect). */
  noConnect?: boolean;
  /** Send from this listen socket (corex.set_send_socket, sendx): UDP from it, TCP connecting from its address. */
  from?: { ip: string; port: number };
}

/** Counters a transport keeps for what it refused, readable through kemi.stats/core stats. */
export interface TransportCounters {
  /** Datagrams larger than udp.max_message_bytes, dropped. */
  udpDropped: number;
  /** Datagrams the kernel dropped on our UDP sockets (receive buffer full), from /proc/net/udp{,6}. */
  udpKernelDrops: number;
  /** Bytes waiting in our UDP sockets' receive buffers at the last reading. */
  udpRxQueueBytes: number;
  /** TCP connections we closed, for any of the reasons below but 'source-limit'. */
  tcpStreamsDropped: number;
  /** New TCP connections refused: their source already held tcp.max_connections_per_source. */
  tcpConnectionsRefused: number;
  /** Sends refused by the outbound guard (fixed rule or the `outbound` list). */
  outboundDenied: number;
  /** Closed at bytes that cannot be framed (after answering every complete message before them). */
  tcpFramingErrors: number;
  tcpIdleTimeouts: number;
  /** A message not complete within tcp.header_timeout_ms of its first byte (slowloris). */
  tcpHeaderTimeouts: number;
  /** Reading stopped for replies not read, and still blocked after tcp.send_timeout_ms. */
  tcpSendTimeouts: number;
  /** More than tcp.write_buffer_max_bytes of replies held for a peer. */
  tcpWriteOverflows: number;
  /** Evicted to make room for a new connection when the table was full. */
  tcpEvicted: number;
  /** Times reading stopped because a peer did not read its replies (tcp.write_buffer_bytes). */
  tcpReadPauses: number;
  /** Open TCP connections now (TLS ones included). */
  tcpConnectionsOpen: number;
  /** TLS connections closed because their handshake did not finish within tls.handshake_timeout_ms. */
  tlsHandshakeTimeouts: number;
  /** TLS handshakes that failed (bad bytes, old version, refused or unverifiable certificate), both ways. */
  tlsHandshakeFailures: number;
  /** Open WebSocket connections now (ws and wss; their sockets are not in tcpConnectionsOpen). */
  wsConnectionsOpen: number;
  /** Upgrades refused: no `sip` subprotocol, an Origin not allowed, a bad handshake, a plain HTTP request. */
  wsHandshakeRefused: number;
  /** Sockets on a ws/wss port that had not upgraded (TLS and HTTP) within tcp.header_timeout_ms. */
  wsHandshakeTimeouts: number;
  /** Frames over websocket.max_message_bytes: the connection was closed with 1009 (a frame bomb). */
  wsFramesTooLarge: number;
  /** Frames that were not one SIP message (no start line, Content-Length not the body's length). */
  wsBadFrames: number;
  /** Connections closed because a ping got no pong within websocket.pong_timeout_ms. */
  wsPongTimeouts: number;
}
