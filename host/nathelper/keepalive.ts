// NAT keepalives (Kamailio's nh_timer): every natping_interval seconds each registered binding
// (only those with nat_bflag set when ping_nated_only) gets a ping at its received address (or
// its Contact): a SIP request (sipping_bflag set on the binding, or on every binding when
// ping_nated_only is 0) or 4 zero bytes over UDP. Only UDP bindings are pinged. The round is
// spread over the interval: one snapshot of the location table per round, a slice of it sent
// each second, at most max_pings_per_tick per second. keepalive_timeout > 0: a binding pinged
// with SIP requests that has not answered (nor re-registered) for that long is removed.
// Runs in the primary thread only (the location table is shared by the workers).
import { isIP } from 'node:net';
import type { CoreServices, ScriptLogger } from '../core/services.js';
import type { LocationRecord } from '../store/store.js';
import { tryParseUri } from '../sip/uri.js';
import { sendLocalRequest } from '../tm/local-request.js';
import type { NathelperSettings } from './settings.js';

/** Kamailio's sbuf: the 4-byte UDP keepalive. */
export const UDP_PING = Buffer.alloc(4, 0);

/** Most bindings whose keepalive answers are tracked (keepalive_timeout). */
const MAX_TRACKED = 200_000;

export interface PingTarget {
  table: string;
  rec: LocationRecord;
}

export interface PingStats {
  rounds: number;
  udpPings: number;
  sipPings: number;
  sipReplies: number;
  removed: number;
  skipped: number;
}

export class NatPinger {
  enabled = true;
  readonly stats: PingStats = { rounds: 0, udpPings: 0, sipPings: 0, sipReplies: 0, removed: 0, skipped: 0 };
  private timer: NodeJS.Timeout | null = null;
  private round: PingTarget[] = [];
  private tick = 0;
  /** How many of the round each second sends: the round's size over the interval, at most max_pings_per_tick. */
  private perTick = 0;
  private counter = 0;
  /** ruid → last time (ms) the binding answered a SIP ping (or was first pinged). */
  private readonly lastAnswer = new Map<string, number>();

  constructor(
    private readonly core: CoreServices,
    private readonly settings: NathelperSettings,
    private readonly log: ScriptLogger,
    private readonly now: () => number = Date.now,
  ) {}

  get active(): boolean {
    return this.settings.natping_interval > 0;
  }

  start(): void {
    if (!this.active || this.timer) return;
    this.timer = setInterval(() => this.onTick(), 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One second of the round: a fresh snapshot at its first second, then this second's slice. */
  onTick(): void {
    if (!this.enabled) return;
    const interval = this.settings.natping_interval;
    if (this.tick === 0) this.startRound();
    const slice = this.round.splice(0, this.perTick);
    for (const t of slice) this.ping(t);
    this.tick = (this.tick + 1) % interval;
  }

  /** Sends a whole round at once (tests, the RPC). */
  pingAll(): number {
    this.startRound();
    const all = this.round.splice(0, this.round.length);
    for (const t of all) this.ping(t);
    return all.length;
  }

  private startRound(): void {
    this.stats.rounds++;
    let dump: Array<{ table: string; records: LocationRecord[] }>;
    try {
      dump = this.core.usrloc.dump(this.settings.max_pings_per_tick * this.settings.natping_interval);
    } catch (e) {
      this.log.log('error', `nathelper: natping: failed to fetch contacts: ${(e as Error).message}`);
      this.round = [];
      return;
    }
    const limit = this.settings.max_pings_per_tick * Math.max(1, this.settings.natping_interval);
    const round: PingTarget[] = [];
    for (const { table, records } of dump) for (const rec of records) if (round.length < limit && this.wanted(rec)) round.push({ table, rec });
    this.round = this.expire(round);
    this.perTick = Math.min(this.settings.max_pings_per_tick, Math.ceil(this.round.length / Math.max(1, this.settings.natping_interval)));
  }

  private flag(bit: number): number {
    return bit < 0 ? 0 : 2 ** bit;
  }

  private wanted(rec: LocationRecord): boolean {
    if (this.settings.filter_server_id && rec.serverId !== this.core.usrloc.serverId) return false;
    const flags = rec.cflags >>> 0;
    if (this.settings.ping_nated_only && !(flags & this.flag(this.settings.nat_bflag))) return false;
    return !(flags & this.flag(this.settings.natping_disable_bflag));
  }

  private sipPing(rec: LocationRecord): boolean {
    const sipping = this.flag(this.settings.sipping_bflag);
    if (sipping === 0) return false;
    return (rec.cflags & sipping) !== 0 || this.settings.ping_nated_only === 0;
  }

  /**
   * The address to ping: for a SIP ping of a binding with a Path, its first hop (the edge proxy
   * that holds the NAT binding); else the received address, else the Contact. UDP only, an IP
   * literal (no DNS in a timer).
   */
  private destination(rec: LocationRecord, sip: boolean): { ip: string; port: number; uri: string } | null {
    const firstHop = sip && rec.path ? /<([^>]+)>/.exec(rec.path)?.[1] : undefined;
    const uriText = firstHop ?? (rec.received || rec.contact);
    const uri = tryParseUri(uriText);
    if (!uri || uri.scheme === 'tel') return null;
    const transport = (uri.params.get('transport') ?? 'udp').toLowerCase();
    if (transport !== 'udp' || uri.scheme === 'sips') return null;
    if (isIP(uri.host) === 0) return null;
    const host = uri.hostType === 'ipv6' ? `[${uri.host}]` : uri.host;
    return { ip: uri.host, port: uri.port || 5060, uri: `sip:${host}:${uri.port || 5060}` };
  }

  private ping({ table, rec }: PingTarget): void {
    const sip = this.sipPing(rec);
    const dst = this.destination(rec, sip);
    if (!dst) {
      this.stats.skipped++;
      return;
    }
    if (sip) this.sendSipPing(table, rec, dst.uri);
    else this.sendUdpPing(dst.ip, dst.port, rec);
  }

  private socketOf(rec: LocationRecord): { ip: string; port: number } | undefined {
    const s = this.settings.force_socket || rec.socket;
    const m = /^(?:udp:)?(\[[^\]]+\]|[^:]+):(\d+)$/.exec(s);
    return m ? { ip: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) } : undefined;
  }

  private sendUdpPing(ip: string, port: number, rec: LocationRecord): void {
    const from = this.socketOf(rec);
    this.stats.udpPings++;
    this.core.send(UDP_PING, { proto: 'udp', ip, port, ...(from ? { from } : {}) }, (why) =>
      this.log.log('warn', `nathelper: natping to ${ip}:${port} failed: ${why}`),
    );
  }

  private sendSipPing(table: string, rec: LocationRecord, dst: string): void {
    const from = this.socketOf(rec);
    const tag = `${rec.ruid}-${(++this.counter).toString(16)}`;
    const key = `${table}\u0000${rec.ruid}`;
    if (!this.lastAnswer.has(key) && this.lastAnswer.size < MAX_TRACKED) this.lastAnswer.set(key, this.now());
    this.stats.sipPings++;
    const sent = sendLocalRequest(
      this.core,
      {
        method: this.settings.sipping_method, ruri: rec.contact, from: `<${this.settings.sipping_from}>;tag=${tag}`, to: `<${rec.contact}>`, dst,
        // through the edge proxies the REGISTER came by (Path), as Kamailio's build_sipping does
        ...(rec.path ? { headers: [`Route: ${rec.path}`] } : {}),
        ...(from ? { socket: `udp:${from.ip.includes(':') ? `[${from.ip}]` : from.ip}:${from.port}` } : {}),
      },
      (r) => {
        if (r.reply === null) return;
        this.stats.sipReplies++;
        if (this.lastAnswer.has(key)) this.lastAnswer.set(key, this.now());
      },
    );
    if (!sent) this.log.log('warn', `nathelper: SIP ping to ${rec.contact} could not be built`);
  }

  /** keepalive_timeout: bindings of this round that have not answered within it (nor re-registered) are removed. */
  private expire(round: PingTarget[]): PingTarget[] {
    const timeoutMs = this.settings.keepalive_timeout * 1000;
    if (timeoutMs <= 0) return round;
    const kept: PingTarget[] = [];
    const now = this.now();
    const live = new Set<string>();
    for (const { table, rec } of round) {
      const key = `${table}\u0000${rec.ruid}`;
      live.add(key);
      const answered = this.lastAnswer.get(key);
      const seen = Math.max(answered ?? now, rec.lastModified * 1000);
      if (answered === undefined || !this.sipPing(rec) || now - seen <= timeoutMs) {
        kept.push({ table, rec });
        continue;
      }
      try {
        this.core.usrloc.remove(table, rec);
        this.stats.removed++;
        this.log.log('info', `nathelper: binding ${rec.contact} of ${rec.username} removed: no answer to keepalives for ${Math.round((now - seen) / 1000)} s`);
      } catch (e) {
        this.log.log('error', `nathelper: removing ${rec.contact} failed: ${(e as Error).message}`);
      }
      this.lastAnswer.delete(key);
    }
    for (const key of this.lastAnswer.keys()) if (!live.has(key)) this.lastAnswer.delete(key);
    return kept;
  }
}
