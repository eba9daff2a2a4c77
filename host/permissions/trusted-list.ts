// permissions' trusted table in memory: rules by source address (compared as strings, as
// Kamailio does), each address's rules by priority, highest first (equal ones in load order).
// A rule matches when its proto is "any" (or the call's proto is), its from_pattern (if any)
// matches the From URI and its ruri_pattern (if any) the Request-URI; patterns are POSIX-like
// regular expressions run by host/text/regex.ts.
import { compileRegex, regexTest, RegexError } from '../text/regex.js';
import type { RE2JS } from 're2js';

export interface TrustedRow {
  src_ip: string;
  proto: string;
  from_pattern: string | null;
  ruri_pattern: string | null;
  tag: string | null;
  priority: number;
}

const PROTOS = new Set(['any', 'udp', 'tcp', 'tls', 'sctp', 'ws', 'wss']);

interface Rule {
  row: TrustedRow;
  /** '' for any. */
  proto: string;
  from: RE2JS | null;
  ruri: RE2JS | null;
}

export class TrustedList {
  private readonly bySource = new Map<string, Rule[]>();
  readonly refused: string[] = [];

  constructor(rows: readonly TrustedRow[]) {
    for (const [i, r] of rows.entries()) {
      const why = this.add(r);
      if (why) this.refused.push(`row ${i + 1} (${JSON.stringify(r.src_ip)}): ${why}`);
    }
    for (const rules of this.bySource.values()) rules.sort((a, b) => b.row.priority - a.row.priority);
  }

  private add(r: TrustedRow): string | null {
    const proto = r.proto.toLowerCase();
    if (proto === 'none') return null; // Kamailio skips such rows silently
    if (!PROTOS.has(proto)) return `proto ${JSON.stringify(r.proto)}: expected any, udp, tcp, tls, sctp, ws, wss or none`;
    let from: RE2JS | null = null;
    let ruri: RE2JS | null = null;
    try {
      if (r.from_pattern) from = compileRegex(r.from_pattern);
      if (r.ruri_pattern) ruri = compileRegex(r.ruri_pattern);
    } catch (e) {
      if (e instanceof RegexError) return e.message;
      throw e;
    }
    const rules = this.bySource.get(r.src_ip) ?? [];
    const same = rules.some((x) => JSON.stringify(x.row) === JSON.stringify(r));
    if (!same) rules.push({ row: r, proto: proto === 'any' ? '' : proto, from, ruri });
    this.bySource.set(r.src_ip, rules);
    return null;
  }

  /**
   * The tags of the matching rules (null for a rule without tag): the first only, or every one
   * (peer_tag_mode 1). Empty: no rule matched. `proto` '' (any) matches every rule's proto.
   */
  match(srcIp: string, proto: string, fromUri: string, ruri: string | null, all: boolean): Array<string | null> {
    const out: Array<string | null> = [];
    for (const rule of this.bySource.get(srcIp) ?? []) {
      if (rule.proto !== '' && proto !== '' && rule.proto !== proto) continue;
      // the patterns apply to SIP messages only (Kamailio skips them otherwise); ruri null: not a request
      if (rule.from && !regexTest(rule.from, fromUri)) continue;
      if (rule.ruri && ruri !== null && !regexTest(rule.ruri, ruri)) continue;
      out.push(rule.row.tag);
      if (!all) break;
    }
    return out;
  }

  /** permissions.trustedDump. */
  dump(): Array<{ ip: string; proto: string; pattern: string; ruri_pattern: string; tag: string; priority: number }> {
    const out = [];
    for (const [ip, rules] of this.bySource) {
      for (const { row } of rules) {
        out.push({ ip, proto: row.proto.toLowerCase(), pattern: row.from_pattern ?? 'NULL', ruri_pattern: row.ruri_pattern ?? 'NULL', tag: row.tag ?? 'NULL', priority: row.priority });
      }
    }
    return out;
  }

  get size(): number {
    let n = 0;
    for (const l of this.bySource.values()) n += l.length;
    return n;
  }
}
