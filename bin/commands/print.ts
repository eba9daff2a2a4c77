// What the commands print to stdout. A reader that stops early (`ksr-host api --json | head`)
// is no error: the command ends quietly with 0, as Unix tools do, instead of an EPIPE trace.

let guarded = false;

/** Installs the EPIPE handling once; every printing command goes through print(). */
export function endQuietlyOnClosedStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

/** Writes text and a newline (nothing for an empty text). */
export function print(text: string): void {
  endQuietlyOnClosedStdout();
  if (text) process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
