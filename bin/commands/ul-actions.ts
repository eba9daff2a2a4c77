// What `ksr-host ul` does (bin/commands/ul.ts declares the command): loaded by the subcommand
// that runs, so that `ksr-host --help` and the other commands do not load the config loader,
// the stores or undici.
import { randomUUID } from 'node:crypto';
import { describeConfig, loadFoundConfig } from '../../host/config/config-file.js';
import type { Settings } from '../../host/config/settings.js';
import { maskStoreUrl } from '../../host/store/store-url.js';
import type { Aor, LocationRecord } from '../../host/store/store.js';
import { callControl, controlTarget, NoServer, type ControlOptions } from './control-client.js';
import { withStore } from './store-access.js';
import { UsageError } from './usage-error.js';

/** The usrloc table the registrar saves to (Kamailio's default). */
const TABLE = 'location';

export interface UlOptions extends ControlOptions {
  store?: string;
  config?: string;
  /** false (--no-server): change the store without asking a running server. */
  server?: boolean;
}

export interface UlContext {
  settings: Settings;
  configName: string;
  url: string;
}

export function contextOf(opts: { store?: string; config?: string }): UlContext {
  const { settings, config } = loadFoundConfig({ flag: opts.config });
  return { settings, configName: describeConfig(config), url: opts.store ?? settings.store };
}

function aorOf(text: string, useDomain: boolean): Aor {
  const at = text.indexOf('@');
  const username = at === -1 ? text : text.slice(0, at);
  const domain = at === -1 ? '' : text.slice(at + 1);
  if (!username) throw new UsageError(`expected USER or USER@DOMAIN, saw '${text}'`);
  return { username, domain: useDomain ? domain : '' };
}

const aorText = (aor: Aor) => `${aor.username}${aor.domain ? '@' + aor.domain : ''}`;

function show(r: LocationRecord): Record<string, unknown> {
  return { ...r, expiresAt: r.expires === 0 ? 'never' : new Date(r.expires * 1000).toISOString() };
}

/**
 * Runs viaServer when a server answers at the control address, else viaStore; returns what to
 * print. Only "nobody listens there" falls back: a server that answers with an error (unknown
 * AoR, a missing token) is that error, since the store alone would leave its memory stale.
 */
async function liveChange(opts: UlOptions, viaServer: (call: (method: string, params: unknown) => Promise<unknown>) => Promise<string>, viaStore: (ctx: UlContext, storeName: string) => Promise<string>): Promise<string> {
  const ctx = contextOf(opts);
  const storeName = maskStoreUrl(ctx.url);
  if (opts.server === false) return `${await viaStore(ctx, storeName)} (--no-server)`;
  if (!ctx.settings.control && !opts.control) return `${await viaStore(ctx, storeName)} (the control endpoint is off in ${ctx.configName})`;
  const target = controlTarget(ctx.settings, opts, ctx.configName);
  try {
    return `${await viaServer((method, params) => callControl(target, method, params))} through the running server at ${target.address}`;
  } catch (e) {
    if (!(e instanceof NoServer)) throw e;
    return `no server answered at ${target.address}: ${await viaStore(ctx, storeName)}`;
  }
}

export async function rm(target: string, opts: UlOptions): Promise<string> {
  return liveChange(
    opts,
    async (call) => {
      const r = (await call('ul.rm', [TABLE, target])) as { AoR: string; removed: number };
      return `removed ${r.removed} bindings of ${r.AoR}`;
    },
    async (ctx, storeName) => `${await removeFromStore(ctx, target)} from the store ${storeName}`,
  );
}

function numberOption(text: string, what: string, ok: (n: number) => boolean, expected: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new UsageError(`${what} '${text}': expected ${expected}`);
  return n;
}

export async function add(target: string, contact: string, opts: UlOptions & { expires: string; q?: string }): Promise<string> {
  if (!/^sips?:/i.test(contact)) throw new UsageError(`ul add: expected a SIP URI as contact (sip:USER@HOST:PORT), saw '${contact}'`);
  const expires = numberOption(opts.expires, '--expires', (n) => Number.isInteger(n) && n > 0, 'whole seconds > 0');
  const q = opts.q === undefined ? -1 : numberOption(opts.q, '--q', (n) => n >= 0 && n <= 1, 'a q value from 0 to 1');
  return liveChange(
    opts,
    async (call) => {
      const r = (await call('ul.add', [TABLE, target, contact, expires, q])) as { AoR: string };
      return `added ${contact} to ${r.AoR}`;
    },
    async (ctx, storeName) => {
      const aor = aorOf(target, ctx.settings.usrloc.useDomain);
      const now = Math.floor(Date.now() / 1000);
      return withStore(ctx.url, { create: true }, (s) => {
        const existing = s.locations(aor).find((r) => r.contact === contact);
        s.putLocation({
          ruid: existing?.ruid ?? `ksr-host-cli-${randomUUID()}`, username: aor.username, domain: aor.domain, contact, received: '', path: '',
          expires: now + expires, q, callid: existing?.callid ?? `cli-${randomUUID()}`, cseq: existing?.cseq ?? 1, lastModified: now,
          flags: 0, cflags: 0, userAgent: 'ksr-host ul add', socket: '', methods: -1, instance: '', regId: 0,
          serverId: 0, connectionId: -1, keepalive: 0, partition: 0,
        });
        return `added ${contact} to ${aorText(aor)} in the store ${storeName}`;
      });
    },
  );
}

/** The store side of `ul rm` (no server asked): "removed N bindings of AOR". */
export async function removeFromStore(ctx: UlContext, target: string): Promise<string> {
  const aor = aorOf(target, ctx.settings.usrloc.useDomain);
  return withStore(ctx.url, { create: false }, (s) => `removed ${s.deleteAor(aor)} bindings of ${aorText(aor)}`);
}

/** `ul dump`: every binding in the store, as JSON. */
export async function dumpStore(ctx: UlContext): Promise<string> {
  return withStore(ctx.url, { create: false }, (s) => JSON.stringify(s.allLocations().map(show), null, 2));
}

/** `ul show AOR`: one AoR's bindings in the store, as JSON. */
export async function showFromStore(ctx: UlContext, target: string): Promise<string> {
  const aor = aorOf(target, ctx.settings.usrloc.useDomain);
  return withStore(ctx.url, { create: false }, (s) => {
    const list = s.locations(aor);
    if (list.length === 0) throw new Error(`no bindings for ${aorText(aor)} in the store ${maskStoreUrl(ctx.url)}`);
    return JSON.stringify(list.map(show), null, 2);
  });
}
