// The register-auth exchange in one process, without the network, for the benches that run a
// registrar script themselves (bench/crossing.ts, bench/registrar-loop.ts): USERS subscribers
// in an in-memory SQLite store, a recording core with digest authentication, and per exchange
// a REGISTER challenged with 401, then the same REGISTER with credentials, saved with a 200.
import { DigestAuth } from '../host/auth/digest-auth.js';
import type { MsgContext } from '../host/core/context.js';
import { checkRequestHeaders } from '../host/engine/engine.js';
import { openStore } from '../host/store/open-store.js';
import { makeContext, RecordingCore } from '../test/support/sip-fixtures.js';
import { challengeParams, credentialsValue } from '../test/auth/digest-client.js';
import { register } from '../test/auth/requests.js';

export const USERS = 200;

export interface RegistrarExchange {
  /** The core every message's context uses (its replies are read to follow the exchange). */
  readonly core: RecordingCore;
  /**
   * One exchange for user u (0..USERS-1), each message handed to `route` as the engine hands it
   * (required headers parsed on receipt); what route returned for the 401's and the 200's request.
   */
  run<T>(u: number, route: (ctx: MsgContext) => T): [T, T];
}

export async function registrarExchange(): Promise<RegistrarExchange> {
  const store = await openStore('sqlite::memory:');
  for (let u = 0; u < USERS; u++) await store.addSubscriber(`u${u}`, 'localhost', `pw${u}`);
  const core = new RecordingCore(undefined, undefined, { store, auth: (c) => new DigestAuth(c, { secret: 'bench-secret-0123456789' }) });
  let exchanges = 0;

  /** The context as the engine hands it to the route: the headers every request needs (top Via,
   *  From, To, Call-ID, CSeq) parsed on receipt (Engine.onMessage), so their parse is not
   *  counted in the first KSR function that reads one. */
  const received = (text: string): MsgContext => {
    const ctx = makeContext(text, { core });
    checkRequestHeaders(ctx.msg);
    return ctx;
  };

  return {
    core,
    run<T>(u: number, route: (ctx: MsgContext) => T): [T, T] {
      // a dialog of its own: the same Call-ID and CSeq 20 s later would be refused (cseq_delay)
      const n = ++exchanges;
      const text = (auth: string | null) => register(auth, `u${u}`).replace('Call-ID: reg-1@', `Call-ID: reg-${n}@`);
      core.replies.length = 0;
      const first = route(received(text(null)));
      const challenge = core.replies[0];
      if (challenge?.code !== 401) throw new Error(`expected a 401, got ${challenge?.code}`);
      const nonce = challengeParams(challenge.buf.toString()).get('nonce')!;
      const auth = credentialsValue({ username: `u${u}`, password: `pw${u}`, realm: 'localhost', nonce, method: 'REGISTER', uri: 'sip:localhost', nc: '00000001' });
      core.replies.length = 0;
      const second = route(received(text(auth)));
      if (core.replies[0]?.code !== 200) throw new Error(`expected a 200, got ${core.replies[0]?.code}`);
      return [first, second];
    },
  };
}
