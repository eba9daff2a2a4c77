// Registrar and usrloc settings (config keys `registrar:` and `usrloc:`), with Kamailio's
// defaults where it has one: default_expires 3600, min_expires 60, max_expires and
// max_contacts 0 (= no limit), path_mode strict; use_path on (Kamailio: off).

/** How usrloc keeps contacts, after Kamailio's db_mode. */
export type UsrlocMode = 'memory' | 'write-through' | 'db-only';

/** What save() does with a Path header the UA did not say it supports (Kamailio's path_mode). */
export type PathMode = 'off' | 'lazy' | 'strict';

export interface RegistrarSettings {
  /** Seconds used when neither the Contact nor an Expires header gives one. */
  defaultExpires: number;
  /** Shorter requested lifetimes are raised to this (0 = no minimum). */
  minExpires: number;
  /** Longer requested lifetimes are cut to this (0 = no maximum). */
  maxExpires: number;
  /** Most contacts per AoR (0 = no limit); more gives 503. */
  maxContacts: number;
  /** Store Path headers (RFC 3327) with the contacts (Kamailio's use_path). */
  usePath: boolean;
  pathMode: PathMode;
  /** AVP whose value save() stores as `received` (Kamailio's received_avp; fix_nated_register sets it). */
  receivedAvp: string;
  /** Contacts whose Allow (at REGISTER) lacks the method are skipped by lookup (Kamailio's method_filtering). */
  methodFiltering: boolean;
}

export interface UsrlocSettings {
  mode: UsrlocMode;
  /** How often the expiry timer runs, seconds. */
  timerIntervalS: number;
  /** Script callback run for `usrloc:contact-expired`; null = none. */
  eventCallback: string | null;
  /** AoR is user@domain (true) or user only (false, Kamailio's default use_domain=0). */
  useDomain: boolean;
  /**
   * MiB of shared memory for the location table when several workers share it (Kamailio's
   * shm size, -m, 64 by default): a binding takes one block of 64 bytes × a power of two, ~1 KiB
   * for a phone's; a save that finds no room fails with 500 and a log line naming this setting.
   */
  sharedMemoryMb: number;
}

export const DEFAULT_REGISTRAR_SETTINGS: Readonly<RegistrarSettings> = Object.freeze({
  defaultExpires: 3600,
  minExpires: 60,
  maxExpires: 0,
  maxContacts: 0,
  usePath: true,
  pathMode: 'strict',
  receivedAvp: 'RECEIVED',
  methodFiltering: false,
});

/**
 * write-through by default (Kamailio's default is memory only): the server always has a store,
 * the embedded SQLite file unless configured otherwise, so bindings survive a restart. A
 * Usrloc made without a store runs in memory.
 */
export const DEFAULT_USRLOC_SETTINGS: Readonly<UsrlocSettings> = Object.freeze({
  mode: 'write-through',
  timerIntervalS: 60,
  eventCallback: null,
  useDomain: false,
  sharedMemoryMb: 64,
});
