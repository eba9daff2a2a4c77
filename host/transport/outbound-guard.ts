// The check every outgoing send passes (Transports.send): first the fixed rule, which no
// configuration lifts — nothing goes to an unspecified address, to our own control endpoint or
// to a configured store — then the `outbound` allow/deny list. A refusal is counted by the
// caller and logged here (at most LOG_BURST lines per LOG_WINDOW_MS, so a script that loops on
// a denied send cannot flood the log; the count of lines left out is in the next one).
import { networkInterfaces } from 'node:os';
import { ipBytes, parseAddressRange, rangeContains, type IpBytes } from './ip-address.js';
import { decideOutboundBytes, type OutboundPolicy, type Verdict } from './outbound-policy.js';

/** A service of ours a send must never reach: the control endpoint, a store. */
export interface ProtectedEndpoint {
  ip: string;
  port: number;
  /** What it is, for the log line ("control endpoint", "store redis"). */
  what: string;
}

export interface GuardLog {
  warn(obj: object, msg: string): void;
}

const LOOPBACK = [parseAddressRange('127.0.0.0/8'), parseAddressRange('::1')];
const UNSPECIFIED = [parseAddressRange('0.0.0.0/8'), parseAddressRange('::/128')];
/** SIP is unicast: a Via or Contact naming these (RFC 4475 bcast) would make us flood a network. */
const NOT_UNICAST = [parseAddressRange('255.255.255.255/32'), parseAddressRange('224.0.0.0/4'), parseAddressRange('ff00::/8')];
/** Verdicts kept per "ip|port" (the rules do not change while serving); emptied when full. */
const CACHE_LIMIT = 4096;
const LOG_BURST = 20;
const LOG_WINDOW_MS = 10_000;

interface Guarded {
  /** On this host: reachable at every local address, so refused on all of them. */
  local: boolean;
  ip: IpBytes;
  port: number;
  label: string;
}

export class OutboundGuard {
  private guarded: Guarded[] = [];
  private readonly cache = new Map<string, Verdict>();
  private localAddresses: IpBytes[] = [];
  private logWindowStart = 0;
  private logged = 0;
  private suppressed = 0;

  constructor(
    private readonly policy: OutboundPolicy,
    private readonly log: GuardLog,
  ) {}

  /** Sets the services the fixed rule protects (at start, once the store's name is resolved). */
  protect(endpoints: readonly ProtectedEndpoint[]): void {
    this.localAddresses = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((i) => ipBytes(i.address))).filter((x): x is IpBytes => x !== null);
    this.guarded = [];
    this.cache.clear();
    for (const e of endpoints) {
      const ip = ipBytes(e.ip);
      if (!ip) continue;
      this.guarded.push({ local: this.isLocal(ip), ip, port: e.port, label: `${e.what} ${e.ip.includes(':') ? `[${e.ip}]` : e.ip}:${e.port}` });
    }
  }

  get protectedEndpoints(): string[] {
    return this.guarded.map((g) => g.label);
  }

  /** May we send to ip:port? The verdict names the rule that decided. */
  check(ip: string, port: number): Verdict {
    const key = `${ip}|${port}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const verdict = this.decide(ip, port);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, verdict);
    return verdict;
  }

  private decide(ip: string, port: number): Verdict {
    const bytes = ipBytes(ip);
    if (!bytes) return { allowed: false, rule: `fixed rule: not an IP address: '${ip.slice(0, 80)}'` };
    if (UNSPECIFIED.some((r) => rangeContains(r, bytes))) return { allowed: false, rule: 'fixed rule: an unspecified address (it reaches this host)' };
    if (NOT_UNICAST.some((r) => rangeContains(r, bytes))) return { allowed: false, rule: 'fixed rule: a broadcast or multicast address' };
    for (const g of this.guarded) {
      if (g.port !== port) continue;
      if (g.local ? this.isLocal(bytes) : sameIp(g.ip, bytes)) return { allowed: false, rule: `fixed rule: ${g.label}${g.local ? ' (on every local address)' : ''}` };
    }
    return decideOutboundBytes(this.policy, bytes, port);
  }

  /**
   * The verdict for a send, as every transport asks it: a refusal is counted (into
   * counters.outboundDenied), logged and reported to onError; true when the send may go.
   */
  permits(proto: string, ip: string, port: number, counters: { outboundDenied: number }, onError?: (reason: string) => void): boolean {
    const verdict = this.check(ip, port);
    if (verdict.allowed) return true;
    counters.outboundDenied++;
    this.logDenied(proto, ip, port, verdict);
    onError?.(`outbound send to ${proto}:${ip}:${port} denied by ${verdict.rule}`);
    return false;
  }

  /** Logs a refused send, rate-limited. */
  logDenied(proto: string, ip: string, port: number, verdict: Verdict, now = Date.now()): void {
    if (now - this.logWindowStart >= LOG_WINDOW_MS) {
      this.logWindowStart = now;
      this.logged = 0;
    }
    if (this.logged >= LOG_BURST) {
      this.suppressed++;
      return;
    }
    this.logged++;
    const omitted = this.suppressed;
    this.suppressed = 0;
    this.log.warn({ dst: `${proto}:${ip.includes(':') ? `[${ip}]` : ip}:${port}`, rule: verdict.rule, ...(omitted ? { omittedLines: omitted } : {}) }, `outbound send denied by ${verdict.rule}`);
  }

  private isLocal(ip: IpBytes): boolean {
    return LOOPBACK.some((r) => rangeContains(r, ip)) || UNSPECIFIED.some((r) => rangeContains(r, ip)) || this.localAddresses.some((a) => sameIp(a, ip));
  }
}

function sameIp(a: IpBytes, b: IpBytes): boolean {
  return a.family === b.family && a.bytes.every((x, i) => x === b.bytes[i]);
}
