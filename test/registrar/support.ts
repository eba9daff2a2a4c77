// REGISTERs and INVITEs built per test, a fake clock, and a context factory whose core has
// its own Usrloc (memory unless a store and mode are given; its memory layer in a fresh shared
// state when test/shared/suites-shared.test.ts runs the suites).
import { SipMessage } from '../../host/sip/message.js';
import type { MsgContext } from '../../host/core/context.js';
import { Usrloc, type UsrlocOptions } from '../../host/registrar/usrloc.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn, type Call } from '../bindings/ksr-call.js';
import { sharedState } from '../support/shared-variant.js';

export class FakeClock {
  /** Milliseconds the clock moves after each reading (0: it stands until advance()). */
  tickMs = 0;
  constructor(public ms = 1_700_000_000_000) {}
  now = (): number => {
    const t = this.ms;
    this.ms += this.tickMs;
    return t;
  };
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface RegisterOptions {
  user?: string;
  callId?: string;
  cseq?: number;
  /** Contact header values; [] for none. */
  contacts?: string[];
  expires?: number;
  extra?: string[];
}

export function register(o: RegisterOptions = {}): string {
  const user = o.user ?? 'alice';
  const lines = [
    'REGISTER sip:localhost SIP/2.0',
    `Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-${Math.random().toString(36).slice(2)};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@localhost>;tag=f1`,
    `To: <sip:${user}@localhost>`,
    `Call-ID: ${o.callId ?? `reg-${user}`}`,
    `CSeq: ${o.cseq ?? 1} REGISTER`,
    ...(o.contacts ?? [`<sip:${user}@192.0.2.10:5062>`]).map((c) => `Contact: ${c}`),
    ...(o.expires !== undefined ? [`Expires: ${o.expires}`] : []),
    ...(o.extra ?? []),
    'Content-Length: 0',
    '',
    '',
  ];
  return lines.join('\r\n');
}

export function invite(user = 'alice', extra: string[] = []): string {
  return [
    `INVITE sip:${user}@localhost SIP/2.0`,
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-inv',
    'Max-Forwards: 70',
    'From: <sip:bob@localhost>;tag=b1',
    `To: <sip:${user}@localhost>`,
    'Call-ID: inv-1',
    'CSeq: 1 INVITE',
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export interface Registrar {
  core: RecordingCore;
  ul: Usrloc;
  clock: FakeClock;
  /** A context on this core for raw text, with a KSR caller. */
  on(raw: string, rcv?: Parameters<typeof makeContext>[1]): { ctx: MsgContext & { core: RecordingCore }; ksr: Call };
  /** The status line and headers of the last reply sent. */
  lastReply(): SipMessage;
}

export function registrar(opts: UsrlocOptions = {}): Registrar {
  const clock = new FakeClock();
  const ul = new Usrloc({ now: clock.now, shared: sharedState(), ...opts });
  const core = new RecordingCore(undefined, undefined, { usrloc: ul });
  return {
    core, ul, clock,
    on(raw, rcv = {}) {
      const ctx = makeContext(raw, { ...rcv, core });
      return { ctx, ksr: ksrOn(ctx) };
    },
    lastReply() {
      const r = core.replies[core.replies.length - 1];
      if (!r) throw new Error('test: no reply was sent');
      return SipMessage.parse(r.buf);
    },
  };
}

/**
 * The Contact entries of a reply, as "uri;params" texts; [] only when it has none. A Contact
 * that does not parse fails the test (SipParseError), it is not taken for "no Contact".
 */
export function replyContacts(reply: SipMessage): string[] {
  return reply.contacts().list.map((c) => c.raw.trim());
}
