// Which listener a send leaves from: shared by the socket thread's transports and a worker's
// own UDP copies, which must choose alike.
/**
 * The listener a send to `ip` leaves from: the `from` address when it is one of them (the
 * script chose it, or the listener that took the message), else the first of the destination's
 * family (told by a ':': the address is an IP literal, the guard passed it). Per send: plain
 * loops. Also a worker's own UDP copies' choice (host/workers/worker-transports.ts), so both
 * send from the same socket.
 */
export function pickListener<T extends { ip: string; port: number }>(list: readonly T[], ip: string, from?: { ip: string; port: number }): T | undefined {
  if (from) for (const l of list) if (l.port === from.port && l.ip === from.ip) return l;
  const v6 = ip.includes(':');
  for (const l of list) if (l.ip.includes(':') === v6) return l;
  return undefined;
}
