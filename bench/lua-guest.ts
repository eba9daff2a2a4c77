// The Lua guest alone (runtimes/lua/guest: fengari, the KSR stubs, the callback entry), in
// this process's own realm: no isolate, no crossing, and every KSR function answered at once
// with a canned value, so what is measured (and what a --cpu-prof shows, with fengari's own
// names under --readable) is the guest's time only. bench/crossing.ts measures the whole
// runtime; this is where the guest's share of it comes from.
//   node --no-node-snapshot --import tsx bench/lua-guest.ts [N] [--readable]
//   (LUA_GUEST_SCRIPT=FILE: another script's ksr_request_route, e.g. bench/scripts/registrar.lua)
// Figures, CPU µs (best of 5 rounds of N/5):
// - registrar route: sample-scripts/routing.lua's ksr_request_route on the register-auth
//   scenario's two messages (challenged, then saved), each ending in KSR.x.exit, per message;
// - entering an empty callback; one KSR call (no argument / a string each way / a method test
//   answered from the message's facts) less the empty callback; a stop (KSR.x.exit) less a call.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import { checkRequestHeaders } from '../host/engine/engine.js';
import { buildGuest, guestBundle } from '../runtimes/lua/bundle.js';
import { GUEST_PROTOCOL_JSON } from '../runtimes/guest-protocol.js';
import { makeContext } from '../test/support/sip-fixtures.js';
import { register } from '../test/auth/requests.js';

const N = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 20000);
const readable = process.argv.includes('--readable');
const CALLS = 50;

const registry = createRegistry();
const dispatcher = new Dispatcher(registry);
const index = (path: string) => {
  const e = registry.entries.find((r) => (r.module ? `${r.module}.${r.name}` : r.name) === path);
  if (!e) throw new Error(`no KSR function ${path}`);
  return e.index;
};
/** Which of the two registrar messages runs: the challenged one, or the one saved. */
let saving = false;
const STOP = { ksrSignal: 'stop' };
const canned = new Map<number, () => unknown>([
  ['hdr.append_to_reply', () => 1],
  ['maxfwd.process_maxfwd', () => 1],
  ['sanity.sanity_check', () => 1],
  ['tmx.t_precheck_trans', () => -1],
  ['tm.t_check_trans', () => -1],
  ['siputils.has_totag', () => -1],
  ['kx.gete_fhost', () => 'localhost'],
  ['auth_db.auth_check', () => (saving ? 1 : -2)],
  ['auth.auth_challenge', () => 1],
  ['registrar.save', () => 1],
  ['hdr.get', () => 'a84b4c76e66710@pc33.atlanta.example.com'],
  ['isdsturiset', () => false],
  ['x.exit', () => STOP],
].map(([path, answer]) => [index(path as string), answer as () => unknown]));

const g = globalThis as Record<string, unknown>;
g.__ksr_call = (i: number) => {
  const answer = canned.get(i);
  if (!answer) throw new Error(`bench/lua-guest.ts: no canned answer for ${registry.entries[i]?.name}`);
  return answer();
};
g.__ksr_entries = dispatcher.guestEntries();
g.__ksr_limits = dispatcher.guestLimits();
g.__ksr_protocol = GUEST_PROTOCOL_JSON;
// fengari takes its Node paths when it sees `process`; in its isolate there is none
new Function('process', 'require', readable ? await buildGuest(false) : (await guestBundle()).code)(undefined, undefined);
const lua = g.__lua as { load(source: string, file: string): unknown; invoke(name: string, arg: string | null, facts: string | null): unknown };

const ROUTING = process.env.LUA_GUEST_SCRIPT ?? fileURLToPath(new URL('../sample-scripts/routing.lua', import.meta.url));
const PROBES = `
function ksr_empty() end
function ksr_calls0() for i = 1, ${CALLS} do KSR.isdsturiset() end end
function ksr_calls1() for i = 1, ${CALLS} do KSR.hdr.get("Call-ID") end end
function ksr_facts() for i = 1, ${CALLS} do KSR.is_ACK() end end
function ksr_one() KSR.isdsturiset() end
function ksr_exit() KSR.x.exit() end
`;
// one Lua state holds one script: the probes are defined by the routing script's top level
if (lua.load(`${readFileSync(ROUTING, 'utf8')}\n${PROBES}`, ROUTING) !== 0) throw new Error('the script did not load');
const ctx = makeContext(register(null, 'u1'), {});
checkRequestHeaders(ctx.msg);
const facts = dispatcher.messageFacts(ctx);

function best(run: () => void): number {
  for (let i = 0; i < 3000; i++) run();
  let min = Infinity;
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < N / 5; i++) run();
    const c = process.cpuUsage(c0);
    min = Math.min(min, (c.user + c.system) / (N / 5));
  }
  return min;
}
const invoke = (name: string) => () => void lua.invoke(name, null, facts);

const route = best(() => {
  saving = false;
  lua.invoke('ksr_request_route', null, facts);
  saving = true;
  lua.invoke('ksr_request_route', null, facts);
}) / 2;
const empty = best(invoke('ksr_empty'));
const perCall = (name: string) => (best(invoke(name)) - empty) / CALLS;
const [calls0, calls1, fact] = [perCall('ksr_calls0'), perCall('ksr_calls1'), perCall('ksr_facts')];
const stop = best(invoke('ksr_exit')) - best(invoke('ksr_one'));
console.log(
  `Lua guest alone (${readable ? 'readable' : 'minified'} bundle), CPU µs: registrar route ${route.toFixed(2)} per message | ` +
    `empty callback ${empty.toFixed(2)} | KSR call ${calls0.toFixed(3)} (isdsturiset), ${calls1.toFixed(3)} (hdr.get), ` +
    `${fact.toFixed(3)} (is_ACK, from the facts) | a stop (x.exit) ${stop.toFixed(2)} more than a call`,
);
process.exit(0);
