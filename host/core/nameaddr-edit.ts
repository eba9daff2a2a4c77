// Writes to From/To parts ($fu, $fU, $fd, $fn and the $t* twins): lumps replacing the
// URI (or display name) inside the received header, as Kamailio's pv_set_from/to_attr.
// Two writes to the same header overlap, exactly as in Kamailio: call
// msg_apply_changes in between (conventions.md §f).
import type { MsgContext } from './context.js';
import { formatUri, tryParseUri } from '../sip/uri.js';
import { fromAddr, toAddr } from './sip-values.js';

export type AddrHeader = 'from' | 'to';
export type AddrPart = 'uri' | 'user' | 'host' | 'display';

function quoteDisplay(name: string): string {
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export function setAddrPart(ctx: MsgContext, which: AddrHeader, part: AddrPart, value: string | null): boolean {
  const hf = ctx.msg.header(which);
  const addr = which === 'from' ? fromAddr(ctx) : toAddr(ctx);
  if (!hf || !addr) return false;
  const buf = ctx.msg.buf;
  const uriStart = buf.indexOf(Buffer.from(addr.uriText, 'utf8'), hf.valueStart);
  const uriEnd = uriStart + Buffer.byteLength(addr.uriText, 'utf8');
  if (uriStart < 0 || uriEnd > hf.valueEnd) return false;
  if (part === 'display') {
    const angled = uriStart > hf.valueStart && buf[uriStart - 1] === 0x3c; /* '<' */
    const display = value ? `${quoteDisplay(value)} ` : '';
    if (angled) ctx.lumps.replace(hf.valueStart, uriStart - 1, display);
    else ctx.lumps.replace(uriStart, uriEnd, `${display}<${addr.uriText}>`);
    return true;
  }
  let text: string;
  if (part === 'uri') {
    if (!value || !tryParseUri(value)) return false;
    text = value;
  } else {
    const uri = tryParseUri(addr.uriText);
    if (!uri) return false;
    if (part === 'host' && !value) return false;
    text = formatUri(part === 'user' ? { ...uri, user: value ?? '' } : { ...uri, host: value! });
  }
  ctx.lumps.replace(uriStart, uriEnd, text);
  return true;
}
