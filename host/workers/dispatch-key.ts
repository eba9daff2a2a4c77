// Which worker a message goes to, read from its bytes with one scan of the header lines (no
// parse, no string made): a reply whose top Via branch carries our worker marker goes to the
// worker that made the branch; anything else goes by a hash of its Call-ID, so every message
// of a transaction (request, retransmissions, CANCEL, ACK, replies) meets its transaction.
// A message without a Call-ID goes to worker 0, which answers it 400 as a single engine does.
import { COLON, COMMA, CR, DASH, HT, LF, SEMI, SP } from '../sip/char-codes.js';

/** The branch prefix of a worker's transactions: z9hG4bK + the server's instance + '-'. */
export function branchMarker(instance: string): Buffer {
  return Buffer.from(`z9hG4bK${instance}-`, 'latin1');
}

/** What each worker gives via.ts setBranchInstance: `<instance>-<index>-`. */
export function workerBranchInstance(instance: string, index: number): string {
  return `${instance}-${index}-`;
}

function lower(b: number): number {
  return b >= 65 && b <= 90 ? b + 32 : b;
}

/** True when buf[from, to) is `name` (lowercase ASCII), compared case-insensitively. */
function nameIs(buf: Uint8Array, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (lower(buf[from + i]!) !== name.charCodeAt(i)) return false;
  return true;
}

/** FNV-1a over buf[from, to), 32 bits. */
function fnv1a(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The worker index in a top Via's branch=<marker><index>-..., or -1. */
function markedWorker(buf: Uint8Array, from: number, to: number, marker: Uint8Array, workers: number): number {
  // the first Via value only: it ends at a comma
  let end = from;
  while (end < to && buf[end] !== COMMA) end++;
  for (let i = from; i + 7 + marker.length <= end; i++) {
    if (buf[i] !== SEMI) continue;
    let j = i + 1;
    while (j < end && (buf[j] === SP || buf[j] === HT)) j++;
    if (!nameIs(buf, j, j + 6, 'branch')) continue;
    j += 6;
    while (j < end && (buf[j] === SP || buf[j] === HT)) j++;
    if (buf[j] !== 61 /* = */) continue;
    j++;
    while (j < end && (buf[j] === SP || buf[j] === HT)) j++;
    for (let k = 0; k < marker.length; k++) if (buf[j + k] !== marker[k]) return -1;
    j += marker.length;
    let n = 0;
    let digits = 0;
    while (j < end && buf[j]! >= 48 && buf[j]! <= 57 && digits < 4) n = n * 10 + buf[j++]! - 48, digits++;
    return digits > 0 && buf[j] === DASH && n < workers ? n : -1;
  }
  return -1;
}

/**
 * The worker (0..workers-1) for a message. `marker` is branchMarker(instance): a reply whose
 * top Via branch starts with it and an index goes to that worker.
 */
export function workerFor(buf: Uint8Array, workers: number, marker: Uint8Array): number {
  if (workers <= 1) return 0;
  const isReply = buf[0] === 83 && buf[1] === 73 && buf[2] === 80 && buf[3] === 47; // "SIP/"
  let viaSeen = !isReply;
  let byCallId = -1;
  let i = 0;
  const len = buf.length;
  while (i < len && buf[i] !== LF) i++; // the first line
  i++;
  while (i < len) {
    const start = i;
    if (buf[i] === CR || buf[i] === LF) break; // the empty line: end of headers
    let colon = -1;
    while (i < len && buf[i] !== LF) {
      if (colon < 0 && buf[i] === COLON) colon = i;
      i++;
    }
    let lineEnd = i;
    if (lineEnd > start && buf[lineEnd - 1] === CR) lineEnd--;
    i++;
    if (colon < 0) continue;
    let nameEnd = colon;
    while (nameEnd > start && (buf[nameEnd - 1] === SP || buf[nameEnd - 1] === HT)) nameEnd--;
    if (!viaSeen && (nameIs(buf, start, nameEnd, 'via') || nameIs(buf, start, nameEnd, 'v'))) {
      viaSeen = true;
      const w = markedWorker(buf, colon + 1, lineEnd, marker, workers);
      if (w >= 0) return w;
      if (byCallId >= 0) return byCallId;
      continue;
    }
    if (nameIs(buf, start, nameEnd, 'call-id') || nameIs(buf, start, nameEnd, 'i')) {
      let from = colon + 1;
      let to = lineEnd;
      while (from < to && (buf[from] === SP || buf[from] === HT)) from++;
      while (to > from && (buf[to - 1] === SP || buf[to - 1] === HT)) to--;
      if (to > from) {
        byCallId = fnv1a(buf, from, to) % workers;
        if (viaSeen) return byCallId;
      }
    }
  }
  return byCallId >= 0 ? byCallId : 0;
}
