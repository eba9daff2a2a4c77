// What the media relay tests share: a real rtpengine for the file (absent binary: null, the
// tests skip saying so), test cores whose module config points a relay module at it, stopped
// with the file, and the message as it would leave.
import { after, before } from 'node:test';
import type { MsgContext } from '../../host/core/context.js';
import { buildWithLumps } from '../../host/sip/builder.js';
import { RecordingCore } from '../support/sip-fixtures.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';
import { SKIP_RTPENGINE, startRtpengine, type RtpengineDaemon } from '../support/rtpengine.js';

export const built = (ctx: MsgContext): string => buildWithLumps(ctx.msg, ctx.lumps).toString('latin1');

export interface RelayFixture {
  /** The file's rtpengine, once `before` ran (null when the binary is absent). */
  readonly daemon: RtpengineDaemon | null;
  /** A test core with `module`'s config replaced by `config`; its module states are stopped after the file. */
  coreWith(config: Record<string, unknown>): RecordingCore;
}

export function relayFixture(module: 'rtpengine' | 'rtpproxy'): RelayFixture {
  let daemon: RtpengineDaemon | null = null;
  const cores: RecordingCore[] = [];
  before(async () => {
    if (!SKIP_RTPENGINE) daemon = await startRtpengine();
  });
  after(async () => {
    for (const c of cores) await c.modules.stop();
    await daemon?.stop();
  });
  return {
    get daemon() {
      return daemon;
    },
    coreWith(config) {
      const core = new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, [module]: config } });
      cores.push(core);
      return core;
    },
  };
}
