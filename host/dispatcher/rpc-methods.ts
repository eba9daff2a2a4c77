// Control methods by Kamailio's names and answer shapes: dispatcher.list, reload, set_state,
// set_duid_state, ping_active, add, remove. Lists are per worker: reload/add/remove run in
// every worker (scope 'all'); states are shared, so set_state runs once.
import { RpcError, INVALID_REQUEST, SERVER_ERROR } from '../control/jsonrpc.js';
import type { ModuleRpc } from '../core/module-service.js';
import { packDestination } from './destination-list.js';
import { flagLetters, parseStateFlags } from './state-change.js';
import type { DispatcherState } from './state.js';

function positional(params: unknown, names: string[]): unknown[] {
  if (params === undefined || params === null) return [];
  if (Array.isArray(params)) return params;
  if (typeof params === 'object') return names.map((n) => (params as Record<string, unknown>)[n]);
  throw new RpcError(INVALID_REQUEST, `expected positional params [${names.join(', ')}], got ${typeof params}`);
}

function intParam(v: unknown, what: string): number {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new RpcError(INVALID_REQUEST, `${what}: expected an integer, got ${JSON.stringify(v)}`);
  return n;
}

function strParam(v: unknown, what: string, max = 512): string {
  if (typeof v !== 'string' || v === '' || v.length > max) throw new RpcError(INVALID_REQUEST, `${what}: expected a string of 1..${max} characters, got ${JSON.stringify(v)?.slice(0, 80)}`);
  return v;
}

function list(ds: DispatcherState, params: unknown): unknown {
  const [rmode] = positional(params, ['rmode']);
  const short = rmode === 'short';
  const records = [...ds.sets().values()].map((set) => ({
    SET: {
      ID: set.id,
      TARGETS: set.dests.map((d) => {
        const flags = ds.flagsOf(d);
        const dest: Record<string, unknown> = { URI: d.uri, FLAGS: flagLetters(flags), PRIORITY: d.priority };
        if (!short) {
          const a = d.attrs;
          dest.ATTRS = { BODY: a.body, DUID: a.duid, MAXLOAD: a.maxload, WEIGHT: a.weight, RWEIGHT: a.rweight, SOCKET: a.socket, SOCKNAME: a.sockname, OBPROXY: a.obproxy };
        }
        return { DEST: dest };
      }),
    },
  }));
  return { NRSETS: records.length, RECORDS: records };
}

function setState(ds: DispatcherState, params: unknown, byDuid: boolean): unknown {
  const [s, g, a] = positional(params, ['state', 'group', byDuid ? 'duid' : 'address']);
  const state = parseStateFlags(strParam(s, 'state', 8));
  if (state < 0) throw new RpcError(INVALID_REQUEST, `state: expected letters of a, i, t, d, p ("ip", "a", "dp"), got ${JSON.stringify(s)}`);
  const group = intParam(g, 'group');
  const addr = strParam(a, byDuid ? 'duid' : 'address');
  const set = ds.set(group);
  if (!set) throw new RpcError(SERVER_ERROR, `destination set [${group}] not found`);
  const targets = addr === 'all' ? set.dests : set.dests.filter((d) => (byDuid ? d.attrs.duid.toLowerCase() === addr.toLowerCase() : d.uri.toLowerCase() === addr.toLowerCase()));
  if (targets.length === 0) throw new RpcError(SERVER_ERROR, `State Update Failed: no destination ${addr} in group ${group}`);
  // an RPC sets the state as given (ds_reinit_state), without the thresholds
  for (const d of targets) ds.table.update(group, d.uri, (st) => ({ flags: (st.flags & ~15) | state, count: 0 }));
  return null;
}

function reload(ds: DispatcherState): unknown {
  const why = ds.reload();
  if (why !== null) throw new RpcError(SERVER_ERROR, `Reload Failed: ${why}`);
  return null;
}

function pingActive(ds: DispatcherState, params: unknown): unknown {
  const [s] = positional(params, ['state']);
  const old = ds.table.getPingActive();
  if (s === undefined) return { OldPingState: old };
  const v = intParam(s, 'state');
  if (v !== 0 && v !== 1) throw new RpcError(INVALID_REQUEST, `state: expected 0 or 1, got ${v}`);
  ds.table.setPingActive(v);
  return { NewPingState: v, OldPingState: old };
}

function add(ds: DispatcherState, params: unknown): unknown {
  const [g, a, f, p, at] = positional(params, ['group', 'address', 'flags', 'priority', 'attrs']);
  const row = {
    setid: intParam(g, 'group'), destination: strParam(a, 'address'),
    flags: f === undefined ? 0 : intParam(f, 'flags'), priority: p === undefined ? 0 : intParam(p, 'priority'),
    attrs: at === undefined ? '' : typeof at === 'string' ? at : strParam(at, 'attrs'),
  };
  if (row.setid < 0) throw new RpcError(INVALID_REQUEST, `group: expected >= 0, got ${row.setid}`);
  const d = packDestination(row, ds.settings.attrsNone);
  if (typeof d === 'string') throw new RpcError(SERVER_ERROR, `Adding dispatcher dst failed: ${d}`);
  const why = ds.replaceRows([...ds.rows(), row]);
  if (why !== null) throw new RpcError(SERVER_ERROR, `Adding dispatcher dst failed: ${why}`);
  return null;
}

function remove(ds: DispatcherState, params: unknown): unknown {
  const [g, a] = positional(params, ['group', 'address']);
  const group = intParam(g, 'group');
  const addr = strParam(a, 'address');
  const rows = ds.rows();
  const kept = rows.filter((r) => !(r.setid === group && r.destination === addr));
  if (kept.length === rows.length) throw new RpcError(SERVER_ERROR, `Removing dispatcher dst failed: no ${addr} in group ${group}`);
  const why = ds.replaceRows(kept);
  if (why !== null) throw new RpcError(SERVER_ERROR, `Removing dispatcher dst failed: ${why}`);
  return null;
}

export const DISPATCHER_RPC: Readonly<Record<string, ModuleRpc<DispatcherState>>> = {
  'dispatcher.list': { handler: list, readOnly: true, help: 'dispatcher.list [short]: every set with its destinations, their state flags and priority (and attributes unless short)' },
  'dispatcher.reload': { handler: (ds) => reload(ds), scope: 'all', help: 'rereads the destination list (file or table) in every worker; the old list serves on when the new one is refused' },
  'dispatcher.set_state': { handler: (ds, p) => setState(ds, p, false), help: 'dispatcher.set_state STATE GROUP ADDRESS|all: sets the state letters (a, i, t, d, p) of a destination of GROUP, matched by URI' },
  'dispatcher.set_duid_state': { handler: (ds, p) => setState(ds, p, true), help: 'dispatcher.set_duid_state STATE GROUP DUID|all: as set_state, the destination matched by its duid attribute' },
  'dispatcher.ping_active': { handler: pingActive, help: 'dispatcher.ping_active [0|1]: answers whether keepalive probing runs; with 0 or 1 turns it off or on' },
  'dispatcher.add': { handler: add, scope: 'all', help: 'dispatcher.add GROUP ADDRESS [FLAGS [PRIORITY [ATTRS]]]: adds a destination to GROUP (created when new) in every worker' },
  'dispatcher.remove': { handler: remove, scope: 'all', help: 'dispatcher.remove GROUP ADDRESS: removes the destination ADDRESS from GROUP in every worker' },
};
