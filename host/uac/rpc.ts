// uac's control methods, by Kamailio's names: uac.reg_dump, reg_info, reg_enable, reg_disable,
// reg_reload, reg_refresh. They act on the primary thread's registrations (worker 0 answers).
import type { ModuleRpc } from '../core/module-service.js';
import { RpcError } from '../control/jsonrpc.js';
import type { UacState } from './state.js';

const INVALID_PARAMS = -32602;

function args(params: unknown, names: string[]): string[] {
  const list = Array.isArray(params) ? params : params && typeof params === 'object' ? names.map((n) => (params as Record<string, unknown>)[n]) : [];
  return names.map((n, i) => {
    const v = list[i];
    if (typeof v !== 'string' || v === '' || v.length > 255) throw new RpcError(INVALID_PARAMS, `expected ${n} as a string, got ${JSON.stringify(v)}`);
    return v;
  });
}

function pick(state: UacState, params: unknown) {
  const [attr, value] = args(params, ['attr', 'value']);
  const found = state.regs.byAttr(attr!, value!);
  if (found.length === 0) throw new RpcError(404, `no record for ${attr}=${value}`);
  return found;
}

export const uacRpc: Readonly<Record<string, ModuleRpc<UacState>>> = {
  'uac.reg_dump': { readOnly: true, help: 'every outbound registration (uac reg table) with its state, expiry and last outcome', handler: (state) => state.regs.all().map((r) => state.regs.info(r)) },
  'uac.reg_info': { readOnly: true, help: 'uac.reg_info ATTR VALUE: the outbound registration whose ATTR (l_uuid, l_username, r_username, auth_username) is VALUE', handler: (state, params) => state.regs.info(pick(state, params)[0]!) },
  'uac.reg_enable': { help: 'uac.reg_enable ATTR VALUE: lets the matching outbound registrations register again', handler: (state, params) => { for (const r of pick(state, params)) state.regs.setDisabled(r, false); return 'ok'; } },
  'uac.reg_disable': { help: 'uac.reg_disable ATTR VALUE: stops the matching outbound registrations from registering', handler: (state, params) => { for (const r of pick(state, params)) state.regs.setDisabled(r, true); return 'ok'; } },
  'uac.reg_reload': { scope: 'all', help: 'rereads the outbound registrations (config or store) in every worker; records that stay keep their state', handler: (state) => { const n = state.regs.reload(); if (n < 0) throw new RpcError(500, 'failed to reload records'); return 'ok'; } },
  'uac.reg_refresh': {
    scope: 'all',
    help: 'uac.reg_refresh L_UUID: rereads the outbound registrations and checks L_UUID is among them (a new one registers at once); an error when it is not',
    handler: (state, params) => {
      const [uuid] = args(params, ['l_uuid']);
      if (state.regs.refresh(uuid!) < 0) throw new RpcError(404, `no record ${uuid}`);
      return 'ok';
    },
  },
};
