// The thread that owns the media relays' control socket (ng-client.ts explains why): plain
// JavaScript so it starts without a TypeScript loader. It sends one command, retransmits it
// every timeoutMs up to `tries` times, takes the first datagram from that relay that starts
// with the command's cookie, and hands the rest to the waiting caller through the shared
// buffer (slots: 0 DONE id, 1 LENGTH or a negative outcome, 2 READY).
import dgram from 'node:dgram';
import { workerData, parentPort } from 'node:worker_threads';

const { shared } = workerData;
const i32 = new Int32Array(shared, 0, 4);
const bytes = new Uint8Array(shared, 16);
const sockets = new Map();
let current = null;

function socketFor(family) {
  let s = sockets.get(family);
  if (s) return s;
  s = dgram.createSocket(family);
  s.on('message', onMessage);
  s.on('error', () => {});
  s.bind(0);
  sockets.set(family, s);
  return s;
}

function finish(id, outcome, payload) {
  if (!current || current.id !== id) return;
  clearTimeout(current.timer);
  current = null;
  let len = outcome;
  if (payload) {
    if (payload.length > bytes.length) {
      len = -3;
      payload = Buffer.from(`answer of ${payload.length} bytes, more than ${bytes.length}`);
    }
    bytes.set(payload.subarray(0, bytes.length), 0);
    if (len >= 0) len = payload.length;
    else Atomics.store(i32, 3, payload.length);
  }
  Atomics.store(i32, 1, len);
  Atomics.store(i32, 0, id);
  Atomics.notify(i32, 0);
}

function onMessage(msg, rinfo) {
  const c = current;
  if (!c || rinfo.port !== c.port || rinfo.address !== c.address) return;
  if (msg.length < c.cookie.length || !msg.subarray(0, c.cookie.length).equals(c.cookie)) return;
  let rest = msg.subarray(c.cookie.length);
  if (rest.length > 0 && rest[0] === 0x20) rest = rest.subarray(1);
  finish(c.id, 0, rest);
}

function attempt(c) {
  if (!current || current.id !== c.id) return;
  if (c.left-- <= 0) return finish(c.id, -2, null);
  c.socket.send(c.payload, c.port, c.address, (err) => {
    if (err) finish(c.id, -3, Buffer.from(`send failed: ${err.message}`));
  });
  c.timer = setTimeout(() => attempt(c), c.timeoutMs);
}

parentPort.on('message', (m) => {
  if (m === 'close') {
    for (const s of sockets.values()) s.close();
    parentPort.close();
    return;
  }
  if (current) finish(current.id, -2, null);
  const family = m.address.includes(':') ? 'udp6' : 'udp4';
  current = {
    id: m.id, address: m.address, port: m.port, cookie: Buffer.from(m.cookie, 'latin1'),
    payload: Buffer.from(m.payload), timeoutMs: m.timeoutMs, left: m.tries, timer: null, socket: null,
  };
  try {
    current.socket = socketFor(family);
  } catch (e) {
    return finish(m.id, -3, Buffer.from(`no socket: ${e.message}`));
  }
  attempt(current);
});

Atomics.store(i32, 2, 1);
Atomics.notify(i32, 2);
