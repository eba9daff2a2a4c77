// The trace's control methods (trace.start, trace.stop, trace.status) as a table the server
// registers on its RpcServer, and the trace a server makes at start (started at once when the
// config's `trace: { enabled: true }` says so).
import { INVALID_PARAMS, RpcError, SERVER_ERROR, type RpcHandler } from '../control/jsonrpc.js';
import { SipTrace, TraceBusyError, type TapPoint, type TraceLog } from './sip-trace.js';
import { traceRequestFrom, TraceSettingsError, type TraceSettings } from './trace-settings.js';

export interface TraceRpcMethod {
  name: string;
  handler: RpcHandler;
  readOnly: boolean;
  help: string;
}

export function traceRpcMethods(trace: SipTrace): TraceRpcMethod[] {
  return [
    {
      name: 'trace.start',
      handler: (params) => startFromRpc(trace, params),
      readOnly: false,
      help: 'trace.start {output: "log"|"pcap", file: NAME (pcap, made in <state_dir>/traces/), method, callId, ip, port, proto, max (default 10000), seconds (default 600)}: traces SIP messages in and out',
    },
    { name: 'trace.stop', handler: () => trace.stop(), readOnly: false, help: 'stops the SIP trace under way (closing its pcap file); the figures of the trace that ran' },
    { name: 'trace.status', handler: () => trace.status(), readOnly: true, help: 'whether a SIP trace runs, its output, file, filter, bounds and messages recorded (else the last one\'s, and why it stopped)' },
  ];
}

function startFromRpc(trace: SipTrace, params: unknown) {
  try {
    return trace.start(traceRequestFrom(params, 'trace.start'));
  } catch (e) {
    if (e instanceof TraceSettingsError) throw new RpcError(INVALID_PARAMS, e.message);
    if (e instanceof TraceBusyError) throw new RpcError(SERVER_ERROR, `trace.start: ${e.message}`);
    throw e;
  }
}

/**
 * The server's trace over the socket thread's transports; started now when the config enables
 * it (a file that cannot be made is logged, and the server serves on untraced).
 */
export function createSipTrace(opts: { stateDir: string; log: TraceLog; transports: TapPoint; also?: TapPoint[]; settings?: TraceSettings }): SipTrace {
  const trace = new SipTrace({ stateDir: opts.stateDir, log: opts.log, points: [opts.transports, ...(opts.also ?? [])] });
  if (opts.settings?.enabled) {
    try {
      trace.start(opts.settings);
    } catch (e) {
      opts.log.warn({ err: (e as Error).message }, 'sip trace from the config not started');
    }
  }
  return trace;
}
