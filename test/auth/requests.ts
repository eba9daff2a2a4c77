// SIP requests for the auth tests, carrying given credentials; a small SyncStore of
// subscribers (Kamailio's columns) that can be switched off like a database that went away.
import { checkRow, type TableLayout, type TableRow } from '../../host/store/module-tables.js';
import { createHash } from 'node:crypto';
import { StoreUnavailable, type Subscriber, type SyncStore } from '../../host/store/store.js';
import { MemoryKv } from '../../host/store/kv.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Each request a branch of its own: the same branch again is a retransmission (nonce-counts.ts). */
let requests = 0;

export function register(auth: string | null, user = 'alice', domain = 'localhost', branch = `z9hG4bK-reg-${++requests}`): string {
  return [
    `REGISTER sip:${domain} SIP/2.0`,
    `Via: SIP/2.0/UDP 192.0.2.10:5062;branch=${branch};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@${domain}>;tag=a73kszlfl`,
    `To: <sip:${user}@${domain}>`,
    'Call-ID: reg-1@192.0.2.10',
    'CSeq: 1 REGISTER',
    `Contact: <sip:${user}@192.0.2.10:5062>`,
    ...(auth ? [`Authorization: ${auth}`] : []),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export const INVITE_BODY = 'v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n';

export function invite(proxyAuth: string | null, from = 'alice', domain = 'localhost'): string {
  return [
    'INVITE sip:bob@localhost SIP/2.0',
    `Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-inv-${++requests}`,
    'Max-Forwards: 70',
    `From: <sip:${from}@${domain}>;tag=f1`,
    'To: <sip:bob@localhost>',
    'Call-ID: inv-1@192.0.2.10',
    'CSeq: 2 INVITE',
    'Contact: <sip:alice@192.0.2.10:5062>',
    ...(proxyAuth ? [`Proxy-Authorization: ${proxyAuth}`] : []),
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(INVITE_BODY)}`,
    '',
    INVITE_BODY,
  ].join('\r\n');
}

/** Subscribers in memory; `down = true` makes every call throw StoreUnavailable. */
export class MemoryStore implements SyncStore {
  readonly kind = 'memory';
  readonly description = 'memory (auth tests)';
  down = false;
  lookups = 0;
  private readonly rows = new Map<string, Subscriber>();

  add(username: string, domain: string, password: string, keepPassword = true): this {
    this.rows.set(`${username}@${domain}`, {
      username, domain, password: keepPassword ? password : '',
      ha1: md5(`${username}:${domain}:${password}`),
      ha1b: md5(`${username}@${domain}:${domain}:${password}`),
    });
    return this;
  }

  subscriber(username: string, domain: string): Subscriber | null {
    this.lookups++;
    if (this.down) throw new StoreUnavailable('memory', 'connection refused (test)');
    return this.rows.get(`${username}@${domain}`) ?? null;
  }

  locations(): never { throw new Error('not used by auth'); }
  putLocation(): never { throw new Error('not used by auth'); }
  deleteLocation(): never { throw new Error('not used by auth'); }
  deleteAor(): never { throw new Error('not used by auth'); }
  takeExpired(): never { throw new Error('not used by auth'); }
  allLocations(): never { throw new Error('not used by auth'); }
  ping(): void {
    if (this.down) throw new StoreUnavailable('memory', 'connection refused (test)');
  }
  async close(): Promise<void> {}

  /** Module tables (host/store/module-tables.ts) in memory: each row gets an id and every column (default or null). */
  private readonly tables = new Map<string, TableRow[]>();
  private nextId = 1;
  tableRows(table: TableLayout, limit = -1): TableRow[] {
    if (this.down) throw new StoreUnavailable('memory', 'connection refused (test)');
    const rows = (this.tables.get(table.name) ?? []).map((r) => ({ ...r }));
    return limit < 0 ? rows : rows.slice(0, limit);
  }
  insertRow(table: TableLayout, row: TableRow): void {
    if (this.down) throw new StoreUnavailable('memory', 'connection refused (test)');
    const full: TableRow = { id: this.nextId++ };
    for (const c of table.columns) full[c.name] = c.dflt ?? null;
    Object.assign(full, checkRow(table, row, 'insertRow'));
    this.tables.set(table.name, [...(this.tables.get(table.name) ?? []), full]);
  }
  deleteRows(table: TableLayout, where: TableRow): number {
    if (this.down) throw new StoreUnavailable('memory', 'connection refused (test)');
    const rows = this.tables.get(table.name) ?? [];
    const keep = rows.filter((r) => !Object.entries(where).every(([k, v]) => r[k] === v));
    this.tables.set(table.name, keep);
    return rows.length - keep.length;
  }

  /** Keyed value spaces (host/store/kv.ts) in memory, failing like the rest when `down`. */
  private readonly kvSpaces = new MemoryKv();
  private kv(): MemoryKv {
    if (this.down) throw new StoreUnavailable('memory', 'connection refused (test)');
    return this.kvSpaces;
  }
  kvGet: SyncStore['kvGet'] = (...a) => this.kv().kvGet(...a);
  kvSet: SyncStore['kvSet'] = (...a) => this.kv().kvSet(...a);
  kvAdd: SyncStore['kvAdd'] = (...a) => this.kv().kvAdd(...a);
  kvDelete: SyncStore['kvDelete'] = (...a) => this.kv().kvDelete(...a);
  kvScan: SyncStore['kvScan'] = (...a) => this.kv().kvScan(...a);
  kvCount: SyncStore['kvCount'] = (...a) => this.kv().kvCount(...a);
  kvClear: SyncStore['kvClear'] = (...a) => this.kv().kvClear(...a);
  kvPurge: SyncStore['kvPurge'] = (...a) => this.kv().kvPurge(...a);
}

/** A context over `raw` whose core has `store` and shares `core` when given (one engine, several requests). */
export function contextOn(raw: string, core: RecordingCore) {
  return makeContext(raw, { core });
}
