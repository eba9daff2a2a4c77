// What rtpengine and rtpproxy share: the relay sets, the control thread, the set a message
// selected (set_rtpengine_set / set_rtpproxy_set / setid_avp) and the failover loop: a relay
// that does not answer is disabled for disable_tout seconds and the next one is tried, at
// most queried_nodes_limit relays per command (Kamailio's rtpp_function_call loop).
import type { MsgContext } from '../core/context.js';
import type { ScriptLogger } from '../core/services.js';
import { disableRelay, selectRelay, type Relay, type RelaySet } from './relay-sets.js';
import type { RelaySettings } from './settings.js';
import { sharedExchange, type UdpExchange } from './udp-exchange.js';
import { avpNameOf } from '../core/avp-name.js';

let cookieSeq = 0;
const cookieBase = `${process.pid}_${Math.floor(Math.random() * 10000)}`;
export function nextCookie(): string {
  cookieSeq = (cookieSeq + 1) % 2 ** 31;
  return `${cookieBase}_${cookieSeq}`;
}

export type RelayAnswer = { relay: Relay; answer: Buffer };

export class RelayPool {
  readonly exchange: UdpExchange = sharedExchange();

  /** The setid AVP's name, read once from the settings. */
  private readonly setidAvp: string | null;

  constructor(readonly module: string, readonly settings: RelaySettings, readonly log: ScriptLogger) {
    this.setidAvp = settings.setidAvp ? avpNameOf(settings.setidAvp) : null;
  }

  get sets(): Map<number, RelaySet> {
    return this.settings.sets;
  }

  /** set_*_set: false when no such set exists. */
  choose(ctx: MsgContext, ids: number[]): boolean {
    const sets = ids.map((id) => this.sets.get(id));
    if (sets.some((s) => s === undefined)) return false;
    // per message (MsgContext.mediaRelaySets): [first call's set, next call's set], as Kamailio keeps them per message id
    ctx.mediaRelaySets = sets as RelaySet[];
    return true;
  }

  /** The set this call uses: the chosen one (a second chosen set serves the next call), the setid AVP's, else the default. */
  setFor(ctx: MsgContext, fn: string): RelaySet | null {
    const chosen = ctx.mediaRelaySets;
    if (chosen && chosen.length > 0) {
      const s = chosen[0]!;
      if (chosen.length > 1) ctx.mediaRelaySets = chosen.slice(1);
      return s;
    }
    const avp = this.setidAvp;
    if (avp) {
      const v = ctx.avps.get(avp)?.[0];
      if (v !== undefined) {
        if (typeof v !== 'number') {
          this.error(fn, `setid_avp $avp(${avp}) must hold an integer, got '${v}'`);
          return null;
        }
        const s = this.sets.get(v);
        if (!s) this.error(fn, `no relay set ${v} (from setid_avp); sets: ${[...this.sets.keys()].join(', ') || 'none'}`);
        return s ?? null;
      }
    }
    const s = this.sets.get(this.settings.setidDefault);
    if (!s) this.error(fn, `no relay in the default set ${this.settings.setidDefault} (modules.${this.module}.${this.module}_sock)`);
    return s ?? null;
  }

  /**
   * Sends one command to a relay of `set`, trying the next relay when one does not answer.
   * build makes the datagram for a cookie. null: no relay answered (logged).
   */
  send(fn: string, set: RelaySet, callId: string, build: (cookie: string) => Buffer, prefer?: Relay): RelayAnswer | null {
    const tried = new Set<Relay>();
    const now = Date.now();
    for (let n = 0; n < this.settings.queriedNodesLimit; n++) {
      const relay = n === 0 && prefer && prefer.disabledUntil <= now && set.relays.includes(prefer) ? prefer : selectRelay(set, callId, tried, Date.now());
      if (!relay) break;
      tried.add(relay);
      const cookie = nextCookie();
      const r = this.exchange.exchange({ address: relay.address, port: relay.port, cookie, payload: build(cookie), timeoutMs: this.settings.timeoutMs, tries: this.settings.tries });
      if (r.ok) return { relay, answer: r.answer };
      this.error(fn, `relay ${relay.url} does not respond (${r.error}), disabled for ${this.settings.disableSeconds} s`);
      disableRelay(relay, this.settings.disableSeconds, Date.now());
    }
    this.error(fn, `no available relay in set ${set.id} (${tried.size} tried)`);
    return null;
  }

  /** Sends to one given relay (ping, rpc), no failover. */
  sendTo(relay: Relay, build: (cookie: string) => Buffer): Buffer | null {
    const cookie = nextCookie();
    const r = this.exchange.exchange({ address: relay.address, port: relay.port, cookie, payload: build(cookie), timeoutMs: this.settings.timeoutMs, tries: this.settings.tries });
    return r.ok ? r.answer : null;
  }

  allRelays(): Relay[] {
    return [...this.sets.values()].flatMap((s) => s.relays);
  }

  error(fn: string, text: string): void {
    this.log.log('error', `KSR.${this.module}.${fn}: ${text}`);
  }
}
