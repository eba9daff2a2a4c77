// Facts about the message and this server, as Kamailio's pv module shows them: $bs (body
// size), $cl (Content-Length), $cT (Content-Type), $mi (message id), $mt (1 request, 2 reply),
// $pp (process id), $rv (SIP version), $su (source URI), $rc/$retcode (the last int a KSR
// function returned), and the times: $Ts/$Tf when the message
// was received (seconds / ctime text, the same for the whole message), $TS/$TF now.
import { messageIdOf, type MsgContext } from './context.js';
import type { PvDeclarations } from './pv.js';
import { sourceUri } from './sip-values.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** ctime(3) without its newline, in local time: "Sat Dec  5 16:54:09 2026". */
export function ctimeText(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getDate()).padStart(2, ' ');
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${day} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

function contentLength(ctx: MsgContext): number | null {
  if (!ctx.msg.hasHeader('content-length')) return null;
  try {
    return ctx.msg.contentLength() ?? null;
  } catch {
    return null;
  }
}

export const MESSAGE_INFO_PVS: PvDeclarations = {
  bs: { hasArg: false, get: (ctx) => ctx.msg.body().length },
  cl: { hasArg: false, get: contentLength },
  cT: { hasArg: false, get: (ctx) => ctx.msg.header('content-type')?.value ?? null },
  mi: { hasArg: false, get: messageIdOf },
  mt: { hasArg: false, get: (ctx) => (ctx.msg.isRequest ? 1 : 2) },
  // Kamailio's $rc is the code of the last cfg action; a KEMI script runs none, so here it is
  // the last int a KSR function returned (0 before any)
  rc: { hasArg: false, get: (ctx) => ctx.lastReturnCode },
  retcode: { hasArg: false, get: (ctx) => ctx.lastReturnCode },
  pp: { hasArg: false, get: () => process.pid },
  rv: { hasArg: false, get: (ctx) => ctx.msg.version },
  su: { hasArg: false, get: sourceUri },
  Ts: { hasArg: false, get: (ctx) => Math.floor(ctx.rcv.receivedAt / 1000) },
  Tf: { hasArg: false, get: (ctx) => ctimeText(ctx.rcv.receivedAt) },
  TS: { hasArg: false, get: () => Math.floor(Date.now() / 1000) },
  TF: { hasArg: false, get: () => ctimeText(Date.now()) },
};
