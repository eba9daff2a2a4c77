// A small SIP user agent over UDP for flow tests (Kamailio's example scripts, NAT, IP trunks):
// bound to any loopback address (127.0.0.2 and up act as other hosts), it sends requests and
// answers digest challenges (401/407) once, and as a callee answers INVITEs as told (ring then
// 200, busy, ring until CANCEL), BYE and OPTIONS with 200. Every wait is bounded.
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { digestAuthorization, parseChallenge } from './digest-client.js';

export interface Reply {
  status: number;
  reason: string;
  text: string;
  header(name: string): string | undefined;
}

export type CalleeMode = 'answer' | 'busy' | 'ring' | 'unavailable';

export interface MiniUaOptions {
  /** Loopback address to bind (127.0.0.2 ...). */
  ip: string;
  user: string;
  /** The server the UA talks to. */
  server: { ip: string; port: number };
  /** The domain of its AoR (default the server's IP). */
  domain?: string;
  password?: string;
  /** What the Contact and Via say, when not the bound address: a phone behind NAT. */
  advertised?: { ip: string; port: number };
}

const id = () => randomBytes(6).toString('hex');

export function parseReply(text: string): Reply {
  const [first] = text.split('\r\n', 1);
  const m = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(first ?? '');
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  return {
    status: m ? Number(m[1]) : 0,
    reason: m?.[2] ?? '',
    text,
    header(name: string) {
      const re = new RegExp(`^(?:${name}):\\s*(.*)$`, 'im');
      return re.exec(head)?.[1]?.trim();
    },
  };
}

function headerOf(text: string, name: string): string[] {
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  return head.split('\r\n').filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
}

export class MiniUa {
  readonly sock = dgram.createSocket('udp4');
  port = 0;
  calleeMode: CalleeMode = 'answer';
  /** Requests this UA received (first lines), for assertions. */
  readonly received: string[] = [];
  /** The same requests whole. */
  readonly receivedTexts: string[] = [];
  private waiters: Array<{ match: (text: string) => boolean; resolve: (text: string) => void }> = [];
  private cseq = 1;

  constructor(readonly o: MiniUaOptions) {}

  static async start(o: MiniUaOptions): Promise<MiniUa> {
    const ua = new MiniUa(o);
    await new Promise<void>((resolve, reject) => {
      ua.sock.once('error', reject);
      ua.sock.bind(0, o.ip, () => resolve());
    });
    ua.port = ua.sock.address().port;
    ua.sock.on('message', (buf) => ua.onDatagram(buf.toString('latin1')));
    return ua;
  }

  get domain(): string {
    return this.o.domain ?? this.o.server.ip;
  }

  get aor(): string {
    return `sip:${this.o.user}@${this.domain}`;
  }

  get contactHost(): string {
    const a = this.o.advertised ?? { ip: this.o.ip, port: this.port };
    return `${a.ip}:${a.port}`;
  }

  close(): void {
    this.sock.close();
  }

  private onDatagram(text: string): void {
    const w = this.waiters.find((x) => x.match(text));
    if (w) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(text);
    }
    if (!text.startsWith('SIP/2.0')) this.onRequest(text);
  }

  private onRequest(text: string): void {
    const method = text.slice(0, text.indexOf(' '));
    this.received.push(text.split('\r\n', 1)[0]!);
    this.receivedTexts.push(text);
    if (method === 'ACK') return;
    if (method === 'INVITE') return this.onInvite(text);
    if (method === 'CANCEL') {
      this.respond(text, 200, 'OK');
      const invite = this.ringing.get(headerOf(text, 'call-id')[0] ?? '');
      if (invite) this.respond(invite, 487, 'Request Terminated', ';tag=callee');
      return;
    }
    this.respond(text, 200, 'OK');
  }

  private readonly ringing = new Map<string, string>();

  private onInvite(text: string): void {
    const callId = headerOf(text, 'call-id')[0] ?? '';
    if (this.calleeMode === 'busy') return this.respond(text, 486, 'Busy Here', ';tag=callee');
    if (this.calleeMode === 'unavailable') return this.respond(text, 503, 'Service Unavailable', ';tag=callee');
    this.respond(text, 180, 'Ringing', ';tag=callee');
    if (this.calleeMode === 'ring') return void this.ringing.set(callId, text);
    // answered a moment after ringing, as a phone is: a 200 sent right behind the 180 may be
    // relayed first by a proxy with several workers (Kamailio's children), and the 180 then dropped
    setTimeout(() => this.respond(text, 200, 'OK', ';tag=callee', [`Contact: <sip:${this.o.user}@${this.contactHost}>`]), 30);
  }

  /** A reply to a received request: its Via lines, From, To (+tag), Call-ID, CSeq, Record-Route. */
  private respond(req: string, code: number, reason: string, toTag = '', extra: string[] = []): void {
    const to = headerOf(req, 'to')[0] ?? 'To: <sip:x@y>';
    const lines = [
      `SIP/2.0 ${code} ${reason}`,
      ...headerOf(req, 'via'), ...headerOf(req, 'record-route'), ...headerOf(req, 'from'),
      /;tag=/i.test(to) || code === 100 ? to : `${to}${toTag}`,
      ...headerOf(req, 'call-id'), ...headerOf(req, 'cseq'), ...extra, 'Content-Length: 0', '', '',
    ];
    this.sendRaw(lines.join('\r\n'));
  }

  sendRaw(text: string, to = this.o.server): void {
    this.sock.send(Buffer.from(text, 'latin1'), to.port, to.ip);
  }

  /** Resolves with the first datagram that matches, or null after ms. */
  waitFor(match: (text: string) => boolean, ms = 3000): Promise<string | null> {
    return new Promise((resolve) => {
      const w = { match, resolve: (t: string) => (clearTimeout(timer), resolve(t)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(null);
      }, ms);
      this.waiters.push(w);
    });
  }

  /** Builds a request from this UA. */
  build(method: string, ruri: string, o: { to?: string; callId?: string; fromTag?: string; cseq?: number; headers?: string[]; body?: string; branch?: string; contact?: string } = {}): { text: string; branch: string; callId: string; fromTag: string } {
    const branch = o.branch ?? `z9hG4bK${id()}`;
    const callId = o.callId ?? `${id()}@${this.o.ip}`;
    const fromTag = o.fromTag ?? id();
    const body = o.body ?? '';
    const lines = [
      `${method} ${ruri} SIP/2.0`,
      `Via: SIP/2.0/UDP ${this.contactHost};branch=${branch};rport`,
      'Max-Forwards: 70',
      `From: <${this.aor}>;tag=${fromTag}`,
      `To: <${o.to ?? ruri}>`,
      `Call-ID: ${callId}`,
      `CSeq: ${o.cseq ?? this.cseq++} ${method}`,
      `Contact: ${o.contact ?? `<sip:${this.o.user}@${this.contactHost}>`}`,
      'User-Agent: ksr-host-test',
      ...(o.headers ?? []),
      ...(body ? ['Content-Type: application/sdp'] : []),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ];
    return { text: lines.join('\r\n'), branch, callId, fromTag };
  }

  /**
   * Sends a request and waits for its final reply (provisional ones collected), answering one
   * 401/407 with the UA's credentials when it has a password. Returns every reply's status.
   */
  async request(method: string, ruri: string, o: { to?: string; headers?: string[]; body?: string; contact?: string; waitMs?: number; auth?: boolean; onProvisional?: (r: Reply, sent: { branch: string; callId: string; fromTag: string; text: string }) => void } = {}): Promise<{ statuses: number[]; final: Reply | null; sent: { branch: string; callId: string; fromTag: string; text: string } }> {
    const statuses: number[] = [];
    let sent = this.build(method, ruri, o);
    let final = await this.exchange(sent, statuses, o.waitMs ?? 4000, o.onProvisional);
    if (final && (final.status === 401 || final.status === 407) && (o.auth ?? true) && this.o.password) {
      const challenge = parseChallenge(final.header(final.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate') ?? '');
      const name = final.status === 401 ? 'Authorization' : 'Proxy-Authorization';
      const cred = digestAuthorization(challenge, { username: this.o.user, password: this.o.password, method, uri: ruri });
      if (method === 'INVITE') this.ack(sent, final);
      sent = this.build(method, ruri, { ...o, callId: sent.callId, fromTag: sent.fromTag, headers: [...(o.headers ?? []), `${name}: ${cred}`] });
      final = await this.exchange(sent, statuses, o.waitMs ?? 4000, o.onProvisional);
    }
    return { statuses, final, sent };
  }

  /** Sends a built request and waits for its final reply (statuses collected). */
  async exchange(sent: { branch: string; text: string; callId: string; fromTag: string }, statuses: number[], waitMs: number, onProvisional?: (r: Reply, s: typeof sent) => void): Promise<Reply | null> {
    const deadline = Date.now() + waitMs;
    // RFC 3261 17.1.3: a reply belongs to the client transaction of its branch AND its CSeq
    // method; a CANCEL shares its INVITE's branch, so by branch alone the INVITE's 487 was
    // taken for the CANCEL's 200 (seen against Kamailio, which sent the 487 first)
    const cseqMethod = (t: string) => /^CSeq:\s*\d+\s+(\S+)/im.exec(t)?.[1];
    const method = cseqMethod(sent.text);
    const mine = (t: string) => t.startsWith('SIP/2.0') && t.includes(sent.branch) && (method === undefined || cseqMethod(t) === method);
    let next = this.waitFor(mine, waitMs);
    this.sendRaw(sent.text);
    for (;;) {
      const t = await next;
      if (!t) return null;
      const r = parseReply(t);
      statuses.push(r.status);
      if (r.status >= 200) return r;
      onProvisional?.(r, sent);
      next = this.waitFor(mine, Math.max(1, deadline - Date.now()));
    }
  }

  /** The ACK for a non-2xx final reply (same branch) or for a 2xx (new branch, to the Contact or through the Record-Route). */
  ack(sent: { branch: string; callId: string; fromTag: string; text: string }, final: Reply): void {
    const ruri = sent.text.slice(sent.text.indexOf(' ') + 1, sent.text.indexOf(' SIP/2.0'));
    const to = final.header('To') ?? '';
    const cseq = Number(/^CSeq:\s*(\d+)/im.exec(sent.text)?.[1] ?? 1);
    if (final.status >= 300) {
      const t = this.build('ACK', ruri, { callId: sent.callId, fromTag: sent.fromTag, cseq, branch: sent.branch }).text.replace(/^To: .*$/m, `To: ${to}`);
      return this.sendRaw(t);
    }
    this.sendRaw(this.inDialog('ACK', sent, final, cseq).text);
  }

  /** A request within the dialog the 2xx `final` made: Request-URI the remote Contact, Route from its Record-Route (reversed). */
  inDialog(method: string, sent: { callId: string; fromTag: string }, final: Reply, cseq: number): { text: string; branch: string } {
    const contact = /<([^>]+)>/.exec(final.header('Contact') ?? '')?.[1] ?? '';
    const rr = headerOf(final.text, 'record-route').flatMap((l) => l.slice(l.indexOf(':') + 1).split(',').map((v) => v.trim())).reverse();
    const built = this.build(method, contact, { callId: sent.callId, fromTag: sent.fromTag, cseq, headers: rr.map((r) => `Route: ${r}`) });
    return { text: built.text.replace(/^To: .*$/m, `To: ${final.header('To') ?? ''}`), branch: built.branch };
  }
}
