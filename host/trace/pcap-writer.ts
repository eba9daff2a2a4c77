// A libpcap file (https://wiki.wireshark.org/Development/LibpcapFileFormat): the global header,
// then one record per SIP message (a frame from pcap-frame.ts). Bounded by size: a record that
// would pass maxBytes is refused and the caller stops the trace. Records are gathered and
// written once per event-loop turn, so a burst of messages costs one write, not one each.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildFrame, MAX_TCP_SEGMENT, type FrameEnds } from './pcap-frame.js';

export const PCAP_MAGIC = 0xa1b2c3d4;
export const LINKTYPE_ETHERNET = 1;
export const PCAP_GLOBAL_HEADER_BYTES = 24;
export const PCAP_RECORD_HEADER_BYTES = 16;
const SNAPLEN = 262_144;

export function pcapGlobalHeader(): Buffer {
  const h = Buffer.alloc(PCAP_GLOBAL_HEADER_BYTES);
  h.writeUInt32LE(PCAP_MAGIC, 0); // microsecond timestamps, written in this (little-endian) order
  h.writeUInt16LE(2, 4);
  h.writeUInt16LE(4, 6);
  h.writeInt32LE(0, 8); // GMT
  h.writeUInt32LE(0, 12); // sigfigs
  h.writeUInt32LE(SNAPLEN, 16);
  h.writeUInt32LE(LINKTYPE_ETHERNET, 20);
  return h;
}

export function pcapRecord(frame: Buffer, atMs: number): Buffer {
  const h = Buffer.alloc(PCAP_RECORD_HEADER_BYTES);
  const sec = Math.floor(atMs / 1000);
  h.writeUInt32LE(sec >>> 0, 0);
  h.writeUInt32LE(Math.round((atMs - sec * 1000) * 1000) % 1_000_000, 4);
  h.writeUInt32LE(frame.length, 8);
  h.writeUInt32LE(frame.length, 12);
  return Buffer.concat([h, frame]);
}

/** Flows kept for TCP sequence numbers; past this the table starts again (numbers only look off to Wireshark). */
const MAX_FLOWS = 10_000;

export class PcapWriter {
  private fd: number | null;
  private pending: Buffer[] = [];
  private flushScheduled = false;
  /** Bytes in the file, plus those pending. */
  bytes = 0;
  /** Next TCP sequence number per flow (src → dst), so a reader sees one stream, not retransmissions. */
  private readonly tcpSeq = new Map<string, number>();

  constructor(
    readonly path: string,
    private readonly maxBytes: number,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a trace an operator kept; the caller picks a new name
    this.fd = openSync(path, 'wx', 0o600);
    const header = pcapGlobalHeader();
    this.writeNow(header);
    this.bytes = header.length;
  }

  /** Adds the message's frames; false (and nothing written) when they would pass maxBytes, or the file is closed. */
  write(ends: FrameEnds, payload: Buffer, atMs: number): boolean {
    if (this.fd === null) return false;
    const records = this.framesOf(ends, payload).map((f) => pcapRecord(f, atMs));
    const size = records.reduce((n, r) => n + r.length, 0);
    if (this.bytes + size > this.maxBytes) return false;
    this.bytes += size;
    this.pending.push(...records);
    this.scheduleFlush();
    return true;
  }

  private framesOf(ends: FrameEnds, payload: Buffer): Buffer[] {
    if (ends.proto === 'udp') return [buildFrame(ends, payload)];
    const flow = `${ends.srcIp}|${ends.srcPort}|${ends.dstIp}|${ends.dstPort}`;
    let seq = this.tcpSeq.get(flow) ?? 1;
    const frames: Buffer[] = [];
    for (let at = 0; at < payload.length; at += MAX_TCP_SEGMENT) {
      const part = payload.subarray(at, at + MAX_TCP_SEGMENT);
      frames.push(buildFrame(ends, part, seq));
      seq = (seq + part.length) >>> 0;
    }
    if (this.tcpSeq.size >= MAX_FLOWS && !this.tcpSeq.has(flow)) this.tcpSeq.clear();
    this.tcpSeq.set(flow, seq);
    return frames;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes what is pending (a write error closes the file: the trace then stops on its next message). */
  flush(): void {
    this.flushScheduled = false;
    if (this.fd === null || this.pending.length === 0) return;
    const chunk = Buffer.concat(this.pending);
    this.pending = [];
    try {
      this.writeNow(chunk);
    } catch {
      this.close();
    }
  }

  private writeNow(b: Buffer): void {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd!, b, off, b.length - off);
  }

  get open(): boolean {
    return this.fd !== null;
  }

  close(): void {
    if (this.fd === null) return;
    const pending = this.pending;
    this.pending = [];
    const fd = this.fd;
    try {
      if (pending.length > 0) this.writeNow(Buffer.concat(pending));
    } catch {
      /* the file ends at the last whole write */
    } finally {
      this.fd = null;
      closeSync(fd);
    }
  }
}
