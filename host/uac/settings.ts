// uac's modparams, from the config's `modules.uac` section (Kamailio's names).
export type RestoreMode = 'none' | 'manual' | 'auto';

export interface Credential {
  username: string;
  realm: string;
  password: string;
}

export interface UacSettings {
  restoreMode: RestoreMode;
  restorePasswd: string;
  rrFromParam: string;
  rrToParam: string;
  credentials: Credential[];
  /** PV names ("$avp(x)") of the credentials uac_auth reads and uac_reg_request_to writes; null = unset. */
  authUsernameAvp: string | null;
  authPasswordAvp: string | null;
  authRealmAvp: string | null;
  regDbTable: string;
  /** seconds */
  regTimerInterval: number;
  regRetryInterval: number;
  regContactAddr: string | null;
  regKeepCallid: boolean;
  regActive: boolean;
  /** The script function run for event_route[uac:reply] (Kamailio's event_callback); null = none. */
  eventCallback: string | null;
  /** Inline uacreg rows. */
  registrations: Record<string, unknown>[];
}

const KEYS = new Set([
  'restore_mode', 'restore_passwd', 'rr_from_store_param', 'rr_to_store_param', 'credential', 'credentials',
  'auth_username_avp', 'auth_password_avp', 'auth_realm_avp', 'reg_db_table', 'reg_timer_interval',
  'reg_retry_interval', 'reg_contact_addr', 'reg_keep_callid', 'reg_active', 'registrations', 'event_callback',
]);

const TOKEN = /^[A-Za-z0-9_.!~*'-]{1,32}$/;

function fail(key: string, expected: string, got: unknown): never {
  throw new Error(`modules.uac.${key}: expected ${expected}, got ${JSON.stringify(got)}`);
}

function str(c: Record<string, unknown>, key: string, dflt: string, max = 255): string {
  const v = c[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'string' || v.length > max) fail(key, `a string of at most ${max} characters`, v);
  return v;
}

function int(c: Record<string, unknown>, key: string, dflt: number, min: number, max: number): number {
  const v = c[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(key, `an integer ${min}..${max}`, v);
  return v;
}

function avpName(c: Record<string, unknown>, key: string): string | null {
  const v = str(c, key, '', 64).trim();
  if (v === '') return null;
  return v.startsWith('$') ? v : `$avp(${v})`;
}

/** "username:realm:password" (Kamailio's credential modparam); the password may hold ':'. */
export function parseCredential(text: string, where: string): Credential {
  const m = /^([^:]+):([^:]*):(.+)$/.exec(text.trim());
  if (!m) throw new Error(`${where}: expected "username:realm:password", got ${JSON.stringify(text)}`);
  return { username: m[1]!, realm: m[2]!, password: m[3]! };
}

export function parseUacSettings(config: unknown): UacSettings {
  const c = (config ?? {}) as Record<string, unknown>;
  if (typeof c !== 'object' || Array.isArray(c)) fail('', 'a mapping', config);
  for (const k of Object.keys(c)) if (!KEYS.has(k)) fail(k, `one of ${[...KEYS].join(', ')}`, k);
  const mode = str(c, 'restore_mode', 'auto');
  if (mode !== 'none' && mode !== 'manual' && mode !== 'auto') fail('restore_mode', '"none", "manual" or "auto"', mode);
  const rrFromParam = str(c, 'rr_from_store_param', 'vsf', 32);
  const rrToParam = str(c, 'rr_to_store_param', 'vst', 32);
  if (!TOKEN.test(rrFromParam)) fail('rr_from_store_param', 'a URI parameter name', rrFromParam);
  if (!TOKEN.test(rrToParam)) fail('rr_to_store_param', 'a URI parameter name', rrToParam);
  const list = c.credentials ?? c.credential ?? [];
  const creds = typeof list === 'string' ? [list] : list;
  if (!Array.isArray(creds) || creds.length > 1000) fail('credentials', 'a list of "username:realm:password" (at most 1000)', list);
  const credentials = creds.map((x, i) => {
    if (typeof x !== 'string') fail(`credentials[${i}]`, 'a string', x);
    return parseCredential(x, `modules.uac.credentials[${i}]`);
  });
  const regs = c.registrations ?? [];
  if (!Array.isArray(regs) || regs.length > 10000) fail('registrations', 'a list of uacreg rows (at most 10000)', regs);
  regs.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) fail(`registrations[${i}]`, 'a mapping of uacreg columns', r);
  });
  return {
    restoreMode: mode,
    restorePasswd: str(c, 'restore_passwd', '', 64),
    rrFromParam, rrToParam, credentials,
    authUsernameAvp: avpName(c, 'auth_username_avp'),
    authPasswordAvp: avpName(c, 'auth_password_avp'),
    authRealmAvp: avpName(c, 'auth_realm_avp'),
    regDbTable: str(c, 'reg_db_table', 'uacreg', 64),
    regTimerInterval: int(c, 'reg_timer_interval', 90, 1, 86400),
    regRetryInterval: int(c, 'reg_retry_interval', 0, 0, 86400),
    regContactAddr: str(c, 'reg_contact_addr', '', 255) || null,
    regKeepCallid: int(c, 'reg_keep_callid', 0, 0, 1) === 1,
    regActive: int(c, 'reg_active', 1, 0, 1) === 1,
    eventCallback: str(c, 'event_callback', '', 64) || null,
    registrations: regs as Record<string, unknown>[],
  };
}
