// `ksr-host ul dump|show|rm|add`: the location table. dump and show read the store (no server
// needed; `ksr-host rpc ul.dump` shows a running server's memory). rm and add change live
// state: they go through the running server's control endpoint when one answers there (its
// memory and its store change together, as `kamctl ul rm` does), else they change the store,
// and say which they did. With usrloc use_domain off (the default) an AoR is the user alone.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { describeConfig, loadFoundConfig } from '../../host/config/config-file.js';
import type { Settings } from '../../host/config/settings.js';
import { maskStoreUrl } from '../../host/store/store-url.js';
import type { Aor, LocationRecord } from '../../host/store/store.js';
import { callControl, controlTarget, NoServer, type ControlOptions } from './control-client.js';
import { print } from './print.js';
import { withStore } from './store-access.js';
import { UsageError } from './usage-error.js';

/** The usrloc table the registrar saves to (Kamailio's default). */
const TABLE = 'location';
const DEFAULT_EXPIRES_S = 3600;

interface UlOptions extends ControlOptions {
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

async function rm(target: string, opts: UlOptions): Promise<string> {
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

async function add(target: string, contact: string, opts: UlOptions & { expires: string; q?: string }): Promise<string> {
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

function storeOptions(c: Command): Command {
  return c.option('--store <url>', 'the store (default: from the config file)').option('-c, --config <file>', 'the config file (YAML)');
}

function serverOptions(c: Command): Command {
  return storeOptions(c)
    .option('--control <ip:port>', "the running server's control endpoint (default: from the config)")
    .option('--state-dir <dir>', 'where its control token is read from (default: from the config)')
    .option('--token <token>', 'the control token itself')
    .option('--no-server', 'change the store only, without asking a running server');
}

export function addUlCommand(parent: Command): void {
  const ul = parent
    .command('ul')
    .description('the location table (registered contacts): dump, show, rm, add')
    .addHelpText('after', '\nrm and add go through the running server when one answers at the control address (its memory and store change together), else they change the store; each says which it did.');
  storeOptions(ul.command('dump').description('every binding in the store (a running server: ksr-host rpc ul.dump)'))
    .action(async (opts: UlOptions) => print(await dumpStore(contextOf(opts))));
  storeOptions(ul.command('show').description("one AoR's bindings in the store"))
    .argument('<aor>', 'USER or USER@DOMAIN')
    .action(async (target: string, opts: UlOptions) => print(await showFromStore(contextOf(opts), target)));
  serverOptions(ul.command('rm').description("remove an AoR's bindings"))
    .argument('<aor>', 'USER or USER@DOMAIN')
    .action(async (target: string, opts: UlOptions) => print(await rm(target, opts)));
  serverOptions(ul.command('add').description('add (or refresh) a binding'))
    .argument('<aor>', 'USER or USER@DOMAIN')
    .argument('<contact>', 'a SIP URI, e.g. sip:alice@192.0.2.10:5060')
    .option('--expires <seconds>', 'how long the binding lasts', String(DEFAULT_EXPIRES_S))
    .option('--q <q>', 'its q value, 0 to 1 (default: none)')
    .action(async (target: string, contact: string, opts: UlOptions & { expires: string; q?: string }) => print(await add(target, contact, opts)));
}
