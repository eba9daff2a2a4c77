// KSR.xlog.*: log lines whose text is a format expanded against the message ($rm, $fu, $var(x),
// transformations), at Kamailio's levels, filtered by the debug level before any formatting.
// Logic in host/xlog/; the module declares xlog's $C(xy) colour PV.
import { defineModule, type KsrDeclaration } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { colorPv } from '../../host/xlog/colors.js';
import { FACILITY_NAMES, KAMAILIO_LEVELS, levelOfName } from '../../host/xlog/levels.js';
import { writeXlog } from '../../host/xlog/write-line.js';
import { xlogService, type XlogState } from '../../host/xlog/xlog-service.js';
import { decl } from './decl.js';

const settings = (ctx: MsgContext) => ctx.core.modules.get<XlogState>('xlog').settings;

const at = (fn: string, level: number): KsrDeclaration =>
  decl('str', 'int', (ctx, format: string) => writeXlog(ctx, settings(ctx), level, format, fn));

/** ki_xlog: an unknown level name logs at L_ERR, as Kamailio does. */
const levelOrErr = (name: string): number => levelOfName(name) ?? KAMAILIO_LEVELS.L_ERR;

export const xlogModule = defineModule(
  'xlog',
  {
    xdbg: at('xdbg', KAMAILIO_LEVELS.L_DBG),
    xinfo: at('xinfo', KAMAILIO_LEVELS.L_INFO),
    xnotice: at('xnotice', KAMAILIO_LEVELS.L_NOTICE),
    xwarn: at('xwarn', KAMAILIO_LEVELS.L_WARN),
    xerr: at('xerr', KAMAILIO_LEVELS.L_ERR),
    xalert: at('xalert', KAMAILIO_LEVELS.L_ALERT),
    // ki_xcrit logs at L_CRIT (the cfg function xcrit uses L_CRIT2): both are the server's crit
    xcrit: at('xcrit', KAMAILIO_LEVELS.L_CRIT),
    xlog: decl('str, str', 'int', (ctx, level: string, format: string) => writeXlog(ctx, settings(ctx), levelOrErr(level), format, 'xlog')),
    // the facility goes on the line as a field (the server log is JSON, not syslog)
    xlog_facility: decl('str, str, str', 'int', (ctx, level: string, facility: string, format: string) => {
      if (!FACILITY_NAMES.has(facility)) {
        ctx.core.logger.log('error', `KSR.xlog.xlog_facility: invalid syslog facility ${JSON.stringify(facility.slice(0, 40))} (expected LOG_LOCAL0..7, LOG_DAEMON, LOG_USER...)`);
        return -1;
      }
      return writeXlog(ctx, settings(ctx), levelOrErr(level), format, 'xlog_facility', facility);
    }),
  },
  { pvs: { C: colorPv }, service: xlogService },
);
