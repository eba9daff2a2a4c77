// ksr-host command line: run, check, rpc, api.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { pino } from 'pino';
import { createRegistry } from '../bindings/modules/index.js';
import { checkCallLimits, Dispatcher, signatureOf } from '../bindings/registry.js';
import { ConfigError, loadConfigFile } from '../host/config/load-config.js';
import { DEFAULT_SETTINGS, MAX_WORKERS, parseHostPort, parseListenList, type Settings } from '../host/config/settings.js';
import { createRuntime, engineForFile, CHOOSABLE_ENGINES, LANGUAGE_OF } from '../runtimes/index.js';
import { DEFAULT_LIMITS, STANDARD_CALLBACKS, type EngineName } from '../runtimes/runtime.js';
import { apiList } from './server.js';
import { startServing } from './serve.js';
import { parseStoreUrl } from '../host/store/store-url.js';
import { USER_USAGE, UsageError, userCommand } from './user-command.js';
import { UL_USAGE, ulCommand } from './ul-command.js';
import { readToken } from '../host/control/control-token.js';
import { installProcessGuard } from './process-guard.js';
import { answerDeadlineMs } from './reload-rpc.js';

const USAGE = `usage:
  ksr-host run [--config FILE] [--script FILE] [--engine v8|quickjs] [--listen udp:IP:PORT]... [--control IP:PORT] [--store URL] [--state-dir DIR] [--workers N]
  ksr-host check FILE [--engine v8|quickjs]
  ksr-host rpc METHOD [PARAMS_JSON] [--control IP:PORT] [--config FILE] [--state-dir DIR] [--token TOKEN]
  ksr-host api [--json]          every KSR function: signature and status (complete, or partial: why)
${USER_USAGE}
${UL_USAGE}`;

function fail(message: string, code = 1): never {
  process.stderr.write(`ksr-host: ${message}\n`);
  process.exit(code);
}

function settingsFrom(values: { config?: string; script?: string; engine?: string; listen?: string[]; control?: string; store?: string; 'state-dir'?: string; workers?: string }): Settings {
  const base: Settings = values.config ? loadConfigFile(values.config) : structuredClone(DEFAULT_SETTINGS as Settings);
  if (values.script) base.routing.script = values.script;
  if (values.engine) {
    if (!CHOOSABLE_ENGINES.includes(values.engine as EngineName)) throw new ConfigError(`--engine '${values.engine}': expected ${CHOOSABLE_ENGINES.join(' or ')}`);
    base.routing.engine = values.engine;
  }
  if (values.listen?.length) base.listen = parseListenList(values.listen);
  if (values.control) base.control = values.control === 'off' ? null : { ...base.control, ...parseHostPort(values.control, '--control') };
  if (values.store) base.store = (parseStoreUrl(values.store), values.store);
  if (values['state-dir']) base.stateDir = values['state-dir'];
  if (values.workers !== undefined) {
    const n = Number(values.workers);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new ConfigError(`--workers '${values.workers}': expected a whole number from 1 to ${MAX_WORKERS}`);
    base.workers = n;
  }
  // what host/config cannot judge: the engine's name and the call limits' bounds (runtimes/, bindings/)
  engineForFile(base.routing.script, base.routing.engine);
  checkCallLimits(base.limits);
  return base;
}

async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', short: 'c' },
      script: { type: 'string', short: 's' },
      engine: { type: 'string' },
      listen: { type: 'string', multiple: true, short: 'l' },
      control: { type: 'string' },
      store: { type: 'string' },
      'state-dir': { type: 'string' },
      workers: { type: 'string' },
    },
  });
  let settings: Settings;
  try {
    settings = settingsFrom(values);
  } catch (e) {
    fail((e as Error).message, 2);
  }
  let server;
  const log = pino({ level: settings.log.level });
  installProcessGuard(log);
  try {
    server = await startServing(settings, log);
  } catch (e) {
    fail(`cannot start: ${(e as Error).message}`);
  }
  process.on('SIGHUP', () => void server.reload());
  // once: a second signal (npm and the launcher both pass on a SIGTERM; an operator's Ctrl-C
  // twice) waits for the stop under way instead of closing closed sockets
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await server.stop();
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

async function check(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { engine: { type: 'string' } } });
  const file = positionals[0] ?? fail(`check needs a script file\n${USAGE}`, 2);
  const engine = engineForFile(file, values.engine === 'quickjs' ? 'quickjs' : 'v8');
  const language = LANGUAGE_OF[engine];
  const source = await readFile(file, 'utf8').catch((e) => fail(`cannot read ${file}: ${e.code ?? e.message}`));
  const runtime = await createRuntime(engine, { dispatcher: new Dispatcher(createRegistry()), limits: DEFAULT_LIMITS[language] });
  try {
    await runtime.load(source, file);
  } catch (e) {
    runtime.dispose();
    fail((e as Error).message);
  }
  const callbacks = STANDARD_CALLBACKS.filter((c) => runtime.has(c));
  process.stdout.write(`${file}: OK (${language} on ${engine}); callbacks: ${callbacks.join(', ') || 'none'}\n`);
  runtime.dispose();
  if (!callbacks.includes('ksr_request_route')) process.stdout.write(`warning: ${file} defines no ksr_request_route\n`);
}

async function rpc(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { control: { type: 'string' }, config: { type: 'string', short: 'c' }, 'state-dir': { type: 'string' }, token: { type: 'string' } },
  });
  const method = positionals[0] ?? fail(`rpc needs a METHOD\n${USAGE}`, 2);
  let params: unknown = undefined;
  if (positionals.length > 1) {
    const rest = positionals.slice(1);
    try {
      params = rest.length === 1 ? JSON.parse(rest[0]!) : rest;
    } catch {
      params = rest;
    }
  }
  let config: Settings;
  try {
    config = values.config ? loadConfigFile(values.config) : structuredClone(DEFAULT_SETTINGS as Settings);
  } catch (e) {
    fail((e as Error).message, 2);
  }
  const c = values.control ? parseHostPort(values.control, '--control') : config.control;
  if (!c) fail(`${values.config}: the control endpoint is off (control: false); give --control IP:PORT`, 2);
  // an endpoint listening on every address is reached on loopback
  const ip = c.ip === '0.0.0.0' ? '127.0.0.1' : c.ip === '::' ? '::1' : c.ip;
  const host = ip.includes(':') ? `[${ip}]` : ip;
  // without a token, read-only methods still work on loopback: a missing one is said only if the server asks
  let token: string | null = values.token ?? null;
  let noToken = '';
  if (token === null) {
    try {
      token = readToken(values['state-dir'] ?? config.stateDir);
    } catch (e) {
      noToken = (e as Error).message;
    }
  }
  let body: { result?: unknown; error?: { code: number; message: string } };
  // kemi.reload answers once the new runtime is loaded (a Python one takes seconds): it gets longer
  const deadlineMs = answerDeadlineMs(method);
  try {
    const res = await request(`http://${host}:${c.port}/RPC`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
      headersTimeout: deadlineMs,
      bodyTimeout: deadlineMs,
    });
    body = (await res.body.json()) as typeof body;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') fail(`${method}: no answer from ${host}:${c.port} within ${deadlineMs} ms`);
    fail(`cannot reach the control endpoint at ${host}:${c.port}: ${(e as Error).message}`);
  }
  if (body.error) fail(`${method}: ${body.error.message} (code ${body.error.code})${noToken && body.error.code === -32001 ? `\n${noToken}` : ''}`);
  process.stdout.write(JSON.stringify(body.result, null, 2) + '\n');
}

function api(args: string[]): void {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const registry = createRegistry();
  if (values.json) {
    process.stdout.write(JSON.stringify(apiList(registry), null, 2) + '\n');
    return;
  }
  for (const e of registry.entries) process.stdout.write(`${signatureOf(e)} -- ${e.status}\n`);
  const partial = registry.entries.filter((e) => e.status !== 'complete').length;
  process.stdout.write(`${registry.entries.length} functions: ${registry.entries.length - partial} complete, ${partial} partial\n`);
}

// A reader that stops early (`ksr-host api --json | head`) is no error: end quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const [command, ...rest] = process.argv.slice(2);
/** A command that prints what it returns; usage errors exit 2, others 1. */
const printing = (f: (args: string[]) => Promise<string>) => async (args: string[]): Promise<void> => {
  try {
    const out = await f(args);
    if (out) process.stdout.write(out + '\n');
  } catch (e) {
    fail((e as Error).message, e instanceof UsageError ? 2 : 1);
  }
};

const commands: Record<string, (a: string[]) => unknown> = { run, check, rpc, api, user: printing(userCommand), ul: printing(ulCommand) };
const handler = command ? commands[command] : undefined;
if (!handler) fail(USAGE, 2);
try {
  await handler(rest);
} catch (e) {
  fail((e as Error).message);
}
