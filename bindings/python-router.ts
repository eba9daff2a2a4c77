// Kamailio app_python3's legacy `Router.Logger` module, which Kamailio's own
// misc/examples/kemi Python script imports (`import Router.Logger as Logger`): each LM_*
// function is a KSR log function, named here as data (runtimes never name a KSR function);
// the Python guest builds the module from this table. Levels as Kamailio's dprint.h numbers them.
export const ROUTER_LOGGER = Object.freeze({
  functions: {
    LM_ALERT: 'KSR.crit',
    LM_CRIT: 'KSR.crit',
    LM_ERR: 'KSR.err',
    LM_WARN: 'KSR.warn',
    LM_NOTICE: 'KSR.notice',
    LM_INFO: 'KSR.info',
    LM_DBG: 'KSR.dbg',
  },
  levels: { L_ALERT: -5, L_BUG: -4, L_CRIT2: -3, L_CRIT: -2, L_ERR: -1, L_WARN: 0, L_NOTICE: 1, L_INFO: 2, L_DBG: 3 },
  /** The function LM_GEN1(level, msg) and LM_GEN2(facility, level, msg) call for a level (others: KSR.err). */
  byLevel: { '-5': 'KSR.crit', '-4': 'KSR.crit', '-3': 'KSR.crit', '-2': 'KSR.crit', '-1': 'KSR.err', '0': 'KSR.warn', '1': 'KSR.notice', '2': 'KSR.info', '3': 'KSR.dbg' },
});
