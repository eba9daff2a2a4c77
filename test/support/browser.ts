// Headless Chromium for the browser tests: Debian's `chromium` package (installed by .ci/run),
// driven through playwright-core (no browser download). Fake media devices stand in for a
// microphone; the test CA's server certificate is trusted by its public key hash only, never by
// ignoring every certificate error.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian puts it; KSR_CHROMIUM names another binary. */
export const CHROMIUM = process.env.KSR_CHROMIUM ?? '/usr/bin/chromium';

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Skips the test when there is no Chromium, unless KSR_REQUIRE_TOOLS=1 (CI), where a missing
 * browser fails it. Returns whether the test may go on.
 */
export function chromiumOrSkip(t: { skip: (why: string) => void }): boolean {
  if (haveChromium()) return true;
  const why = `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium; or set KSR_CHROMIUM)`;
  if (process.env.KSR_REQUIRE_TOOLS === '1') throw new Error(`KSR_REQUIRE_TOOLS=1 but ${why}`);
  t.skip(why);
  return false;
}

export interface LaunchOptions {
  /** SHA-256 hashes (base64) of server public keys to accept although their CA is unknown (TestPki.spkiHash). */
  trustedSpki?: string[];
  /** Bound on the browser's start. */
  timeoutMs?: number;
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const args = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--disable-gpu', '--no-first-run'];
  if (opts.trustedSpki?.length) args.push(`--ignore-certificate-errors-spki-list=${opts.trustedSpki.join(',')}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args, timeout: opts.timeoutMs ?? 30_000 });
}
