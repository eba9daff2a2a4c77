// The command line's one exit-code rule: 0 done, 1 a runtime failure (a store, a server, a
// file that cannot be read), 2 a usage error (an unknown command or flag, a missing or bad
// argument, a config file that is not valid). Commander's own usage errors exit 2 as well
// (bin/cli.ts maps them).

export const EXIT_RUNTIME = 1;
export const EXIT_USAGE = 2;

/** Shown at the end of every --help. */
export const EXIT_CODES_HELP = 'Exit status: 0 done, 1 runtime failure (store, server, file), 2 usage error (unknown command or flag, missing or bad argument, bad config file).';

/** Bad input from the operator: exits 2. */
export class UsageError extends Error {}

/** The exit code an error thrown by a command stands for. */
export function exitCodeOf(e: unknown): number {
  return e instanceof UsageError || isConfigError(e) ? EXIT_USAGE : EXIT_RUNTIME;
}

// host/config/load-config.ts's ConfigError, known by its class name: importing it would load the
// config loader (yaml, ajv: ~150 ms) into every command, `--version` and `--help` included
function isConfigError(e: unknown): boolean {
  return e instanceof Error && e.constructor.name === 'ConfigError';
}
