// permissions' state in a core: this thread's copy of the address and trusted lists (each
// worker keeps its own, as each Kamailio process reads the same shared copy: a reload runs in
// every worker, RPC scope 'all'). Lists are made from the inline rows of the config plus the
// store's tables (when load_from_store), read at start or at first use, and again on reload;
// a reload that cannot read the store keeps the lists it had and says so.
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import type { TableLayout, TableRow } from '../store/module-tables.js';
import { AddressList, type AddressRow } from './address-list.js';
import { TrustedList, type TrustedRow } from './trusted-list.js';
import { addressRow, MAX_ROWS, parsePermissionsSettings, trustedRow, type PermissionsSettings } from './settings.js';

export class PermissionsState implements ModuleState {
  readonly settings: PermissionsSettings;
  private addressList: AddressList | null = null;
  private trustedList: TrustedList | null = null;

  constructor(private readonly host: ModuleHost) {
    this.settings = parsePermissionsSettings(host.config);
  }

  start(): void {
    this.address();
    this.trusted();
  }

  /** The address list, loaded at first use (an unreadable store: the inline rows only, retried at reload). */
  address(): AddressList {
    if (!this.addressList) {
      const r = this.loadAddress();
      this.addressList = r.list ?? new AddressList(this.settings.address, this.settings.maxSubnets, this.settings.subnetMatchMode === 1);
    }
    return this.addressList;
  }

  trusted(): TrustedList {
    if (!this.trustedList) {
      const r = this.loadTrusted();
      this.trustedList = r.list ?? new TrustedList(this.settings.trusted);
    }
    return this.trustedList;
  }

  /** permissions.addressReload: the new list, or the old one kept and why. */
  reloadAddress(): { ok: boolean; message: string } {
    const r = this.loadAddress();
    if (!r.list) return { ok: false, message: `address reload failed, the previous list is kept: ${r.error}` };
    this.addressList = r.list;
    return { ok: true, message: `Reload OK (${r.list.size} entries)` };
  }

  reloadTrusted(): { ok: boolean; message: string } {
    const r = this.loadTrusted();
    if (!r.list) return { ok: false, message: `trusted reload failed, the previous list is kept: ${r.error}` };
    this.trustedList = r.list;
    return { ok: true, message: `Reload OK (${r.list.size} entries)` };
  }

  private loadAddress(): { list: AddressList | null; error?: string } {
    const rows = this.rowsFrom(this.settings.addressTable, this.settings.address, addressRow);
    if ('error' in rows) return { list: null, error: rows.error };
    const list = new AddressList(rows.rows, this.settings.maxSubnets, this.settings.subnetMatchMode === 1);
    for (const why of list.refused) this.host.log.log('error', `permissions: ${this.settings.addressTable.name} ${why}: row skipped`);
    return { list };
  }

  private loadTrusted(): { list: TrustedList | null; error?: string } {
    const rows = this.rowsFrom(this.settings.trustedTable, this.settings.trusted, trustedRow);
    if ('error' in rows) return { list: null, error: rows.error };
    const list = new TrustedList(rows.rows);
    for (const why of list.refused) this.host.log.log('error', `permissions: ${this.settings.trustedTable.name} ${why}: row skipped`);
    return { list };
  }

  /** Inline rows, then the store's (when configured and there is a store). */
  private rowsFrom<T extends AddressRow | TrustedRow>(
    layout: TableLayout, inline: readonly T[], parse: (r: Record<string, unknown>, where: string) => T,
  ): { rows: T[] } | { error: string } {
    const store = this.host.core.store;
    if (!this.settings.loadFromStore || !store) return { rows: [...inline] };
    let stored: TableRow[];
    try {
      stored = store.tableRows(layout, MAX_ROWS + 1);
    } catch (e) {
      const error = `reading table ${layout.name} failed: ${(e as Error).message}`;
      this.host.log.log('error', `permissions: ${error}`);
      return { error };
    }
    if (stored.length > MAX_ROWS) {
      const error = `table ${layout.name} has more than ${MAX_ROWS} rows`;
      this.host.log.log('error', `permissions: ${error}`);
      return { error };
    }
    const rows: T[] = [...inline];
    for (const r of stored) {
      try {
        rows.push(parse(r, `${layout.name} id ${r.id}`));
      } catch (e) {
        this.host.log.log('error', `permissions: ${(e as Error).message}: row skipped`);
      }
    }
    return { rows };
  }
}
