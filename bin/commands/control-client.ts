// A JSON-RPC call to the running server's control endpoint, as `ksr-host rpc` and the `ul`
// commands that change live state make it: the address from --control or the config, the
// token from --token or the state directory. "Nobody listens there" is its own error
// (NoServer), so a caller may fall back to the store.
import { readToken } from '../../host/control/control-token.js';
import { parseHostPort, type Settings } from '../../host/config/settings.js';
import { answerDeadlineMs } from '../reload-rpc.js';
import { AnswerTimeout, postJson } from './post-json.js';
import { UsageError } from './usage-error.js';

export interface ControlOptions {
  control?: string;
  stateDir?: string;
  token?: string;
}

export interface ControlTarget {
  /** "127.0.0.1:5080", "[::1]:5080": for URLs and messages. */
  address: string;
  token: string | null;
  /** Why there is no token (said only if the server asks for one). */
  noToken: string;
}

/** Nothing listens at the control address: no server is running there. */
export class NoServer extends Error {}

/** A JSON-RPC error answer. */
export class RpcFailure extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

/** --control IP:PORT; a bad one is a usage error (exit 2). */
function controlFlag(text: string): { ip: string; port: number } {
  try {
    return parseHostPort(text, '--control');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function controlTarget(settings: Settings, opts: ControlOptions, configName: string): ControlTarget {
  const c = opts.control ? controlFlag(opts.control) : settings.control;
  if (!c) throw new UsageError(`${configName}: the control endpoint is off (control: false); give --control IP:PORT`);
  // an endpoint listening on every address is reached on loopback
  const ip = c.ip === '0.0.0.0' ? '127.0.0.1' : c.ip === '::' ? '::1' : c.ip;
  const address = `${ip.includes(':') ? `[${ip}]` : ip}:${c.port}`;
  // without a token, read-only methods still work on loopback: a missing one is said only if the server asks
  if (opts.token !== undefined) return { address, token: opts.token, noToken: '' };
  try {
    return { address, token: readToken(opts.stateDir ?? settings.stateDir), noToken: '' };
  } catch (e) {
    return { address, token: null, noToken: (e as Error).message };
  }
}

const CONNECTION_REFUSED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorCode(e: unknown): string | undefined {
  const x = e as { code?: string; errors?: Array<{ code?: string }>; cause?: { code?: string } };
  return x.code ?? x.errors?.[0]?.code ?? x.cause?.code;
}

/** Calls method; returns its result, throws NoServer, RpcFailure or an Error saying what went wrong. */
export async function callControl(target: ControlTarget, method: string, params: unknown): Promise<unknown> {
  // kemi.reload answers once the new runtime is loaded (a Python one takes seconds): it gets longer
  const deadlineMs = answerDeadlineMs(method);
  let body: { result?: unknown; error?: { code: number; message: string } };
  try {
    const headers = { 'content-type': 'application/json', ...(target.token !== null ? { authorization: `Bearer ${target.token}` } : {}) };
    body = (await postJson(`http://${target.address}/RPC`, headers, JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }), deadlineMs)) as typeof body;
  } catch (e) {
    const code = errorCode(e);
    if (e instanceof AnswerTimeout) throw new Error(`${method}: no answer from ${target.address} within ${deadlineMs} ms`);
    if (code !== undefined && CONNECTION_REFUSED.has(code)) throw new NoServer(`no server answered at ${target.address} (${code})`);
    throw new Error(`cannot reach the control endpoint at ${target.address}: ${(e as Error).message}`);
  }
  if (body.error) {
    const hint = target.noToken && body.error.code === -32001 ? `\n${target.noToken}` : '';
    throw new RpcFailure(`${method}: ${body.error.message} (code ${body.error.code})${hint}`, body.error.code);
  }
  return body.result;
}

/** RPC params from the command line: one JSON text as it is, else the words as strings. */
export function paramsFrom(words: string[]): unknown {
  if (words.length === 0) return undefined;
  try {
    return words.length === 1 ? JSON.parse(words[0]!) : words;
  } catch {
    return words;
  }
}
