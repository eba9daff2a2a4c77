// is_audio_on_hold(): an SDP audio stream put on hold. Kamailio's SDP parser marks a stream
// RFC 3264 hold (2) for a=sendonly or a=inactive on the stream, else RFC 2543 hold (1) when
// its connection address (its own c=, or the session's) is 0.0.0.0; the first audio stream
// on hold gives the code, -1 when none is (or the body is not SDP).
import type { MsgContext } from '../core/context.js';

export const RFC2543_HOLD = 1;
export const RFC3264_HOLD = 2;

function connectionAddress(line: string): string | null {
  const m = /^c=IN\s+IP[46]\s+([^\s/]+)/i.exec(line);
  return m ? m[1]! : null;
}

/** The hold code of each media stream of an SDP body. */
function streamHolds(sdp: string): Array<{ media: string; hold: number }> {
  const out: Array<{ media: string; hold: number }> = [];
  let sessionAddr: string | null = null;
  let cur: { media: string; addr: string | null; direction: number } | null = null;
  const close = () => {
    if (!cur) return;
    const addr = cur.addr ?? sessionAddr;
    out.push({ media: cur.media, hold: cur.direction || (addr === '0.0.0.0' ? RFC2543_HOLD : 0) });
  };
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) {
      close();
      cur = { media: line.slice(2).split(' ')[0]!.toLowerCase(), addr: null, direction: 0 };
    } else if (line.startsWith('c=')) {
      if (cur) cur.addr = connectionAddress(line);
      else sessionAddr = connectionAddress(line);
    } else if (cur && /^a=(sendonly|inactive)\s*$/i.test(line)) {
      cur.direction = RFC3264_HOLD;
    }
  }
  close();
  return out;
}

export function audioOnHold(ctx: MsgContext): number {
  const m = ctx.msg;
  const type = (m.contentType() ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/sdp' || m.bodyOffset >= m.buf.length) return -1;
  const hit = streamHolds(m.body().toString('latin1')).find((s) => s.media === 'audio' && s.hold > 0);
  return hit ? hit.hold : -1;
}
