// The `outbound` allow/deny list: where ksr-host may send. Rules are lines such as
// "allow 10.0.0.5:5060", "deny 192.168.0.0/16", "deny [fc00::/7]:5060-5099", "allow *:5060";
// the first rule that matches a destination decides, else the default action. Plain data, so
// settings can be cloned; the fixed rule (control endpoint, stores) is outbound-guard.ts's.
import { ipBytes, parseAddressRange, rangeContains, type AddressRange, type IpBytes } from './ip-address.js';

export type OutboundAction = 'allow' | 'deny';

export interface OutboundRule {
  action: OutboundAction;
  /** null: any address (`*`). */
  range: AddressRange | null;
  /** Inclusive port range; null: any port. */
  ports: { from: number; to: number } | null;
  /** The rule as written, for the log line of a denied send. */
  text: string;
}

export interface OutboundPolicy {
  defaultAction: OutboundAction;
  rules: OutboundRule[];
}

/** The embedded default: everything allowed, loopback included (local trials, the tests). */
export const DEFAULT_OUTBOUND: Readonly<OutboundPolicy> = Object.freeze({ defaultAction: 'allow', rules: [] });

const SYNTAX = 'expected "allow|deny TARGET" with TARGET one of *, ADDRESS, ADDRESS/PREFIX, each optionally with :PORT or :PORT-PORT (IPv6 in brackets when a port follows: [2001:db8::/32]:5060), or *:PORT';

function parsePorts(text: string, rule: string): { from: number; to: number } {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  const from = Number(m?.[1]);
  const to = m?.[2] !== undefined ? Number(m[2]) : from;
  if (!m || from < 1 || to > 65535 || from > to) throw new Error(`'${rule}': port '${text}' must be PORT or FROM-TO within 1..65535`);
  return { from, to };
}

/** "deny 10.0.0.0/8:5060-5070" → a rule; an Error saying what was expected otherwise. */
export function parseOutboundRule(text: string): OutboundRule {
  const m = /^\s*(allow|deny)\s+(\S+)\s*$/i.exec(text);
  if (!m) throw new Error(`'${text}': ${SYNTAX}`);
  const action = m[1]!.toLowerCase() as OutboundAction;
  const target = m[2]!;
  let addr: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.+))?$/.exec(target);
  if (bracketed) {
    addr = bracketed[1]!;
    portText = bracketed[2];
    if (portText === undefined && target.endsWith(':')) throw new Error(`'${text}': ${SYNTAX}`);
  } else if (target === '*' || /^[^:]*(:[^:]*)?$/.test(target)) {
    // IPv4 or *, with an optional :PORT
    const colon = target.indexOf(':');
    addr = colon < 0 ? target : target.slice(0, colon);
    portText = colon < 0 ? undefined : target.slice(colon + 1);
  } else {
    addr = target; // bare IPv6, no port
  }
  let range: AddressRange | null = null;
  if (addr !== '*') {
    try {
      range = parseAddressRange(addr);
    } catch (e) {
      throw new Error(`'${text}': address ${(e as Error).message}`);
    }
  }
  const ports = portText === undefined ? null : parsePorts(portText, text);
  return { action, range, ports, text: `${action} ${target}` };
}

export function parseOutboundPolicy(raw: { default?: string; rules?: readonly string[] }, key = 'outbound'): OutboundPolicy {
  const d = raw.default ?? DEFAULT_OUTBOUND.defaultAction;
  if (d !== 'allow' && d !== 'deny') throw new Error(`${key}.default: expected allow or deny, got '${d}'`);
  const rules = (raw.rules ?? []).map((r, i) => {
    try {
      return parseOutboundRule(r);
    } catch (e) {
      throw new Error(`${key}.rules[${i}]: ${(e as Error).message}`);
    }
  });
  return { defaultAction: d, rules };
}

export interface Verdict {
  allowed: boolean;
  /** The rule that decided, as written, or "default allow|deny". */
  rule: string;
}

function matches(rule: OutboundRule, ip: IpBytes, port: number): boolean {
  if (rule.ports && (port < rule.ports.from || port > rule.ports.to)) return false;
  return rule.range === null || rangeContains(rule.range, ip);
}

/** First match wins; an address that is not an IP literal is refused (names are resolved before). */
export function decideOutbound(policy: OutboundPolicy, ip: string, port: number): Verdict {
  const bytes = ipBytes(ip);
  if (!bytes) return { allowed: false, rule: `not an IP address: '${ip.slice(0, 80)}'` };
  return decideOutboundBytes(policy, bytes, port);
}

export function decideOutboundBytes(policy: OutboundPolicy, ip: IpBytes, port: number): Verdict {
  for (const r of policy.rules) if (matches(r, ip, port)) return { allowed: r.action === 'allow', rule: r.text };
  return { allowed: policy.defaultAction === 'allow', rule: `default ${policy.defaultAction}` };
}
