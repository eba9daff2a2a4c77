// The control endpoint's token: random, made at the first start in the state directory
// (directory 0700, file 0600), read from there by `ksr-host rpc`, compared in constant time.
// The token itself is never logged; only its path is.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_FILE = 'control-token';

export function tokenPath(stateDir: string): string {
  return join(stateDir, TOKEN_FILE);
}

export interface TokenSource {
  token: string;
  path: string;
  /** Made by this call (first start). */
  created: boolean;
  /** The file was readable by others and was set back to 0600. */
  tightened: boolean;
}

/** Reads the token of stateDir, making the directory and the token when there is none yet. */
export function ensureToken(stateDir: string): TokenSource {
  const path = tokenPath(stateDir);
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new Error(`state directory ${stateDir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); set state_dir or --state-dir`);
  }
  try {
    // hex: a token never starts with '-', which a command line would take for an option.
    // 'wx': made only if absent, so two servers starting at once do not overwrite each other's
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    return { token: readToken(stateDir), path, created: true, tightened: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(`${path}: cannot write the control token (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  let tightened = false;
  if ((statSync(path).mode & 0o077) !== 0) {
    chmodSync(path, 0o600);
    tightened = true;
  }
  return { token: readToken(stateDir), path, created: false, tightened };
}

/** The token in stateDir; an error that says where it looked. */
export function readToken(stateDir: string): string {
  const path = tokenPath(stateDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the control token ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give --state-dir, --config or --token`);
  }
  const token = text.trim();
  if (token.length < 16) throw new Error(`${path}: the control token is empty or too short; delete the file and restart the server to make a new one`);
  return token;
}

/** Constant-time comparison (of digests, so the lengths do not show either). */
export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
