// Copies of a listening UDP socket's descriptor, for worker threads that send from it
// themselves (issue 9: the send hop). Node 20 has no dup(), and a worker's dgram socket opened on
// the listener's own descriptor would close it when the worker ends; so each copy is made by the
// kernel, by passing the socket to a short-lived helper process over its IPC channel and back
// (SCM_RIGHTS twice): what comes back is a new descriptor of the same socket, owned by whoever
// opens it. A worker opens its copy, never reads from it (the socket thread does) and sends
// from it, so its datagrams leave from the listening address and port; when the worker ends, its
// copy closes and the listener does not.
//
// Two of Node's dgram internals are used, here only: the socket's handle (to stop reading and to
// name its descriptor), reached by its state symbol, not `_handle` (deprecated, DEP0112).
// Without them (another Node), dupUdpDescriptors throws and the server keeps the hop.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { literalLookup } from './literal-lookup.js';

interface UdpHandle {
  fd: number;
  recvStop(): number;
}

function handleOf(socket: dgram.Socket): UdpHandle {
  const sym = Object.getOwnPropertySymbols(socket).find((s) => s.description === 'state symbol');
  const handle = sym ? (socket as unknown as Record<symbol, { handle?: UdpHandle }>)[sym]?.handle : undefined;
  if (!handle || typeof handle.fd !== 'number' || typeof handle.recvStop !== 'function') {
    throw new Error(`expected a dgram socket's handle with fd and recvStop (Node ${process.version}), found none`);
  }
  return handle;
}

/** The helper: every socket it is given goes back at once; it never reads from one. */
const ECHO = `process.on('message', (m, s) => {
  if (!s) return;
  const sym = Object.getOwnPropertySymbols(s).find((x) => x.description === 'state symbol');
  s[sym].handle.recvStop();
  process.send(m, s, () => s.close());
});
process.on('disconnect', () => process.exit(0));`;

/** A copy of a UDP listener's descriptor as a worker is given it (structured-cloneable): the listener's address, the descriptor, its family. */
export interface UdpCopyInit {
  ip: string;
  port: number;
  fd: number;
  type: 'udp4' | 'udp6';
}

/** A copy of a socket's descriptor and the socket object that holds it in this thread (kept, never closed: closing it closes the copy). */
export interface UdpCopy {
  fd: number;
  type: 'udp4' | 'udp6';
  holder: dgram.Socket;
}

/**
 * `copies` new descriptors of each socket in `sockets` (result[i][j]: socket i, copy j), each
 * held by a dgram socket of this thread that does not read. Rejects after `timeoutMs`.
 */
export async function dupUdpDescriptors(sockets: dgram.Socket[], copies: number, timeoutMs = 10_000): Promise<UdpCopy[][]> {
  for (const s of sockets) handleOf(s);
  const types = sockets.map((s) => (s.address().family === 'IPv6' ? 'udp6' : 'udp4') as UdpCopy['type']);
  const child = spawn(process.execPath, ['-e', ECHO], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const out: UdpCopy[][] = sockets.map(() => []);
  try {
    await new Promise<void>((resolve, reject) => {
      let left = sockets.length * copies;
      const timer = setTimeout(() => reject(new Error(`the descriptor copies took longer than ${timeoutMs} ms (${left} missing)`)), timeoutMs);
      child.once('error', (e) => (clearTimeout(timer), reject(e)));
      child.once('exit', (code) => left > 0 && (clearTimeout(timer), reject(new Error(`the helper that copies descriptors exited with ${code}`))));
      child.on('message', (m: { i: number }, copy?: dgram.Socket) => {
        if (!copy) return;
        // this thread must not read from the copy: the listener does
        const h = handleOf(copy);
        h.recvStop();
        out[m.i]!.push({ fd: h.fd, type: types[m.i]!, holder: copy });
        if (--left === 0) (clearTimeout(timer), resolve());
      });
      if (copies === 0) return (clearTimeout(timer), resolve());
      sockets.forEach((s, i) => {
        for (let j = 0; j < copies; j++) child.send({ i }, s as never);
      });
    });
  } finally {
    if (child.connected) child.disconnect();
    if (child.exitCode === null) child.kill();
  }
  return out;
}

/**
 * A dgram socket of this thread on a copy made by dupUdpDescriptors, that sends and never reads.
 * The copy is this socket's from now on: it closes with it, or when its thread ends.
 */
export function openUdpCopy(fd: number, type: 'udp4' | 'udp6'): dgram.Socket {
  // an IP literal is its own address: no dns.lookup per send (as the listener's own, udp-listener.ts)
  const socket = dgram.createSocket({ type, lookup: literalLookup as never });
  // binding on a descriptor starts reading synchronously; stopped before this thread's loop polls it
  socket.bind({ fd });
  handleOf(socket).recvStop();
  // ICMP errors on send surface here; a send failure is not fatal (as the listener's own)
  socket.on('error', () => {});
  return socket;
}
