// A Store on Redis or PostgreSQL: route calls go synchronously through the SyncBridge,
// subscriber administration asynchronously through the same worker.
import type { Aor, LocationRecord, Store, StoreOptions, Subscriber } from './store.js';
import type { DriverKind, ResultVia } from './bridge-protocol.js';
import { checkRow, type TableLayout, type TableRow } from './module-tables.js';
import { SyncBridge } from './sync-bridge.js';
import { checkKv, checkKvAdd, kvNow, scanLimit, type KvAddOptions, type KvEntry, type KvValue } from './kv.js';
import { maskStoreUrl } from './store-url.js';

export interface RemoteStoreOptions extends StoreOptions {
  breakerMs?: number;
  resultVia?: ResultVia;
  sharedBytes?: number;
}

export class RemoteStore implements Store {
  readonly description: string;

  private constructor(
    readonly kind: DriverKind,
    description: string,
    readonly bridge: SyncBridge,
  ) {
    this.description = description;
  }

  static async open(kind: DriverKind, url: string, opts: RemoteStoreOptions = {}): Promise<RemoteStore> {
    const description = maskStoreUrl(url);
    const bridge = await SyncBridge.start({ kind, url, description, timeoutMs: opts.timeoutMs, breakerMs: opts.breakerMs, resultVia: opts.resultVia, sharedBytes: opts.sharedBytes });
    return new RemoteStore(kind, description, bridge);
  }

  subscriber(username: string, domain: string): Subscriber | null {
    return this.bridge.call('subscriber', [username, domain]);
  }
  locations(aor: Aor): LocationRecord[] {
    return this.bridge.call('locations', [{ username: aor.username, domain: aor.domain }]);
  }
  putLocation(rec: LocationRecord): void {
    this.bridge.call('putLocation', [rec]);
  }
  deleteLocation(ruid: string): void {
    this.bridge.call('deleteLocation', [ruid]);
  }
  deleteAor(aor: Aor): number {
    return this.bridge.call('deleteAor', [{ username: aor.username, domain: aor.domain }]);
  }
  takeExpired(nowS: number): LocationRecord[] {
    return this.bridge.call('takeExpired', [nowS]);
  }
  allLocations(limit?: number): LocationRecord[] {
    return this.bridge.call('allLocations', limit === undefined ? [] : [limit]);
  }
  tableRows(table: TableLayout, limit?: number): TableRow[] {
    return this.bridge.call('tableRows', limit === undefined ? [table] : [table, limit]);
  }
  // a row the layout refuses is the caller's error, checked here: through the bridge it would
  // come back as StoreUnavailable and open the breaker for everyone
  insertRow(table: TableLayout, row: TableRow): void {
    this.bridge.call('insertRow', [table, checkRow(table, row, 'insertRow')]);
  }
  deleteRows(table: TableLayout, where: TableRow): number {
    return this.bridge.call('deleteRows', [table, checkRow(table, where, 'deleteRows')]);
  }
  // kv: arguments checked here, for the same reason as insertRow's rows
  kvGet(space: string, key: string, nowS?: number): KvEntry | null {
    checkKv('kvGet', space, key);
    return this.bridge.call('kvGet', [space, key, kvNow(nowS)]);
  }
  kvSet(space: string, key: string, value: KvValue, expires: number, nowS?: number): void {
    checkKv('kvSet', space, key, value, expires);
    this.bridge.call('kvSet', [space, key, value, expires, kvNow(nowS)]);
  }
  kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts: KvAddOptions = {}, nowS?: number): number | null {
    checkKvAdd(space, key, delta, initial, expires);
    return this.bridge.call('kvAdd', [space, key, delta, initial, expires, opts, kvNow(nowS)]);
  }
  kvDelete(space: string, key: string): boolean {
    checkKv('kvDelete', space, key);
    return this.bridge.call('kvDelete', [space, key]);
  }
  kvScan(space: string, limit: number, nowS?: number): KvEntry[] {
    checkKv('kvScan', space);
    return this.bridge.call('kvScan', [space, scanLimit(limit), kvNow(nowS)]);
  }
  kvCount(space: string, nowS?: number): number {
    checkKv('kvCount', space);
    return this.bridge.call('kvCount', [space, kvNow(nowS)]);
  }
  kvClear(space: string): number {
    checkKv('kvClear', space);
    return this.bridge.call('kvClear', [space]);
  }
  kvPurge(space: string, nowS?: number): number {
    checkKv('kvPurge', space);
    return this.bridge.call('kvPurge', [space, kvNow(nowS)]);
  }
  ping(): void {
    this.bridge.call('ping', []);
  }
  close(): Promise<void> {
    return this.bridge.close();
  }

  addSubscriber(username: string, domain: string, password: string): Promise<void> {
    return this.bridge.callAsync('addSubscriber', [username, domain, password]);
  }
  importSubscribers(rows: Array<{ username: string; domain: string; password: string }>): Promise<number> {
    return this.bridge.callAsync('importSubscribers', [rows]);
  }
  setPassword(username: string, domain: string, password: string): Promise<boolean> {
    return this.bridge.callAsync('setPassword', [username, domain, password]);
  }
  removeSubscriber(username: string, domain: string): Promise<boolean> {
    return this.bridge.callAsync('removeSubscriber', [username, domain]);
  }
  listSubscribers(): Promise<Array<{ username: string; domain: string }>> {
    return this.bridge.callAsync('listSubscribers', []);
  }
}
