// A small registry and context for runtime tests: the runtimes must work with any registry,
// so their tests use one whose behaviour is easy to observe. The real modules are tested in
// test/bindings and, through every runtime, in test/conformance.
import { defineModule, Dispatcher, KsrUsageError, Registry } from '../../bindings/registry.js';
import { MsgContext } from '../../host/core/context.js';
import type { CoreServices, LogLevel } from '../../host/core/services.js';
import type { SipMessage } from '../../host/sip/message.js';
import type { RuntimeOptions } from '../../runtimes/runtime.js';
import { RecordingCore } from '../support/sip-fixtures.js';

export interface Recorder {
  logs: { level: LogLevel; text: string }[];
  calls: string[];
}

export function testRegistry(rec: Recorder): Registry {
  const core = defineModule('', {
    info: { params: ['str'], returns: 'none', fn: (_c, s: string) => void rec.logs.push({ level: 'info', text: s }) },
  });
  const t = defineModule('t', {
    record: { params: ['str'], returns: 'int', fn: (_c, s: string) => (rec.calls.push(s), 1) },
    str: { params: [], returns: 'xval', fn: () => 'hello' },
    num: { params: [], returns: 'int', fn: () => 42 },
    yes: { params: [], returns: 'bool', fn: () => true },
    nothing: { params: [], returns: 'xval', fn: () => null },
    add: { params: ['int', 'int'], returns: 'int', fn: (_c, a: number, b: number) => a + b },
    fail_usage: { params: [], returns: 'int', fn: () => { throw new KsrUsageError('refused on purpose'); } },
    fail_host: { params: [], returns: 'int', fn: () => { throw new Error('secret host detail /etc/passwd'); } },
    host_object: { params: [], returns: 'xval', fn: () => 'plain' },
  });
  const x = defineModule('x', {
    // as KSR.x.exit: a guest may stop the callback itself (the JS one does), the others cross
    exit: { params: [], returns: 'none', fn: (c) => { c.stopped = true; return null; }, stops: true },
    drop: { params: [], returns: 'none', fn: (c) => { c.dropped = true; c.stopped = true; return null; } },
  });
  return new Registry([core, t, x]);
}

export function testRuntimeOptions(overrides: Partial<RuntimeOptions['limits']> = {}): { opts: RuntimeOptions; rec: Recorder } {
  const rec: Recorder = { logs: [], calls: [] };
  const dispatcher = new Dispatcher(testRegistry(rec));
  return { opts: { dispatcher, limits: { cpuMs: 100, memoryMb: 64, ...overrides } }, rec };
}

/** The test registry's functions never reach the core; one recording core serves every context. */
const quietCore: CoreServices = new RecordingCore({}, 0);

/** A context whose message is never read by the test registry. */
export function blankContext(): MsgContext {
  const rcv = { proto: 'udp' as const, srcIp: '127.0.0.1', srcPort: 5062, rcvIp: '127.0.0.1', rcvPort: 5060, conId: 0, receivedAt: Date.now() };
  return new MsgContext({} as SipMessage, rcv, new Map(), quietCore);
}

/**
 * A core whose log lines are kept as text, and a dispatcher over `registry` that notes each
 * KSR call reaching the host (its registry index): what a guest answered itself never shows.
 */
export function observedHost(registry: Registry): { core: RecordingCore; dispatcher: Dispatcher; logs: string[]; hostCalls: number[] } {
  const logs: string[] = [];
  const hostCalls: number[] = [];
  const core = new RecordingCore();
  (core as { logger: unknown }).logger = { log: (_level: string, text: string) => logs.push(text) };
  const dispatcher = new Dispatcher(registry);
  const passOn = dispatcher.call.bind(dispatcher);
  dispatcher.call = (index, args) => {
    hostCalls.push(index);
    return passOn(index, args);
  };
  return { core, dispatcher, logs, hostCalls };
}
