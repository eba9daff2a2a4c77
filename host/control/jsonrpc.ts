// JSON-RPC 2.0 processing of one request body, apart from HTTP: parse, validate every call
// (a batch element by element), check the caller may run the method, run it. Whatever the
// body or a handler does, the answer is a JSON-RPC object (or array), or nothing at all for
// notifications (a valid call without "id"), as https://www.jsonrpc.org/specification says.
// Hand-written rather than a library (json-rpc-2.0): it is this one file, and what a library
// would not do for us is most of it: the token check per call (per batch element), bounded
// batches run one after the other, and error messages that say what was expected.
export type RpcHandler = (params: unknown) => unknown | Promise<unknown>;

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const METHOD_NOT_FOUND = -32601;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
export const SERVER_ERROR = -32000;
/** In the server-defined range: the method needs the control token (Authorization: Bearer). */
export const UNAUTHORIZED = -32001;

/** A batch longer than this is refused as a whole: each element costs a handler call and an answer. */
export const MAX_BATCH = 100;

export interface MethodEntry {
  handler: RpcHandler;
  /** Changes something (a reload, a binding, counters, the heap): needs the token. */
  changesState: boolean;
  /** One line for system.methodHelp. */
  help: string;
}

export interface Caller {
  /** The caller presented the right token. */
  authenticated: boolean;
  /** Every method needs the token (the endpoint listens beyond loopback). */
  tokenForAll: boolean;
  /** The server has a token at all; without one (a bare RpcServer in unit tests) nothing is checked. */
  tokenConfigured: boolean;
}

type Id = string | number | null;
export type Answer = { jsonrpc: '2.0'; id: Id; result: unknown } | { jsonrpc: '2.0'; id: Id; error: { code: number; message: string } };

export function errorAnswer(id: Id, code: number, message: string): Answer {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

/** The message of anything thrown, even `throw null`. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return `non-Error thrown: ${String(e)}`;
  } catch {
    return 'non-Error thrown';
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The id to answer with: a string, number or null as the spec allows; anything else answers with null. */
function idOf(call: Record<string, unknown>): Id {
  const id = call.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

export class JsonRpc {
  constructor(private readonly methods: ReadonlyMap<string, MethodEntry>) {}

  /** The answer to a whole body: one answer, an array for a batch, null when only notifications came (no body). */
  async answer(body: string, caller: Caller): Promise<Answer | Answer[] | null> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return errorAnswer(null, PARSE_ERROR, 'parse error: the body is not JSON');
    }
    if (!Array.isArray(parsed)) return this.call(parsed, caller);
    if (parsed.length === 0) return errorAnswer(null, INVALID_REQUEST, 'invalid request: an empty batch');
    if (parsed.length > MAX_BATCH) return errorAnswer(null, INVALID_REQUEST, `invalid request: a batch of ${parsed.length} calls, at most ${MAX_BATCH}`);
    // one after the other: a batch of reloads must not run them concurrently
    const out: Answer[] = [];
    for (const element of parsed) {
      const a = await this.call(element, caller);
      if (a !== null) out.push(a);
    }
    return out.length > 0 ? out : null;
  }

  /** One call (a whole body, or one element of a batch); null for a notification, which gets no answer. */
  async call(call: unknown, caller: Caller): Promise<Answer | null> {
    if (!isPlainObject(call)) {
      return errorAnswer(null, INVALID_REQUEST, `invalid request: expected a JSON-RPC 2.0 object {jsonrpc, method, params, id}, got ${describe(call)}`);
    }
    const id = idOf(call);
    if (call.id !== undefined && call.id !== null && id === null) return errorAnswer(null, INVALID_REQUEST, `invalid request: "id" must be a string, a number or null, got ${describe(call.id)}`);
    if (call.jsonrpc !== '2.0') return errorAnswer(id, INVALID_REQUEST, `invalid request: "jsonrpc" must be "2.0", got ${describe(call.jsonrpc)}`);
    if (typeof call.method !== 'string') return errorAnswer(id, INVALID_REQUEST, `invalid request: "method" must be a string, got ${describe(call.method)}`);
    if (call.params !== undefined && typeof call.params !== 'object') {
      return errorAnswer(id, INVALID_REQUEST, `invalid request: "params" must be an array or an object, got ${describe(call.params)}`);
    }
    // a valid call without "id" is a notification: run, never answered (not even its errors)
    const answer = await this.run(call as Record<string, unknown> & { method: string }, id, caller);
    return Object.hasOwn(call, 'id') ? answer : null;
  }

  private async run(call: Record<string, unknown> & { method: string }, id: Id, caller: Caller): Promise<Answer> {
    const entry = this.methods.get(call.method);
    if (!entry) {
      return errorAnswer(id, METHOD_NOT_FOUND, `method not found: ${call.method.slice(0, 100)}; known: ${[...this.methods.keys()].sort().join(', ')}`);
    }
    if (caller.tokenConfigured && !caller.authenticated && (caller.tokenForAll || entry.changesState)) {
      return errorAnswer(id, UNAUTHORIZED, `unauthorized: ${call.method} needs the control token (Authorization: Bearer TOKEN; ksr-host rpc reads it from the state directory)`);
    }
    try {
      return { jsonrpc: '2.0', id, result: await entry.handler(call.params) };
    } catch (e) {
      const code = e instanceof RpcError ? e.code : SERVER_ERROR;
      return errorAnswer(id, code, messageOf(e));
    }
  }
}

/** What a value was, for an error message: its type and a short preview. */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const text = typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}
