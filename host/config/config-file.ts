// Which config file the command line uses: the first of `--config FILE`, $KSR_HOST_CONFIG,
// ./ksr-host.yaml, /etc/ksr-host/ksr-host.yaml that exists, else the embedded defaults. A file
// the operator named (flag or environment) must exist: a typo there is an error, not a silent
// fall back to the defaults (which would open or create another store).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfigFile } from './load-config.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';

export const CONFIG_ENV = 'KSR_HOST_CONFIG';
export const LOCAL_CONFIG = './ksr-host.yaml';
export const SYSTEM_CONFIG = '/etc/ksr-host/ksr-host.yaml';

/** The order the config file is looked for, as the help text says it. */
export const CONFIG_SEARCH_ORDER = `--config FILE, $${CONFIG_ENV}, ${LOCAL_CONFIG}, ${SYSTEM_CONFIG} (the first that exists), else the embedded defaults`;

export interface ConfigChoice {
  /** The file used, absolute; null: the embedded defaults. */
  file: string | null;
  /** What named it: '--config', '$KSR_HOST_CONFIG', './ksr-host.yaml', '/etc/...', or 'embedded defaults'. */
  from: string;
}

export interface ConfigLookup {
  flag?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  exists?: (path: string) => boolean;
}

/** The config file to use (throws a ConfigError when --config or $KSR_HOST_CONFIG names a missing file). */
export function findConfigFile(lookup: ConfigLookup = {}): ConfigChoice {
  const env = lookup.env ?? process.env;
  const cwd = lookup.cwd ?? process.cwd();
  const exists = lookup.exists ?? existsSync;
  const named: Array<[string, string | undefined]> = [['--config', lookup.flag], [`$${CONFIG_ENV}`, env[CONFIG_ENV] || undefined]];
  for (const [from, file] of named) {
    if (file === undefined) continue;
    const path = resolve(cwd, file);
    if (!exists(path)) throw new ConfigError(`${from} names ${file}: expected a config file there, found none`);
    return { file: path, from };
  }
  for (const candidate of [LOCAL_CONFIG, SYSTEM_CONFIG]) {
    const path = resolve(cwd, candidate);
    if (exists(path)) return { file: path, from: candidate };
  }
  return { file: null, from: 'embedded defaults' };
}

/** "FILE (from WHERE)" or "embedded defaults (no config file found)", for the log and the help. */
export function describeConfig(choice: ConfigChoice): string {
  return choice.file === null ? 'embedded defaults (no config file found)' : `${choice.file} (from ${choice.from})`;
}

/** The settings of the config file found (or the embedded defaults), and which it was. */
export function loadFoundConfig(lookup: ConfigLookup = {}): { settings: Settings; config: ConfigChoice } {
  const config = findConfigFile(lookup);
  const settings = config.file === null ? structuredClone(DEFAULT_SETTINGS as Settings) : loadConfigFile(config.file);
  return { settings, config };
}
