// The server's logger from its settings: JSON lines for a log collector (journald, Docker, a
// pipe), or pino-pretty's coloured lines for a person at a terminal. `log.format` in the config
// decides; absent (or 'auto'), a terminal on stdout means pretty and anything else JSON.
import { pino, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Settings } from '../config/settings.js';

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  /** Whether stdout is a terminal; default process.stdout.isTTY. */
  isTty?: boolean;
  /** Where lines go; default stdout (a test passes a stream). */
  destination?: NodeJS.WritableStream;
}

/** The format a logger writes: the config's, else pretty on a terminal and JSON elsewhere. */
export function logFormatFor(log: Settings['log'], isTty: boolean = process.stdout.isTTY === true): LogFormat {
  if (log.format === 'json' || log.format === 'pretty') return log.format;
  return isTty ? 'pretty' : 'json';
}

export function createLogger(settings: Pick<Settings, 'log'>, opts: LoggerOptions = {}): Logger {
  const format = logFormatFor(settings.log, opts.isTty ?? process.stdout.isTTY === true);
  const options = { level: settings.log.level };
  if (format === 'json') return opts.destination ? pino(options, opts.destination) : pino(options);
  return pino(options, prettyStream(opts));
}

/**
 * pino-pretty in this thread (no transport worker: a line is out before process.exit), time in
 * the local zone, without pid and hostname; a traced SIP message (`sip`, host/trace) printed as
 * the text it is, one header a line, rather than a JSON string of \r\n.
 */
function prettyStream(opts: LoggerOptions) {
  return pinoPretty({
    sync: true,
    colorize: (opts.isTty ?? process.stdout.isTTY === true) && pinoPretty.isColorSupported,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname',
    customPrettifiers: { sip: (text) => `\n${String(text).replace(/\r\n/g, '\n').trimEnd().replace(/^/gm, '      | ')}` },
    ...(opts.destination ? { destination: opts.destination } : {}),
  });
}
