import type { ReceiveInfo } from '../core/context.js';

/** Called for every message read off a socket (one datagram, or one framed TCP message). */
export type MessageHandler = (buf: Buffer, rcv: ReceiveInfo) => void;

export interface Destination {
  proto: 'udp' | 'tcp';
  ip: string;
  port: number;
  /** Prefer this TCP connection (the one the request came on). */
  conId?: number;
}

/** Counters a transport keeps for what it refused, readable through kemi.stats/core stats. */
export interface TransportCounters {
  udpDropped: number;
  tcpStreamsDropped: number;
  tcpConnectionsRefused: number;
  /** Sends refused by the outbound guard (fixed rule or the `outbound` list). */
  outboundDenied: number;
}
