// Remote registrations (Kamailio's uac_reg.c, written anew): every uacreg row (the store's
// table and/or the config's inline rows) is registered by the primary thread to its registrar
// (auth_proxy, else r_domain), a 401/407 answered once with digest auth, refreshed before it
// expires, retried after reg_retry_interval when it failed. Statuses as Kamailio's flags.
import { randomBytes } from 'node:crypto';
import type { CoreServices, ScriptLogger } from '../core/services.js';
import { StoreUnavailable } from '../store/store.js';
import { layoutNamed, UACREG_TABLE } from '../store/module-tables.js';
import { sendLocalRequest, type LocalResult } from '../tm/local-request.js';
import { digestCredentials, parseDigestChallenge } from './digest-answer.js';
import type { UacSettings } from './settings.js';
import type { SharedRegState } from './shared-reg-state.js';

export const REG_DISABLED = 1;
export const REG_ONGOING = 2;
export const REG_ONLINE = 4;
export const REG_AUTHSENT = 8;

export const MAX_REGISTRATIONS = 10000;

export interface UacReg {
  l_uuid: string; l_username: string; l_domain: string;
  r_username: string; r_domain: string; realm: string;
  auth_username: string; auth_password: string; auth_ha1: string; auth_proxy: string;
  expires: number; flags: number; reg_delay: number; contact_addr: string; socket: string;
  /** Runtime state. */
  state: number;
  /** ms epoch: when the registration runs out (online) or the next attempt is due. */
  timerExpires: number;
  lastRegister: number;
  callId: string;
  cseq: number;
}

const STR_COLS = ['l_uuid', 'l_username', 'l_domain', 'r_username', 'r_domain', 'realm', 'auth_username', 'auth_password', 'auth_ha1', 'auth_proxy', 'contact_addr', 'socket'] as const;
const SAFE = /^[^\s"<>\r\n\\,;]{0,255}$/;

function toReg(row: Record<string, unknown>, where: string): UacReg {
  const r = {} as Record<string, unknown>;
  for (const c of STR_COLS) {
    const v = row[c] ?? '';
    if (typeof v !== 'string' || !SAFE.test(v)) throw new Error(`${where}.${c}: expected a string without blanks, quotes, <>, ',' or ';' (at most 255), got ${JSON.stringify(v)}`);
    r[c] = v;
  }
  for (const c of ['expires', 'flags', 'reg_delay'] as const) {
    const v = row[c] ?? 0;
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 2 ** 31) throw new Error(`${where}.${c}: expected an integer >= 0, got ${JSON.stringify(v)}`);
    r[c] = n;
  }
  if (!r.l_uuid || !r.r_username || !r.r_domain) throw new Error(`${where}: l_uuid, r_username and r_domain are required`);
  const reg = r as unknown as UacReg;
  reg.state = reg.flags & REG_DISABLED;
  reg.timerExpires = 0;
  reg.lastRegister = 0;
  reg.callId = '';
  reg.cseq = 0;
  return reg;
}

export class Registrations {
  private regs = new Map<string, UacReg>();
  private timer: NodeJS.Timeout | null = null;
  private loaded = false;

  constructor(
    private readonly core: CoreServices,
    private readonly log: ScriptLogger,
    private readonly s: UacSettings,
    private readonly primary: boolean,
    /** With workers: the states all of them see (null with one thread). */
    private readonly shared: SharedRegState | null = null,
  ) {
    // inline rows are checked at once: bad config refuses to start
    s.registrations.forEach((row, i) => toReg(row, `modules.uac.registrations[${i}]`));
  }

  /** The rows (config first, then the store's table), read on first use and on reload. */
  private ensure(): void {
    if (!this.loaded) this.reload();
  }

  /** uac.reg_reload: a fresh read; the state of records that stay is kept. Count loaded, -1 store down. */
  reload(): number {
    this.loaded = true;
    const next = new Map<string, UacReg>();
    this.s.registrations.forEach((row, i) => {
      const r = toReg(row, `modules.uac.registrations[${i}]`);
      next.set(r.l_uuid, r);
    });
    let ok = true;
    if (this.core.store) {
      try {
        const rows = this.core.store.tableRows(layoutNamed(UACREG_TABLE, this.s.regDbTable, 'modules.uac.reg_db_table'), MAX_REGISTRATIONS);
        rows.forEach((row, i) => {
          try {
            const r = toReg(row as Record<string, unknown>, `${this.s.regDbTable}[${i}]`);
            if (next.size < MAX_REGISTRATIONS) next.set(r.l_uuid, r);
          } catch (e) {
            this.log.log('error', `uac: skipping uacreg row: ${(e as Error).message}`);
          }
        });
      } catch (e) {
        // StoreUnavailable, a missing table, a store without module tables yet: the config's rows still serve
        this.log.log(e instanceof StoreUnavailable ? 'error' : 'warn', `uac: cannot load ${this.s.regDbTable}: ${(e as Error).message}`);
        ok = false;
      }
    }
    for (const [k, r] of next) {
      const old = this.regs.get(k);
      if (old) Object.assign(r, { state: (old.state & ~REG_DISABLED) | (r.flags & REG_DISABLED), timerExpires: old.timerExpires, callId: old.callId, cseq: old.cseq });
    }
    this.regs = next;
    return ok ? next.size : -1;
  }

  all(): UacReg[] {
    this.ensure();
    return [...this.regs.values()];
  }

  byUuid(uuid: string): UacReg | null {
    this.ensure();
    return this.regs.get(uuid) ?? null;
  }

  byUsername(user: string): UacReg | null {
    this.ensure();
    for (const r of this.regs.values()) if (r.l_username === user) return r;
    return null;
  }

  byAttr(attr: string, value: string): UacReg[] {
    this.ensure();
    if (!['l_uuid', 'l_username', 'r_username', 'auth_username'].includes(attr)) return [];
    return [...this.regs.values()].filter((r) => (r as unknown as Record<string, string>)[attr] === value);
  }

  /** Kamailio's uac_reg_status codes. */
  status(uuid: string): number {
    const r = this.byUuid(uuid);
    if (!r) return -1;
    const state = this.stateOf(r);
    if (state & REG_DISABLED) return -3;
    if (state & REG_ONLINE) return 1;
    if (state & REG_ONGOING) return -2;
    return -99;
  }

  /** A record's state: this thread's when it registers, else the shared one (workers). */
  private stateOf(r: UacReg): number {
    if (this.primary || !this.shared) return r.state;
    return this.shared.read(r.l_uuid)?.state ?? r.state;
  }

  private publish(r: UacReg): void {
    if (this.shared && this.primary) this.shared.write(r.l_uuid, r);
  }

  setDisabled(r: UacReg, disabled: boolean): void {
    if (disabled) {
      r.state = (r.state | REG_DISABLED) & ~REG_ONLINE;
    } else {
      r.state &= ~REG_DISABLED;
      r.timerExpires = 0;
    }
    // the registering thread takes the bit from the shared row at its next tick
    this.shared?.update(r.l_uuid, r, (st) => (disabled ? (st | REG_DISABLED) & ~REG_ONLINE : st & ~REG_DISABLED));
  }

  /** Enable/disable done in other workers reach the registering thread. */
  private pullDisabled(): void {
    if (!this.shared) return;
    for (const [uuid, st] of this.shared.states()) {
      const r = this.regs.get(uuid);
      if (!r || (r.state & REG_DISABLED) === (st & REG_DISABLED)) continue;
      if (st & REG_DISABLED) r.state = (r.state | REG_DISABLED) & ~REG_ONLINE;
      else {
        r.state &= ~REG_DISABLED;
        r.timerExpires = 0;
      }
    }
  }

  /** uac_reg_refresh / uac.reg_refresh: the record read again (config or store); 1 done, -1 none. */
  refresh(uuid: string): number {
    const before = this.regs.get(uuid);
    this.reload();
    const r = this.regs.get(uuid);
    if (!r) return -1;
    if (!before) r.timerExpires = 0;
    return 1;
  }

  start(): void {
    if (!this.primary || !this.s.regActive) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Due registrations go out: never registered, about to expire, or a retry whose time came. */
  tick(now = Date.now()): void {
    this.ensure();
    this.pullDisabled();
    for (const r of this.regs.values()) {
      if (r.state & (REG_DISABLED | REG_ONGOING)) continue;
      if (r.state & REG_ONLINE) {
        if (r.timerExpires > now + (this.s.regTimerInterval + 3) * 1000) continue;
      } else if (r.timerExpires > now) continue;
      else if (r.lastRegister > 0 && r.timerExpires === -1) continue; // failed, no retry
      if (r.lastRegister === 0 && r.reg_delay > 0 && r.timerExpires === 0) {
        r.timerExpires = now + r.reg_delay * 1000;
        continue;
      }
      this.send(r, null);
    }
  }

  private contact(r: UacReg): string | null {
    const addr = r.contact_addr || this.s.regContactAddr;
    return addr ? `<sip:${r.l_uuid}@${addr}>` : null;
  }

  private send(r: UacReg, authorization: string | null): void {
    const contact = this.contact(r);
    if (!contact) {
      this.log.log('error', `uac: registration ${r.l_uuid}: no contact address (reg_contact_addr or contact_addr)`);
      r.state &= ~REG_ONGOING;
      r.timerExpires = -1;
      r.lastRegister = Date.now();
      return;
    }
    if (!authorization) {
      r.state &= ~REG_AUTHSENT;
      if (!r.callId || !this.s.regKeepCallid || !(r.state & REG_ONLINE)) r.callId = `${randomBytes(10).toString('hex')}@uac`;
    }
    r.cseq++;
    r.state |= REG_ONGOING;
    r.lastRegister = Date.now();
    this.publish(r);
    const aor = `sip:${r.r_username}@${r.r_domain}`;
    const headers = [`Contact: ${contact};expires=${r.expires || 3600}`, `Expires: ${r.expires || 3600}`];
    if (authorization) headers.push(authorization);
    const ok = sendLocalRequest(this.core, {
      method: 'REGISTER', ruri: `sip:${r.r_domain}`, from: `<${aor}>`, to: `<${aor}>`,
      dst: r.auth_proxy ? (r.auth_proxy.startsWith('sip') ? r.auth_proxy : `sip:${r.auth_proxy}`) : undefined,
      callId: r.callId, cseq: r.cseq, headers, socket: r.socket || undefined,
    }, (res) => this.answered(r, res));
    if (!ok) this.failed(r, 'the REGISTER could not be built');
  }

  private answered(r: UacReg, res: LocalResult): void {
    if (this.regs.get(r.l_uuid) !== r && !this.regs.has(r.l_uuid)) return; // removed by a reload
    if (res.code >= 200 && res.code < 300) {
      r.state = (r.state & ~(REG_ONGOING | REG_AUTHSENT)) | REG_ONLINE;
      r.timerExpires = Date.now() + this.grantedExpires(r, res) * 1000;
      this.publish(r);
      return;
    }
    if ((res.code === 401 || res.code === 407) && res.reply && !(r.state & REG_AUTHSENT)) {
      const hf = res.reply.header(res.code === 401 ? 'www-authenticate' : 'proxy-authenticate');
      const ch = hf ? parseDigestChallenge(hf.value) : 'no challenge header';
      if (typeof ch === 'string') return this.failed(r, `${res.code} without a usable challenge: ${ch}`);
      if (r.realm && r.realm !== ch.realm) return this.failed(r, `challenge realm "${ch.realm}" is not the record's "${r.realm}"`);
      const who = r.auth_ha1
        ? { username: r.auth_username || r.r_username, secret: r.auth_ha1, isHa1: true }
        : { username: r.auth_username || r.r_username, secret: r.auth_password, isHa1: false };
      const value = digestCredentials(ch, who, 'REGISTER', `sip:${r.r_domain}`);
      r.state |= REG_AUTHSENT;
      this.send(r, `${res.code === 401 ? 'Authorization' : 'Proxy-Authorization'}: ${value}`);
      return;
    }
    this.failed(r, `${res.code} ${res.reason}`);
  }

  private grantedExpires(r: UacReg, res: LocalResult): number {
    const asked = r.expires || 3600;
    try {
      const mine = res.reply?.contacts().list.find((c) => c.uri?.user === r.l_uuid);
      const e = Number(mine?.params.get('expires') ?? res.reply?.header('expires')?.value ?? asked);
      return Number.isFinite(e) && e > 0 ? Math.min(e, asked * 10) : asked;
    } catch {
      return asked;
    }
  }

  private failed(r: UacReg, why: string): void {
    this.log.log('warn', `uac: registration ${r.l_uuid} (${r.r_username}@${r.r_domain}) failed: ${why}`);
    r.state &= ~(REG_ONGOING | REG_ONLINE | REG_AUTHSENT);
    r.timerExpires = this.s.regRetryInterval > 0 ? Date.now() + this.s.regRetryInterval * 1000 : -1;
    this.publish(r);
  }

  /** uac.reg_dump / reg_info: a record as Kamailio prints it. */
  info(r: UacReg): Record<string, string | number> {
    const sh = !this.primary && this.shared ? this.shared.read(r.l_uuid) : null;
    if (sh) r = { ...r, state: sh.state, timerExpires: sh.timerExpires, lastRegister: sh.lastRegister };
    return {
      l_uuid: r.l_uuid, l_username: r.l_username, l_domain: r.l_domain, r_username: r.r_username, r_domain: r.r_domain,
      realm: r.realm, auth_username: r.auth_username, auth_password: r.auth_password ? '****' : '', auth_ha1: r.auth_ha1 ? '****' : '',
      auth_proxy: r.auth_proxy, expires: r.expires, flags: r.state, diff_expires: r.state & REG_ONLINE ? Math.round((r.timerExpires - Date.now()) / 1000) : 0,
      timer_expires: r.timerExpires > 0 ? Math.round(r.timerExpires / 1000) : 0, last_register: Math.round(r.lastRegister / 1000),
      contact_addr: r.contact_addr, socket: r.socket, reg_delay: r.reg_delay,
    };
  }
}
